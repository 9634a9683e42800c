// Browser ingest in workers (web/ingest_worker.js, core/ingest_range.hpp; COUNTING.md rule 70): a plain
// file cut into byte ranges, read apart and merged in file order, gives what a sequential read gives.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

import { loadFiles as load } from './helpers_cases.mjs';

export default function register(t) {
  const { test, assert, assertSummary, waitFor, openPage, expected, ROOT, SITE, SAMPLE_500 } = t;
  const fixture = (name) => path.join(ROOT, 'tests', 'fixtures', name);
  const scratch = path.join(SITE, '..', 'workers-test');

  // The native CLI's summary of the same files, when it is built (the page's sequential read is compared always).
  function nativeSummary(files) {
    const cli = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
    if (!existsSync(cli)) return null;
    return JSON.parse(execFileSync(cli, ['summary', ...files, '--json']).toString());
  }

  // A dump with everything a range boundary could disturb: a bad line, blank and CRLF lines, notices,
  // duplicates far apart (one without time) and a cut last line.
  function mixedDump() {
    const lines = readFileSync(fixture('v1_mixed.jsonl'), 'utf8').split('\n').filter(Boolean);
    const out = [...lines, '{not json', '', ...lines.slice(0, 3).map((l) => `${l}\r`), '[1, 2]'];
    for (let i = 0; i < 40; i++) out.push(lines[0].replaceAll('9007199254740993', String(5000 + i)));
    out.push(...lines);
    const text = `${out.join('\n')}\n${lines[1].slice(0, 70)}`;
    mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, 'ranges-mixed.jsonl');
    writeFileSync(file, text);
    return file;
  }

  test('workers: the 500-tweet sample cut in small ranges gives the checker\'s numbers', async ({ browser, site }) => {
    const { context, page, problems } = await openPage(browser, site);
    const { summary, load: got } = await load(page, [SAMPLE_500], { rangeBytes: 50000, workers: 3 });
    assertSummary(summary, expected([SAMPLE_500]), 'twut-500-sample in ranges');
    assert(got.workers === 3 && got.ranges > 10, `read by ${got.workers} workers in ${got.ranges} ranges`);
    assert(summary.files.length === 1, 'one report for the file, not one per range');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }, true);

  test('workers: tiny ranges give the sequential summary, report and line numbers', async ({ browser, site }) => {
    const files = [mixedDump(), fixture('v1_truncated.jsonl'), fixture('v2_twarc2.jsonl'), fixture('fmt_reddit.jsonl')];
    const { context, page, problems } = await openPage(browser, site);
    const sequential = await load(page, files, { enabled: false });
    assert(sequential.load.ranges === 0, 'the sequential read used no worker');
    const want = JSON.stringify(sequential.summary);
    const native = nativeSummary(files);
    if (native) assert(JSON.stringify(native) === want, `the page's sequential read differs from the CLI:\n${JSON.stringify(native)}\n${want}`);
    assert(sequential.summary.errors.some((e) => e.kind === 'invalid_json' && e.line > 60), 'the cut last line is listed with its line');
    for (const rangeBytes of [40, 300, 1000, 4096]) {
      const ctx2 = await openPage(browser, site);
      const got = await load(ctx2.page, files, { enabled: true, rangeBytes, workers: 2 });
      assert(got.load.ranges > files.length, `range size ${rangeBytes}: ${got.load.ranges} ranges`);
      assert(JSON.stringify(got.summary) === want,
        `range size ${rangeBytes}: the summary differs from the sequential read:\n${JSON.stringify(got.summary)}\n${want}`);
      assert(ctx2.problems.length === 0, ctx2.problems.join('\n'));
      await ctx2.context.close();
    }
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  test('workers: a JSON document, a UTF-16 file and a CSV file load as they do sequentially', async ({ browser, site }) => {
    const files = [fixture('fmt_mastodon_outbox.json'), fixture('fmt_v1_search.json'), fixture('csv_utf16.csv'),
      fixture('csv_quoted.csv'), fixture('fmt_archive_tweets.js')];
    const { context, page, problems } = await openPage(browser, site);
    const sequential = await load(page, files, { enabled: false });
    const second = await openPage(browser, site);
    const got = await load(second.page, files, { enabled: true, rangeBytes: 64, workers: 2 });
    assert(JSON.stringify(got.summary) === JSON.stringify(sequential.summary),
      `the summary differs from the sequential read:\n${JSON.stringify(got.summary)}\n${JSON.stringify(sequential.summary)}`);
    assert(got.load.ranges === 5, `documents, the UTF-16 file and CSV files whole in one worker each (${got.load.ranges} ranges)`);
    assert(problems.length + second.problems.length === 0, [...problems, ...second.problems].join('\n'));
    await context.close();
    await second.context.close();
  });

  test('workers: Cancel mid-load keeps exactly the ranges merged so far', async ({ browser, site }) => {
    // 60 MB of posts with distinct ids, one a line: what was merged is the file's first `bytes` bytes.
    const template = readFileSync(fixture('v1_mixed.jsonl'), 'utf8').split('\n')[0];
    const lines = [];
    for (let i = 0; i < 200000; i++) lines.push(template.replaceAll('9007199254740993', String(1000000000000 + i)));
    const text = `${lines.join('\n')}\n`;
    mkdirSync(scratch, { recursive: true });
    const big = path.join(scratch, 'cancel-workers.jsonl');
    writeFileSync(big, text);
    const { context, page, problems } = await openPage(browser, site);
    await page.evaluate(() => Object.assign(window.chorus.workerOptions, { rangeBytes: 256 << 10, workers: 2 }));
    await page.setInputFiles('#file-input', big);
    await waitFor(page, () => { const s = window.chorus.summary(); return s && s.posts > 20000; }, undefined, 60000);
    await page.evaluate(() => window.chorus.items());   // the Cancel button is drawn while loading
    const cancel = await page.evaluate(() => window.chorus.items().find((i) => i.label === 'Cancel'));
    assert(cancel, 'a Cancel button while loading');
    await page.mouse.click(cancel.x + cancel.w / 2, cancel.y + cancel.h / 2);
    await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 30000);
    const got = await page.evaluate(() => ({ s: window.chorus.summary(), load: window.chorus.lastLoad }));
    const file = got.s.files[0];
    assert(got.load.cancelled && file.cancelled, 'the load and the report say cancelled');
    assert(file.bytes < text.length, `only part of the file was read (${file.bytes} of ${text.length})`);
    const head = text.slice(0, file.bytes);
    assert(head.endsWith('\n'), 'the merged part ends at a line end');
    const linesRead = head.split('\n').length - 1;
    assert(got.s.posts === linesRead && file.records === linesRead, `${got.s.posts} posts for the ${linesRead} lines merged`);
    const note = got.s.errors.find((e) => e.kind === 'cancelled');
    assert(note && note.line === linesRead + 1, `the cancel note is at line ${note && note.line}, want ${linesRead + 1}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
    unlinkSync(big);
  });
}
