// CSV files in the page's ingest workers (COUNTING.md, rules 80-81): read whole by one worker, whatever the
// range size, with the summary and report of the sequential read and the checker's numbers.
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

import { loadFiles as load } from './helpers_cases.mjs';

export default function register(t) {
  const { test, assert, assertSummary, openPage, expected, ROOT, SITE } = t;
  const fixture = (name) => path.join(ROOT, 'tests', 'fixtures', name);
  const scratch = path.join(SITE, '..', 'csv-test');

  // A CSV whose quoted texts hold line breaks (CRLF and LF), doubled quotes and delimiters, with blank lines,
  // a bad time, a duplicate far from its first and a last record without a line break.
  function quotedCsv() {
    const lines = ['id,created_at,screen_name,text'];
    for (let i = 0; i < 3000; i++) {
      const text = i % 3 === 0 ? `"line ${i}\r\nnext, ""quoted"" #Tag${i % 7}\nend"` : `plain ${i} @user${i % 5} #Tag${i % 4}`;
      const time = i === 17 ? 'not a time' : `2021-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`;
      lines.push(`${1000 + (i === 2500 ? 5 : i)},${time},name${i % 40},${text}`);
      if (i % 500 === 0) lines.push('');
    }
    mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, 'quoted-lines.csv');
    writeFileSync(file, `${lines.join('\n')}\n1999,2021-04-01T00:00:00Z,last,"no line break, at the end"`);
    return file;
  }

  test('csv in workers: quoted line breaks across tiny ranges give the checker\'s numbers and the sequential report', async ({ browser, site }) => {
    const files = [quotedCsv(), fixture('csv_quoted.csv'), fixture('csv_cp1252.csv'), fixture('csv_excel_wrapped.csv'),
      fixture('csv_tweepy_noheader.csv'), fixture('csv_bytes_literal.csv')];
    const { context, page, problems } = await openPage(browser, site);
    const sequential = await load(page, files, { enabled: false });
    assert(sequential.load.ranges === 0, 'the sequential read used no worker');
    const second = await openPage(browser, site);
    const got = await load(second.page, files, { enabled: true, rangeBytes: 97, workers: 2 });
    assert(got.load.ranges === files.length, `each CSV file whole in one worker (${got.load.ranges} ranges for ${files.length} files)`);
    assert(JSON.stringify(got.summary) === JSON.stringify(sequential.summary),
      `the summary and report differ from the sequential read:\n${JSON.stringify(got.summary)}\n${JSON.stringify(sequential.summary)}`);
    const third = await openPage(browser, site);
    const alone = await load(third.page, [files[0]], { enabled: true, rangeBytes: 64, workers: 1 });
    assert(alone.load.ranges === 1, `one range (${alone.load.ranges})`);
    assertSummary(alone.summary, expected([files[0]]), 'quoted-lines.csv in a worker');
    const all = [...problems, ...second.problems, ...third.problems];
    assert(all.length === 0, all.join('\n'));
    for (const p of [context, second.context, third.context]) await p.close();
  });
}
