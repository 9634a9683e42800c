// The frame clock (window.chorus.frameStats(), web/src/frame_clock.hpp): the explorer's work per frame, split into
// ours / ImGui / GL, reset on each call; and a word typed at the demo keeps every frame's work well under a second
// (the query is evaluated over frames: core/query_evaluation.hpp). Bounds are loose: timing never decides much here.
export default function register(t) {
  const { test, assert, waitFor, openPage, clickItem } = t;

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
    await page.keyboard.type('women');
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
