// .chorus snapshots opened in the page (web/src/snapshot_load.cpp; COUNTING.md "Snapshots" S1-S3): written by the
// native CLI at test time, loaded through #file-input, they give the CLI's summary of the same snapshot; a damaged
// one is refused with the checksum message and what was loaded stays.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, ROOT, SITE, DEMO } = t;
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
  const scratch = path.join(SITE, '..', 'snapshot-test');
  const fixture = (name) => path.join(ROOT, 'tests', 'fixtures', name);
  const FIELDS = ['posts', 'duplicates', 'skipped', 'types', 'authors', 'first', 'last', 'no_time', 'top_hashtags', 'files'];
  const pick = (summary) => JSON.stringify(Object.fromEntries(FIELDS.map((k) => [k, summary[k]])));

  function snapshot(name, files) {
    mkdirSync(scratch, { recursive: true });
    const out = path.join(scratch, name);
    execFileSync(CLI, ['snapshot', ...files, '-o', out]);
    return out;
  }
  const cliSummary = (...files) => JSON.parse(execFileSync(CLI, ['summary', ...files, '--json']).toString());

  // Loads paths through #file-input and waits for the load to end; returns {summary, status}.
  async function open(page, files) {
    await page.evaluate(() => { window.chorus.lastLoad = null; });
    await page.setInputFiles('#file-input', files);
    await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 60000);
    return page.evaluate(() => ({ summary: window.chorus.summary(), status: document.getElementById('status').textContent }));
  }

  test('snapshot S1: a .chorus file opened in the page gives the CLI\'s summary of it; S3: with a dump it merges', async ({ browser, site }) => {
    assert(existsSync(CLI), `the native CLI is needed to write the snapshots: ${CLI}`);
    const dumps = [fixture('v1_mixed.jsonl'), fixture('v1_truncated.jsonl'), fixture('v2_twarc2.jsonl'), fixture('fmt_reddit.jsonl'), DEMO];
    const file = snapshot('fixtures.chorus', dumps);
    const want = cliSummary(file);
    assert(want.posts > 1000 && want.files.length === dumps.length, `the snapshot holds the demo and the fixtures: ${want.posts} posts`);
    const { context, page, problems } = await openPage(browser, site);
    const got = await open(page, [file]);
    assert(pick(got.summary) === pick(want), `page ${pick(got.summary)}\ncli  ${pick(want)}`);
    assert(got.status === '', `no status message for a sound snapshot (${got.status})`);
    await page.waitForTimeout(300);
    await screenshot(page, 'snapshot-opened-dpr1.png');

    // A snapshot and a dump overlapping it, loaded together: de-duplicated as natively (S3).
    const small = snapshot('mixed.chorus', [fixture('v1_mixed.jsonl')]);
    const both = await open(page, [small, fixture('v1_mixed.jsonl')]);
    const wantBoth = cliSummary(file, small, fixture('v1_mixed.jsonl'));
    assert(pick(both.summary) === pick(wantBoth), `merged: page ${pick(both.summary)}\ncli  ${pick(wantBoth)}`);
    assert(both.summary.duplicates > 0, 'the overlapping snapshot and dump were de-duplicated');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  test('snapshot S2: a damaged .chorus file gives the checksum message and keeps what was loaded', async ({ browser, site }) => {
    assert(existsSync(CLI), `the native CLI is needed to write the snapshots: ${CLI}`);
    const file = snapshot('v2.chorus', [fixture('v2_twarc2.jsonl')]);
    const bytes = readFileSync(file);
    bytes[bytes.length - 20] ^= 0x40;   // a byte of the payload: the header's checksum no longer matches
    const damaged = path.join(scratch, 'damaged.chorus');
    writeFileSync(damaged, bytes);
    const notSnapshot = path.join(scratch, 'renamed-dump.chorus');   // a name says nothing: a dump is read as one
    writeFileSync(notSnapshot, readFileSync(fixture('v1_mixed.jsonl')));
    const { context, page } = await openPage(browser, site);
    const first = await open(page, [fixture('v1_mixed.jsonl')]);
    const before = pick(first.summary);
    const got = await open(page, [damaged]);
    assert(got.status.includes('damaged.chorus') && got.status.includes('checksum mismatch'), `the status names the file and the checksum: ${got.status}`);
    assert(pick(got.summary) === before, `the earlier data stays: ${pick(got.summary)}\nwas ${before}`);
    const plain = await open(page, [notSnapshot]);
    assert(plain.summary.files.some((f) => f.name === 'renamed-dump.chorus' && f.format === 'twitter-v1.1-jsonl' && f.records > 0), 'a dump named .chorus loads as a dump');
    await context.close();
  });
}
