// Long tasks during a load (prints numbers; never a pass/fail test).
//   node web/tests/bench_load_tasks.mjs SITE_DIR FILE [--workers N] [--range-mb MB]
// Loads FILE through the page's #file-input in headless Chromium and prints one JSON line: the main thread's
// long tasks (> 50 ms, PerformanceObserver 'longtask') from the drop to the end of the load, and the page's calls
// into the module (window.chorusGlue.api, timed around each call) that took over 50 ms, by name: count and
// max ms; and the explorer's own frames (window.chorus.frameStats()) over 50 ms. What neither explains is the
// browser's work (copies into the module's memory, messages, garbage collection).
import path from 'node:path';
import { statSync } from 'node:fs';

import { startBench } from './helpers_browser.mjs';

const [siteDir, file] = process.argv.slice(2);
const option = (name) => { const at = process.argv.indexOf(name); return at > 0 ? Number(process.argv[at + 1]) : 0; };
if (!siteDir || !file) {
  console.error('usage: node web/tests/bench_load_tasks.mjs SITE_DIR FILE [--workers N] [--range-mb MB]');
  process.exit(2);
}
const workerOptions = { enabled: true };
if (option('--workers')) workerOptions.workers = option('--workers');
if (option('--range-mb')) workerOptions.rangeBytes = Math.round(option('--range-mb') * (1 << 20));

const bench = await startBench(siteDir);
const { page } = bench;
await page.evaluate((options) => {
  Object.assign(window.chorus.workerOptions, options);
  window.__long = [];
  window.__calls = {};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (window.__recording) window.__long.push(entry.duration);
  }).observe({ entryTypes: ['longtask'] });
  const api = window.chorusGlue.api;
  for (const name of Object.keys(api)) {
    const call = api[name];
    api[name] = (...args) => {
      const t = performance.now();
      try { return call(...args); } finally {
        const ms = performance.now() - t;
        if (ms > 50 && window.__recording) {
          const c = window.__calls[name] || (window.__calls[name] = { count: 0, max_ms: 0 });
          c.count += 1;
          c.max_ms = Math.max(c.max_ms, Math.round(ms));
        }
      }
    };
  }
  window.__recording = true;
  window.chorus.frameStats();   // starts the explorer's frame clock over
}, workerOptions);
const start = Date.now();
await page.setInputFiles('#file-input', file);
await page.waitForFunction(() => window.chorus.loading, undefined, { timeout: 30000 });
await page.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined, { timeout: 30 * 60000, polling: 200 });
const wall = (Date.now() - start) / 1000;
await page.waitForTimeout(200);   // the long task that ended the load is reported after it
const result = await page.evaluate(() => {
  window.__recording = false;
  const long = window.__long.slice().sort((a, b) => b - a);
  return { long, calls: window.__calls, load: window.chorus.lastLoad, posts: window.chorus.summary().posts,
    frames: window.chorus.frameStats() };
});
console.log(JSON.stringify({
  file: path.basename(file), MB: +(statSync(file).size / 1e6).toFixed(1), posts: result.posts,
  load_seconds: +result.load.seconds.toFixed(3), wall_seconds: +wall.toFixed(1),
  long_tasks: result.long.length, long_max_ms: result.long.length ? Math.round(result.long[0]) : 0,
  long_top: result.long.slice(0, 8).map(Math.round), long_calls: result.calls,
  explorer_frames: result.frames.frames, explorer_over_50ms: result.frames.over50,
  explorer_max_ms: Math.round(result.frames.total.max), explorer_ours_max_ms: Math.round(result.frames.ours.max),
  read_wait_seconds: +result.load.readWaitSeconds.toFixed(3), parse_seconds: +result.load.parseSeconds.toFixed(3),
  workers: result.load.workers, ranges: result.load.ranges, merge_seconds: +(result.load.mergeSeconds || 0).toFixed(3),
}));
await bench.close();
