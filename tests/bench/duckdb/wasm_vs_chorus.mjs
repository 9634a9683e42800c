// DuckDB-WASM's built-in read_csv against Chorus on the same CSV, both in headless Chromium, same numbers.
//   node tests/bench/duckdb/wasm_vs_chorus.mjs CHORUS_SITE_DIR FILE.csv
// FILE.csv comes from to_csv.py (a generated v1.1 dump re-emitted as a flat tweet CSV). Prints the
// seconds of each from File to numbers, whether the numbers agree, and the ratio. Never fails on speed.
import path from 'node:path';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { startStatic } from '../../../web/tests/servers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// playwright-core is the page tests' own (web/package.json), not a dependency of this folder.
const { chromium } = createRequire(path.resolve(HERE, '../../../web/package.json'))('playwright-core');
const [siteDir, file] = process.argv.slice(2);
if (!siteDir || !file) {
  console.error('usage: node tests/bench/duckdb/wasm_vs_chorus.mjs CHORUS_SITE_DIR FILE.csv');
  process.exit(2);
}
const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const mb = statSync(file).size / 1e6;

const site = await startStatic(path.resolve(siteDir));
const duckSite = await startStatic(HERE);  // page/ and node_modules/, same origin
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const outside = [];
const watch = (page, origin) => page.on('request', (r) => {
  if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
});

// Chorus: the page's own file input, then its summary.
const chorusPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
watch(chorusPage, site.origin);
await chorusPage.goto(`${site.origin}/`);
await chorusPage.waitForFunction(() => window.chorus && window.chorus.ready, undefined, { timeout: 60000 });
await chorusPage.setInputFiles('#file-input', file);
await chorusPage.waitForFunction(() => window.chorus.loading, undefined, { timeout: 30000 });
await chorusPage.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined, { timeout: 30 * 60000, polling: 100 });
const chorusLoad = await chorusPage.evaluate(() => window.chorus.lastLoad);
const s = await chorusPage.evaluate(() => window.chorus.summary());
const chorus = { seconds: chorusLoad.seconds, numbers: { posts: s.posts, types: s.types, authors: s.authors,
  first: s.first, last: s.last, top_hashtags: s.top_hashtags } };
await chorusPage.close();

// DuckDB-WASM.
const duckPage = await browser.newPage();
watch(duckPage, duckSite.origin);
duckPage.on('pageerror', (e) => console.error(`duckdb page: ${e.message}`));
await duckPage.goto(`${duckSite.origin}/page/index.html`);
await duckPage.waitForFunction(() => window.duckReady, undefined, { timeout: 60000 });
await duckPage.setInputFiles('#csv', file);
const duck = await duckPage.$eval('#csv', (input) => window.duckRun(input.files[0]));

await browser.close();
site.close();
duckSite.close();

// Chorus shows a hashtag in its most used spelling (rule 50); DuckDB's are lower-cased: compare the keys.
const key = (k, v) => JSON.stringify(k === 'top_hashtags' ? v.map(([t, n]) => [t.toLowerCase(), n]) : v);
const differ = Object.keys(chorus.numbers).filter((k) => key(k, chorus.numbers[k]) !== key(k, duck.numbers[k]));
console.log(JSON.stringify({
  file: path.basename(file), MB: +mb.toFixed(1), posts: chorus.numbers.posts,
  chorus_seconds: +chorus.seconds.toFixed(3), chorus_MBps: +(mb / chorus.seconds).toFixed(1),
  duckdb_wasm_seconds: +duck.seconds.toFixed(3), duckdb_wasm_MBps: +(mb / duck.seconds).toFixed(1),
  duckdb_wasm_instantiate_seconds: +duck.instantiate_seconds.toFixed(3),
  duckdb_wasm_read_csv_seconds: +duck.load_seconds.toFixed(3), duckdb_wasm_query_seconds: +duck.query_seconds.toFixed(3),
  chorus_over_duckdb: +(duck.seconds / chorus.seconds).toFixed(2),
  numbers_agree: differ.length === 0, ...(differ.length ? { differ, chorus: chorus.numbers, duckdb: duck.numbers } : {}),
  requests_outside_origin: outside.length,
}));
