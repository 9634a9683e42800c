// Every case of tests/samples_test.py (each sample of ../shared/samples, and the files loaded together)
// opened in the page through #file-input, read by the page's own path (workers in small byte ranges for
// JSON lines, whole in one worker for CSV), and compared with the independent checker field by field.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const FIELDS = ['posts', 'duplicates', 'skipped', 'types', 'authors', 'first', 'last', 'top_hashtags'];
const RANGE_BYTES = 64 * 1024;  // small ranges, so the bigger JSON-lines samples are cut (rule 70)

export default function register(t) {
  const { test, assert, waitFor, openPage, expected, ROOT, SAMPLES } = t;

  test('every sample opens in the page with the checker\'s numbers (ranges of 64 KiB)', async ({ browser, site }) => {
    const cases = JSON.parse(execFileSync('python3', ['-c',
      'import json, sys; sys.path.insert(0, "tests"); import samples_test; print(json.dumps(samples_test.CASES))'],
    { cwd: ROOT }).toString());
    assert(cases.length >= 36, `samples_test.py lists ${cases.length} cases`);
    const failures = [];
    for (const files of cases) {
      const paths = files.map((f) => path.join(SAMPLES, f));
      const want = expected(paths);
      const { context, page, problems } = await openPage(browser, site);
      await page.evaluate((bytes) => { window.chorus.workerOptions.rangeBytes = bytes; }, RANGE_BYTES);
      await page.setInputFiles('#file-input', paths);
      await waitFor(page, () => window.chorus.loading, undefined, 30000).catch(() => {});
      await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 120000);
      const got = await page.evaluate(() => window.chorus.summary());
      for (const key of FIELDS) {
        const a = JSON.stringify(got[key]), b = JSON.stringify(want[key]);
        if (a !== b) failures.push(`${files.join(' + ')}: ${key} is ${a}, the checker says ${b}`);
      }
      if (problems.length) failures.push(`${files.join(' + ')}: ${problems.join('; ')}`);
      await context.close();
    }
    assert(failures.length === 0, failures.join('\n'));
  }, true);
}
