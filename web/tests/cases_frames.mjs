// The frame clock (window.chorus.frameStats(), web/src/frame_clock.hpp): the explorer's work per frame, split into
// ours / ImGui / GL, reset on each call; and a word typed at the demo keeps every frame's work well under a second
// (the query is evaluated over frames: core/query_evaluation.hpp). Bounds are loose: timing never decides much here.
// An idle page draws nothing (Display::Render): the canvas keeps showing the last frame drawn; a hover draws only
// the region it changed (shell/redraw_region.hpp), and the canvas is then the frame drawn whole.
import { distinctColours } from './png.mjs';

export default function register(t) {
  const { test, assert, waitFor, openPage, clickItem, screenshot } = t;

  test('frames: an idle page draws nothing and keeps showing its view; a hover draws again', async ({ browser, site }) => {
    const { context, page, problems } = await openPage(browser, site, { dpr: 1 });
    await page.evaluate(() => window.chorus.loadDemo());
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; }, undefined, 60000);
    await waitFor(page, () => !window.chorus.selection().updating, undefined, 30000);
    await page.mouse.move(2, 795);  // off every widget
    await page.waitForTimeout(500);
    await page.evaluate(() => window.chorus.frameStats());
    await page.waitForTimeout(1000);
    const idle = await page.evaluate(() => window.chorus.frameStats());
    assert(idle.frames >= 10, `the main loop runs while idle: ${JSON.stringify(idle)}`);
    assert(idle.drawn <= 2, `an idle page draws (almost) no frame: ${idle.drawn} of ${idle.frames}`);
    const shot = await screenshot(page, 'frames-idle-dpr1.png');
    const colours = distinctColours(shot);
    assert(colours > 30, `the canvas still shows the view after idle frames: ${colours} colours`);

    // A hovered row is highlighted: that frame differs, so it is drawn.
    const row = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Timeline');
    assert(row, 'the timeline is drawn');
    await page.evaluate(() => window.chorus.frameStats());
    await page.mouse.move(row.x + row.w / 2, row.y + row.h / 2);  // the bin's tooltip
    await page.waitForTimeout(500);
    const hover = await page.evaluate(() => window.chorus.frameStats());
    assert(hover.drawn >= 1, `a hover draws: ${JSON.stringify(hover)}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  for (const dpr of [1, 2]) {
    test(`frames: a hover draws again only the part of the canvas it changes, which then equals the frame drawn whole (dpr ${dpr})`, async ({ browser, site }) => {
      const { context, page, problems } = await openPage(browser, site, { dpr });
      await page.evaluate(() => window.chorus.loadDemo());
      await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; }, undefined, 60000);
      await waitFor(page, () => !window.chorus.selection().updating, undefined, 30000);
      await page.mouse.move(2, 795);
      await page.waitForTimeout(500);
      const items = await page.evaluate(() => window.chorus.items());
      const start = items.findIndex((i) => i.label === 'Export hashtags');
      const rows = items.slice(start + 1).filter((i) => !i.label.startsWith('Sort ')).slice(0, 3);
      const timeline = items.find((i) => i.label === 'Timeline');
      assert(rows.length === 3 && timeline, `hashtag rows and the timeline are drawn: ${items.map((i) => i.label).join(', ')}`);
      // Rows highlighted one after another, the timeline's tooltip at two places, then off every widget.
      await page.evaluate(() => window.chorus.frameStats());
      const spots = [...rows.map((r) => [r.x + r.w / 2, r.y + r.h / 2]),
        [timeline.x + timeline.w * 0.3, timeline.y + timeline.h * 0.7], [timeline.x + timeline.w * 0.6, timeline.y + timeline.h * 0.7], [2, 795]];
      for (const [x, y] of spots) {
        await page.mouse.move(x, y);
        await page.waitForTimeout(250);
      }
      const hovers = await page.evaluate(() => window.chorus.frameStats());
      assert(hovers.drawn >= spots.length && hovers.drawn_share < 0.5,
        `each hover drew a part of the canvas: ${hovers.drawn} frames drawn, ${(hovers.drawn_share * 100).toFixed(1)}% of it on average`);
      const part = await screenshot(page, `frames-part-dpr${dpr}.png`);
      // The same frame drawn whole: not one pixel differs.
      await page.evaluate(() => window.chorus.redraw());
      await page.waitForTimeout(300);
      const redrawn = await page.evaluate(() => window.chorus.frameStats());
      assert(redrawn.drawn >= 1 && redrawn.drawn_share === 1, `redraw() draws the whole canvas: ${JSON.stringify(redrawn)}`);
      const whole = await screenshot(page, `frames-whole-dpr${dpr}.png`);
      assert(part.width === whole.width && part.height === whole.height, 'the two screenshots have one size');
      let differ = 0;
      for (let k = 0; k < part.pixels.length; ++k) differ += part.pixels[k] !== whole.pixels[k] ? 1 : 0;
      assert(differ === 0, `the canvas drawn in parts differs from the frame drawn whole in ${differ} channel values`);
      assert(distinctColours(whole) > 30, 'the view is drawn');
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    });
  }

  test('input: a drag that happens between two frames reaches ImGui as a press where it began, moves, a release', async ({ browser, site }) => {
    const { context, page, problems } = await openPage(browser, site, { dpr: 1 });
    await page.evaluate(() => window.chorus.loadDemo());
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; }, undefined, 60000);
    await waitFor(page, () => !window.chorus.selection().updating, undefined, 30000);
    const timeline = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Timeline');
    assert(timeline, 'the timeline is drawn');
    const view = await page.evaluate(() => window.chorus.view());
    await page.keyboard.down('Shift');
    await page.waitForTimeout(200);
    // Press, moves and release dispatched in one task: they all wait for the same next frame.
    await page.evaluate(({ x0, x1, y }) => {
      const canvas = document.getElementById('canvas');
      const at = (type, x, buttons) => canvas.dispatchEvent(new MouseEvent(type, {
        clientX: x, clientY: y, button: 0, buttons, shiftKey: true, bubbles: true, cancelable: true }));
      at('mousemove', x0, 0);
      at('mousedown', x0, 1);
      for (let k = 1; k <= 8; ++k) at('mousemove', x0 + (x1 - x0) * k / 8, 1);
      at('mouseup', x1, 0);
    }, { x0: timeline.x + timeline.w * 0.25, x1: timeline.x + timeline.w * 0.6, y: timeline.y + timeline.h / 2 });
    await waitFor(page, () => window.chorus.selection().brush !== null, undefined, 10000).catch(() => {});
    await page.keyboard.up('Shift');
    const brush = (await page.evaluate(() => window.chorus.selection())).brush;
    assert(brush, 'the drag brushed a range');
    const share = (brush[1] - brush[0]) / (view.end - view.start);
    assert(share > 0.25 && share < 0.4, `the range spans the drag (35% of the timeline's width): ${(share * 100).toFixed(1)}%`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  test('frame clock: frameStats() splits each frame\'s work and starts over; typing a word keeps frames short', async ({ browser, site }) => {
    const { context, page, problems } = await openPage(browser, site);
    await page.evaluate(() => window.chorus.loadDemo());
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; }, undefined, 60000);
    await waitFor(page, () => !window.chorus.selection().updating, undefined, 30000);

    await page.evaluate(() => window.chorus.frameStats());
    await page.waitForTimeout(1000);
    const idle = await page.evaluate(() => window.chorus.frameStats());
    const again = await page.evaluate(() => window.chorus.frameStats());
    assert(idle.frames >= 3, `frames were drawn in a second: ${JSON.stringify(idle)}`);
    assert(again.frames < idle.frames, `a call starts over: ${again.frames} frames, then ${idle.frames}`);
    for (const part of ['total', 'ours', 'imgui', 'gl']) {
      const q = idle[part];
      assert(q && q.p50 >= 0 && q.p50 <= q.p95 && q.p95 <= q.max, `${part}: p50 <= p95 <= max (${JSON.stringify(q)})`);
    }
    assert(idle.total.max + 0.05 >= Math.max(idle.ours.max, idle.imgui.max, idle.gl.max),
      `the total holds its parts: ${JSON.stringify(idle)}`);
    assert(idle.over50 <= idle.over16 && idle.over16 <= idle.frames, `over-50 and over-16 counts: ${JSON.stringify(idle)}`);

    // A word scans the text of every post: typed a key at a time, every frame's own work stays under a second.
    await clickItem(page, 'Query');
    await page.evaluate(() => window.chorus.frameStats());
    await page.keyboard.type('women', { delay: 40 });  // a key every 40 ms: a few frames between keys
    await waitFor(page, () => { const s = window.chorus.selection(); return s.query === 'women' && !s.updating; }, undefined, 30000);
    const typing = await page.evaluate(() => window.chorus.frameStats());
    const selection = await page.evaluate(() => window.chorus.selection());
    assert(selection.posts > 0 && selection.posts < selection.total, `the word selects some posts: ${JSON.stringify(selection)}`);
    assert(typing.frames >= 5, `frames while typing: ${JSON.stringify(typing)}`);
    assert(typing.ours.max < 1000, `our work per frame while typing stays under a second: ${JSON.stringify(typing)}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });
}
