// Issue 5's walkthrough, as a researcher does it through the page: the 15,054-post #MeToo CSV (two days
// of October 2019) through #file-input; the query typed with the keyboard only (`/`, the keys, Enter);
// the peak hour found on the hour bins, and what drove it (right-click on its bar, rule 105); zoomed in with
// the wheel until the peak's markers show what drove it; the peak hour brushed; the reader's posts, the hashtags of the range, the timeline's bins and the
// selection's posts exported; #metoo compared with #MeTooVoter. Every number is checked against the
// `chorus` CLI on the same file. Screenshots at dpr 1 and 2 (build/web/screenshots/walk-*.png).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parseCsv } from './helpers_cases.mjs';

const HOUR = 3600;

export default function register(t) {
  const { test, assert, waitFor, selectionSettled, openPage, screenshot, clickItem, ROOT, SAMPLES } = t;
  const CSV = path.join(SAMPLES, 'twitter-csv', 'metoo-2019-kaggle-MeToo_tweets.csv');
  if (!existsSync(CSV)) {
    console.log(`SKIP the walkthrough of issue 5: ${CSV} is absent (../shared/samples holds the #MeToo CSV)`);
    return;
  }
  const CLI = path.join(ROOT, 'build', 'native', 'shell', 'chorus');
  const run = (args) => execFileSync(CLI, [...args, CSV], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 }).toString();
  const cli = (...args) => JSON.parse(run([...args, '--format', 'json']));
  const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const items = (page) => page.evaluate(() => window.chorus.items());
  const item = async (page, label) => (await items(page)).find((i) => i.label === label);
  const hasItem = (page, test) => waitFor(page, (p) => window.chorus.items().some((i) => i.label.startsWith(p)), test, 20000)
    .catch(() => {});
  const frames = (page, n = 3) => page.evaluate((k) => new Promise((done) => {
    const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
    step(k);
  }), n);

  // Clicks the ImGui item labelled `label`; returns the download it starts: {name, url, bytes}.
  async function downloadOf(page, label) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), clickItem(page, label)]);
    const file = await download.path();
    assert(file, `the download of "${label}" failed: ${await download.failure()}`);
    return { name: download.suggestedFilename(), url: download.url(), bytes: readFileSync(file) };
  }
  const csvOf = (download) => {
    const b = download.bytes;
    assert(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf, `${download.name} starts with the UTF-8 BOM`);
    assert(download.url.startsWith('blob:'), `${download.name} comes from a blob: URL (${download.url})`);
    return parseCsv(b.subarray(3).toString('utf8'));
  };

  for (const dpr of [1, 2]) {
    test(`walkthrough (dpr ${dpr}): the #MeToo CSV, a typed query, the peak hour and its drivers, the brushed hour's posts and lists, a compared hashtag, exports = the CLI`, async ({ browser, site }) => {
      assert(existsSync(CLI), `the CLI is needed for the expected numbers: build ${CLI}`);
      const shot = async (page, step) => { await frames(page); await screenshot(page, `walk-${step}-dpr${dpr}.png`); };
      const { context, page, problems } = await openPage(browser, site, { dpr });

      // 1. Load the CSV through the page's file input.
      const summary = JSON.parse(run(['summary', '--json']));
      await page.setInputFiles('#file-input', CSV);
      await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, summary.posts, 120000);
      const got = await page.evaluate(() => window.chorus.summary());
      for (const key of ['posts', 'first', 'last', 'top_hashtags'])
        assert(JSON.stringify(got[key]) === JSON.stringify(summary[key]), `loaded: ${key} is ${JSON.stringify(got[key])}, the CLI says ${JSON.stringify(summary[key])}`);
      assert(summary.posts === 15054, `the sample holds 15,054 posts (the CLI reads ${summary.posts})`);
      await shot(page, '1-loaded');

      // 2. The query, with the keyboard only: `/` moves to the query bar, the keys type it, Enter.
      const query = '#metoo';
      await page.mouse.move(5, 795);   // nowhere in particular: no field has the keyboard
      await page.keyboard.type('/');
      await page.keyboard.type(query);
      await page.keyboard.press('Enter');
      const hourly = cli('timeline', '--bin', 'hour', '--query', query);
      await waitFor(page, (n) => window.chorus.selection().posts === n, hourly.posts, 20000).catch(() => {});
      const typed = await page.evaluate(() => window.chorus.selection());
      assert(typed.query === query && typed.error === null && typed.posts === hourly.posts,
        `after typing the query: ${JSON.stringify(typed)}; the CLI selects ${hourly.posts}`);
      await shot(page, '2-query');

      // 3. The peak hour: the fitted view of these 29 hours bins by hour; its tallest bar is the CLI's.
      await waitFor(page, () => window.chorus.view().step === 3600, undefined, 20000).catch(() => {});
      const fitted = await page.evaluate(() => window.chorus.view());
      assert(fitted.step === HOUR, `the fitted view bins per hour (step ${fitted.step})`);
      const cliPeak = hourly.bins.reduce((best, b) => (b[1] > best[1] ? b : best));
      let at = 0;
      fitted.counts.forEach((c, i) => { if (c > fitted.counts[at]) at = i; });
      assert(iso(fitted.edges[at]) === cliPeak[0] && fitted.counts[at] === cliPeak[1],
        `the page's tallest hour is ${iso(fitted.edges[at])} with ${fitted.counts[at]} posts, the CLI's ${cliPeak[0]} with ${cliPeak[1]}`);
      const peakStart = fitted.edges[at];
      // The timeline's bins as CSV: the query's posts and every post, hour by hour, as the CLI counts them.
      const everyHour = new Map(cli('timeline', '--bin', 'hour').bins.map(([s, n]) => [s, n]));
      const queryHour = new Map(hourly.bins.map(([s, n]) => [s, n]));
      const bins = csvOf(await downloadOf(page, 'Export timeline CSV'));
      assert(JSON.stringify(bins[0]) === JSON.stringify(['bin start (UTC)', 'bin end (UTC)', 'posts in selection', 'posts in all']), `timeline CSV header: ${bins[0]}`);
      let binned = 0;
      for (const [start, end, sel, all] of bins.slice(1)) {
        assert(Date.parse(end) - Date.parse(start) === HOUR * 1000, `an hour bin: ${start} - ${end}`);
        assert(Number(sel) === (queryHour.get(start) || 0) && Number(all) === (everyHour.get(start) || 0),
          `timeline CSV ${start}: ${sel} of ${all}, the CLI says ${queryHour.get(start) || 0} of ${everyHour.get(start) || 0}`);
        binned += Number(sel);
      }
      assert(binned === hourly.posts, `the timeline CSV holds ${binned} posts, the CLI ${hourly.posts}`);
      // Hover the tallest bar: its tooltip gives the hour and the count.
      const timeline = await item(page, 'Timeline');
      // The plot's x of a time: the plot spans the Timeline item less a left margin for the counts
      // (a first guess, calibrated below).
      let plotX0 = timeline.x + 60, plotW = timeline.w - 64;
      const xOf = (v, s) => plotX0 + (s - v.start) / (v.end - v.start) * plotW;
      const y = timeline.y + timeline.h * 0.5;
      const drag = async (x0, x1) => {
        await page.keyboard.down('Shift');
        await page.mouse.move(x0, y);
        await page.mouse.down();
        await page.mouse.move((x0 + x1) / 2, y, { steps: 4 });
        await page.mouse.move(x1, y, { steps: 4 });
        await page.mouse.up();
        await page.keyboard.up('Shift');
        // The brush shows at once; its posts once every piece is counted (rule 113: "updating" until then).
        await waitFor(page, () => { const s = window.chorus.selection(); return s.brush !== null && !s.updating; }, undefined, 10000).catch(() => {});
        return (await page.evaluate(() => window.chorus.selection())).brush;
      };
      // Where the plot is: a first shift-drag over most of the plot brushes a range whose ends give the plot's
      // left edge and width (time = start + (x - x0) / w * span); "Clear range" clears it. A wide drag keeps
      // the error of a pixel's rounding small: over one hour (~35 px) it made the later brush miss by minutes.
      const xa = plotX0 + 0.1 * plotW, xb = plotX0 + 0.9 * plotW;
      const first = await drag(xa, xb);
      assert(first, 'a shift-drag on the timeline brushes a range');
      const ta = first[0] + 0.5, tb = first[1] - 0.5, fspan = fitted.end - fitted.start;
      plotW = (xb - xa) / ((tb - ta) / fspan);
      plotX0 = xa - (ta - fitted.start) / fspan * plotW;
      await clickItem(page, 'Clear range');   // (a double-click too, but its two clicks must land within 0.3 s of frames)
      await waitFor(page, () => window.chorus.selection().brush === null, undefined, 10000).catch(() => {});
      assert((await page.evaluate(() => window.chorus.selection())).brush === null, '"Clear range" clears the range');
      await page.mouse.move(xOf(fitted, peakStart + HOUR / 2), timeline.y + timeline.h * 0.7);
      await shot(page, '3-peak-hour');

      // 3b. What drove the peak hour, at the hour bins (rule 105; no peak marker: 24 earlier hours do not exist):
      // right-click its bar, "What drove this bin"; the popup's hashtags, authors and domains are, in order,
      // `chorus drivers` of that hour.
      const hourDrivers = cli('drivers', '--at', cliPeak[0], '--bin', 'hour', '--query', query);
      assert(hourDrivers.start === cliPeak[0] && hourDrivers.count === cliPeak[1] && hourDrivers.hashtags.length > 0,
        `the CLI's drivers of the peak hour: ${hourDrivers.start}, ${hourDrivers.count} posts, ${hourDrivers.hashtags.length} hashtags`);
      await page.mouse.click(xOf(fitted, peakStart + HOUR / 2), timeline.y + timeline.h * 0.7, { button: 'right' });
      await hasItem(page, 'What drove this bin');
      await clickItem(page, 'What drove this bin');
      await hasItem(page, 'Brush this bin');
      const driverLabels = (await items(page)).map((i) => i.label);
      const fields = [['#', hourDrivers.hashtags], ['from:', hourDrivers.authors], ['domain:', hourDrivers.domains]];
      for (const [prefix, want] of fields) {
        const shown = driverLabels.filter((l) => l.startsWith(prefix));
        assert(JSON.stringify(shown) === JSON.stringify(want.map((d) => prefix + d.value)),
          `the peak hour's drivers ${JSON.stringify(shown)}, the CLI's ${JSON.stringify(want.map((d) => prefix + d.value))}`);
      }
      await shot(page, '3b-hour-drivers');
      // Leave the popup by clicking under the timeline on the side away from it: nothing else changes.
      const brushBin = await item(page, 'Brush this bin');
      const awayX = brushBin.x > timeline.x + timeline.w / 2 ? timeline.x + 70 : timeline.x + timeline.w - 10;
      await page.mouse.click(awayX, timeline.y + timeline.h + 10);
      await waitFor(page, () => !window.chorus.items().some((i) => i.label === 'Brush this bin'), undefined, 10000).catch(() => {});
      const afterDrivers = await selectionSettled(page);
      assert(!(await item(page, 'Brush this bin')) && afterDrivers.query === query && afterDrivers.brush === null,
        `closing the drivers keeps the query and sets no range: ${JSON.stringify(afterDrivers)}`);

      // 4. What drove it: zoom in with the wheel around the peak hour until the bins are finer than an hour;
      // its minute peaks get markers; the strongest one's popup lists the CLI's drivers.
      const minutePeaks = cli('peaks', '--bin', 'minute', '--query', query).peaks
        .filter((p) => Date.parse(p.start) / 1000 >= peakStart && Date.parse(p.start) / 1000 < peakStart + HOUR);
      assert(minutePeaks.length > 0, 'the CLI finds minute peaks in the peak hour');
      const strongest = minutePeaks.reduce((a, b) => (b.z > a.z ? b : a));
      // Drag the peak hour to the middle of the plot (drag pans), then zoom there.
      await page.mouse.move(xOf(fitted, peakStart + HOUR / 2), y);
      await page.mouse.down();
      await page.mouse.move(plotX0 + plotW / 2, y, { steps: 8 });
      await page.mouse.up();
      await waitFor(page, (s) => window.chorus.view().start !== s, fitted.start, 10000).catch(() => {});
      for (let notch = 0; notch < 40; notch++) {
        const v = await page.evaluate(() => window.chorus.view());
        if (v.end - v.start < 2.5 * HOUR) break;
        await page.mouse.move(xOf(v, peakStart + HOUR / 2), timeline.y + timeline.h * 0.5);
        await page.mouse.wheel(0, -100);
        await waitFor(page, (s) => window.chorus.view().start !== s, v.start, 10000).catch(() => {});
      }
      const zoomed = await page.evaluate(() => window.chorus.view());
      assert(zoomed.step < HOUR && zoomed.start <= peakStart && zoomed.end >= peakStart + HOUR,
        `zoomed to the peak hour with bins under an hour: ${iso(zoomed.start)} - ${iso(zoomed.end)}, step ${zoomed.step}`);
      const marker = `Peak ${strongest.start}`;
      await hasItem(page, marker);
      const markers = (await items(page)).filter((i) => /^Peak \d/.test(i.label)).map((i) => i.label);
      for (const p of minutePeaks) assert(markers.includes(`Peak ${p.start}`), `a marker for the CLI's peak ${p.start} (have ${markers.join(', ')})`);
      await clickItem(page, marker);
      await hasItem(page, 'Brush this peak');
      const popup = (await items(page)).map((i) => i.label);
      for (const d of strongest.hashtags) assert(popup.includes(`#${d.value}`), `the popup lists #${d.value} (${popup.join(', ')})`);
      for (const d of strongest.domains) assert(popup.includes(`domain:${d.value}`) || popup.some((l) => l.includes(d.value)), `the popup lists ${d.value}`);
      await shot(page, '4-drivers');
      // Leave the popup by clicking the empty end of the line under the timeline: nothing else changes.
      await page.mouse.click(timeline.x + timeline.w - 10, timeline.y + timeline.h + 10);
      await waitFor(page, () => !window.chorus.items().some((i) => i.label === 'Brush this peak'), undefined, 10000).catch(() => {});
      const kept = await selectionSettled(page);
      assert(kept.query === query && kept.brush === null, `closing the popup keeps the query and sets no range: ${JSON.stringify(kept)}`);

      // 5. Brush the peak hour (shift-drag). The times are whole minutes: a brush from (hh-1):59:xx to hh:59:xx
      // holds exactly the hour's posts (the zoomed view has a few seconds a pixel).
      const view = await page.evaluate(() => window.chorus.view());
      const brush = await drag(xOf(view, peakStart - 30), xOf(view, peakStart + HOUR - 30));
      assert(brush && brush[0] > peakStart - 60 && brush[0] <= peakStart && brush[1] > peakStart + HOUR - 60 && brush[1] <= peakStart + HOUR,
        `the brush covers the peak hour's minutes: ${brush && brush.map(iso)}`);
      const range = `${query} since:${cliPeak[0].slice(0, 16)} until:${iso(peakStart + HOUR).slice(0, 16)}`;
      const brushed = await selectionSettled(page);
      assert(brushed.posts === cliPeak[1] && brushed.query === query, `the brushed hour selects ${brushed.posts}, the CLI's peak hour holds ${cliPeak[1]}`);
      await shot(page, '5-brushed');

      // 6. Read its posts: the reader lists them (rows "Post 1", ...); the JSONL export holds each of them,
      // as `chorus posts` prints them (texts and times, in time order); ids are text.
      await hasItem(page, 'Post 1');
      const rows = (await items(page)).filter((i) => /^Post \d+$/.test(i.label));
      assert(rows.length >= 3 && rows[0].label === 'Post 1', `the reader shows rows: ${rows.map((r) => r.label).join(', ')}`);
      const jsonl = await downloadOf(page, 'Export posts (JSONL)');
      assert(jsonl.name === 'chorus-posts-metoo.jsonl' && jsonl.url.startsWith('blob:'), `the JSONL: ${jsonl.name} from ${jsonl.url}`);
      const lines = jsonl.bytes.toString('utf8').split('\n');
      assert(lines.pop() === '', 'the JSONL ends with a newline');
      const exported = lines.map((l) => JSON.parse(l));
      const cliPosts = run(['posts', '--query', range]).trim().split('\n').map((l) => JSON.parse(l));
      assert(exported.length === cliPeak[1] && cliPosts.length === cliPeak[1], `${exported.length} exported posts, the CLI lists ${cliPosts.length}, the peak hour holds ${cliPeak[1]}`);
      const key = (p) => `${p.time} ${p.text}`;
      const mine = exported.map(key).sort(), theirs = cliPosts.map(key).sort();
      assert(JSON.stringify(mine) === JSON.stringify(theirs), 'the exported posts are the CLI\'s (time and text)');
      for (let i = 1; i < exported.length; i++) assert(exported[i - 1].time <= exported[i].time, `in time order at line ${i + 1}`);
      assert(exported.every((p) => typeof p.id === 'string' && p.hashtags.some((h) => h.toLowerCase() === 'metoo')), 'ids are text; each post holds #metoo');
      await shot(page, '6-reader');

      // 7. The hashtags of the brushed hour: the list exported as CSV is `chorus top -n 0` of the same range.
      const tags = csvOf(await downloadOf(page, 'Export hashtags'));
      assert(JSON.stringify(tags[0]) === JSON.stringify(['rank', 'hashtag', 'posts', 'share of selection']), `hashtags CSV header: ${tags[0]}`);
      // The list shows the top 20 (shell/explorer.cpp kTopRows); its export holds every hashtag (rule 106).
      const top = cli('top', '--field', 'hashtags', '-n', '0', '--query', range);
      assert(top.posts === cliPeak[1], `the CLI's range holds ${top.posts} posts`);
      const listed = tags.slice(1).map(([, tag, n]) => [tag, Number(n)]);
      assert(JSON.stringify(listed) === JSON.stringify(top.items),
        (() => {
          const at = listed.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(top.items[i]));
          return `the brushed hour's hashtags (${listed.length}) differ from the CLI's (${top.items.length}) at row ${at + 1}: ` +
            `${JSON.stringify(listed.slice(at, at + 4))}, the CLI says ${JSON.stringify(top.items.slice(at, at + 4))}`;
        })());
      tags.slice(1).forEach(([, , n, share]) => assert(Math.abs(Number(share) - Number(n) / cliPeak[1]) < 1e-6, `share ${share} of ${n}`));

      // 8. Compare #metoo with another hashtag: Esc clears the query and the range; two series typed in the
      // compare field (Enter adds each); the legend's totals are the CLI's.
      await page.keyboard.press('Escape');
      await waitFor(page, (n) => { const s = window.chorus.selection(); return s.query === '' && s.brush === null && s.posts === n; }, summary.posts, 10000).catch(() => {});
      const cleared = await page.evaluate(() => window.chorus.selection());
      assert(cleared.query === '' && cleared.brush === null && cleared.posts === summary.posts, `Esc clears: ${JSON.stringify(cleared)}`);
      // Back out to the two days with the wheel (a double-click fits too, but its two clicks must come within
      // 0.3 s of frames, which a loaded machine does not draw).
      await page.mouse.move(plotX0 + plotW / 2, y);
      for (let notch = 0; notch < 40; notch++) {
        const v = await page.evaluate(() => window.chorus.view());
        if (v.end - v.start >= fitted.end - fitted.start) break;
        await page.mouse.wheel(0, 100);
        await waitFor(page, (s) => window.chorus.view().start !== s, v.start, 10000).catch(() => {});
      }
      for (const q of ['#metoo', '#MeTooVoter']) {
        await clickItem(page, 'Compare query');
        await page.keyboard.type(q);
        await page.keyboard.press('Enter');
        const want = cli('timeline', '--query', q).posts;
        const label = `Series ${q}  ${want.toLocaleString('en-US')} posts`;
        await hasItem(page, `Series ${q} `);
        const legend = (await items(page)).filter((i) => i.label.startsWith('Series ')).map((i) => i.label);
        assert(legend.includes(label), `legend "${label}" expected; have ${legend.join(' | ')}`);
      }
      await page.mouse.move(xOf(await page.evaluate(() => window.chorus.view()), peakStart + HOUR / 2), timeline.y + timeline.h * 0.7);
      await shot(page, '7-compare');
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    });
  }
}
