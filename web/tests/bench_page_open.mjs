// The page's opening (prints numbers; never a pass/fail test).
//   node web/tests/bench_page_open.mjs SITE_DIR [SECONDS]
// Opens the page in headless Chromium, with no data, and prints one JSON line after SECONDS (4) past the moment the
// module is ready: when it became ready, the main thread's long tasks (> 50 ms) since navigation as [start, ms], and
// the page's font warm-up (window.chorus.fontWarmup: the scripts drawn once, each with its ms, and the longest).
import path from 'node:path';

import { launchChromium } from './helpers_browser.mjs';
import { startStatic } from './servers.mjs';

const [siteDir, seconds = '4'] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node web/tests/bench_page_open.mjs SITE_DIR [SECONDS]');
  process.exit(2);
}
const site = await startStatic(path.resolve(siteDir));
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(`${site.origin}/`);
await page.waitForFunction(() => window.chorus && window.chorus.ready, undefined, { timeout: 60000, polling: 10 });
const readyMs = await page.evaluate(() => Math.round(performance.now()));
await page.waitForTimeout(Number(seconds) * 1000);
const r = await page.evaluate(() => ({ long: window.__long, warmup: window.chorus.fontWarmup }));
const after = r.long.filter(([start]) => start >= readyMs);
console.log(JSON.stringify({
  ready_ms: readyMs, long_tasks: r.long, long_after_ready: after.length,
  longest_after_ready_ms: Math.max(0, ...after.map(([, ms]) => ms)),
  font_warmup: r.warmup && { done: r.warmup.done, pixel_size: r.warmup.pixelSize,
    longest_ms: Math.max(0, ...r.warmup.steps.map(([, ms]) => ms)), steps: r.warmup.steps },
}));
await browser.close();
site.close();
