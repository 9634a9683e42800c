// Chorus's page alone on one file, several sites in one run (before/after in the same conditions):
//   node tests/bench/duckdb/page_only.mjs FILE ROUNDS SITE_DIR...
// Prints, per site and round, the page's lastLoad seconds (drop to numbers), its merge seconds and posts,
// and the CPU seconds the browser (all this process's children) spent meanwhile (Linux /proc: steadier than seconds on a busy machine).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { startStatic } from '../../../web/tests/servers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.resolve(HERE, '../../../web/package.json'))('playwright-core');
const [file, rounds, ...sites] = process.argv.slice(2);
if (!file || !sites.length) {
  console.error('usage: node tests/bench/duckdb/page_only.mjs FILE ROUNDS SITE_DIR...');
  process.exit(2);
}
const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
// User + system CPU seconds of process `root` and all its descendants.
function cpuSeconds(root) {
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch { /* the process ended meanwhile */ }
  }
  let ticks = 0;
  for (const [pid, stat] of stats) {
    for (let p = pid; p > 1; p = stats.get(p) ? stats.get(p).parent : 0) {
      if (p === root) { ticks += stat.ticks; break; }
    }
  }
  return ticks / 100;  // USER_HZ
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const servers = [];
for (const dir of sites) servers.push(await startStatic(path.resolve(dir)));
for (let round = 0; round < Number(rounds || 1); ++round) {
  for (let i = 0; i < sites.length; ++i) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${servers[i].origin}/`);
    await page.waitForFunction(() => window.chorus && window.chorus.ready, undefined, { timeout: 120000 });
    const cpuBefore = cpuSeconds(process.pid);
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.chorus.loading, undefined, { timeout: 60000 });
    await page.waitForFunction(() => !window.chorus.loading && window.chorus.lastLoad, undefined,
      { timeout: 30 * 60000, polling: 20 });
    const cpu = cpuSeconds(process.pid) - cpuBefore;
    const load = await page.evaluate(() => window.chorus.lastLoad);
    const s = await page.evaluate(() => window.chorus.summary());
    console.log(JSON.stringify({ site: sites[i], round, seconds: load.seconds, cpu: Number(cpu.toFixed(2)), merge: load.mergeSeconds,
      workerRead: load.workerReadSeconds, workerSnapshot: load.workerSnapshotSeconds,
      workers: load.workers, ranges: load.ranges, posts: s.posts, authors: s.authors,
      hashtags: (s.top_hashtags || []).slice(0, 3) }));
    await page.close();
  }
}
await browser.close();
for (const server of servers) server.close?.();
process.exit(0);
