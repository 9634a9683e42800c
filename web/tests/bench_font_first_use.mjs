// What the browser's first use of each script's font costs the page's glyph drawing (prints numbers; never a
// pass/fail test).
//   node web/tests/bench_font_first_use.mjs SITE_DIR [rev] [warm]
// Opens the page in headless Chromium and, at the atlas's pixel size, times the page's drawGlyphs (chorus.js) on one
// character at a time: for each script [ms of a first character, of the same again, of a second character of the
// script], in order (rev: in reverse order; the first script then pays for the font lists). "first" is the first
// call of all (it makes the canvas and loads the font lists). warm: only once the page's own font warm-up is done
// (window.chorus.fontWarmup), which draws the first characters itself: the second characters then show what is left.
import { startBench } from './helpers_browser.mjs';

const [siteDir, ...flags] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node web/tests/bench_font_first_use.mjs SITE_DIR [rev] [warm]');
  process.exit(2);
}
const SCRIPTS = [
  ['han', 0x4E00, 0x6587], ['kana', 0x3042, 0x30A2], ['hangul', 0xD55C, 0xAE00], ['arabic', 0x0639, 0x0628],
  ['hebrew', 0x05E9, 0x05D0], ['thai', 0x0E01, 0x0E02], ['devanagari', 0x0915, 0x0916], ['bengali', 0x0995, 0x0996],
  ['tamil', 0x0BA4, 0x0B95], ['georgian', 0x10D0, 0x10D1], ['armenian', 0x0531, 0x0532], ['ethiopic', 0x12A0, 0x1208],
  ['khmer', 0x1780, 0x1781], ['myanmar', 0x1000, 0x1001], ['sinhala', 0x0D9A, 0x0D9B], ['lao', 0x0E81, 0x0E82],
  ['symbols', 0x2605, 0x2606], ['math letters', 0x1D400, 0x1D401], ['emoji', 0x1F602, 0x1F60D],
  ['flag', '\u{1F1EF}\u{1F1F5}', '\u{1F1FA}\u{1F1F8}'],
];
const scripts = flags.includes('rev') ? SCRIPTS.slice().reverse() : SCRIPTS;
const bench = await startBench(siteDir);
if (flags.includes('warm')) {
  await bench.page.waitForFunction(() => !window.chorus.fontWarmup || window.chorus.fontWarmup.done, undefined,
    { timeout: 60000, polling: 50 });
}
const r = await bench.page.evaluate((list) => {
  const draw = window.chorusGlue.core.chorusDrawGlyphs;
  const px = window.chorus.glyphs().pixel_size;
  const time = (c) => { const t = performance.now(); draw([c], px); return +(performance.now() - t).toFixed(1); };
  const out = { pixel_size: px, first: time(0x78) };
  for (const [name, a, b] of list) out[name] = [time(a), time(a), time(b)];
  return out;
}, scripts);
console.log(JSON.stringify(r));
await bench.close();
