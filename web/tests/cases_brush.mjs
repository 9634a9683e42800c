// The explorer with a heap past 2 GiB (10 million posts): the post reader draws its rows after a brush,
// and the numbers counted over frames ("updating") end equal to the engine's.
import { distinctColours } from './png.mjs';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot } = t;

  test('brush with the heap past 2 GiB: the reader draws its rows, WebGL takes every buffer', async ({ browser, site }) => {
    const { context, page, problems } = await openPage(browser, site);
    const webgl = [];  // Chromium reports refused WebGL calls as console warnings
    page.on('console', (m) => { if (/WebGL/.test(m.text())) webgl.push(m.text()); });
    // What the module allocates from now on (the demo's posts, ImGui's draw lists) lies above 2 GiB,
    // as it does once 10 million posts are loaded.
    const taken = await page.evaluate(() => window.chorus.fillHeapBelow(2 ** 31 + (16 << 20)));
    const heap = await page.evaluate(() => window.chorus.heapBytes());
    assert(taken > 0 && heap > 2 ** 31, `the heap grew past 2 GiB (${heap} bytes, ${taken} blocks taken)`);
    await page.evaluate(() => window.chorus.loadDemo());
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; }, undefined, 60000);
    await waitFor(page, () => { const s = window.chorus.selection(); return s.posts === s.total && !s.updating; }, undefined, 30000)
      .catch(() => {});

    // The load's progress bar gone (the layout no longer moves), the canvas has the keyboard (Shift).
    await waitFor(page, () => !window.chorus.items().some((i) => i.label === 'Cancel'), undefined, 30000).catch(() => {});
    const timeline = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Timeline');
    assert(timeline, 'no Timeline item');
    const y = timeline.y + timeline.h / 2;
    await page.mouse.click(timeline.x + timeline.w * 0.1, y);
    await page.waitForTimeout(300);
    await page.keyboard.down('Shift');
    await page.mouse.move(timeline.x + timeline.w * 0.2, y);
    await page.mouse.down();
    await page.mouse.move(timeline.x + timeline.w * 0.5, y, { steps: 5 });
    await page.mouse.up();
    // Shift held until the brush shows: slow frames take the queued mouse events later (web/src/input.cpp).
    await waitFor(page, () => { const s = window.chorus.selection(); return s.brush !== null && !s.updating; }, undefined, 30000)
      .catch(() => {});
    await page.keyboard.up('Shift');
    const selection = await page.evaluate(() => window.chorus.selection());
    if (!selection.brush) await screenshot(page, 'brush-heap-past-2gib-failed.png');
    assert(selection.brush && selection.posts > 0 && !selection.updating, `the brush selects posts: ${JSON.stringify(selection)}`);
    await page.waitForTimeout(300);

    const post = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Post 1');
    assert(post, 'the reader lists a first post');
    const png = await screenshot(page, 'brush-heap-past-2gib.png');
    // A drawn row holds its header and text (antialiased glyphs: many colours); an undrawn one is background.
    const colours = distinctColours(png, Math.round(post.x), Math.round(post.y), Math.round(post.w), Math.round(post.h));
    assert(colours > 10, `the reader's first row is drawn (${colours} colours in its rectangle)`);
    assert(webgl.length === 0, `WebGL refused calls: ${webgl.slice(0, 3).join(' | ')} (${webgl.length} in all)`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });
}
