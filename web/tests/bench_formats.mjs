// Ingest rate per format in headless Chromium (prints numbers; never a pass/fail test).
//   node web/tests/bench_formats.mjs SITE_DIR DIR [--native FILE.jsonl] [--sequential]
// Loads each file formats.sh made in DIR (build/bench/formats-<MB>MB) through the page's #file-input, one
// fresh page per file, and prints one JSON line per file: format, MB on disk, posts, seconds and MB/s
// from window.chorus.lastLoad; with --native (format_bench's JSON lines, as formats.sh prints them), the
// native MB/s of the same file beside it. Then a Markdown table of both.
import path from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';

import { launchChromium, openReadyPage } from './helpers_browser.mjs';
import { startStatic } from './servers.mjs';

const [siteDir, dir] = process.argv.slice(2);
if (!siteDir || !dir) {
  console.error('usage: node web/tests/bench_formats.mjs SITE_DIR DIR [--native FILE.jsonl] [--sequential]');
  process.exit(2);
}
const nativeAt = process.argv.indexOf('--native');
const native = new Map();
if (nativeAt > 0) {
  for (const line of readFileSync(process.argv[nativeAt + 1], 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const row = JSON.parse(line);
    native.set(path.basename(row.file || ''), row);
  }
}
const FILES = ['v1.jsonl', 'v1.jsonl.gz', 'v1.jsonl.zst', 'twarc2.jsonl', 'tweets.csv', 'outbox.json', 'bluesky.jsonl', 'reddit.jsonl'];

const site = await startStatic(path.resolve(siteDir));
const browser = await launchChromium();
const rows = [];
for (const name of FILES) {
  const file = path.join(dir, name);
  if (!existsSync(file)) { console.error(`${file}: missing (run tests/bench/formats.sh first)`); continue; }
  const { page } = await openReadyPage(browser, site);
  if (process.argv.includes('--sequential')) await page.evaluate(() => { window.chorus.workerOptions.enabled = false; });
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => window.chorus.loading, undefined, { timeout: 30000 });
  await page.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined, { timeout: 30 * 60000, polling: 200 });
  const { load, summary } = await page.evaluate(() => ({ load: window.chorus.lastLoad, summary: window.chorus.summary() }));
  await page.close();
  const disk = statSync(file).size / 1e6, text = summary.files.reduce((sum, f) => sum + (f.bytes || 0), 0) / 1e6;
  const mine = native.get(name) || {};
  const row = {
    file: name, format: summary.files[0] && summary.files[0].format, disk_MB: +disk.toFixed(1), text_MB: +text.toFixed(1),
    posts: summary.posts, seconds: +load.seconds.toFixed(2), text_MBps: +(text / load.seconds).toFixed(1),
    workers: load.workers, ranges: load.ranges,
    native_posts: mine.posts, native_text_MBps: mine.text_MBps ?? mine.MBps,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
await browser.close();
await site.close();
console.log('\n| file | format | text MB | posts | Chromium s | Chromium text MB/s | native text MB/s |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.file} | ${r.format} | ${r.text_MB} | ${r.posts.toLocaleString('en')} | ${r.seconds} | ${r.text_MBps} | ${r.native_text_MBps ?? '-'} |`);
}
