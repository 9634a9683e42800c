// Resizable panels (shell/panel_layout.hpp): splitters found by label, dragged, kept in localStorage
// across a reload, undone by Reset layout. Emoji clusters drawn as one glyph (shell/cluster_glyphs.hpp):
// a fixture of flags, a ZWJ family, skin-tone waves, keycaps and a tag sequence, at dpr 1 and 2.
import path from 'node:path';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, clickItem, ROOT } = t;
  const items = (page) => page.evaluate(() => window.chorus.items());
  const item = async (page, label) => {
    const found = (await items(page)).find((i) => i.label === label);
    assert(found, `no ImGui item labelled "${label}"`);
    return found;
  };
  const near = (a, b, tolerance = 2) => Math.abs(a - b) <= tolerance;

  // Presses the mouse on the item's centre, moves it by (dx, dy), releases it; waits for `settled`.
  async function drag(page, label, dx, dy) {
    const it = await item(page, label);
    const x = it.x + it.w / 2, y = it.y + it.h / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
    await page.mouse.move(x + dx, y + dy, { steps: 4 });
    await page.waitForTimeout(150);  // a loaded machine draws a frame in 100-300 ms
    await page.mouse.up();
    await page.waitForTimeout(150);
  }

  const loadDemo = async (page) => {
    await page.evaluate(() => window.chorus.loadDemo());
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; });
    await page.waitForTimeout(300);
  };
  const measure = async (page) => ({
    timeline: (await item(page, 'Timeline')).h,
    reader: (await item(page, 'Splitter lists-reader')).x,
    first: (await item(page, 'Splitter hashtags-mentions')).x,
  });

  test('layout: dragged splitters keep the timeline\'s height and the reader\'s width after a reload; Reset layout restores them', async ({ browser, site }) => {
    const { context, page, problems } = await openPage(browser, site);
    await loadDemo(page);
    const before = await measure(page);
    await drag(page, 'Splitter timeline-lists', 0, 80);
    await waitFor(page, (h) => window.chorus.items().find((i) => i.label === 'Timeline').h > h + 40, before.timeline, 5000);
    await drag(page, 'Splitter lists-reader', -120, 0);
    const narrower = await measure(page);   // the lists keep their shares of less room
    await drag(page, 'Splitter hashtags-mentions', 60, 0);
    const dragged = await measure(page);
    console.log(`     timeline ${before.timeline} -> ${dragged.timeline} px, reader splitter x ${before.reader} -> ${dragged.reader}, `
      + `first list splitter x ${before.first} -> ${dragged.first}`);
    assert(near(dragged.timeline, before.timeline + 80), `the timeline grew by the 80 px dragged: ${before.timeline} -> ${dragged.timeline}`);
    assert(near(dragged.reader, before.reader - 120), `the reader grew by the 120 px dragged: ${before.reader} -> ${dragged.reader}`);
    assert(near(dragged.first, narrower.first + 60), `the first list grew by the 60 px dragged: ${narrower.first} -> ${dragged.first}`);
    await waitFor(page, () => (localStorage.getItem('chorus.layout') || '').includes('Timeline='), undefined, 5000);
    await screenshot(page, 'layout-dragged-dpr1.png');

    await page.reload();
    await waitFor(page, () => window.chorus && window.chorus.ready === true);
    await loadDemo(page);
    const again = await measure(page);
    assert(near(again.timeline, dragged.timeline, 1) && near(again.reader, dragged.reader, 1) && near(again.first, dragged.first, 1),
      `after a reload the panels keep their sizes: ${JSON.stringify(again)}, dragged ${JSON.stringify(dragged)}`);

    await clickItem(page, 'Settings');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Reset layout'), undefined, 5000);
    await page.waitForTimeout(300);
    await clickItem(page, 'Reset layout');
    await waitFor(page, (h) => Math.abs(window.chorus.items().find((i) => i.label === 'Timeline').h - h) < 1, before.timeline, 5000);
    const reset = await measure(page);
    assert(near(reset.timeline, before.timeline, 1) && near(reset.reader, before.reader, 1) && near(reset.first, before.first, 1),
      `Reset layout restores the default sizes: ${JSON.stringify(reset)}, before ${JSON.stringify(before)}`);
    const saved = await page.evaluate(() => localStorage.getItem('chorus.layout') || '');
    assert(!saved.includes(`Timeline=${Math.round(dragged.timeline)}`), `the dragged sizes are forgotten: ${saved}`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });

  // The clusters of tests/fixtures/emoji_clusters.jsonl (a fixture written for this test).
  const CLUSTERS = {
    France: '\u{1F1EB}\u{1F1F7}', Germany: '\u{1F1E9}\u{1F1EA}', Egypt: '\u{1F1EA}\u{1F1EC}',
    family: '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}', doctor: '\u{1F469}\u200D\u2695\uFE0F',
    wave: '\u{1F44B}\u{1F3FD}', 'dark wave': '\u{1F44B}\u{1F3FF}', keycap: '1\uFE0F\u20E3', 'hash keycap': '#\uFE0F\u20E3',
    England: '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
  };

  test('emoji clusters: flags, a ZWJ family, skin-tone waves and keycaps draw as one glyph each at dpr 1 and 2', async ({ browser, site }) => {
    const fixture = path.join(ROOT, 'tests', 'fixtures', 'emoji_clusters.jsonl');
    for (const dpr of [1, 2]) {
      const { context, page, problems } = await openPage(browser, site, { dpr });
      await page.setInputFiles('#file-input', fixture);
      await waitFor(page, () => {
        const s = window.chorus.summary();
        return !window.chorus.loading && s && s.posts === 10 && window.chorus.glyphs().current;
      });
      await clickItem(page, 'More lists');
      await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Emoji'), undefined, 5000);
      await page.waitForTimeout(200);
      await clickItem(page, 'Emoji');
      await waitFor(page, (france) => window.chorus.items().some((i) => i.label === france), CLUSTERS.France, 5000);
      await page.mouse.move(4, 796);   // no tooltip over the reader in the screenshot
      await page.waitForTimeout(300);
      const g = await page.evaluate(() => window.chorus.glyphs());
      console.log(`     dpr ${dpr}: ${g.clusters} cluster glyphs (${g.clusters_left_out} left out), ${g.listed_cluster_glyphs} in the lists; `
        + `atlas ${g.width}x${g.height} at ${g.pixel_size} px, ${g.build_ms} ms`);
      assert(g.clusters === 10 && g.clusters_left_out === 0, `each of the 10 clusters has a glyph: ${JSON.stringify(g)}`);
      // The Emoji list shows the 10 clusters, each drawn with its one glyph, none as '?'.
      assert(g.listed_cluster_glyphs === 10, `the Emoji list draws ${g.listed_cluster_glyphs} cluster glyphs, not 10`);
      assert(g.listed_missing.length === 0, `code points of the lists draw as '?': ${g.listed_missing}`);
      // Tests (and the registry's labels) read the real code points.
      const labels = (await items(page)).map((i) => i.label);
      for (const [name, text] of Object.entries(CLUSTERS))
        assert(labels.includes(text), `the Emoji list has a row labelled with the ${name} cluster`);
      const png = await screenshot(page, `emoji-clusters-dpr${dpr}.png`);
      // The third column (the Emoji list) holds colour: saturated pixels grey text never has.
      const list = await item(page, CLUSTERS.France);
      let colourful = 0;
      for (let y = Math.round(list.y * dpr); y < Math.min(png.height, Math.round((list.y + 12 * list.h) * dpr)); y++) {
        for (let x = Math.round(list.x * dpr); x < Math.round((list.x + list.w) * dpr); x++) {
          const i = (y * png.width + x) * png.channels;
          const [r, g2, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
          if (Math.max(r, g2, b) - Math.min(r, g2, b) > 80) colourful++;
        }
      }
      assert(colourful > 50 * dpr * dpr, `no colour emoji in the Emoji list (${colourful} saturated pixels)`);
      assert(problems.length === 0, problems.join('\n'));
      await context.close();
    }
  });

  test('emoji clusters: past 1024 clusters the rarest draw code point by code point; the atlas stays within the texture limit (dpr 2)', async ({ browser, site }) => {
    // 676 regional-indicator pairs and 80 faces with each of 5 skin tones: 1076 clusters of two code points,
    // one post each, so every cluster is used once and the first 1024 by key get a glyph.
    const clusters = [];
    for (let a = 0; a < 26; a++) for (let b = 0; b < 26; b++) clusters.push(String.fromCodePoint(0x1F1E6 + a, 0x1F1E6 + b));
    for (let face = 0; face < 80; face++) for (let tone = 0; tone < 5; tone++) clusters.push(String.fromCodePoint(0x1F600 + face, 0x1F3FB + tone));
    const lines = clusters.map((c, i) => JSON.stringify({
      created_at: 'Sun Oct 15 20:21:00 +0000 2017', id_str: String(50000 + i), text: `c ${c}`,
      entities: { hashtags: [], user_mentions: [], urls: [] }, user: { id_str: String(i % 50), screen_name: `u${i % 50}` }, lang: 'und',
    }));
    const { context, page, problems } = await openPage(browser, site, { dpr: 2 });
    await page.evaluate(({ name, text }) => window.chorus.loadFiles([new File([text], name)]), { name: 'many.jsonl', text: lines.join('\n') + '\n' });
    await waitFor(page, (n) => {
      const s = window.chorus.summary();
      return !window.chorus.loading && s && s.posts === n && window.chorus.glyphs().current;
    }, clusters.length);
    const g = await page.evaluate(() => window.chorus.glyphs());
    console.log(`     ${g.clusters} cluster glyphs, ${g.clusters_left_out} left out; atlas ${g.width}x${g.height} (limit ${g.max_side}) `
      + `at ${g.pixel_size} px, ${g.build_ms} ms (${g.browser_ms} ms drawing)`);
    assert(g.clusters === 1024 && g.clusters_left_out === clusters.length - 1024, `1024 cluster glyphs, the rest left out: ${JSON.stringify(g)}`);
    assert(g.width <= g.max_side && g.height <= g.max_side && g.left_out === 0 && g.missing === 0, `the atlas fits: ${JSON.stringify(g)}`);
    await page.waitForTimeout(200);
    await screenshot(page, 'emoji-clusters-many-dpr2.png');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });
}
