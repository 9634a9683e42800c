// Browser ingest benchmark (prints numbers; never a pass/fail test).
//   node web/tests/bench_browser.mjs SITE_DIR FILE [--screenshot OUT.png] [--sequential] [--workers N]
//                                                  [--range-mb MB]
// Loads FILE through the page's #file-input in headless Chromium (in the page's ingest workers unless
// --sequential), reads the same File with File.stream() and no parsing before and after, and prints both
// rates, their ratio, frame times during the load and the workers and ranges used as one JSON line.
import path from 'node:path';
import { statSync } from 'node:fs';

import { startBench } from './helpers_browser.mjs';

const [siteDir, file] = process.argv.slice(2);
const shotAt = process.argv.indexOf('--screenshot');
const shot = shotAt > 0 ? process.argv[shotAt + 1] : null;
const option = (name) => { const at = process.argv.indexOf(name); return at > 0 ? Number(process.argv[at + 1]) : 0; };
const workerOptions = { enabled: !process.argv.includes('--sequential') };
if (option('--workers')) workerOptions.workers = option('--workers');
if (option('--range-mb')) workerOptions.rangeBytes = Math.round(option('--range-mb') * (1 << 20));
if (!siteDir || !file) {
  console.error('usage: node web/tests/bench_browser.mjs SITE_DIR FILE [--screenshot OUT.png]');
  process.exit(2);
}

const bench = await startBench(siteDir);
const { page } = bench;
await page.evaluate((options) => Object.assign(window.chorus.workerOptions, options), workerOptions);

// The raw read rate of the same file, through a second input (the page clears its own after a load).
await page.evaluate(() => {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'bench-input';
  document.body.appendChild(input);
});
await page.setInputFiles('#bench-input', file);
const rawRead = () => page.$eval('#bench-input', (input) => window.chorus.measureRead(input.files[0]));
const readBefore = await rawRead();

// Frame times while loading: the page must keep drawing.
await page.evaluate(() => {
  window.__frames = [];
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
  window.__recording = true;
  requestAnimationFrame(tick);
});
await page.setInputFiles('#file-input', file);
await page.waitForFunction(() => window.chorus.loading, undefined, { timeout: 30000 });
if (shot) {
  await page.waitForTimeout(1500);
  await page.screenshot({ path: shot });
}
await page.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined, { timeout: 30 * 60000, polling: 200 });
const load = await page.evaluate(() => { window.__recording = false; return window.chorus.lastLoad; });
const frames = await page.evaluate(() => window.__frames.slice(1).sort((a, b) => a - b));
const summary = await page.evaluate(() => window.chorus.summary());
const readAfter = await rawRead();
const read = readBefore.seconds < readAfter.seconds ? readBefore : readAfter;  // the faster of two reads
const mb = statSync(file).size / 1e6;
const ingestMBps = mb / load.seconds, readMBps = mb / read.seconds;
const p = (q) => frames.length ? frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] : null;
console.log(JSON.stringify({
  file: path.basename(file), MB: +mb.toFixed(1), posts: summary.posts,
  ingest_seconds: +load.seconds.toFixed(3), ingest_MBps: +ingestMBps.toFixed(1),
  parse_seconds: +load.parseSeconds.toFixed(3), read_wait_seconds: +load.readWaitSeconds.toFixed(3),
  raw_read_seconds: +read.seconds.toFixed(3), raw_read_MBps: +readMBps.toFixed(1),
  ingest_over_read: +(ingestMBps / readMBps).toFixed(3),
  frames: frames.length, frame_ms_p50: p(0.5) && +p(0.5).toFixed(1), frame_ms_p95: p(0.95) && +p(0.95).toFixed(1),
  frame_ms_max: frames.length ? +frames[frames.length - 1].toFixed(1) : null,
  frames_over_50ms: frames.filter((f) => f > 50).length,
  workers: load.workers, ranges: load.ranges, range_MB: workerOptions.enabled ? await page.evaluate(() => window.chorus.workerOptions.rangeBytes / (1 << 20)) : 0,
  merge_seconds: +(load.mergeSeconds || 0).toFixed(3), hardware_concurrency: await page.evaluate(() => navigator.hardwareConcurrency),
}));
await bench.close();
