// Engagement counts in the post reader (core/engagement.hpp; COUNTING.md rules 91-93): the reader's
// "Most liked" order, exported as JSONL, is the CLI's `chorus posts --sort likes` of the same file, with
// the counts as the file gave them (the first copy's, for the duplicate in the fixture).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, clickItem, ROOT } = t;
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
  const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'engage_posts.jsonl');

  async function exportedPosts(page) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), clickItem(page, 'Export posts (JSONL)')]);
    const file = await download.path();
    assert(file, `the posts download failed: ${await download.failure()}`);
    return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  }
  const key = (p) => JSON.stringify([p.text, p.likes, p.reposts, p.replies, p.quotes]);

  test('engagement: the reader sorted by likes shows the engine\'s order and counts (rules 91-93)', async ({ browser, site }) => {
    assert(existsSync(CLI), `the CLI is needed for the expected order: build ${CLI}`);
    const want = execFileSync(CLI, ['posts', FIXTURE, '--sort', 'likes']).toString().trim().split('\n').map((l) => JSON.parse(l));
    assert(want.length === 7 && want[0].likes === 70001 && want[want.length - 1].likes === null,
      `the CLI's order: most liked first, not given last: ${JSON.stringify(want.map((p) => p.likes))}`);
    const { context, page, problems } = await openPage(browser, site);
    await page.evaluate(() => { window.chorus.lastLoad = null; });
    await page.setInputFiles('#file-input', [FIXTURE]);
    await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 60000);
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Most liked'), undefined, 10000);
    await page.waitForTimeout(250);

    const byTime = await exportedPosts(page);
    assert(byTime.map((p) => p.id).join() === '501,502,503,504,505,506,507', `time order first: ${byTime.map((p) => p.id)}`);
    await clickItem(page, 'Most liked');
    await page.waitForTimeout(300);
    await screenshot(page, 'engage-most-liked.png');
    const got = await exportedPosts(page);
    assert(got.map(key).join('\n') === want.map(key).join('\n'),
      `page:\n${got.map(key).join('\n')}\ncli:\n${want.map(key).join('\n')}`);
    assert(got[2].id === '501' && got[2].likes === 3, `the duplicate's later counts are not used: ${JSON.stringify(got[2])}`);

    await clickItem(page, 'Newest first');
    await page.waitForTimeout(300);
    const newest = await exportedPosts(page);
    assert(newest.map((p) => p.id).join() === '507,506,505,504,503,502,501', `newest first: ${newest.map((p) => p.id)}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });
}
