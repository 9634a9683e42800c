// Debian's headless Chromium as the browser tests (run.mjs) and the benchmark programs (bench_*.mjs,
// walk_10m.mjs) start it, and the benchmarks' page: the site served on 127.0.0.1, one 1280x800 page with the
// module ready. Not a case file: run.mjs registers only cases_*.mjs.
import path from 'node:path';
import { chromium } from 'playwright-core';

import { startStatic } from './servers.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

// `extraArgs`: more switches, e.g. the benchmarks' --disable-gpu-vsync.
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS.concat(extraArgs) });
}

// A new 1280x800 page on `site` once window.chorus is ready; page errors are kept in `pageErrors`.
// `downloads`: in a context of its own that accepts downloads.
export async function openReadyPage(browser, site, { downloads = false } = {}) {
  const viewport = { width: 1280, height: 800 };
  const page = downloads
    ? await (await browser.newContext({ viewport, acceptDownloads: true })).newPage()
    : await browser.newPage({ viewport });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => window.chorus && window.chorus.ready, undefined, { timeout: 60000 });
  return { page, pageErrors };
}

// A benchmark's start-up: serves SITE_DIR, starts Chromium, opens one ready page. close() stops both.
export async function startBench(siteDir, options, extraArgs = []) {
  const site = await startStatic(path.resolve(siteDir));
  const browser = await launchChromium(extraArgs);
  const { page, pageErrors } = await openReadyPage(browser, site, options);
  const close = async () => { await browser.close(); site.close(); };
  return { site, browser, page, pageErrors, close };
}
