// Glyphs for text read back from disk (COUNTING.md, rule 84; shell/glyph_coverage.hpp's late text): a dump whose
// post texts are in scripts the bundled font lacks (Thai, Devanagari, Armenian, Arabic, Hebrew, emoji) and whose
// names are ASCII, loaded with its text forced on disk: the atlas made after the load has none of those characters
// (their texts were not in memory), and once the reader has read its posts back they get glyphs, in a few batched
// rebuilds, so the reader draws none of them as '?'.
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, SITE } = t;
  const scratch = path.join(SITE, '..', 'glyphs-disk-test');
  // One phrase a script, each post two of them: the bundled Noto Sans has none of these code points.
  const PHRASES = ['\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35 \u0e04\u0e23\u0e31\u0e1a',   // Thai
    '\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e',        // Devanagari
    '\u0532\u0561\u0580\u0565\u0582 \u0571\u0565\u0566',                                  // Armenian
    '\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645',                                  // Arabic
    '\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd',                                  // Hebrew
    '\u{1F99C} \u{1F30B} \u{1F3BB}'];                                                     // emoji, one code point each
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const twitterTime = (d) => `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ` +
    `${d.toISOString().slice(11, 19)} +0000 ${d.getUTCFullYear()}`;

  function dump(posts) {
    mkdirSync(scratch, { recursive: true });
    const file = path.join(scratch, 'scripts-on-disk.jsonl');
    const base = Date.UTC(2022, 4, 1, 8, 0, 0);
    const lines = [];
    for (let i = 0; i < posts; ++i) {
      const text = `post ${i}: ${PHRASES[i % PHRASES.length]} / ${PHRASES[(i + 2) % PHRASES.length]}`;
      lines.push(JSON.stringify({ created_at: twitterTime(new Date(base + i * 60000)), id_str: String(8100000 + i), text,
        user: { id_str: String(300 + (i % 7)), screen_name: `writer${i % 7}` }, lang: 'und' }));
    }
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  test('glyphs for text on disk: characters of posts read back from the file get glyphs, in batches; the reader draws none as ?', async ({ browser, site }) => {
    const file = dump(60);
    const { context, page, problems } = await openPage(browser, site);
    await page.evaluate(() => { window.chorus.textOnDisk = true; window.chorus.lastLoad = null; });
    await page.setInputFiles('#file-input', [file]);
    await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 60000);
    assert(await page.evaluate(() => window.chorus.textStatus().onDisk), 'the text stays in the file');
    // The reader reads its posts back; their characters join the atlas a batch at a time. The names are ASCII
    // and the texts were not in memory at the load: every character above ASCII the atlas asks for came late.
    await waitFor(page, () => window.chorus.textStatus().reads >= 4, undefined, 20000);
    await waitFor(page, () => {
      const g = window.chorus.glyphs();
      return g.reader_shown >= 4 && g.reader_with_text === g.reader_shown && g.reader_missing.length === 0;
    }, undefined, 20000).catch(() => {});
    await page.waitForTimeout(600);   // any later batch lands too
    const after = await page.evaluate(() => window.chorus.glyphs());
    await screenshot(page, 'glyphs-on-disk.png');
    await page.waitForTimeout(1000);
    const idle = await page.evaluate(() => window.chorus.glyphs());
    console.log(`     ${after.requested} code points (${after.from_browser} from the browser, ${after.missing} missing); reader ` +
      `${after.reader_with_text}/${after.reader_shown} posts with text, missing ${JSON.stringify(after.reader_missing)}; ` +
      `${after.builds} atlas builds, ${idle.builds - after.builds} in the next second`);
    const shown = new Set();
    for (let i = 0; i < after.reader_shown; ++i)
      for (const phrase of [PHRASES[i % PHRASES.length], PHRASES[(i + 2) % PHRASES.length]])
        for (const c of phrase) if (c.codePointAt(0) > 0x7f) shown.add(c);
    assert(after.requested >= shown.size,
      `the characters of the text read back were asked for (${after.requested} code points; the first posts hold ${shown.size})`);
    assert(after.reader_shown >= 4 && after.reader_with_text === after.reader_shown,
      `the reader shows posts with their text (${after.reader_with_text}/${after.reader_shown})`);
    assert(after.reader_missing.length === 0 && after.missing === 0 && after.left_out === 0,
      `no character of the reader's posts draws as '?': ${JSON.stringify(after)}`);
    assert(idle.builds === after.builds, `no rebuild once nothing new is drawn (${after.builds} -> ${idle.builds})`);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });
}
