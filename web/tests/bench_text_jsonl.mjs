// Text of a plain dump in memory vs left in the file (COUNTING.md, rules 101-102; prints numbers, never a test).
//   node web/tests/bench_text_jsonl.mjs SITE_DIR FILE [--query WORD]
// Loads FILE twice in headless Chromium, in fresh pages: with its text in memory, then with chorus.textOnDisk
// (past the budget, as a larger file would be). Prints, as one JSON line each: the load's seconds, the heap in
// use after it, the milliseconds until the reader's first posts are drawn with their text (text on disk: until
// the reader's rows were read back), and with --query the seconds until a word query counts.
import path from 'node:path';
import { chromium } from 'playwright-core';

import { startStatic } from './servers.mjs';

const [siteDir, file] = process.argv.slice(2);
const queryAt = process.argv.indexOf('--query');
const word = queryAt > 0 ? process.argv[queryAt + 1] : null;
if (!siteDir || !file) {
  console.error('usage: node web/tests/bench_text_jsonl.mjs SITE_DIR FILE [--query WORD]');
  process.exit(2);
}
const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const site = await startStatic(path.resolve(siteDir));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
for (const onDisk of [false, true]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => window.chorus && window.chorus.ready, undefined, { timeout: 60000 });
  await page.evaluate((d) => { window.chorus.textOnDisk = d; window.chorus.lastLoad = null; }, onDisk);
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined,
    { timeout: 60 * 60000, polling: 200 });
  const done = Date.now();
  const load = await page.evaluate(() => window.chorus.lastLoad);
  const text = await page.evaluate(() => window.chorus.textStatus());
  // The reader's rows: drawn with their text at once in memory; on disk once the rows it shows were read back.
  let readerMs = 0;
  if (onDisk) {
    await page.waitForFunction(() => window.chorus.textStatus().reads >= 4 && !window.chorus.textStatus().pumping,
      undefined, { timeout: 120000, polling: 10 });
    readerMs = Date.now() - done;
  } else {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    readerMs = Date.now() - done;
  }
  let querySeconds = null;
  if (word) {
    const scansBefore = (await page.evaluate(() => window.chorus.textStatus())).scans;
    const box = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Query');
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await page.waitForTimeout(300);
    const before = Date.now();
    await page.keyboard.insertText(word);
    await page.waitForFunction((q) => window.chorus.selection().query === q, word, { timeout: 30 * 60000, polling: 20 });
    if (onDisk) {
      await page.waitForFunction((n) => window.chorus.textStatus().scans > n && !window.chorus.textStatus().pumping,
        scansBefore, { timeout: 30 * 60000, polling: 50 });
    }
    querySeconds = (Date.now() - before) / 1000;
  }
  const summary = await page.evaluate(() => window.chorus.summary());
  console.log(JSON.stringify({
    text: onDisk ? 'on disk' : 'in memory', onDisk: text.onDisk, posts: summary.posts, loadSeconds: load.seconds,
    heapMB: Math.round(text.memoryInUse / (1 << 20)), readerMs, querySeconds,
    selected: word ? await page.evaluate(() => window.chorus.selection().posts) : null,
  }));
  await page.close();
}
await browser.close();
site.close();
