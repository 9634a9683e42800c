// The timeline and the page's toolbar follow the explorer's theme (Settings: Dark / Light): the bars
// are drawn in the theme's palette (shell/timeline_series.cpp OnTheme) and chorus.css restyles the
// toolbar when the module puts "theme-light" on <html>. Screenshots of both themes at dpr 1.

export default function register(t) {
  const { test, assert, waitFor, openPage, screenshot, clickItem } = t;
  const items = (page) => page.evaluate(() => window.chorus.items());

  // Pixels of the timeline's rectangle within `tolerance` of an RGB colour.
  function countColour(png, rect, [r, g, b], tolerance = 6) {
    let n = 0;
    const x0 = Math.max(0, Math.floor(rect.x)), x1 = Math.min(png.width, Math.floor(rect.x + rect.w));
    const y0 = Math.max(0, Math.floor(rect.y)), y1 = Math.min(png.height, Math.floor(rect.y + rect.h));
    for (let y = y0; y < y1; ++y) {
      for (let x = x0; x < x1; ++x) {
        const i = (y * png.width + x) * png.channels;
        if (Math.abs(png.pixels[i] - r) <= tolerance && Math.abs(png.pixels[i + 1] - g) <= tolerance &&
            Math.abs(png.pixels[i + 2] - b) <= tolerance) ++n;
      }
    }
    return n;
  }
  const toolbar = (page) => page.evaluate(() => {
    const button = document.querySelector('#toolbar button');
    return { light: document.documentElement.classList.contains('theme-light'),
             background: getComputedStyle(button).backgroundColor, color: getComputedStyle(button).color };
  });

  test('theme: the timeline bars and the HTML toolbar follow Dark and Light (dpr 1)', async ({ browser, site }) => {
    const { context, page, problems } = await openPage(browser, site, { dpr: 1 });
    await page.evaluate(() => window.chorus.loadDemo());
    await waitFor(page, () => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.posts > 1000; });
    await page.waitForTimeout(300);
    const timeline = (await items(page)).find((i) => i.label === 'Timeline');
    assert(timeline, 'the timeline is drawn');

    const dark = await screenshot(page, 'polish-theme-dark-dpr1.png');
    const darkBars = countColour(dark, timeline, [86, 156, 214]);
    const before = await toolbar(page);
    assert(!before.light, 'the dark theme puts no theme-light class on <html>');
    assert(before.color === 'rgb(255, 255, 255)', `dark toolbar text is white: ${before.color}`);
    assert(darkBars > 500, `the dark theme draws the bars in (86, 156, 214): ${darkBars} pixels`);

    await clickItem(page, 'Settings');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Light'), undefined, 5000);
    await page.waitForTimeout(300);
    await clickItem(page, 'Light');
    await waitFor(page, () => document.documentElement.classList.contains('theme-light'), undefined, 5000);
    await clickItem(page, 'Settings');  // closes the window: the whole chart in the picture
    await page.waitForTimeout(400);
    const light = await screenshot(page, 'polish-theme-light-dpr1.png');
    const after = await toolbar(page);
    assert(after.color === 'rgb(0, 0, 0)', `light toolbar text is black: ${after.color}`);
    assert(after.background === 'rgb(170, 204, 244)', `light toolbar buttons are ImGui's light button: ${after.background}`);
    // On the light background the bars are the dark palette darkened (x 0.55): (47, 85, 117).
    const lightBars = countColour(light, timeline, [47, 85, 117]);
    const paleBars = countColour(light, timeline, [86, 156, 214]);
    assert(lightBars > 500, `the light theme draws the bars darker: ${lightBars} pixels of (47, 85, 117)`);
    assert(paleBars < lightBars / 10, `the dark theme's bar colour is gone: ${paleBars} pixels`);

    await clickItem(page, 'Settings');
    await waitFor(page, () => window.chorus.items().some((i) => i.label === 'Dark'), undefined, 5000);
    await page.waitForTimeout(300);
    await clickItem(page, 'Dark');
    await waitFor(page, () => !document.documentElement.classList.contains('theme-light'), undefined, 5000);
    assert(problems.length === 0, problems.join('\n'));
    await context.close();
  });
}
