// Browser habits: text through the hidden textarea (accents, IME composition, emoji), the layout and
// settings kept in localStorage, the post reader's link to the original post, the HTML overlay for
// right-to-left posts, touch taps.
export default function register(t) {
  const { test, assert, waitFor, selectionSettled, openPage, clickItem, expected, screenshot, DEMO } = t;

  async function openDemo(browser, site, options = {}) {
    const want = expected([DEMO]);
    const opened = await openPage(browser, site, options);
    await opened.page.click('#demo-button');
    await waitFor(opened.page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
    await opened.page.waitForTimeout(200);
    return { ...opened, want };
  }

  const textFieldFocused = (page) => waitFor(page, () => document.activeElement && document.activeElement.id === 'text-input', undefined, 15000);

  test('text input: insertText, an emoji and an IME composition reach the query through the hidden textarea, once', async ({ browser, site }) => {
    const { context, page, problems, want } = await openDemo(browser, site);
    const tag = want.top_hashtags.find(([name]) => name.toLowerCase() === 'yotambién');
    assert(tag, `the checker lists #yotambién in the demo: ${JSON.stringify(want.top_hashtags)}`);
    await clickItem(page, 'Query');
    await textFieldFocused(page);
    // insertText sends no key event at all: only a text field can take it.
    await page.keyboard.insertText('#yotambién');
    await waitFor(page, (n) => window.chorus.selection().posts === n, tag[1], 5000);
    let got = await selectionSettled(page);
    assert(got.query === '#yotambién' && got.error === null, `after insertText: ${JSON.stringify(got)}`);
    assert(await page.evaluate(() => document.getElementById('text-input').value) === '', 'the textarea is emptied after each commit');
    // Keys that are not text still reach ImGui, once: Backspace removes one character, Enter keeps the text.
    await page.keyboard.press('Backspace');
    await waitFor(page, () => window.chorus.selection().query === '#yotambié', undefined, 5000);
    await page.keyboard.insertText('n');
    await page.keyboard.press('Enter');
    await waitFor(page, (n) => { const s = window.chorus.selection(); return s.query === '#yotambién' && s.posts === n; }, tag[1], 5000);
    // The Arabic hashtag, typed as one insertion, matches the checker's count too.
    const arabic = want.top_hashtags.find(([name]) => name === 'أنا_كمان');
    await clickItem(page, 'Query');
    await textFieldFocused(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('#أنا_كمان');
    await waitFor(page, (n) => window.chorus.selection().posts === n, arabic[1], 5000);
    // An emoji (as the emoji picker inserts it) after a space: in the query's text exactly once.
    await page.keyboard.insertText(' OR "💜"');
    await waitFor(page, () => window.chorus.selection().query === '#أنا_كمان OR "💜"', undefined, 5000);
    got = await selectionSettled(page);
    // (The query language searches words, so a lone emoji is refused, at its place, keeping the results.)
    assert(got.posts === arabic[1] && got.error && got.error.position === 20, `with the emoji: ${JSON.stringify(got)}`);
    // A paste (Ctrl+V's clipboard event) while the field has the focus replaces the selected text, once.
    await page.keyboard.press('Control+A');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '#moiaussi');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const moiaussi = want.top_hashtags.find(([name]) => name.toLowerCase() === 'moiaussi');
    await waitFor(page, (n) => { const s = window.chorus.selection(); return s.query === '#moiaussi' && s.posts === n; }, moiaussi[1], 5000);
    // An IME composition (CDP, as a Japanese input method does it): nothing while composing, the
    // committed text once at the end.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await waitFor(page, () => window.chorus.selection().query === '', undefined, 5000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    await page.waitForTimeout(150);
    got = await page.evaluate(() => window.chorus.selection());
    assert(got.query === '', `nothing reaches the query while composing: ${JSON.stringify(got)}`);
    await cdp.send('Input.insertText', { text: '日本' });
    await waitFor(page, () => window.chorus.selection().query === '日本', undefined, 5000);
    await page.waitForTimeout(150);
    got = await page.evaluate(() => window.chorus.selection());
    assert(got.query === '日本', `the composition is committed once: ${JSON.stringify(got)}`);
    // Esc leaves the field: the canvas has the keyboard again.
    await page.keyboard.press('Escape');
    await waitFor(page, () => document.activeElement && document.activeElement.id === 'canvas', undefined, 5000);
    await screenshot(page, 'text-input-dpr1.png');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  test('layout: the theme, font size and bin chosen in Settings survive a reload; Reset layout forgets them', async ({ browser, site }) => {
    const { context, page, problems, want } = await openDemo(browser, site);
    const atlasSize = () => page.evaluate(() => window.chorus.glyphs().pixel_size);
    const dark = await screenshot(page, 'settings-before-dpr1.png');
    await clickItem(page, 'Settings');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Light'), undefined, 5000);
    await page.waitForTimeout(300);   // a new window settles its size in its first frames
    await clickItem(page, 'Light');
    // Bin: Hour (rule 117): two months of demo posts in hour bars, folded to the tallest a pixel.
    const autoStep = (await page.evaluate(() => window.chorus.view())).step;
    await clickItem(page, 'Bin: Hour');
    await waitFor(page, () => window.chorus.view().step === 3600, undefined, 5000);
    const hours = await page.evaluate(() => window.chorus.view());
    assert(autoStep !== 3600 && !hours.fixed_set_aside, `hour bins asked for (automatic was ${autoStep} s)`);
    assert(hours.edges.every((e, i) => i === 0 || e - hours.edges[i - 1] === 3600), 'every bin is an hour');
    const sizeBefore = await atlasSize();
    for (const step of [1, 2]) {   // one at a time: the button moves as the text grows
      await clickItem(page, 'Larger text');
      await waitFor(page, (size) => window.chorus.glyphs().pixel_size === size, sizeBefore + step, 5000);
      await page.waitForTimeout(100);
    }
    await waitFor(page, () => /FontSize=18\n[^]*Bin=hour\n/.test(localStorage.getItem('chorus.layout') || ''), undefined, 5000)
      .catch(async () => { throw new Error(`the layout saved: ${await page.evaluate(() => localStorage.getItem('chorus.layout'))}`); });
    const light = await screenshot(page, 'settings-light-dpr1.png');
    assert(light.pixels[0] > 128 && dark.pixels[0] < 128, `the light theme is light (corner ${light.pixels[0]}, dark was ${dark.pixels[0]})`);
    await page.reload();
    await waitFor(page, () => window.chorus && window.chorus.ready === true);
    await page.waitForTimeout(300);
    const again = await screenshot(page, 'settings-reloaded-dpr1.png');
    assert(again.pixels[0] > 128, `after a reload the theme is still light (corner ${again.pixels[0]})`);
    const sizeAfter = await atlasSize();
    assert(sizeAfter === sizeBefore + 2, `after a reload the font is still 18 px (atlas at ${sizeAfter} px, was ${sizeBefore})`);
    await page.click('#demo-button');   // the data is not kept: the bin is
    await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
    await waitFor(page, () => window.chorus.view().step === 3600, undefined, 5000)
      .catch(async () => { throw new Error(`after a reload the bins are ${(await page.evaluate(() => window.chorus.view())).step} s, not hours`); });
    assert((await page.evaluate(() => localStorage.getItem('chorus.layout'))).includes('Theme=light'), 'the layout is in localStorage');
    await clickItem(page, 'Settings');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Reset layout'), undefined, 5000);
    await page.waitForTimeout(300);
    await clickItem(page, 'Reset layout');
    await waitFor(page, () => !(localStorage.getItem('chorus.layout') || '').includes('Theme=light'), undefined, 5000);
    await page.waitForTimeout(200);
    const reset = await screenshot(page, 'settings-reset-dpr1.png');
    assert(reset.pixels[0] < 128, `Reset layout brings the dark theme back (corner ${reset.pixels[0]})`);
    await waitFor(page, (step) => window.chorus.view().step === step, autoStep, 5000)
      .catch(async () => { throw new Error(`after Reset layout the bins are ${(await page.evaluate(() => window.chorus.view())).step} s, not automatic`); });
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  test('layout: a saved font size of 20 px gives a 40 px atlas at devicePixelRatio 2, within the texture limit', async ({ browser, site }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    await context.addInitScript(() => {
      if (!localStorage.getItem('chorus.layout')) localStorage.setItem('chorus.layout', '[Chorus][Settings]\nTheme=dark\nFontSize=20\n');
    });
    const page = await context.newPage();
    await page.goto(`${site.origin}/#demo`);
    await waitFor(page, () => window.chorus && window.chorus.ready === true);
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 0; });
    await waitFor(page, () => window.chorus.glyphs().current === true, undefined, 30000);
    const glyphs = await page.evaluate(() => window.chorus.glyphs());
    assert(glyphs.pixel_size === 40, `the atlas is drawn at 20 px x 2 = 40 px (${glyphs.pixel_size})`);
    assert(glyphs.width <= glyphs.max_side && glyphs.height <= glyphs.max_side && glyphs.left_out === 0 && glyphs.missing === 0,
      `the atlas fits the texture limit with every character: ${JSON.stringify(glyphs)}`);
    await page.waitForTimeout(200);
    await screenshot(page, 'font-20px-dpr2.png');
    await context.close();
  });

  test('post reader: the link to the original tweet opens a new tab only when clicked', async ({ browser, site }) => {
    const { context, page, problems } = await openDemo(browser, site);
    const outside = [];
    context.on('request', (r) => { if (!r.url().startsWith(site.origin) && !/^(data|blob):/.test(r.url())) outside.push(r.url()); });
    // Nothing is fetched from the platform even after the click: the route answers in its place.
    await context.route((url) => !url.href.startsWith(site.origin), (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'stand-in' }));
    await clickItem(page, 'Post 1');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Open original post'), undefined, 5000);
    await page.waitForTimeout(500);
    assert(outside.length === 0, `no request leaves before the click: ${outside.join(', ')}`);
    // The first post in time order, read from the demo file itself.
    const { readFileSync } = await import('node:fs');
    const posts = readFileSync(DEMO, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((p) => p.id_str && p.created_at);
    posts.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
    const firstTime = Date.parse(posts[0].created_at);
    const candidates = new Set(posts.filter((p) => Date.parse(p.created_at) === firstTime).map((p) => `https://twitter.com/i/web/status/${p.id_str}`));
    const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 10000 }), clickItem(page, 'Open original post')]);
    await popup.waitForLoadState('domcontentloaded').catch(() => {});
    assert(candidates.has(popup.url()), `the popup opens ${popup.url()}, one of ${[...candidates].join(', ')}`);
    assert(await popup.evaluate(() => window.opener === null), 'the new tab has no opener');
    assert(outside.length === 1 && outside[0] === popup.url(), `only the clicked link was asked for: ${outside.join(', ')}`);
    await popup.close();
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  test('right-to-left: the selected Arabic post is shown by the browser over the reader, hidden for another post', async ({ browser, site }) => {
    const { context, page, problems } = await openDemo(browser, site);
    await clickItem(page, 'Query');
    await textFieldFocused(page);
    await page.keyboard.insertText('#أنا_كمان');
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.chorus.selection().query === '#أنا_كمان', undefined, 5000);
    await page.waitForTimeout(200);
    await clickItem(page, 'Post 1');
    await waitFor(page, () => !document.getElementById('post-overlay').hidden, undefined, 5000);
    const overlay = await page.evaluate(() => {
      const e = document.getElementById('post-overlay');
      const r = e.getBoundingClientRect();
      return { text: e.textContent, dir: e.dir, lang: e.lang, x: r.x, y: r.y, w: r.width, h: r.height };
    });
    const { readFileSync } = await import('node:fs');
    const posts = readFileSync(DEMO, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const texts = new Set(posts.filter((p) => (p.text || '').includes('أنا_كمان') || (p.full_text || '').includes('أنا_كمان'))
      .map((p) => p.full_text || p.text));
    assert(texts.has(overlay.text), `the overlay holds a post's text as written: ${JSON.stringify(overlay.text)}`);
    assert(overlay.dir === 'auto', 'the overlay lets the browser find the direction');
    const post = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Post 1');
    assert(overlay.x >= post.x - 1 && overlay.y >= post.y - 1 && overlay.x + overlay.w <= post.x + post.w + 1 && overlay.y + overlay.h <= post.y + post.h + 1,
      `the overlay ${JSON.stringify(overlay)} lies within the post ${JSON.stringify(post)}`);
    await screenshot(page, 'rtl-overlay-dpr1.png');
    // A second click on the post unselects it: the overlay goes.
    await clickItem(page, 'Post 1');
    await waitFor(page, () => document.getElementById('post-overlay').hidden, undefined, 5000);
    await clickItem(page, 'Post 1');
    await waitFor(page, () => !document.getElementById('post-overlay').hidden, undefined, 5000);
    // Scrolled out of view, it goes too.
    await page.mouse.move(post.x + post.w / 2, post.y + post.h / 2);
    await page.mouse.wheel(0, 2000);
    const rows = (await page.evaluate(() => window.chorus.items())).filter((i) => /^Post /.test(i.label)).length;
    if (rows > 1) await waitFor(page, () => document.getElementById('post-overlay').hidden, undefined, 5000);
    await page.keyboard.press('Escape');
    await clickItem(page, 'Clear');
    await waitFor(page, () => document.getElementById('post-overlay').hidden, undefined, 5000);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  test('touch: a tap on a labelled item clicks it; a pinch zooms the timeline', async ({ browser, site }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${site.origin}/#demo`);
    await waitFor(page, () => window.chorus && window.chorus.ready === true);
    const want = expected([DEMO]);
    await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
    await page.waitForTimeout(200);
    const tap = async (label) => {
      const item = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === label);
      assert(item, `no item labelled ${label}`);
      await page.touchscreen.tap(item.x + item.w / 2, item.y + item.h / 2);
    };
    await tap('Settings');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Reset layout'), undefined, 5000);
    await tap('Settings');   // closes it again
    await waitFor(page, () => !window.chorus.items().some((i) => i.label === 'Reset layout'), undefined, 5000);
    // Two fingers moving apart over the timeline zoom it in around their midpoint.
    const timeline = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Timeline');
    const fitted = await page.evaluate(() => window.chorus.view());
    const cdp = await context.newCDPSession(page);
    const cx = timeline.x + timeline.w / 2, cy = timeline.y + timeline.h / 2;
    const fingers = (gap) => [{ x: cx - gap, y: cy, id: 1 }, { x: cx + gap, y: cy, id: 2 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) });
    for (const gap of [50, 60, 70, 80]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(gap) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
    const zoomed = await page.evaluate(() => window.chorus.view());
    const ratio = (fitted.end - fitted.start) / (zoomed.end - zoomed.start);
    // The fingers twice as far apart: three notches of 1.25 (x1.95).
    assert(ratio > 1.8 && ratio < 2.1 && zoomed.start > fitted.start && zoomed.end < fitted.end,
      `a pinch zooms the timeline in around the fingers (x${ratio.toFixed(2)}, ${JSON.stringify(fitted)} -> ${JSON.stringify(zoomed)})`);
    await tap('Clear');
    await waitFor(page, () => window.chorus.summary().posts === 0, undefined, 5000);
    await context.close();
  });
}
