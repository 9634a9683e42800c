// List exports hold the whole list (rule 106): the hashtags and authors of a sample exported from the page
// are, row for row, `chorus top -n 0` of the same file (more than the 20 rows the lists show); the bytes are
// Excel's CSV (UTF-8 BOM, CRLF) and the author ids stay text (a leading tab). Screenshot: drivers-exports.png.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parseCsv } from './helpers_cases.mjs';

// A text cell as written (export_csv.hpp): digits-only text after a tab, a formula-like start after a quote.
const textOf = (cell) => (/^\t\d+$/.test(cell) ? cell.slice(1) : /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell);

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, clickItem, ROOT, SAMPLE_500 } = t;
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');

  test('list exports: the whole hashtags and authors lists = chorus top -n 0 (more than the 20 shown), BOM, CRLF, ids as text', async ({ browser, site }) => {
    assert(existsSync(CLI), `the CLI is needed for the expected lists: build ${CLI}`);
    const top = (field) => JSON.parse(execFileSync(CLI, ['top', SAMPLE_500, '--field', field, '-n', '0', '--format', 'json'],
      { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 }).toString());
    const { context, page, problems } = await openPage(browser, site);
    await page.setInputFiles('#file-input', SAMPLE_500);
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 0; }, undefined, 60000);
    await waitFor(page, () => !window.chorus.selection().updating, undefined, 20000).catch(() => {});
    const download = async (label) => {
      const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), clickItem(page, label)]);
      const file = await d.path();
      assert(file, `the download of "${label}" failed: ${await d.failure()}`);
      return { name: d.suggestedFilename(), bytes: readFileSync(file) };
    };
    for (const [field, label, header] of [['hashtags', 'Export hashtags', ['rank', 'hashtag', 'posts', 'share of selection']],
      ['authors', 'Export authors', ['rank', 'author', 'author id', 'posts', 'share of selection']]]) {
      const want = top(field);
      const { name, bytes } = await download(label);
      assert(name === `chorus-${field}-all.csv`, `the file's name: ${name}`);
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, `${name} starts with the UTF-8 BOM`);
      const text = bytes.subarray(3).toString('utf8');
      assert(text.endsWith('\r\n') && !/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), `${name}: CRLF after every record`);
      const records = parseCsv(text);
      assert(JSON.stringify(records[0]) === JSON.stringify(header), `${name} header: ${records[0]}`);
      const rows = records.slice(1);
      assert(want.items.length > 20 && rows.length === want.items.length,
        `${name} holds ${rows.length} rows, the CLI's whole list ${want.items.length} (more than the 20 shown)`);
      const countAt = header.indexOf('posts');
      const got = rows.map((r) => [textOf(r[1]), Number(r[countAt])]);
      const at = got.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(want.items[i]));
      assert(at === -1, `${name} row ${at + 1}: ${JSON.stringify(got[at])}, the CLI says ${JSON.stringify(want.items[at])}`);
      rows.forEach((r, i) => {
        assert(Number(r[0]) === i + 1, `${name}: rank ${r[0]} in row ${i + 1}`);
        assert(Math.abs(Number(r[header.length - 1]) - Number(r[countAt]) / want.posts) < 1e-6, `${name}: share ${r[header.length - 1]} of ${r[countAt]}`);
      });
      if (field === 'authors')
        rows.forEach((r) => assert(/^\t\S+$/.test(r[2]), `an author id is text (a leading tab): ${JSON.stringify(r[2])}`));
    }
    await screenshot(page, 'drivers-exports.png');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }, true);
}
