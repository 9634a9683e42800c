// Post text kept on disk and loads stopped before memory runs out (COUNTING.md, rules 84-86; web/src/text_disk.cpp).
// A snapshot opened with its text on disk (chorus.textOnDisk, as past the budget) shows the same posts in the reader
// and counts a phrase query as with its text in memory; a dump loaded under a lowered chorus.memoryLimit stops
// cleanly, keeps its posts and says so, on the main thread and through the workers.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import { decodePng } from './png.mjs';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, clickItem, ROOT, SITE, DEMO } = t;
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
  const scratch = path.join(SITE, '..', 'textdisk-test');

  async function open(page, files) {
    await page.evaluate(() => { window.chorus.lastLoad = null; });
    await page.setInputFiles('#file-input', files);
    await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 120000);
    return page.evaluate(() => ({ summary: window.chorus.summary(), status: document.getElementById('status').textContent,
      load: window.chorus.lastLoad, text: window.chorus.textStatus() }));
  }
  async function query(page, text) {
    await clickItem(page, 'Query');
    await page.waitForTimeout(300);   // the field takes the focus on the next frames
    await page.keyboard.insertText(text);
    // The text shows at once; its posts once every piece is counted (rule 113: "updating" until then).
    await waitFor(page, (q) => { const s = window.chorus.selection(); return s.query === q && !s.updating; }, text, 30000);
  }
  // The reader's first posts, as drawn (PNG bytes of each one's rectangle).
  async function readerPosts(page, n) {
    const items = await page.evaluate(() => window.chorus.items());
    const out = [];
    for (let i = 1; i <= n; ++i) {
      const item = items.find((it) => it.label === `Post ${i}`);
      assert(item, `the reader shows post ${i}`);
      out.push(await page.screenshot({ clip: { x: item.x, y: item.y, width: item.w, height: item.h } }));
    }
    return out;
  }

  test('text on disk 84-85: the reader shows the same posts and a phrase query counts the same as with the text in memory', async ({ browser, site }) => {
    assert(existsSync(CLI), `the native CLI is needed to write the snapshot: ${CLI}`);
    mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, 'demo.chorus');
    execFileSync(CLI, ['snapshot', DEMO, '-o', file]);

    const memory = await openPage(browser, site);
    const a = await open(memory.page, [file]);
    assert(!a.text.onDisk, 'a small snapshot keeps its text in memory');
    const disk = await openPage(browser, site);
    await disk.page.evaluate(() => { window.chorus.textOnDisk = true; });
    const b = await open(disk.page, [file]);
    assert(b.text.onDisk, 'chorus.textOnDisk leaves the text in the file');
    assert(JSON.stringify(a.summary) === JSON.stringify(b.summary), 'the same summary either way');
    assert(b.status === '', `no status message (${b.status})`);

    // The reader: placeholders first, then the same posts once their text is read back.
    await waitFor(disk.page, () => window.chorus.textStatus().reads >= 4, undefined, 10000);
    await disk.page.waitForTimeout(300);
    await memory.page.waitForTimeout(300);
    const want = await readerPosts(memory.page, 4);
    const got = await readerPosts(disk.page, 4);
    // Drawn the same, up to the anti-aliasing of a rectangle placed a few pixels lower (the query bar's note on
    // the text on disk takes a line): a placeholder instead of the text differs in far more than 1% of pixels.
    for (let i = 0; i < want.length; ++i) {
      const a = decodePng(want[i]), b = decodePng(got[i]);
      let differ = 0;
      const n = a.channels;
      for (let p = 0; p + 2 < Math.min(a.pixels.length, b.pixels.length); p += n)
        if (Math.abs(a.pixels[p] - b.pixels[p]) + Math.abs(a.pixels[p + 1] - b.pixels[p + 1]) + Math.abs(a.pixels[p + 2] - b.pixels[p + 2]) > 48) differ += 1;
      const share = differ / (a.width * a.height);
      assert(a.width === b.width && a.height === b.height && share < 0.01,
        `post ${i + 1} of the reader is drawn the same with its text on disk (${(100 * share).toFixed(2)}% of pixels differ)`);
    }
    await screenshot(disk.page, 'textdisk-reader.png');

    // A phrase query: the scan reads the file, then counts what the arena counts.
    for (const q of ['"me too"', '"sexually harassed" OR friend -#metoo']) {
      await query(memory.page, q);
      const expected = await memory.page.evaluate(() => window.chorus.selection().posts);
      assert(expected > 0, `${q} matches posts of the demo`);
      const scansBefore = await disk.page.evaluate(() => window.chorus.textStatus().scans);
      await query(disk.page, q);
      await waitFor(disk.page, (n) => window.chorus.selection().posts === n, expected, 60000);
      const scans = await disk.page.evaluate(() => window.chorus.textStatus().scans);
      assert(scans > scansBefore, `${q}: the on-disk text was scanned (${scansBefore} -> ${scans} pieces)`);
      await screenshot(disk.page, 'textdisk-query.png');
      await clickItem(memory.page, 'Query');
      await memory.page.keyboard.press('Escape');
      await clickItem(disk.page, 'Query');
      await disk.page.keyboard.press('Escape');
      await waitFor(disk.page, () => window.chorus.selection().query === '', undefined, 30000);
      await waitFor(memory.page, () => window.chorus.selection().query === '', undefined, 30000);
    }
    for (const p of [memory, disk]) {
      assert(p.problems.length === 0, p.problems.join('\n'));
      await p.context.close();
    }
  });

  // A dump of `posts` posts of about 300 bytes of text each (written by us).
  function dump(name, posts) {
    mkdirSync(scratch, { recursive: true });
    const out = path.join(scratch, name);
    if (existsSync(out)) return out;
    const words = ['alpha', 'beta', 'gamma', 'delta', 'harbour', 'river', 'window', 'garden', 'signal', 'paper', 'orbit'];
    const lines = [];
    for (let i = 0; i < posts; ++i) {
      let text = `post ${i} #tag${i % 50}`;
      for (let k = 0; text.length < 300; ++k) text += ' ' + words[(i * 7 + k * 3) % words.length];
      const day = 1 + (i % 28);
      lines.push(JSON.stringify({
        created_at: `Sun Oct ${String(day).padStart(2, '0')} 10:00:00 +0000 2017`, id: 1000000 + i, id_str: String(1000000 + i),
        text, entities: { hashtags: [{ text: `tag${i % 50}`, indices: [0, 1] }], user_mentions: [], urls: [] },
        user: { id: 10 + (i % 1000), id_str: String(10 + (i % 1000)), screen_name: `user${i % 1000}` }, lang: 'en',
      }));
    }
    writeFileSync(out, lines.join('\n') + '\n');
    return out;
  }

  test('memory 86: a load that would pass the memory limit stops cleanly, keeps its posts and says so', async ({ browser, site }) => {
    const total = 400000;
    const file = dump('memory-86.jsonl', total);
    for (const workers of [false, true]) {
      const { context, page, problems } = await openPage(browser, site);
      await page.evaluate((w) => {
        window.chorus.workerOptions.enabled = w;
        window.chorus.memoryLimit = window.chorus.textStatus().memoryInUse + (96 << 20);
      }, workers);
      const got = await open(page, [file]);
      const label = workers ? 'workers' : 'main thread';
      const f = got.summary.files[0];
      assert(got.load.memoryOut && got.load.cancelled, `${label}: the load stopped for memory (${JSON.stringify(got.load)})`);
      assert(f.cancelled, `${label}: the file's report says cancelled`);
      assert(got.summary.posts > 1000 && got.summary.posts < total, `${label}: some posts kept, not all: ${got.summary.posts} (${JSON.stringify(f)}; ${got.status}; ${JSON.stringify(got.summary.errors)})`);
      assert(f.posts === got.summary.posts, `${label}: the report counts the posts kept`);
      const entry = got.summary.errors.find((e) => e.kind === 'cancelled');
      assert(entry && entry.reason.includes('memory ran out') && entry.reason.includes(`${f.posts} posts of this file kept`),
        `${label}: the report says memory ran out and what was kept: ${JSON.stringify(entry)}`);
      assert(got.status.includes('memory ran out') && got.status.includes('memory-86.jsonl'), `${label}: the status line says so: ${got.status}`);
      // The page goes on: a query over what was kept.
      await query(page, '#tag7');
      const tagged = await page.evaluate(() => window.chorus.selection().posts);
      assert(tagged > 0 && tagged < got.summary.posts, `${label}: a query runs over the posts kept (${tagged})`);
      await screenshot(page, `memory-86-${workers ? 'workers' : 'main'}.png`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }
  });

  // The TEXT section's length and the other payload bytes of a .chorus file (core/snapshot.hpp's layout).
  function snapshotParts(bytes) {
    let at = 32, text = 0;
    while (at + 16 <= bytes.length) {
      const tag = bytes.subarray(at, at + 4).toString('latin1');
      const length = Number(bytes.readBigUInt64LE(at + 8));
      if (tag === 'TEXT') text = length;
      at += 16 + Math.ceil(length / 8) * 8;
    }
    return { text, other: bytes.length - 32 - text };
  }

  test('text on disk 84: past the budget a snapshot keeps its text in the file; below what its columns need it is not opened, and says so', async ({ browser, site }) => {
    assert(existsSync(CLI), `the native CLI is needed to write the snapshot: ${CLI}`);
    const gen = path.join(ROOT, 'build', 'native', 'tests', 'gen_dump');
    assert(existsSync(gen), `gen_dump is needed: ${gen}`);
    mkdirSync(scratch, { recursive: true });
    const dump = path.join(scratch, 'budget.jsonl');
    const file = path.join(scratch, 'budget.chorus');
    execFileSync(gen, ['--posts', '20000', '--seed', '5', '--out', dump], { stdio: 'ignore' });
    execFileSync(CLI, ['snapshot', dump, '-o', file]);
    const { text, other } = snapshotParts(readFileSync(file));
    assert(text > 2e6, `the snapshot holds megabytes of text (${text})`);
    const expected = JSON.parse(execFileSync(CLI, ['summary', '--json', file]).toString());
    // web/src/snapshot_load.cpp: the text stays in memory while in use + 1.4 x the other sections + 384 MB + the text
    // fit the limit, in the file while all but the text fit, and the snapshot is refused below that.
    const need = Math.floor(other * 7 / 5) + 384 * 1024 * 1024;

    const fits = await openPage(browser, site);
    await fits.page.evaluate((room) => { window.chorus.memoryLimit = window.chorus.textStatus().memoryInUse + room; },
                             need + Math.floor(text / 2));
    const a = await open(fits.page, [file]);
    assert(a.text.onDisk, 'past the budget the text stays in the file');
    assert(a.summary.posts === expected.posts && a.summary.posts === 20000, `all posts (${a.summary.posts})`);
    assert(a.status === '', `no status message (${a.status})`);

    const refused = await openPage(browser, site);
    await refused.page.evaluate((room) => { window.chorus.memoryLimit = window.chorus.textStatus().memoryInUse + room; },
                                need - Math.floor(text / 2));
    const b = await open(refused.page, [file]);
    assert(b.summary.posts === 0, `nothing opened (${b.summary.posts} posts)`);
    assert(/budget\.chorus: not opened: it needs about \d+ MB of memory even with its text left on disk/.test(b.status),
           `the page says why: ${b.status}`);
    await screenshot(refused.page, 'textdisk-refused.png');
    await fits.page.close();
    await refused.page.close();
  });
}
