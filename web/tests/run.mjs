// Browser tests: the real page in Debian's headless Chromium, driven by playwright-core.
//   node web/tests/run.mjs SITE_DIR        (CHORUS_BROWSER_ONLY=text: only the cases whose name holds it)
// Serves SITE_DIR on 127.0.0.1 itself, runs every case, saves screenshots in SITE_DIR/../screenshots,
// and prints 'browser: N passed, N failed'.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchChromium } from './helpers_browser.mjs';
import { parseCsv } from './helpers_cases.mjs';
import { decodePng, distinctColours } from './png.mjs';
import { startCanary, startStatic } from './servers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SITE = path.resolve(process.argv[2] || path.join(ROOT, 'build', 'web', 'site'));
const SAMPLES = path.resolve(ROOT, '..', 'shared', 'samples');
const SHOTS = path.resolve(SITE, '..', 'screenshots');
const SAMPLE_500 = path.join(SAMPLES, 'twitter-v1-jsonl', 'twut-500-sample.jsonl');
const DEMO = path.join(ROOT, 'assets', 'demo', 'metoo-demo.jsonl');
const ONLY = process.env.CHORUS_BROWSER_ONLY;  // run only the cases whose name holds this text
const FIELDS = ['posts', 'duplicates', 'skipped', 'types', 'authors', 'first', 'last', 'top_hashtags'];

// The expected numbers come from the independent Python checker, never from Chorus itself.
function expected(files) {
  const out = execFileSync('python3', [path.join(ROOT, 'tests', 'tools', 'check_counts.py'), ...files]);
  return JSON.parse(out.toString());
}

function assert(condition, message) { if (!condition) throw new Error(message); }

function assertSummary(got, want, label) {
  for (const key of FIELDS) {
    const a = JSON.stringify(got[key]), b = JSON.stringify(want[key]);
    assert(a === b, `${label}: ${key} is ${a}, the checker says ${b}`);
  }
}

async function waitFor(page, predicate, arg, timeout = 60000) {
  await page.waitForFunction(predicate, arg, { timeout, polling: 50 });
}

// The selection once its count is complete: a query or brush is "updating" from the moment it changes
// until every piece is counted (rule 113), and only then are its posts, lists and error final.
async function selectionSettled(page, timeout = 30000) {
  await waitFor(page, () => !window.chorus.selection().updating, undefined, timeout);
  return page.evaluate(() => window.chorus.selection());
}

async function openPage(browser, site, { dpr = 1, hash = '' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`request outside the page's origin: ${url}`);
  });
  await page.goto(`${site.origin}/${hash}`);
  await waitFor(page, () => window.chorus && window.chorus.ready === true);
  return { context, page, problems };
}

async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  const png = await page.screenshot();
  writeFileSync(file, png);
  return decodePng(png);
}

// Clicks the ImGui item labelled `label`, waiting up to 10 s for a frame that draws it: a state the page
// reports (a brush, a loaded file) can come a frame before the widgets drawn from it, more so at low frame rates.
async function clickItem(page, label) {
  await waitFor(page, (l) => window.chorus.items().some((i) => i.label === l), label, 10000).catch(() => {});
  const items = await page.evaluate(() => window.chorus.items());
  const item = items.find((i) => i.label === label);
  assert(item, `no ImGui item labelled "${label}" (have: ${items.map((i) => i.label).join(', ')})`);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

const cases = [];
const test = (name, fn, needsSamples = false) => cases.push({ name, fn, needsSamples });

test('the 500-tweet sample loads through #file-input with the checker\'s numbers', async ({ browser, site }) => {
  const { context, page, problems } = await openPage(browser, site);
  await page.setInputFiles('#file-input', SAMPLE_500);
  await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === 500; });
  const got = await page.evaluate(() => window.chorus.summary());
  assertSummary(got, expected([SAMPLE_500]), 'twut-500-sample');
  assert(got.files.length === 1 && got.files[0].name === 'twut-500-sample.jsonl', 'the file is named in the report');
  const png = await screenshot(page, 'sample-500-dpr1.png');
  assert(distinctColours(png) > 20, 'the screenshot of the loaded sample is (nearly) blank');
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
}, true);

test('the demo loads by the HTML button and by #demo, with the checker\'s numbers', async ({ browser, site }) => {
  const want = expected([DEMO]);
  const { context, page, problems } = await openPage(browser, site);
  await page.click('#demo-button');
  await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
  assertSummary(await page.evaluate(() => window.chorus.summary()), want, 'demo (button)');
  const png = await screenshot(page, 'demo-dpr1.png');
  assert(distinctColours(png) > 20, 'the screenshot of the demo is (nearly) blank');
  await context.close();
  const second = await openPage(browser, site, { hash: '#demo' });
  await waitFor(second.page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
  assertSummary(await second.page.evaluate(() => window.chorus.summary()), want, 'demo (#demo)');
  assert(problems.length + second.problems.length === 0, [...problems, ...second.problems].join('\n'));
  await second.context.close();
});

test('at devicePixelRatio 2 the canvas is crisp and the mouse hits what it points at', async ({ browser, site }) => {
  const want = expected([DEMO]);
  const { context, page, problems } = await openPage(browser, site, { dpr: 2 });
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, css: c.getBoundingClientRect().width, dpr: devicePixelRatio };
  });
  assert(size.dpr === 2 && size.width === Math.round(size.css * 2), `canvas backing store ${size.width}px for ${size.css} CSS px at dpr 2`);
  await page.click('#demo-button');
  await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
  await page.waitForTimeout(300);
  const png = await screenshot(page, 'demo-dpr2.png');
  assert(png.width === 2560, `a dpr-2 screenshot is 2560 px wide, got ${png.width}`);
  assert(distinctColours(png) > 20, 'the dpr-2 screenshot is (nearly) blank');
  // Clicking the ImGui button at the rectangle it reports (CSS px) must press that button.
  await clickItem(page, 'Clear');
  await waitFor(page, () => window.chorus.summary().posts === 0, undefined, 5000);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

test('a .gz and a .zip through #file-input sum up like the plain files; a cut .gz says so', async ({ browser, site }) => {
  const fixture = (name) => path.join(ROOT, 'tests', 'fixtures', name);
  const loadInto = async (files, wantFiles) => {
    const { context, page, problems } = await openPage(browser, site);
    await page.setInputFiles('#file-input', files);
    await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.files.length === n; },
      wantFiles, 10000);
    const got = await page.evaluate(() => ({ summary: window.chorus.summary(), status: document.getElementById('status').textContent }));
    await context.close();
    assert(problems.length === 0, problems.join('\n'));
    return got;
  };
  // The same bytes as the archives hold, as plain files: v1_mixed twice (once in the .gz, once in the .zip).
  const asBuffer = (name, file) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(fixture(file)) });
  const plain = await loadInto([asBuffer('v1_mixed.jsonl', 'v1_mixed.jsonl'), asBuffer('again.jsonl', 'v1_mixed.jsonl'),
    asBuffer('fmt_reddit.jsonl', 'fmt_reddit.jsonl')], 3);
  const packed = await loadInto([fixture('container_v1_mixed.jsonl.gz'), fixture('container_dumps.zip')], 3);
  assertSummary(packed.summary, plain.summary, 'container_v1_mixed.jsonl.gz + container_dumps.zip');
  const names = packed.summary.files.map((f) => f.name).join(', ');
  assert(names === 'container_v1_mixed.jsonl.gz, container_dumps.zip/dumps/v1_mixed.jsonl, container_dumps.zip/dumps/fmt_reddit.jsonl',
    `each archive entry is a file of its own (${names})`);
  assert(packed.summary.files[0].bytes === plain.summary.files[0].bytes, 'the .gz counts its bytes of text');
  assert(packed.status === '', `no status message for readable archives (${packed.status})`);
  // Named without their extensions: the first bytes decide, never the name.
  const cut = await loadInto([asBuffer('cut-gzip', 'container_truncated.jsonl.gz'), asBuffer('cut-zip', 'container_corrupt.zip'),
    asBuffer('v1_mixed.jsonl', 'v1_mixed.jsonl')], 2);
  const [before, next] = cut.summary.files;
  assert(before.posts === 1 && before.bytes === 1170 && next.posts + next.duplicates === 6,   // as natively
    `what came before the cut, and the next file, load (${JSON.stringify(cut.summary.files)})`);
  assert(cut.status.includes('cut-gzip (gzip): damaged or cut short'), `the cut .gz is named (${cut.status})`);
  assert(cut.status.includes('cut-zip: not read as a zip archive'), `the corrupt .zip is named (${cut.status})`);
});

test('the Open button opens the file picker; dropping a file on the page loads it', async ({ browser, site }) => {
  const { context, page, problems } = await openPage(browser, site);
  const chooser = page.waitForEvent('filechooser', { timeout: 5000 });
  await page.click('#open-button');
  await chooser;
  const text = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'v1_mixed.jsonl'), 'utf8');
  const transfer = await page.evaluateHandle((body) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], 'dropped.jsonl', { type: 'application/x-ndjson' }));
    return dt;
  }, text);
  await page.dispatchEvent('canvas', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('canvas', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('canvas', 'drop', { dataTransfer: transfer });
  await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === 6; }, undefined, 10000);
  const got = await page.evaluate(() => window.chorus.summary());
  assert(got.files[0].name === 'dropped.jsonl', `the dropped file is named in the report (${got.files[0].name})`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

test('the timeline: one wheel notch zooms one step around the cursor, drag pans, double-click fits, resize follows', async ({ browser, site }) => {
  const want = expected([DEMO]);
  const { context, page, problems } = await openPage(browser, site);
  await page.click('#demo-button');
  await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
  await page.waitForTimeout(200);
  const view = () => page.evaluate(() => window.chorus.view());
  const fitted = await view();
  const items = await page.evaluate(() => window.chorus.items());
  const timeline = items.find((i) => i.label === 'Timeline');
  assert(timeline, 'no Timeline item');
  const x = timeline.x + timeline.w * 0.75, y = timeline.y + timeline.h / 2;
  await page.mouse.move(x, y);
  // Each step waits for the page to have drawn the input (a loaded machine draws a frame in 100-300 ms).
  const settled = (predicate, arg) => waitFor(page, predicate, arg, 10000).catch(() => {});
  await page.mouse.wheel(0, -100);  // one notch towards the user's screen: zoom in
  await settled((s) => window.chorus.view().start !== s, fitted.start);
  const zoomed = await view();
  const span = (v) => v.end - v.start;
  const ratio = span(fitted) / span(zoomed);
  assert(ratio > 1.15 && ratio < 1.35, `one wheel notch should zoom in by one step (x1.25), zoomed by x${ratio.toFixed(3)}`);
  assert(zoomed.start > fitted.start && zoomed.end < fitted.end, 'zoom keeps the cursor\'s time in place');
  await page.mouse.wheel(0, 100);
  await settled((s) => window.chorus.view().start !== s, zoomed.start);
  const back = await view();
  assert(Math.abs(span(back) - span(fitted)) / span(fitted) < 0.01, 'one notch back restores the span');
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 50, y, { steps: 5 });
  await page.mouse.move(x - 100, y, { steps: 5 });
  await page.mouse.up();
  await settled((s) => window.chorus.view().start > s, back.start);
  const panned = await view();
  assert(panned.start > back.start && panned.user_moved, 'dragging left shows later times');
  await page.mouse.dblclick(x, y);
  await settled(() => !window.chorus.view().user_moved);
  const refit = await view();
  assert(refit.start === fitted.start && refit.end === fitted.end && !refit.user_moved, 'double-click fits the data again');
  await page.setViewportSize({ width: 900, height: 640 });
  await page.waitForTimeout(300);
  const canvas = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height]; });
  assert(canvas[0] === 900 && canvas[1] === 640, `the canvas follows the window: ${canvas}`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

test('a long load shows its progress and Cancel stops it, keeping what was read', async ({ browser, site }) => {
  // A 250 MB dump written here (large enough that a loaded machine is still reading it when Cancel is
  // clicked): many copies of one fixture post with new ids.
  const big = path.join(SHOTS, '..', 'cancel-test.jsonl');
  mkdirSync(path.dirname(big), { recursive: true });
  const template = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'v1_mixed.jsonl'), 'utf8').split('\n')[0];
  const lines = [];
  for (let i = 0; i < 16000; i++) lines.push(template.replaceAll('9007199254740993', String(1000000000000 + i)));
  const chunk = lines.join('\n') + '\n';
  writeFileSync(big, chunk.repeat(Math.ceil(250e6 / chunk.length)));  // repeats: later copies are duplicates
  const { context, page, problems } = await openPage(browser, site);
  // The main thread's reading path (workers read this file in seconds on an idle machine, before a click
  // lands; their Cancel is tested in cases_workers.mjs).
  await page.evaluate(() => { window.chorus.workerOptions.enabled = false; });
  await page.setInputFiles('#file-input', big);
  await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Cancel'), undefined, 20000);
  await screenshot(page, 'loading-dpr1.png');
  await clickItem(page, 'Cancel');
  await waitFor(page, () => !window.chorus.loading && window.chorus.lastLoad, undefined, 20000);
  const load = await page.evaluate(() => window.chorus.lastLoad);
  const s = await page.evaluate(() => window.chorus.summary());
  assert(load.cancelled === true, 'the load says it was cancelled');
  assert(s.files[0].cancelled === true && s.errors.some((e) => e.kind === 'cancelled'), 'the report says the file was cancelled');
  assert(s.files[0].bytes < statSync(big).size, `only part of the file was read (${s.files[0].bytes} bytes)`);
  assert(s.posts + s.duplicates > 0, 'what was read before Cancel stays');
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
  unlinkSync(big);
});

// Loads `file` (a path, or {name, text} dropped as a File) and waits for the font atlas of its characters.
async function loadAndWaitForGlyphs(page, file, posts) {
  if (typeof file === 'string') {
    await page.setInputFiles('#file-input', file);
  } else {
    await page.evaluate(({ name, text }) => window.chorus.loadFiles([new File([text], name)]), file);
  }
  await waitFor(page, (n) => {
    const s = window.chorus.summary();
    return !window.chorus.loading && s && s.posts === n && window.chorus.glyphs().current;
  }, posts);
  return page.evaluate(() => window.chorus.glyphs());
}

function describeGlyphs(g) {
  return `${g.requested} code points: ${g.in_font} Noto Sans, ${g.from_browser} browser (${g.colour} in colour), ${g.invisible} invisible, `
    + `${g.missing} missing, ${g.left_out} left out; atlas ${g.width}x${g.height} at ${g.pixel_size} px`;
}

const FONT_HINT = 'is a CJK / emoji font installed? (./run --setup installs fonts-wqy-zenhei and fonts-noto-color-emoji)';

test('text that renders: the 500-tweet sample\'s Japanese, Korean, Thai, Arabic and emoji get glyphs at dpr 1 and 2', async ({ browser, site }) => {
  for (const dpr of [1, 2]) {
    const { context, page, problems } = await openPage(browser, site, { dpr });
    // Before any data the page has drawn a character of each script once, at the atlas's size (chorus.js, warmFonts).
    await waitFor(page, () => window.chorus.fontWarmup.done, undefined, 30000);
    const warmup = await page.evaluate(() => window.chorus.fontWarmup);
    const warmed = warmup.steps.map(([script]) => script);
    const unwarmed = ['emoji', 'han', 'kana', 'hangul', 'thai', 'arabic'].filter((script) => !warmed.includes(script));
    assert(unwarmed.length === 0 && warmup.pixelSize === 16 * dpr,
      `the page warmed ${warmed.join(', ')} at ${warmup.pixelSize} px: not ${unwarmed.join(', ')} at ${16 * dpr} px`);
    const before = await page.evaluate(() => window.chorus.glyphs());
    const g = await loadAndWaitForGlyphs(page, SAMPLE_500, 500);
    console.log(`     dpr ${dpr}: before ${before.width}x${before.height}; after ${describeGlyphs(g)} (${g.build_ms} ms)`);
    assert(g.listed_missing.length === 0,
      `code points of the top lists draw as '?': ${g.listed_missing.map((c) => 'U+' + c.toString(16)).join(' ')}; ${FONT_HINT}`);
    assert(g.missing === 0, `${g.missing} code points have no glyph in any font of this system `
      + `(${g.missing_examples.map((c) => 'U+' + c.toString(16)).join(' ')}); ${FONT_HINT}`);
    assert(g.from_browser > 1000, `the browser drew only ${g.from_browser} glyphs (CJK, Hangul, Thai, Arabic, emoji)`);
    assert(g.colour > 50, `only ${g.colour} glyphs in colour: the sample's emoji should be (${FONT_HINT})`);
    assert(g.left_out === 0 && g.max_side <= 4096 && g.width <= g.max_side && g.height <= g.max_side,
      `the atlas is ${g.width}x${g.height} (limit ${g.max_side}), ${g.left_out} left out`);
    assert(g.pixel_size === 16 * dpr, `glyphs are drawn at 16 px x dpr, got ${g.pixel_size}`);
    const png = await screenshot(page, `glyphs-sample-500-dpr${dpr}.png`);
    assert(distinctColours(png) > 20, 'the screenshot is (nearly) blank');
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  }
}, true);

// Hashtags in the scripts of ../shared/samples, one post each (more posts for the first, so the order is fixed).
const SCRIPT_TAGS = [
  ['Latin', 'yotambién'], ['Greek', 'ελλάδα'], ['Cyrillic', 'москва'], ['Japanese', '私も'], ['Chinese', '我也是'],
  ['Korean', '미투운동'], ['Thai', 'ประเทศไทย'], ['Devanagari', 'मीटू'], ['Arabic', 'أنا_كمان'], ['Persian', 'منهم'],
  ['Hebrew', 'גםאני'], ['Arabic and digits', 'مصر2019'], ['emoji', '✊🏽'], ['emoji', '💜'],
];

test('text that renders: a hashtag in each script of the samples, emoji in colour, no \'?\'', async ({ browser, site }) => {
  const lines = [];
  SCRIPT_TAGS.forEach(([, tag], i) => {
    for (let k = 0; k < SCRIPT_TAGS.length - i; k++) {
      const id = 1000 * (i + 1) + k;
      lines.push(JSON.stringify({
        created_at: 'Sun Oct 15 20:21:00 +0000 2017', id_str: String(id), text: `#${tag}`,
        entities: { hashtags: [{ text: tag }], user_mentions: [], urls: [] },
        user: { id_str: String(id), screen_name: `user${id}` }, lang: 'und',
      }));
    }
  });
  const posts = lines.length;
  const { context, page, problems } = await openPage(browser, site, { dpr: 2 });
  const g = await loadAndWaitForGlyphs(page, { name: 'scripts.jsonl', text: lines.join('\n') + '\n' }, posts);
  console.log(`     ${describeGlyphs(g)}`);
  assert(g.listed_missing.length === 0,
    `code points of the hashtags draw as '?': ${g.listed_missing.map((c) => 'U+' + c.toString(16)).join(' ')}; ${FONT_HINT}`);
  const tags = (await page.evaluate(() => window.chorus.summary())).top_hashtags.map(([tag]) => tag);
  assert(tags.length === 10 && tags[0] === 'yotambién', `the hashtags are listed in order: ${tags.join(' ')}`);
  const png = await screenshot(page, 'glyphs-scripts-dpr2.png');
  // The emoji are drawn in colour: the hashtag list (left third, below the timeline) holds warm, saturated
  // pixels (the raised fist's skin tone, the purple heart), which grey text on grey rows never has.
  let colourful = 0;
  for (let y = Math.round(png.height * 0.55); y < png.height; y++) {
    for (let x = 0; x < Math.round(png.width / 3); x++) {
      const i = (y * png.width + x) * png.channels;
      const [r, g2, b] = [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
      if (Math.max(r, g2, b) - Math.min(r, g2, b) > 80) colourful++;
    }
  }
  assert(colourful > 50, `no colour emoji in the hashtag list (${colourful} saturated pixels)`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

test('text that renders: a character no font has is counted as missing and drawn as \'?\'', async ({ browser, site }) => {
  const post = {
    created_at: 'Sun Oct 15 20:21:00 +0000 2017', id_str: '1', text: '#tofu\u0378',
    entities: { hashtags: [{ text: 'tofu\u0378' }], user_mentions: [], urls: [] },
    user: { id_str: '1', screen_name: 'user1' }, lang: 'und',
  };
  const { context, page, problems } = await openPage(browser, site);
  const g = await loadAndWaitForGlyphs(page, { name: 'tofu.jsonl', text: JSON.stringify(post) + '\n' }, 1);
  assert(g.missing === 1 && g.from_browser === 0, `U+0378 (unassigned) is missing, not drawn: ${describeGlyphs(g)}`);
  assert(JSON.stringify(g.listed_missing) === '[888]', `the list reports U+0378 as '?': ${g.listed_missing}`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

test('the query bar: a typed query narrows the selection to the checker\'s count; a shift-drag brushes; errors keep it; Esc clears; a drag on the axis brushes', async ({ browser, site }) => {
  const want = expected([DEMO]);
  const tag = want.top_hashtags.find(([t]) => t.toLowerCase() === 'balancetonporc');
  assert(tag, `the checker lists #balancetonporc in the demo's top hashtags: ${JSON.stringify(want.top_hashtags)}`);
  const { context, page, problems } = await openPage(browser, site);
  await page.click('#demo-button');
  await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
  await page.waitForTimeout(200);
  const all = await page.evaluate(() => window.chorus.selection());
  assert(all.posts === want.posts && all.total === want.posts && all.error === null, `before a query: ${JSON.stringify(all)}`);
  await clickItem(page, 'Query');
  // The canvas takes characters from key events (web/src/input.cpp): keyboard.type sends them;
  // keyboard.insertText sends none a canvas can read.
  await page.keyboard.type('#balancetonporc');
  await waitFor(page, (n) => window.chorus.selection().posts === n, tag[1], 5000);
  const got = await selectionSettled(page);
  assert(got.query === '#balancetonporc' && got.error === null && got.total === want.posts, `after the query: ${JSON.stringify(got)}`);
  await page.waitForTimeout(200);
  const png = await screenshot(page, 'query-demo-dpr1.png');
  assert(distinctColours(png) > 20, 'the screenshot of the query is (nearly) blank');
  // Shift-drag on the timeline brushes a range: fewer posts, the query's text unchanged.
  const timeline = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Timeline');
  assert(timeline, 'no Timeline item');
  const y = timeline.y + timeline.h / 2;
  await page.keyboard.down('Shift');
  await page.mouse.move(timeline.x + timeline.w * 0.06, y);
  await page.mouse.down();
  await page.mouse.move(timeline.x + timeline.w * 0.12, y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await waitFor(page, () => window.chorus.selection().brush !== null, undefined, 5000);
  const brushed = await selectionSettled(page);
  assert(brushed.posts > 0 && brushed.posts < tag[1] && brushed.query === '#balancetonporc', `the brush narrows the query: ${JSON.stringify(brushed)}`);
  await page.waitForTimeout(200);
  await screenshot(page, 'query-brush-demo-dpr1.png');
  await clickItem(page, 'Query');
  await page.keyboard.press('End');  // press and release within one frame: the input queue keeps it
  await page.keyboard.type(' (');
  await waitFor(page, () => window.chorus.selection().error !== null, undefined, 5000);
  const bad = await selectionSettled(page);
  assert(bad.posts === brushed.posts && bad.error.position === 17, `a syntax error keeps the results: ${JSON.stringify(bad)}`);
  await page.keyboard.press('Escape');
  await waitFor(page, (n) => { const s = window.chorus.selection(); return s.query === '' && s.brush === null && s.posts === n; }, want.posts, 5000);
  // A drag on the time axis (below the bars) brushes without shift (a touch screen has none), and does not pan.
  await page.waitForTimeout(600);  // no double-click with the clicks before
  const before = await page.evaluate(() => window.chorus.view());
  const axisY = timeline.y + timeline.h - 4;
  await page.mouse.move(timeline.x + timeline.w * 0.06, axisY);
  await page.mouse.down();
  await page.mouse.move(timeline.x + timeline.w * 0.12, axisY, { steps: 5 });
  await page.mouse.up();
  await waitFor(page, () => window.chorus.selection().brush !== null, undefined, 5000);
  const axis = await selectionSettled(page);
  const after = await page.evaluate(() => window.chorus.view());
  assert(axis.posts > 0 && axis.posts < want.posts && axis.query === '', `a drag on the axis brushes: ${JSON.stringify(axis)}`);
  assert(after.start === before.start && after.end === before.end, `a drag on the axis does not pan: ${before.start}-${before.end} -> ${after.start}-${after.end}`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

// Clicks the ImGui item labelled `label` and returns the download it starts: {name, bytes}.
async function downloadOf(page, label) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), clickItem(page, label)]);
  const file = await download.path();
  assert(file, `the download of "${label}" failed: ${await download.failure()}`);
  return { name: download.suggestedFilename(), url: download.url(), bytes: readFileSync(file) };
}

test('exports: the hashtags list as Excel CSV, the query\'s posts as JSONL, the timeline as PNG, all downloads', async ({ browser, site }) => {
  const want = expected([DEMO]);
  const tag = want.top_hashtags.find(([t]) => t.toLowerCase() === 'balancetonporc');
  const { context, page, problems } = await openPage(browser, site);
  await page.click('#demo-button');
  await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === n; }, want.posts);
  await page.waitForTimeout(200);
  await screenshot(page, 'export-buttons-dpr1.png');

  // The hashtags list: BOM, header, CRLF records; its first ten rows are the checker's top hashtags.
  const csv = await downloadOf(page, 'Export hashtags');
  assert(csv.url.startsWith('blob:'), `the CSV comes from a blob: URL, not ${csv.url}`);
  assert(csv.name === 'chorus-hashtags-all.csv', `the CSV's name: ${csv.name}`);
  assert(csv.bytes[0] === 0xef && csv.bytes[1] === 0xbb && csv.bytes[2] === 0xbf, 'the CSV starts with the UTF-8 BOM');
  const records = parseCsv(csv.bytes.subarray(3).toString('utf8'), { endsWithCrlf: true });
  assert(JSON.stringify(records[0]) === JSON.stringify(['rank', 'hashtag', 'posts', 'share of selection']), `the header: ${records[0]}`);
  const top = records.slice(1, 11).map(([, item, posts]) => [item, Number(posts)]);
  assert(JSON.stringify(top) === JSON.stringify(want.top_hashtags),
    `the CSV's top hashtags ${JSON.stringify(top)}, the checker says ${JSON.stringify(want.top_hashtags)}`);
  records.slice(1).forEach(([rank], i) => assert(Number(rank) === i + 1, `rank ${rank} in row ${i + 1}`));

  // The posts of a typed query as JSON lines: one per selected post.
  await clickItem(page, 'Query');
  await page.keyboard.type('#balancetonporc');
  await waitFor(page, (n) => window.chorus.selection().posts === n, tag[1], 5000);
  await selectionSettled(page);
  await page.waitForTimeout(200);
  const jsonl = await downloadOf(page, 'Export posts (JSONL)');
  assert(jsonl.name === 'chorus-posts-balancetonporc.jsonl', `the JSONL's name: ${jsonl.name}`);
  const lines = jsonl.bytes.toString('utf8').split('\n');
  assert(lines.pop() === '', 'the JSONL ends with a newline');
  const selected = (await page.evaluate(() => window.chorus.selection())).posts;
  assert(lines.length === selected && selected === tag[1], `${lines.length} lines for ${selected} selected posts (checker: ${tag[1]})`);
  for (const line of lines) {
    const post = JSON.parse(line);
    assert(typeof post.id === 'string' && post.hashtags.includes('balancetonporc'), `a post of the query: ${line.slice(0, 200)}`);
  }

  // The timeline as a PNG of the timeline's size (CSS px at dpr 1).
  const timeline = (await page.evaluate(() => window.chorus.items())).find((i) => i.label === 'Timeline');
  const shot = await downloadOf(page, 'Export timeline PNG');
  assert(shot.name === 'chorus-timeline-balancetonporc.png', `the PNG's name: ${shot.name}`);
  assert(shot.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'the PNG signature');
  const png = decodePng(shot.bytes);
  assert(Math.abs(png.width - timeline.w) <= 1 && Math.abs(png.height - timeline.h) <= 1,
    `the PNG is ${png.width}x${png.height}, the timeline ${timeline.w}x${timeline.h}`);
  assert(distinctColours(png) > 5, 'the PNG of the timeline is (nearly) blank');
  writeFileSync(path.join(SHOTS, 'export-timeline.png'), shot.bytes);
  const saved = await page.evaluate(() => window.chorus.lastSave);
  assert(saved && saved.name === shot.name && saved.type === 'image/png', `lastSave: ${JSON.stringify(saved)}`);
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

test('privacy: nothing reaches another origin (CSP canary on another port)', async ({ browser, site, canary }) => {
  // The canary counts every TCP connection, HTTP request and WebSocket upgrade. First prove it counts.
  await fetch(`${canary.origin}/self-check`).then((r) => r.text());
  assert(canary.count() > 0, 'the canary did not see a request made to it directly');
  canary.reset();
  const { context, page } = await openPage(browser, site);
  const violations = await page.evaluate(async (origin) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    fetch(`${origin}/fetch`).catch(() => {});
    const img = new Image();
    img.src = `${origin}/image.png`;
    document.body.appendChild(img);
    const script = document.createElement('script');
    script.src = `${origin}/script.js`;
    document.head.appendChild(script);
    try { new WebSocket(`${origin.replace('http', 'ws')}/socket`); } catch (e) { seen.push('websocket-threw'); }
    navigator.sendBeacon && (() => { try { navigator.sendBeacon(`${origin}/beacon`, 'x'); } catch (e) { /* blocked */ } })();
    await new Promise((r) => setTimeout(r, 1500));
    return seen;
  }, canary.origin);
  await page.waitForTimeout(500);
  assert(canary.count() === 0, `the canary received ${canary.count()} connection(s)/request(s): ${canary.log().join(', ')}`);
  assert(violations.length >= 4, `expected the CSP to block fetch, image, script and WebSocket; saw: ${violations.join(', ')}`);
  await context.close();
});

test('a CSV without text or time columns is mapped by clicking, then read again with its posts', async ({ browser, site }) => {
  const { context, page, problems } = await openPage(browser, site);
  await page.setInputFiles('#file-input', path.join(ROOT, 'tests', 'fixtures', 'csv_unmapped.csv'));   // id,message,when
  await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.files.length === 1; });
  assert((await page.evaluate(() => window.chorus.summary())).posts === 0, 'unmapped rows are skipped');
  const hasItem = (label) => waitFor(page, (l) => window.chorus.items().some((i) => i.label === l), label, 5000);
  const hasNoItem = (label) => waitFor(page, (l) => !window.chorus.items().some((i) => i.label === l), label, 5000);
  for (const [combo, column] of [['Time column', 'when'], ['Text column', 'message']]) {
    await hasItem(combo);
    await clickItem(page, combo);
    await hasItem(column);
    await clickItem(page, column);
    await hasNoItem(column);
  }
  await clickItem(page, 'Apply and reload');
  await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts === 2; }, undefined, 10000);
  const s = await page.evaluate(() => window.chorus.summary());
  assert(s.files.length === 1 && s.files[0].name === 'csv_unmapped.csv', `the file is read again in place of the first read: ${JSON.stringify(s.files)}`);
  await hasNoItem('Apply and reload');
  assert(problems.length === 0, problems.join('\n'));
  await context.close();
});

// More cases live in web/tests/cases_*.mjs, each `export default function register(t)` with t below.
async function registerCaseFiles() {
  const t = { test, assert, assertSummary, waitFor, selectionSettled, openPage, screenshot, clickItem, expected,
    ROOT, SITE, SAMPLES, SAMPLE_500, DEMO };
  for (const name of readdirSync(HERE).filter((n) => /^cases_.*\.mjs$/.test(n)).sort()) {
    (await import(path.join(HERE, name))).default(t);
  }
}

async function main() {
  await registerCaseFiles();
  if (!existsSync(path.join(SITE, 'index.html'))) {
    console.error(`no site in ${SITE}: build the web app first (./run --build)`);
    process.exit(1);
  }
  const haveSamples = existsSync(SAMPLE_500);
  const site = await startStatic(SITE);
  const canary = await startCanary();
  const browser = await launchChromium();
  let passed = 0, failed = 0, skipped = 0;
  for (const c of cases) {
    if (ONLY && !c.name.includes(ONLY)) continue;
    if (c.needsSamples && !haveSamples) {
      console.log(`SKIP ${c.name}: ${SAMPLE_500} is absent`);
      skipped++;
      continue;
    }
    const t0 = Date.now();
    try {
      await c.fn({ browser, site, canary });
      passed++;
      console.log(`ok   ${c.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${c.name}\n     ${String(e.stack || e).split('\n').slice(0, 4).join('\n     ')}`);
    }
  }
  await browser.close();
  site.close();
  canary.close();
  console.log(`screenshots: ${SHOTS}`);
  console.log(`browser: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
