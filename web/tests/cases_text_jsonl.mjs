// A plain dump's post text left in its file past a budget (COUNTING.md, rules 101-102; web/src/text_dump.cpp).
// A JSON-lines file (JSON escapes, \uXXXX surrogate pairs, extended tweets, retweets) and a CSV file (quoted
// cells with line breaks, doubled quotes), both written here, load in the workers under a lowered memory limit:
// their text stays in the files, the reader shows the same posts once read back, word queries count the same
// once the files are scanned, and the JSONL export is the CLI's with null for text not read back.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, clickItem, ROOT, SITE } = t;
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
  const scratch = path.join(SITE, '..', 'text-jsonl-test');
  const WORDS = ['harbour', 'river', 'window', 'garden', 'signal', 'paper', 'orbit', 'lantern', 'meadow'];
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const twitterTime = (d) => `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ` +
    `${d.toISOString().slice(11, 19)} +0000 ${d.getUTCFullYear()}`;
  // Twitter's escapes (rule 110): undone as read, and again when the text is read back from the file.
  const textOf = (i) => `post ${i} caf\u00e9 "quoted" R&amp;D &lt;3 back\\slash https://example.org/${i} \u{1F600}\u{1F30D} ` +
    `line\nbreak ${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]}`;

  // Written by us: v1.1 lines, every third with non-ASCII as \uXXXX escapes and every fifth with \/.
  function files(posts) {
    mkdirSync(scratch, { recursive: true });
    const jsonl = path.join(scratch, 'text-jsonl.jsonl');
    const csv = path.join(scratch, 'text-jsonl.csv');
    const base = Date.UTC(2021, 2, 1, 8, 0, 0);
    const lines = [];
    for (let i = 0; i < posts; ++i) {
      const user = { id_str: String(100 + (i % 40)), screen_name: `user${i % 40}` };
      const record = { created_at: twitterTime(new Date(base + i * 60000)), id_str: String(5000000 + i), user, lang: 'en' };
      if (i % 5 === 0) {
        record.text = `post ${i} cut short\u2026`;
        record.truncated = true;
        record.extended_tweet = { full_text: textOf(i) };
      } else if (i % 7 === 0) {
        record.text = `RT @user9: ${textOf(i).slice(0, 20)}`;
        record.retweeted_status = { id_str: String(9000000 + i), created_at: twitterTime(new Date(base)),
          user: { id_str: '109', screen_name: 'user9' }, text: textOf(i) };
      } else {
        record.text = textOf(i);
      }
      let line = JSON.stringify(record);
      if (i % 3 === 0) line = line.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (i % 5 === 0) line = line.replaceAll('/', '\\/');
      lines.push(line);
    }
    writeFileSync(jsonl, lines.join('\n') + '\n');
    const rows = ['id,created_at,text,author_id'];
    for (let i = 0; i < posts / 2; ++i) {
      const when = new Date(base + (posts + i) * 60000).toISOString().replace('.000', '');
      let text = `csv ${i}, ${WORDS[i % WORDS.length]} &amp; ${WORDS[(i * 5 + 1) % WORDS.length]}`;
      if (i % 3 === 0) text += '\nsecond line of the cell';
      if (i % 4 === 0) text += ' she said "hi"';
      const cell = /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      rows.push(`${7000000 + i},${when},${cell},${200 + (i % 30)}`);
    }
    writeFileSync(csv, rows.join('\n') + '\n');
    return [jsonl, csv];
  }

  async function open(page, paths) {
    await page.evaluate(() => { window.chorus.lastLoad = null; });
    await page.setInputFiles('#file-input', paths);
    await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 120000);
    return page.evaluate(() => ({ summary: window.chorus.summary(), status: document.getElementById('status').textContent,
      load: window.chorus.lastLoad, text: window.chorus.textStatus() }));
  }
  // Types a query (on a loaded machine the field may take the focus late: typed again until it holds it).
  async function query(page, text) {
    for (let attempt = 1; ; ++attempt) {
      await clickItem(page, 'Query');
      await page.waitForTimeout(300 * attempt);
      await page.keyboard.insertText(text);
      try {
        await waitFor(page, (q) => window.chorus.selection().query === q, text, 10000);
        return;
      } catch (error) {
        const now = await page.evaluate(() => window.chorus.selection().query);
        if (attempt === 3 || now !== '') {
          await screenshot(page, 'text-jsonl-query-failed.png');
          throw new Error(`${text}: the query bar holds ${JSON.stringify(now)} (${error.message})`);
        }
      }
    }
  }
  async function clearQuery(page) {
    await clickItem(page, 'Query');
    await page.keyboard.press('Escape');
    await waitFor(page, () => window.chorus.selection().query === '', undefined, 30000);
  }
  async function exportedPosts(page) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), clickItem(page, 'Export posts (JSONL)')]);
    const file = await download.path();
    assert(file, `the posts download failed: ${await download.failure()}`);
    return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  }

  test('text jsonl 101-102: a JSONL and a CSV past the budget keep their text in the files; the reader, word queries and the export give what the text in memory gives', async ({ browser, site }) => {
    assert(existsSync(CLI), `the native CLI is needed for the expected export: ${CLI}`);
    const paths = files(1200);
    // The fields the CLI's `posts` and the page's export share, in the CLI's order.
    const shared = (p) => ({ time: p.time, type: p.type, author: p.author, lang: p.lang, text: p.text, likes: p.likes });
    const cli = execFileSync(CLI, ['posts', ...paths], { maxBuffer: 64 << 20 }).toString().trim().split('\n')
      .map((l) => shared(JSON.parse(l)));

    const memory = await openPage(browser, site);
    await memory.page.evaluate(() => { window.chorus.workerOptions.rangeBytes = 48 << 10; });
    const a = await open(memory.page, paths);
    assert(!a.text.onDisk, 'below the budget the text stays in memory');
    const disk = await openPage(browser, site);
    // The budget as the page decides it (rule 102): a limit below what the load may need with room to work.
    await disk.page.evaluate(() => {
      window.chorus.workerOptions.rangeBytes = 48 << 10;
      window.chorus.memoryLimit = window.chorus.textStatus().memoryInUse + (256 << 20);
    });
    const b = await open(disk.page, paths);
    assert(b.text.onDisk, `past the budget the text stays in the files (${JSON.stringify(b.text)}; ${b.status})`);
    assert(b.load.ranges > 4, `the JSONL file was read in several ranges (${b.load.ranges})`);
    assert(JSON.stringify(a.summary) === JSON.stringify(b.summary), 'the same summary either way');
    assert(!b.load.cancelled && b.status === '', `the load went through (${b.status})`);

    const inMemory = (await exportedPosts(memory.page)).map(shared);
    const differs = cli.findIndex((p, i) => JSON.stringify(p) !== JSON.stringify(inMemory[i]));
    assert(inMemory.length === cli.length && differs < 0, `with the text in memory the export is the CLI's ` +
      `(${inMemory.length} / ${cli.length} posts; first difference: ${JSON.stringify(inMemory[differs])} / ${JSON.stringify(cli[differs])})`);
    // The reader asks for the text of the posts it shows; once read back they are drawn as in memory.
    await waitFor(disk.page, () => window.chorus.textStatus().reads >= 4, undefined, 20000);
    await disk.page.waitForTimeout(500);
    await screenshot(disk.page, 'text-jsonl-reader.png');
    const onDisk = (await exportedPosts(disk.page)).map(shared);
    assert(onDisk.length === cli.length, `as many posts exported (${onDisk.length} / ${cli.length})`);
    let read = 0;
    for (let i = 0; i < cli.length; ++i) {
      const got = onDisk[i], want = cli[i];
      if (got.text !== null) read += 1;
      assert(JSON.stringify({ ...got, text: want.text }) === JSON.stringify(want), `post ${i}: the same but its text`);
      assert(got.text === null || got.text === want.text, `post ${i}: the text read back is the text: ${JSON.stringify(got.text)} / ${JSON.stringify(want.text)}`);
    }
    assert(read >= 4 && read < cli.length, `the posts the reader showed were read back, not the others (${read})`);

    // Word queries: the files are scanned, then they count what the text in memory counts.
    for (const q of ['lantern', '"harbour garden"', 'quoted -meadow', '"second line"']) {
      await query(memory.page, q);
      // Its posts once every piece is counted (rule 113: "updating" until then; the text shows at once).
      await waitFor(memory.page, () => !window.chorus.selection().updating, undefined, 60000);
      const expected = await memory.page.evaluate(() => window.chorus.selection().posts);
      assert(expected > 0, `${q} matches posts`);
      const scansBefore = await disk.page.evaluate(() => window.chorus.textStatus().scans);
      await query(disk.page, q);
      await waitFor(disk.page, (n) => window.chorus.selection().posts === n, expected, 60000);
      const scans = await disk.page.evaluate(() => window.chorus.textStatus().scans);
      assert(scans > scansBefore, `${q}: the files were scanned (${scansBefore} -> ${scans} pieces)`);
      if (q === 'lantern') await screenshot(disk.page, 'text-jsonl-query.png');
      await clearQuery(memory.page);
      await clearQuery(disk.page);
    }
    for (const p of [memory, disk]) {
      assert(p.problems.length === 0, p.problems.join('\n'));
      await p.context.close();
    }
  });
}
