// The timeline's layers in the page: a peak marker and what drove it, "Brush this peak", compared
// series whose legend totals equal the CLI's numbers, stacked bars. Screenshots at dpr 1 and 2.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function register(t) {
  const { test, assert, waitFor, selectionSettled, openPage, screenshot, clickItem, ROOT, DEMO } = t;
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
  const cli = (...args) => JSON.parse(execFileSync(CLI, [...args, '--format', 'json', DEMO]).toString());
  const items = (page) => page.evaluate(() => window.chorus.items());
  const settle = (page) => page.waitForTimeout(250);
  const frames = (page, n) => page.evaluate((k) => new Promise((done) => {
    const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
    step(k);
  }), n);
  // Frames are slow on a busy machine: wait for what a click makes appear instead of a fixed time.
  const itemStarting = (page, prefix) =>
    waitFor(page, (p) => window.chorus.items().some((i) => i.label.startsWith(p)), prefix, 20000).catch(() => {});

  for (const dpr of [1, 2]) {
    test(`timeline (dpr ${dpr}): a peak marker shows what drove it, brushes its bin; compared series' legend totals equal the CLI`, async ({ browser, site }) => {
      assert(existsSync(CLI), `the CLI is needed for the expected numbers: build ${CLI}`);
      const { context, page, problems } = await openPage(browser, site, { dpr });
      await page.evaluate(() => window.chorus.loadDemo());
      await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; });
      await settle(page);

      // The fitted view bins by day: the peaks are `chorus peaks --bin day`.
      const report = cli('peaks', '--bin', 'day');
      const iso = (v) => (typeof v === 'number' ? new Date(v * 1000).toISOString().replace('.000Z', 'Z') : v);
      const last = report.peaks[report.peaks.length - 1];
      assert(last && iso(last.start).startsWith('2017-12-06'), `the CLI's last day peak: ${JSON.stringify(last && last.start)}`);
      const marker = `Peak ${iso(last.start)}`;
      const markers = (await items(page)).filter((i) => /^Peak \d/.test(i.label));
      assert(markers.length === report.peaks.length, `${markers.length} peak markers on the page, the CLI finds ${report.peaks.length}`);
      const m = await clickItem(page, marker);
      assert(m.w >= 8 && m.h >= 8, `the marker is big enough to click: ${JSON.stringify(m)}`);
      await itemStarting(page, 'Brush this peak');
      const popup = (await items(page)).map((i) => i.label);
      await screenshot(page, `timeline-peak-dpr${dpr}.png`);
      assert(popup.includes('Brush this peak'), `the peak popup has its brush button (items: ${popup.join(', ')})`);
      for (const d of last.hashtags) assert(popup.includes(`#${d.value}`), `the popup lists #${d.value} (${popup.join(', ')})`);
      for (const d of last.authors) assert(popup.includes(`from:${d.value}`), `the popup lists from:${d.value}`);
      await clickItem(page, 'Brush this peak');
      await waitFor(page, () => window.chorus.selection().brush !== null, undefined, 20000).catch(() => {});
      const selection = await selectionSettled(page);
      assert(selection.posts === last.count, `the brushed peak selects ${selection.posts} posts, the CLI's peak holds ${last.count}`);
      assert(selection.brush && iso(selection.brush[0]) === iso(last.start) && iso(selection.brush[1]) === iso(last.end),
        `the brush is the peak's bin: ${JSON.stringify(selection.brush)}`);

      // Two compared series; the brush does not apply to them (rule 60), so their totals are the CLI's.
      for (const q of ['#metoo', '#balancetonporc']) {
        await clickItem(page, 'Compare query');
        await page.keyboard.type(q);  // the canvas reads key events (see the query bar's case)
        await settle(page);
        await frames(page, 3);  // the typed characters reach ImGui in the next frames, however slow they come
        await clickItem(page, 'Compare');
        const want = cli('timeline', '--query', q).bins.reduce((n, b) => n + b[1], 0);
        const label = `Series ${q}  ${want.toLocaleString('en-US')} posts`;
        await itemStarting(page, `Series ${q} `);
        const legend = (await items(page)).filter((i) => i.label.startsWith('Series '));
        if (!legend.some((i) => i.label === label)) await screenshot(page, `timeline-series-failed-dpr${dpr}.png`);
        assert(legend.some((i) => i.label === label), `legend "${label}" expected; have ${legend.map((i) => i.label).join(' | ')}`);
      }
      await clickItem(page, 'Stacked by type');
      await settle(page);
      await settle(page);
      // Hover a bin of the 16 Oct wave for the tooltip in the picture.
      const timeline = (await items(page)).find((i) => i.label === 'Timeline');
      await page.mouse.move(timeline.x + timeline.w * 0.12, timeline.y + timeline.h * 0.6);
      await settle(page);
      await screenshot(page, `timeline-series-dpr${dpr}.png`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    });
  }
}
