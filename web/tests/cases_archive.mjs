// A Twitter archive .zip whose data/account.js is stored after data/tweets.js (core/COUNTING.md, rule 41):
// the page reads account.js first, so the owner names the tweets. The zip is built here, from our fixtures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, ROOT } = t;
  const fixture = (name) => path.join(ROOT, 'tests', 'fixtures', name);

  test('a Twitter archive zip with data/account.js stored last shows the owner as the author (rule 41)', async ({ browser, site }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chorus-archive-'));
    const zip = path.join(dir, 'twitter-archive.zip');
    try {
      execFileSync('python3', ['-c', [
        'import sys, zipfile',
        'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:',
        '    z.write(sys.argv[2], "data/tweets.js")',
        '    z.write(sys.argv[3], "data/account.js")',
      ].join('\n'), zip, fixture('fmt_archive_tweets.js'), fixture('fmt_archive_account.js')]);
      const listed = execFileSync('python3', ['-c', 'import sys, zipfile; print(*zipfile.ZipFile(sys.argv[1]).namelist())', zip]).toString().trim();
      assert(listed === 'data/tweets.js data/account.js', `the zip stores account.js last (${listed})`);

      const { context, page, problems } = await openPage(browser, site);
      await page.setInputFiles('#file-input', zip);
      await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.files.length === 2; }, undefined, 20000);
      const summary = await page.evaluate(() => window.chorus.summary());
      assert(summary.posts === 3, `the archive's 3 tweets (${summary.posts})`);
      assert(summary.authors === 1, `one author, the owner (${summary.authors})`);
      assert(summary.files[0].name === 'twitter-archive.zip/data/account.js', `account.js read first (${summary.files.map((f) => f.name)})`);
      await waitFor(page, () => window.chorus.items().some((i) => /^@?jdsmith(##|$)/.test(i.label)), undefined, 5000);
      const labels = (await page.evaluate(() => window.chorus.items())).map((i) => i.label);
      assert(!labels.some((label) => label.startsWith('(archive owner)')), 'no placeholder author in the lists');
      await screenshot(page, 'archive-owner.png');
      await context.close();
      assert(problems.length === 0, problems.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
