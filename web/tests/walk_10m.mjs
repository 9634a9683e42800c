// The walkthrough of issue 5, short, on a large dump (prints numbers; not part of ./test).
//   node web/tests/walk_10m.mjs SITE_DIR FILE.chorus [--shots DIR]
// Opens FILE through #file-input in headless Chromium (as web/tests/bench_explorer.mjs), then does what
// cases_walkthrough.mjs does on the #MeToo CSV: types the query with the keyboard (`/`, keys, Enter),
// zooms with the wheel to the tallest bin until the bins are hours, asks what drove the peak hour (right-click),
// zooms to minutes and opens a peak's "what drove it" popup where a marker shows,
// brushes the peak hour, reads the reader, adds a compared series, exports the hashtags list. Prints one
// JSON line per step: requestAnimationFrame intervals (p50/p95/max, ms) while the step ran, and what the
// page shows after it. Screenshots of each step with --shots.
import path from 'node:path';
import { mkdirSync } from 'node:fs';

import { startBench } from './helpers_browser.mjs';

const [siteDir, file] = process.argv.slice(2);
const option = (name, fallback) => { const at = process.argv.indexOf(name); return at > 0 ? process.argv[at + 1] : fallback; };
const shots = option('--shots', null);
if (!siteDir || !file) {
  console.error('usage: node web/tests/walk_10m.mjs SITE_DIR FILE [--shots DIR]');
  process.exit(2);
}
const HOUR = 3600;

const bench = await startBench(siteDir, { downloads: true });
const { page, pageErrors } = bench;
await page.evaluate(() => {
  const b = window.__walk = { frames: [], recording: false };
  let last = performance.now();
  const tick = (t) => { if (b.recording) b.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
const stats = (frames) => {
  frames.sort((a, b) => a - b);
  const p = (q) => +frames[Math.min(frames.length - 1, Math.floor(q * frames.length))].toFixed(1);
  return frames.length ? { frames: frames.length, p50: p(0.5), p95: p(0.95), max: +frames[frames.length - 1].toFixed(1) } : null;
};
const wait = (fn, arg, timeout = 60000) => page.waitForFunction(fn, arg, { timeout, polling: 50 }).catch(() => false);
const items = () => page.evaluate(() => window.chorus.items());
const item = async (label) => (await items()).find((i) => i.label === label);
const view = () => page.evaluate(() => window.chorus.view());
const selection = () => page.evaluate(() => window.chorus.selection());
const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const frames = (n) => page.evaluate((k) => new Promise((done) => {
  const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
  step(k);
}), n);

// Runs `fn` as one step: frame intervals while it runs (and 2 frames after), a screenshot, one JSON line.
async function step(name, fn) {
  await page.evaluate(() => { window.__walk.frames = []; window.__walk.recording = true; });
  const t0 = Date.now();
  const shows = await fn();
  await frames(2);
  const ms = stats(await page.evaluate(() => { window.__walk.recording = false; return window.__walk.frames.slice(); }));
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `walk10m-${name}.png`) });
  }
  console.log(JSON.stringify({ step: name, seconds: +((Date.now() - t0) / 1000).toFixed(2), frame_ms: ms, ...shows }));
}

const t0 = Date.now();
await page.setInputFiles('#file-input', file);
await page.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined, { timeout: 60 * 60000, polling: 200 });
const summary = await page.evaluate(() => window.chorus.summary());
console.log(JSON.stringify({ step: 'load', file: path.basename(file), posts: summary.posts, wall_seconds: +((Date.now() - t0) / 1000).toFixed(1) }));
await step('idle', async () => { await page.waitForTimeout(2000); return {}; });

const query = summary.top_hashtags.length ? `#${summary.top_hashtags[0][0].toLowerCase()}` : 'a';
await step('query', async () => {
  await page.mouse.move(5, 795);
  await page.keyboard.type('/');
  await page.keyboard.type(query, { delay: 30 });
  await page.keyboard.press('Enter');
  await wait((q) => window.chorus.selection().query === q, query);
  // Typed while the index may still be prepared (COUNTING.md rule 112): the query's numbers come once it is ready.
  await page.waitForFunction(() => window.chorus.items().some((i) => i.label === 'Timeline') &&
    !window.chorus.selection().updating, undefined, { timeout: 10 * 60000, polling: 100 });
  return { selection: await selection() };
});

const timeline = await item('Timeline');
const y = timeline.y + timeline.h * 0.5;
// The plot's x of a time: the Timeline item less its left margin for the counts (a first guess, calibrated
// by a shift-drag whose brush gives the plot's left edge and width; "Clear range" then clears it).
let plotX0 = timeline.x + 50, plotW = timeline.w - 54;
const xOf = (v, s) => plotX0 + (s - v.start) / (v.end - v.start) * plotW;
const tallest = (v) => { let at = 0; v.counts.forEach((c, i) => { if (c > v.counts[at]) at = i; }); return at; };
const drag = async (x0, x1, shift = true) => {
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await page.mouse.move(x1, y, { steps: 8 });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
};
const zoomTo = async (done) => {
  for (let notch = 0; notch < 60; notch++) {
    const v = await view();
    if (done(v)) break;
    await page.mouse.move(plotX0 + plotW / 2, y);
    await page.mouse.wheel(0, -100);
    await wait((s) => window.chorus.view().start !== s, v.start, 20000);
  }
};
let peak = null;
await step('zoom-to-hours', async () => {
  const fitted = await view();
  const day = tallest(fitted);
  const [a, b] = [fitted.edges[day], fitted.edges[day + 1]];
  await drag(xOf(fitted, a), xOf(fitted, b));
  await wait(() => window.chorus.selection().brush !== null, undefined, 20000);
  const first = (await selection()).brush;
  const xa = xOf(fitted, a), xb = xOf(fitted, b), span = fitted.end - fitted.start;
  plotW = (xb - xa) / ((first[1] - 0.5 - (first[0] + 0.5)) / span);
  plotX0 = xa - (first[0] + 0.5 - fitted.start) / span * plotW;
  await page.mouse.click(...(await item('Clear range').then((i) => [i.x + i.w / 2, i.y + i.h / 2])));
  await wait(() => window.chorus.selection().brush === null, undefined, 20000);
  await drag(xOf(fitted, (a + b) / 2), plotX0 + plotW / 2, false);   // the tallest day to the middle
  await wait((s) => window.chorus.view().start !== s, fitted.start, 20000);
  await zoomTo((v) => v.step === HOUR && v.end - v.start <= 40 * HOUR);
  const v = await view();
  const at = tallest(v);
  peak = { start: v.edges[at], count: v.counts[at] };
  await page.mouse.move(xOf(v, peak.start + HOUR / 2), timeline.y + timeline.h * 0.7);
  await page.waitForTimeout(300);
  return { step_seconds: v.step, view: [iso(v.start), iso(v.end)], peak_hour: iso(peak.start), peak_count: peak.count };
});

await step('bin-drivers', async () => {
  // What drove the peak hour (rule 105): right-click its bar, "What drove this bin", the popup's drivers.
  const v = await view();
  await page.mouse.click(xOf(v, peak.start + HOUR / 2), timeline.y + timeline.h * 0.7, { button: 'right' });
  await wait(() => window.chorus.items().some((i) => i.label === 'What drove this bin'), undefined, 20000);
  const ask = await item('What drove this bin');
  if (!ask) return { opened: false };
  await page.mouse.click(ask.x + ask.w / 2, ask.y + ask.h / 2);
  await wait(() => window.chorus.items().some((i) => i.label === 'Brush this bin'), undefined, 20000);
  const drivers = (await items()).map((i) => i.label).filter((l) => /^(#|from:|domain:)/.test(l));
  // Closed by a click under the timeline on the side away from the popup.
  const brushBin = await item('Brush this bin');
  const awayX = brushBin && brushBin.x > timeline.x + timeline.w / 2 ? timeline.x + 70 : timeline.x + timeline.w - 10;
  await page.mouse.click(awayX, timeline.y + timeline.h + 10);
  await wait(() => !window.chorus.items().some((i) => i.label === 'Brush this bin'), undefined, 20000);
  return { opened: true, drivers };
});

await step('peak-popup', async () => {
  // Zoom on the peak hour until the bins are minutes: its minute peaks get markers.
  const v0 = await view();
  await drag(xOf(v0, peak.start + HOUR / 2), plotX0 + plotW / 2, false);
  await wait((s) => window.chorus.view().start !== s, v0.start, 20000);
  await zoomTo((v) => v.end - v.start < 2.5 * HOUR);
  const v = await view();
  const markers = (await items()).filter((i) => /^Peak \d/.test(i.label));
  if (!markers.length) return { view: [iso(v.start), iso(v.end)], step_seconds: v.step, markers: 0 };
  const inHour = markers.filter((m) => { const s = Date.parse(m.label.slice(5)) / 1000; return s >= peak.start && s < peak.start + HOUR; });
  const m = (inHour.length ? inHour : markers)[0];
  await page.mouse.click(m.x + m.w / 2, m.y + m.h / 2);
  await wait(() => window.chorus.items().some((i) => i.label === 'Brush this peak'), undefined, 20000);
  const popup = (await items()).map((i) => i.label).filter((l) => /^(#|from:|domain:)/.test(l));
  return { view: [iso(v.start), iso(v.end)], step_seconds: v.step, markers: markers.length, in_peak_hour: inHour.length, opened: m.label, drivers: popup };
});

await step('brush-peak-hour', async () => {
  await page.mouse.click(timeline.x + timeline.w - 8, timeline.y + timeline.h + 10);   // closes the popup
  await wait(() => !window.chorus.items().some((i) => i.label === 'Brush this peak'), undefined, 20000);
  const v = await view();
  await drag(xOf(v, peak.start), xOf(v, peak.start + HOUR - 1));
  await wait(() => window.chorus.selection().brush !== null, undefined, 20000);
  await page.waitForTimeout(500);
  const s = await selection();
  return { selection: { posts: s.posts, brush: s.brush && s.brush.map(iso) }, peak_count: peak.count };
});

await step('reader-scroll', async () => {
  const first = await item('Post 1');
  if (!first) return { reader_rows: 0 };
  await page.mouse.move(first.x + first.w / 2, first.y + first.h / 2);
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, 300); await frames(2); }
  const rows = (await items()).filter((i) => /^Post \d+$/.test(i.label)).map((i) => i.label);
  return { reader_rows_visible: rows.length, first_visible: rows[0] };
});

await step('compare', async () => {
  const field = await item('Compare query');
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  const other = summary.top_hashtags.length > 1 ? `#${summary.top_hashtags[1][0]}` : 'b';
  await page.keyboard.type(other, { delay: 30 });
  await page.keyboard.press('Enter');
  await wait((q) => window.chorus.items().some((i) => i.label.startsWith(`Series ${q} `)), other, 30000);
  return { legend: (await items()).filter((i) => i.label.startsWith('Series ')).map((i) => i.label) };
});

await step('export-hashtags', async () => {
  const button = await item('Export hashtags');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }),
    page.mouse.click(button.x + button.w / 2, button.y + button.h / 2)]);
  return { download: download.suggestedFilename(), saved: await page.evaluate(() => window.chorus.lastSave) };
});

console.log(JSON.stringify({ step: 'end', page_errors: pageErrors }));
await bench.close();
