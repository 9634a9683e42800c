// The timeline in a time zone: the Settings window's "Time zone" combo sets the explorer's zone, and
// window.chorus.view() then reports that zone and day bins equal to the CLI's
// `chorus timeline --bin day --tz ZONE` on the demo (a 25-hour day where New York falls back).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, clickItem, ROOT, DEMO } = t;
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
  const ZONE = 'America/New_York';

  test('time zone: picking America/New_York in Settings gives the timeline the CLI\'s --tz day bins', async ({ browser, site }) => {
    assert(existsSync(CLI), `the CLI is needed for the expected numbers: build ${CLI}`);
    const want = JSON.parse(execFileSync(CLI, ['timeline', DEMO, '--bin', 'day', '--tz', ZONE, '--format', 'json']).toString());
    assert(want.tz === ZONE && want.bins.length > 10, `the CLI's bins in ${ZONE}: ${JSON.stringify(want).slice(0, 200)}`);
    const { context, page, problems } = await openPage(browser, site);
    await page.evaluate(() => window.chorus.loadDemo());
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; });
    await page.waitForTimeout(250);
    const before = await page.evaluate(() => window.chorus.view());
    assert(before.zone === 'UTC' && before.step === 86400, `UTC day bins at first: ${JSON.stringify(before).slice(0, 200)}`);
    assert(before.edges[0] % 86400 === 0, `UTC bins start at midnight UTC: ${before.edges[0]}`);

    await clickItem(page, 'Settings');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Time zone'), undefined, 5000);
    await page.waitForTimeout(300);  // a new window settles its size in its first frames
    await clickItem(page, 'Time zone');
    await page.waitForTimeout(300);
    await page.keyboard.type('new york');  // the filter has the keyboard focus when the combo opens
    await waitFor(page, (z) => window.chorus.items().some((i) => i.label === z), ZONE, 10000);
    await page.waitForTimeout(200);
    await clickItem(page, ZONE);
    await waitFor(page, (z) => window.chorus.view().zone === z, ZONE, 10000);
    await page.waitForTimeout(300);
    await screenshot(page, 'timezone-new-york.png');

    const view = await page.evaluate(() => window.chorus.view());
    assert(view.step === 86400 && view.edges.length === view.counts.length + 1, `day bins with edges: ${JSON.stringify(view).slice(0, 300)}`);
    // Every CLI bin is one of the page's, with the same count; the page's other bins are empty.
    const at = new Map(view.edges.slice(0, -1).map((e, i) => [e, i]));
    let matched = 0;
    for (const [local, count, utc] of want.bins) {
      const i = at.get(Date.parse(utc) / 1000);
      assert(i !== undefined, `the page has the CLI's bin ${local} (${utc}); edges ${view.edges.slice(0, 5).join(',')}...`);
      assert(view.counts[i] === count, `bin ${local}: the page counts ${view.counts[i]}, the CLI ${count}`);
      matched += count;
    }
    const total = view.counts.reduce((n, c) => n + c, 0);
    assert(total === matched && matched === want.posts - want.no_time, `the page's bins hold ${total} posts, the CLI's ${matched}`);
    // New York midnight is 04:00Z or 05:00Z, and Nov 5 2017 lasts 25 hours.
    assert(view.edges.every((e) => e % 86400 === 4 * 3600 || e % 86400 === 5 * 3600), 'every edge is New York midnight');
    const nov5 = at.get(Date.parse('2017-11-05T04:00:00Z') / 1000);
    if (nov5 !== undefined) assert(view.edges[nov5 + 1] - view.edges[nov5] === 25 * 3600, 'Nov 5 is 25 hours long');
    assert(problems.length === 0, `page problems: ${problems.join('; ')}`);
    await context.close();
  });
}
