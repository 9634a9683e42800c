// The frames after a load ends, while the page collects the data's characters and rebuilds its font atlas
// (prints numbers; never a pass/fail test).
//   node web/tests/bench_glyph_frames.mjs SITE_DIR FILE
// Loads FILE through the page's #file-input in headless Chromium, then from the end of the load until the atlas
// is current (window.chorus.glyphs().current) and a second more prints one JSON line: the explorer's frames
// (window.chorus.frameStats(): total, ours, gl max), the main thread's long tasks (> 50 ms) that began after the
// load's end, the frames it took, the atlas' numbers (glyphs drawn by the browser, build and drawing ms) and the
// page's drawing calls after the load's end (batches: the first few as [glyphs, ms], the slowest call's ms, and the
// three slowest as [glyphs, ms, their first characters]).
// The file is opened once the page has warmed its fonts (window.chorus.fontWarmup.done), as a person would open it
// seconds after the page; NO_WARMUP=1 opens it at once (the warm-up then goes on during the load).
import path from 'node:path';
import { statSync } from 'node:fs';

import { startBench } from './helpers_browser.mjs';

const [siteDir, file] = process.argv.slice(2);
if (!siteDir || !file) {
  console.error('usage: node web/tests/bench_glyph_frames.mjs SITE_DIR FILE');
  process.exit(2);
}
const bench = await startBench(siteDir);
const { page } = bench;
if (process.env.DEBUG) page.on('console', (m) => { if (m.text().includes('DBG') || m.text().includes('chorus:')) console.log(m.text()); });
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__long.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ entryTypes: ['longtask'] });
  // The load's end, as the module learns it (before any frame can collect its characters).
  const api = window.chorusGlue.api;
  const loadEnd = api.loadEnd;
  api.loadEnd = (...args) => {
    const result = loadEnd(...args);
    window.__loadEnd = performance.now();
    window.chorus.frameStats();  // starts over: the frames from here on
    return result;
  };
  // Each call of the page's glyph drawing (chorus.js, drawGlyphs) that the atlas makes after the load's end.
  window.__batches = [];
  const core = window.chorusGlue.core;
  const drawGlyphs = core.chorusDrawGlyphs;
  core.chorusDrawGlyphs = (codes, pixelSize) => {
    const t = performance.now();
    const drawn = drawGlyphs(codes, pixelSize);
    const ms = +(performance.now() - t).toFixed(1);
    const named = (c) => (typeof c === 'string' ? c : `U+${c.toString(16).toUpperCase()}`);
    if (window.__loadEnd) window.__batches.push([codes.length, ms, codes.slice(0, 8).map(named)]);
    return drawn;
  };
});
let warmup = null;
if (!process.env.NO_WARMUP) {
  await page.waitForFunction(() => !window.chorus.fontWarmup || window.chorus.fontWarmup.done, undefined,
    { timeout: 60000, polling: 50 });
  warmup = await page.evaluate(() => window.chorus.fontWarmup);
}
await page.setInputFiles('#file-input', file);
await page.waitForFunction(() => window.chorus.loading, undefined, { timeout: 30000 });
await page.waitForFunction(() => !window.chorus.loading && window.__loadEnd, undefined, { timeout: 30 * 60000, polling: 100 });
await page.waitForFunction(() => window.chorus.glyphs().current, undefined, { timeout: 10 * 60000, polling: 20 });
const currentAfter = await page.evaluate(() => performance.now() - window.__loadEnd);
await page.waitForTimeout(1000);
const r = await page.evaluate(() => ({
  frames: window.chorus.frameStats(), glyphs: window.chorus.glyphs(), posts: window.chorus.summary().posts,
  long: window.__long.filter((t) => t.start >= window.__loadEnd - 5).map((t) => Math.round(t.ms)),
  all: window.__long.map((t) => [Math.round(t.start - window.__loadEnd), Math.round(t.ms)]),
  batches: window.__batches,
}));
console.log(JSON.stringify({
  file: path.basename(file), MB: +(statSync(file).size / 1e6).toFixed(1), posts: r.posts,
  current_after_ms: Math.round(currentAfter), frames: r.frames.frames,
  frame_max_ms: Math.round(r.frames.total.max), ours_max_ms: Math.round(r.frames.ours.max),
  gl_max_ms: Math.round(r.frames.gl.max), imgui_max_ms: Math.round(r.frames.imgui.max), over50: r.frames.over50,
  long_tasks_after_load: r.long.sort((a, b) => b - a).slice(0, 8),
  all_long: process.env.DEBUG ? r.all : undefined,
  batches: { first: r.batches.slice(0, 4).map(([n, ms]) => [n, ms]), count: r.batches.length,
    max_ms: Math.max(0, ...r.batches.map(([, ms]) => ms)),
    slowest: r.batches.slice().sort((a, b) => b[1] - a[1]).slice(0, 3) },
  warmup: warmup ? { done: warmup.done, steps: warmup.steps.length } : null,
  atlas: { requested: r.glyphs.requested, from_browser: r.glyphs.from_browser, clusters: r.glyphs.clusters,
    build_ms: r.glyphs.build_ms, browser_ms: r.glyphs.browser_ms, builds: r.glyphs.builds },
}));
await bench.close();
