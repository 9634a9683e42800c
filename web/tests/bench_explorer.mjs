// Explorer walkthrough benchmark (prints numbers; never a pass/fail test).
//   node web/tests/bench_explorer.mjs SITE_DIR FILE.chorus [--screenshot OUT.png] [--brushes N] [--text-on-disk]
//        [--phrase QUERY]
// Opens FILE (a .chorus snapshot, or any dump) through the page's #file-input in headless Chromium, then
// measures requestAnimationFrame intervals (p50/p95/max) while it shift-drag brushes the timeline repeatedly
// and while it types a query, and the time from a filter change (a key that changes the query, a brush let go)
// to the first frame whose selection reflects it, and to the frame where every number of that selection is
// counted (the explorer counts them a slice per frame, "updating" until complete: shell/explorer_counting.cpp).
// --text-on-disk leaves a snapshot's text in the file whatever the budget (COUNTING.md rule 84); --phrase times a
// word query (over on-disk text: its streaming scan, rule 85). Beside each phase's rAF intervals it prints the
// explorer's own work per frame (window.chorus.frameStats(), web/src/frame_clock.hpp: ours vs ImGui + GL submission),
// and while loading the main thread's long tasks (over 50 ms, PerformanceObserver 'longtask': work outside frames too).
// --no-vsync starts Chromium with --disable-gpu-vsync --disable-frame-rate-limit (intervals no longer whole vsyncs).
// Then the timeline alone: pan_zoom (wheel, drag), toggles (stacked by type, log scale), series (the second most used
// hashtag compared): rAF intervals, our work, and done_ms from each action until the explorer is no longer updating.
// Prints one JSON line.
import path from 'node:path';
import { statSync } from 'node:fs';

import { startBench } from './helpers_browser.mjs';

const [siteDir, file] = process.argv.slice(2);
const option = (name, fallback) => { const at = process.argv.indexOf(name); return at > 0 ? process.argv[at + 1] : fallback; };
const shot = option('--screenshot', null);
const brushes = Number(option('--brushes', 12));
const textOnDisk = process.argv.includes('--text-on-disk');
const phrase = option('--phrase', null);
const noVsync = process.argv.includes('--no-vsync');
if (!siteDir || !file) {
  console.error('usage: node web/tests/bench_explorer.mjs SITE_DIR FILE [--screenshot OUT.png] [--brushes N]');
  process.exit(2);
}

const bench = await startBench(siteDir, undefined, noVsync ? ['--disable-gpu-vsync', '--disable-frame-rate-limit'] : []);
const { page, pageErrors } = bench;

// Frame intervals, recorded between start() and stop(); a filter change's latency: keydown / mouseup (capture,
// before the module sees it) to the first animation frame whose selection differs from the one before.
await page.evaluate(() => {
  const b = window.__bench = { frames: [], recording: false, pending: null, latencies: [], complete: [] };
  const selection = () => { const s = window.chorus.selection(); return { key: JSON.stringify({ ...s, updating: undefined }), updating: !!s.updating }; };
  let last = performance.now();
  const tick = (t) => {
    if (b.recording) b.frames.push(t - last);
    last = t;
    if (b.pending) {
      const s = selection();
      if (!b.pending.shown && s.key !== b.pending.before) {
        b.latencies.push({ kind: b.pending.kind, ms: performance.now() - b.pending.t0 });
        b.pending.shown = true;
      }
      if (b.pending.shown && !s.updating) { b.complete.push({ kind: b.pending.kind, ms: performance.now() - b.pending.t0 }); b.pending = null; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const arm = (kind) => () => { b.pending = { kind, t0: performance.now(), before: selection().key, shown: false }; };
  window.addEventListener('keydown', (e) => { if (b.armKeys) arm('query')(e); }, true);
  window.addEventListener('mouseup', arm('brush'), true);
});
const start = () => page.evaluate(() => { window.__bench.frames = []; window.__bench.recording = true; window.chorus.frameStats(); });
const stop = () => page.evaluate(() => {
  window.__bench.recording = false;
  window.__bench.work = window.chorus.frameStats();
  return window.__bench.frames.slice().sort((a, b) => a - b);
});
const work = () => page.evaluate(() => window.__bench.work);
const stats = (frames) => {
  const p = (q) => +frames[Math.min(frames.length - 1, Math.floor(q * frames.length))].toFixed(1);
  return frames.length ? { frames: frames.length, p50: p(0.5), p95: p(0.95), max: +frames[frames.length - 1].toFixed(1) } : null;
};

// Waits for the armed change to show (a brush may already have shown while dragging: then nothing changes at
// mouseup, and after 10 s the wait gives up and disarms).
const settled = () => page.waitForFunction(() => window.__bench.pending === null, undefined, { timeout: 10000, polling: 20 })
  .catch(() => page.evaluate(() => { window.__bench.pending = null; }));

if (textOnDisk) await page.evaluate(() => { window.chorus.textOnDisk = true; });
await page.evaluate(() => {
  const tasks = window.__bench.longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask' });
});
await start();
const t0 = Date.now();
await page.setInputFiles('#file-input', file);
await page.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined, { timeout: 60 * 60000, polling: 200 });
const loading = stats(await stop());
const loadingWork = await work();
const longTasks = await page.evaluate(() => { const d = window.__bench.longTasks.slice().sort((a, b) => a - b); window.__bench.longTasks = null;
  return { n: d.length, max: d.length ? +d[d.length - 1].toFixed(1) : 0, over100: d.filter((x) => x > 100).length }; });
const wallSeconds = (Date.now() - t0) / 1000;
// A new dataset's index is prepared over frames after the load (COUNTING.md rule 112): the view is ready when the
// timeline is drawn and nothing is updating. ready_seconds: from the end of the load to then; its frames below.
const tReady = Date.now();
await start();
await page.waitForFunction(() => window.chorus.items().some((i) => i.label === 'Timeline') &&
  !window.chorus.selection().updating, undefined, { timeout: 10 * 60000, polling: 100 });
const readySeconds = (Date.now() - tReady) / 1000;
const readying = stats(await stop());
const readyWork = await work();
const load = await page.evaluate(() => window.chorus.lastLoad);
const status = await page.evaluate(() => document.getElementById('status').textContent);
const summary = await page.evaluate(() => window.chorus.summary());
await page.waitForTimeout(1000);
const memoryMB = await page.evaluate(() => performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1e6) : null);

// Idle frames: what drawing the loaded view costs.
await start();
await page.waitForTimeout(2000);
const idle = stats(await stop());
const idleWork = await work();

// Brushing: shift-drag across different stretches of the timeline.
const timeline = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Timeline');
if (!timeline) throw new Error(`no Timeline item (status: ${status}; posts: ${summary.posts}; items: ${(await page.evaluate(() => window.chorus.items())).map((i) => i.label).join(', ')})`);
const y = timeline.y + timeline.h / 2;
await start();
for (let i = 0; i < brushes; i++) {
  const from = 0.05 + 0.8 * ((i * 0.37) % 1), to = Math.min(0.98, from + 0.05 + 0.1 * (i % 3));
  await page.keyboard.down('Shift');
  await page.mouse.move(timeline.x + timeline.w * from, y);
  await page.mouse.down();
  await page.mouse.move(timeline.x + timeline.w * to, y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await settled();
}
const brushing = stats(await stop());
const brushWork = await work();
const afterBrush = await page.evaluate(() => window.chorus.selection());

// Typing a query: the most used hashtag, a key at a time (each key changes the query and recomputes everything).
const items = await page.evaluate(() => window.chorus.items());
const queryBox = items.find((i) => i.label === 'Query');
if (!queryBox) throw new Error('no Query item');
await page.mouse.click(queryBox.x + queryBox.w / 2, queryBox.y + queryBox.h / 2);
const query = summary.top_hashtags.length ? `#${summary.top_hashtags[0][0]}` : 'a';
await page.evaluate(() => { window.__bench.armKeys = true; });
await start();
for (const key of query) {
  await page.keyboard.type(key);
  await settled();
}
const typing = stats(await stop());
const typingWork = await work();
await page.evaluate(() => { window.__bench.armKeys = false; });
// The query's numbers once counted (read earlier, the selection shown can still be the previous prefix's, e.g. "#MeTo").
await page.waitForFunction(() => !window.chorus.selection().updating, undefined, { timeout: 5 * 60000, polling: 100 });
const afterQuery = await page.evaluate(() => window.chorus.selection());
const latencies = await page.evaluate(() => window.__bench.latencies);
const complete = await page.evaluate(() => window.__bench.complete);
const latencyOf = (kind, list = latencies) => {
  const ms = list.filter((l) => l.kind === kind).map((l) => l.ms).sort((a, b) => a - b);
  return ms.length ? { n: ms.length, p50: +ms[Math.floor(ms.length / 2)].toFixed(1), max: +ms[ms.length - 1].toFixed(1) } : null;
};

// The timeline's own interactions (no new selection): pan and zoom, the stacked / log toggles, a compared series.
// Each phase: rAF intervals, our work per frame, and done_ms: from each action until the explorer no longer says
// "updating" (its selection's pieces complete; layers are counted in the frames the action drew).
const quiet = async (t0) => {
  await page.waitForFunction(() => { const s = window.chorus.selection(); return !s.updating; }, undefined, { timeout: 60000, polling: 16 })
    .catch(() => null);
  return Date.now() - t0;
};
const phase = async (act) => {
  await start();
  const done = [];
  for (const a of act) { const t0 = Date.now(); await a(); done.push(await quiet(t0)); }
  const frames = stats(await stop());
  done.sort((a, b) => a - b);
  return { ...frames, work: await work(), done_ms: { p50: done[Math.floor(done.length / 2)], max: done[done.length - 1] } };
};
const cx = timeline.x + timeline.w / 2;
const panZoom = await phase([
  ...Array.from({ length: 6 }, (_, i) => async () => { await page.mouse.move(cx, y); await page.mouse.wheel(0, i < 3 ? -240 : 240); await page.waitForTimeout(50); }),
  ...Array.from({ length: 4 }, (_, i) => async () => {
    await page.mouse.move(cx, y); await page.mouse.down(); await page.mouse.move(cx + (i % 2 ? -1 : 1) * timeline.w * 0.2, y, { steps: 12 }); await page.mouse.up();
  }),
]);
const clickLabel = async (label) => {
  const item = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label}`);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await page.waitForTimeout(100);
};
const toggles = await phase(['Stacked by type', 'Log scale', 'Stacked by type', 'Log scale'].map((label) => () => clickLabel(label)));
const second = summary.top_hashtags.length > 1 ? `#${summary.top_hashtags[1][0]}` : 'a';
const series = await phase([async () => {
  await clickLabel('Compare query');
  await page.keyboard.insertText(second);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}]);
if (shot) await page.screenshot({ path: shot });

// A word query typed at once: seconds until its count is final (over on-disk text, when its scan has ended).
let phraseResult = null;
if (phrase) {
  for (let i = 0; i < query.length; ++i) await page.keyboard.press('Backspace');
  const scans0 = await page.evaluate(() => window.chorus.textStatus().scans);
  const p0 = Date.now();
  await page.keyboard.insertText(phrase);
  await page.waitForFunction(([q, disk]) => {
    const s = window.chorus.textStatus();
    return window.chorus.selection().query === q && (!disk || (s.scans > 0 && !s.pumping));
  }, [phrase, textOnDisk], { timeout: 30 * 60000, polling: 100 });
  await page.waitForTimeout(200);
  phraseResult = { query: phrase, seconds: +((Date.now() - p0) / 1000).toFixed(2), posts: (await page.evaluate(() => window.chorus.selection())).posts,
    pieces: (await page.evaluate(() => window.chorus.textStatus().scans)) - scans0 };
}
const text = await page.evaluate(() => window.chorus.textStatus());

console.log(JSON.stringify({
  file: path.basename(file), MB: +(statSync(file).size / 1e6).toFixed(1), posts: summary.posts, status,
  load_seconds: +load.seconds.toFixed(2), load_in_module_seconds: +load.parseSeconds.toFixed(2), load_wall_seconds: +wallSeconds.toFixed(2),
  js_heap_MB: memoryMB, wasm_heap_MB: await page.evaluate(() => Math.round(window.chorus.heapBytes() / 1e6)),
  wasm_in_use_MB: Math.round(text.memoryInUse / 1e6), text_on_disk: text.onDisk, phrase: phraseResult,
  idle_frame_ms: idle, brush_frame_ms: brushing, typing_frame_ms: typing, loading_frame_ms: loading, no_vsync: noVsync,
  idle_work_ms: idleWork, brush_work_ms: brushWork, typing_work_ms: typingWork, loading_work_ms: loadingWork,
  pan_zoom: panZoom, toggles, series: { query: second, ...series },
  loading_long_tasks_ms: longTasks, ready_seconds: +readySeconds.toFixed(2), ready_frame_ms: readying, ready_work_ms: readyWork,
  brush_to_selection_ms: latencyOf('brush'), key_to_selection_ms: latencyOf('query'),
  brush_to_complete_ms: latencyOf('brush', complete), key_to_complete_ms: latencyOf('query', complete),
  after_brush: { posts: afterBrush.posts, brush: afterBrush.brush }, after_query: { query: afterQuery.query, posts: afterQuery.posts },
  page_errors: pageErrors,
}));
await bench.close();
