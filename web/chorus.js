// Chorus page glue: starts the WebAssembly module (chorus-core.js) and streams
// files into it, slice by slice, through the exports of web/src/exports.cpp.
// Files are read where they are, with File.stream(); nothing is uploaded and
// no file is ever held in memory whole.
//
// The page's entry: the module, window.chorus, the load queue and orchestration, glyphs, saving, the toolbar and
// drag and drop. What a file holds (load_sources.js), snapshots (load_snapshot.js), loads in workers
// (load_workers.js) and a snapshot's text on disk (text_on_disk.js) are in their own files, loaded before this one.
//
// For tests and benchmarks the page exposes window.chorus:
//   ready, loading, lastLoad {bytes, seconds, parseSeconds, readWaitSeconds, files, cancelled, workers, ranges,
//   mergeSeconds, workerReadSeconds, workerSnapshotSeconds}, workerOptions {enabled, rangeBytes, workers}
//   (tests and benchmarks may change them),
//   lastSave {name, type, bytes} (the last export saved),
//   summary(), items(), view(), selection(), frameStats(), glyphs(), loadFiles(files) -> Promise<lastLoad>, loadDemo(),
//   measureRead(file) -> Promise<{bytes, seconds}>, fontWarmup {steps: [script, ms, start] the page has drawn once
//   since it opened, so that the font atlas's first batches after a load do not pay the fonts' first use; pixelSize;
//   done},
//   memoryLimit (bytes the module may use, 0: the browser's 4 GB; tests), textOnDisk (true: a snapshot's text stays
//   on disk whatever the budget; tests and benchmarks), textStatus() -> {onDisk, reads, scans, pumping, memoryInUse}
'use strict';

(() => {
  const YIELD_AFTER_MS = 12;   // longest stretch of parsing before the page draws again
  const DEMO_URL = 'demo/metoo-demo.jsonl';

  const canvas = document.getElementById('canvas');
  const toolbar = document.getElementById('toolbar');
  const fileInput = document.getElementById('file-input');
  const openButton = document.getElementById('open-button');
  const demoButton = document.getElementById('demo-button');
  const dropHint = document.getElementById('drop-hint');
  const statusLine = document.getElementById('status');

  // The one namespace the page's scripts share (window.chorusGlue): the module, its exports, window.chorus and
  // the helpers of load_sources.js, load_snapshot.js, load_workers.js and text_on_disk.js, loaded before this file.
  const glue = window.chorusGlue || (window.chorusGlue = {});
  let core = null;        // the module, once it runs (glue.core)
  let api = null;         // its exports, wrapped (glue.api)
  let demoLoaded = false; // the dataset is the demo: opening files replaces it
  let loadedFiles = [];   // the File objects read since the dataset was last replaced (a CSV mapping reads them again)
  let loadsPending = 0;

  const chorus = {
    ready: false,
    loading: false,
    lastLoad: null,
    lastSave: null,
    summary() { return api ? JSON.parse(api.summaryJson()) : null; },
    items() { return api ? JSON.parse(api.itemsJson()) : []; },
    view() { return api ? JSON.parse(api.viewJson()) : null; },
    selection() { return api ? JSON.parse(api.selectionJson()) : null; },
    // The main loop's work per frame since the last call (web/src/frame_clock.hpp), then starts over.
    frameStats() { return api ? JSON.parse(api.frameStats()) : null; },
    // Tests: the next frame is drawn whole (web/src/display.hpp), to compare with the frames drawn in part.
    redraw() { if (api) api.redraw(); },
    glyphs() { return api ? JSON.parse(api.glyphsJson()) : null; },
    loadFiles(files) { return enqueue(() => loadFileList(Array.from(files))); },
    loadDemo() { return enqueue(loadDemo); },
    measureRead,
    heapBytes() { return core ? core.HEAPU8.length : 0; },   // the module's memory as grown (benchmarks)
    // Tests: takes (for good) every free block of the module's heap below `limit` bytes, so that what it
    // allocates next lies above (a heap past 2 GiB, as with 10 million posts). Returns the blocks taken.
    fillHeapBelow(limit) {
      let taken = 0;
      for (const size of [1 << 24, 1 << 20, 1 << 12]) {
        for (;;) {
          const p = core._malloc(size) >>> 0;
          if (!p) return taken;
          taken++;
          if (p + size > limit) break;
        }
      }
      return taken;
    },
    workerOptions: { enabled: typeof Worker === 'function', rangeBytes: 16 << 20, workers: 0 },
    memoryLimit: 0,
    textOnDisk: false,
    textStatus() {
      return api && { onDisk: !!api.textOnDisk(), reads: glue.textDisk.reads, scans: glue.textDisk.scans,
        pumping: glue.textDisk.busy, memoryInUse: api.memoryInUse() };
    },
  };
  window.chorus = chorus;
  glue.chorus = chorus;

  function setStatus(text, isError = false) {
    statusLine.textContent = text;
    statusLine.classList.toggle('error', isError);
  }

  // --- the module ----------------------------------------------------------

  const started = ChorusCore({
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: () => setStatus('Chorus stopped (out of memory?). Reload the page to start again.', true),
    chorusFatal: (message) => setStatus(message, true),
    chorusDrawGlyphs: drawGlyphs,
    chorusSaveBegin: saveBegin,
    chorusSavePart: savePart,
    chorusSaveEnd: saveEnd,
    chorusSavePng: savePng,
  }).then((module) => {
    core = module;
    api = {
      capacity: module.cwrap('chorus_buffer_capacity', 'number', []),
      loadBegin: module.cwrap('chorus_load_begin', null, ['number', 'number', 'number']),
      fileBegin: module.cwrap('chorus_file_begin', 'number', ['string']),
      fileChunk: module.cwrap('chorus_file_chunk', null, ['number']),
      fileEnd: module.cwrap('chorus_file_end', null, []),
      partsFile: module.cwrap('chorus_parts_file', null, ['string']),
      partBuffer: module.cwrap('chorus_part_buffer', 'number', ['number']),
      partStep: module.cwrap('chorus_part_step', 'number', ['number']),
      partMerge: module.cwrap('chorus_part_merge', 'number', ['number', 'number', 'number']),
      partsProgress: module.cwrap('chorus_parts_progress', null, ['number']),
      partsCancel: module.cwrap('chorus_parts_cancel', null, ['string', 'number', 'number', 'number']),
      snapshotOpen: module.cwrap('chorus_snapshot_open', null, ['string', 'number']),
      snapshotStep: module.cwrap('chorus_snapshot_step', 'number', ['number']),
      snapshotWaiting: module.cwrap('chorus_snapshot_waiting', 'number', []),
      snapshotEnd: module.cwrap('chorus_snapshot_end', 'string', ['number']),
      loadEnd: module.cwrap('chorus_load_end', null, ['number']),
      cancelRequested: module.cwrap('chorus_cancel_requested', 'number', []),
      summaryJson: module.cwrap('chorus_summary_json', 'string', []),
      itemsJson: module.cwrap('chorus_items_json', 'string', []),
      viewJson: module.cwrap('chorus_view_json', 'string', []),
      selectionJson: module.cwrap('chorus_selection_json', 'string', []),
      frameStats: module.cwrap('chorus_frame_stats', 'string', []),
      redraw: module.cwrap('chorus_redraw', null, []),
      glyphsJson: module.cwrap('chorus_glyphs_json', 'string', []),
      pasteText: module.cwrap('chorus_paste_text', null, ['string']),
      reloadRequested: module.cwrap('chorus_reload_requested', 'number', []),
      memoryLimit: module.cwrap('chorus_memory_limit', null, ['number']),
      memoryLow: module.cwrap('chorus_memory_low', 'number', ['number']),
      memoryNote: module.cwrap('chorus_memory_note', 'string', []),
      textOnDisk: module.cwrap('chorus_text_on_disk', 'number', []),
      textOnDiskForced: module.cwrap('chorus_text_on_disk_forced', null, ['number']),
      textWanted: module.cwrap('chorus_text_wanted', 'string', []),
      textBuffer: module.cwrap('chorus_text_buffer', 'number', ['number']),
      textRemember: module.cwrap('chorus_text_remember', null, ['number', 'number']),
      scanNext: module.cwrap('chorus_scan_next', 'string', ['number']),
      scanFeed: module.cwrap('chorus_scan_feed', null, ['number']),
      textUnreadable: module.cwrap('chorus_text_unreadable', null, ['string']),
      memoryInUse: module.cwrap('chorus_memory_in_use', 'number', []),
      csvMapping: module.cwrap('chorus_csv_mapping', 'string', ['string']),
    };
    glue.core = core;
    glue.api = api;
    setInterval(glue.pumpText, 50);
    // The explorer's "Apply and reload" (CSV column mapping) asks for the files to be read again.
    setInterval(() => { if (api.reloadRequested()) enqueue(reloadFiles); }, 100);
    openButton.disabled = false;
    demoButton.disabled = false;
    chorus.ready = true;
    glue.warmWorkers();
    warmFonts();
    if (location.hash === '#demo') chorus.loadDemo();
  });
  started.catch((error) => {
    console.error(error);
    setStatus('Chorus could not start in this browser.', true);
  });

  // --- characters the module's font lacks ------------------------------------------

  // The module draws with Noto Sans (Latin, Greek, Cyrillic). Every other character of the data (CJK,
  // Arabic, Thai, emoji...) it asks of drawGlyphs (web/src/browser_glyphs.cpp), which draws each code
  // point alone, with the fonts of this system, and hands back bitmaps for the module's font atlas.
  // One code point at a time, without shaping; an emoji cluster of several code points (a flag, a ZWJ
  // family) comes as a string and is drawn whole, as one glyph (shell/cluster_glyphs.hpp).
  const TEXT_FONTS = ['Noto Sans CJK JP', 'Noto Sans CJK KR', 'Noto Sans CJK SC', 'Noto Sans CJK TC',
    'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Thai', 'Noto Sans Devanagari', 'Noto Sans Symbols 2']
    .map((family) => `"${family}"`).join(', ') + ', sans-serif';
  const EMOJI_FONTS = `"Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", ${TEXT_FONTS}`;
  const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u20E3|\uFE0F/u;   // keycaps too
  const BLANK = /\p{Z}/u;
  // A mark of an Indic or Southeast Asian script drawn alone gets a dotted circle from the shaper
  // (a "broken cluster"): it is drawn after a no-break space, its usual stand-in base, instead.
  const NEEDS_BASE = /^(?!\p{Script=Arabic}|\p{Script=Hebrew}|\p{Script=Syriac}|\p{Script=Thaana}|\p{Script=Nko}|\p{Script=Thai}|\p{Script=Lao}|\p{Script=Inherited}|\p{Script=Common})\p{M}$/u;
  const STAND_IN_BASE = '\u00a0';
  const NO_SUCH_CHARACTER = '\u0378';   // unassigned: drawn the way a character no font has is drawn
  const SHEET = 2048;                   // glyphs are drawn on a canvas of this side, a sheetful at a time

  // codes: code points (or strings, each drawn as one glyph); pixelSize: the em size in device pixels.
  // Returns {metrics: Float32Array, 7 per code point: left, top (the bitmap's corner from the pen on the
  // baseline), width, height, advance, colour (0/1), missing (0/1); pixels: Uint8Array, the RGBA bitmaps
  // one after the other, white with alpha unless colour}, or null when this browser cannot draw.
  // The module asks in batches across frames (web/src/font_atlas.cpp): the sheet and how each font draws a
  // character no font has are kept between calls, since making them costs more than drawing a few glyphs.
  let sheetContext = null;
  const referenceGlyphs = new Map();   // font -> its reference glyph, drawn
  function drawGlyphs(codes, pixelSize) {
    if (!sheetContext) {
      const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(SHEET, SHEET)
        : Object.assign(document.createElement('canvas'), { width: SHEET, height: SHEET });
      sheetContext = canvas.getContext('2d', { willReadFrequently: true });
    }
    const ctx = sheetContext;
    if (!ctx) return null;
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#fff';
    const limit = pixelSize * 4;   // ink beyond four ems (stacked marks) is cut
    const fontFor = (text) => `${pixelSize}px ${PICTOGRAPHIC.test(text) ? EMOJI_FONTS : TEXT_FONTS}`;
    const measure = (text, font = fontFor(text)) => {
      ctx.font = font;
      const base = NEEDS_BASE.test(text) ? STAND_IN_BASE : '';
      const shift = base ? ctx.measureText(base).width : 0;   // the glyph's pen is after the base
      const m = ctx.measureText(base + text);
      const left = Math.max(-limit, Math.floor(-m.actualBoundingBoxLeft - shift) - 1);   // one clear pixel around
      const top = Math.max(-limit, Math.floor(-m.actualBoundingBoxAscent) - 1);
      const right = Math.min(limit, Math.ceil(m.actualBoundingBoxRight - shift) + 1);
      const bottom = Math.min(limit, Math.ceil(m.actualBoundingBoxDescent) + 1);
      return {
        text, font, base, shift, left, top,
        width: Math.max(1, right - left), height: Math.max(1, bottom - top), advance: m.width - shift,
      };
    };
    const glyphs = codes.map((code) => measure(typeof code === 'string' ? code : String.fromCodePoint(code)));
    const references = new Map();   // font -> how it draws a character no font has
    const newReferences = [];
    for (const g of glyphs) {
      if (references.has(g.font)) continue;
      let reference = referenceGlyphs.get(g.font);
      if (!reference) newReferences.push(reference = measure(NO_SUCH_CHARACTER, g.font));
      references.set(g.font, reference);
    }

    let x = 0, y = 0, rowHeight = 0, sheet = [];
    const flush = () => {
      if (sheet.length === 0) return;
      const image = ctx.getImageData(0, 0, SHEET, Math.min(SHEET, y + rowHeight)).data;
      for (const g of sheet) {
        g.rgba = new Uint8Array(g.width * g.height * 4);
        for (let row = 0; row < g.height; row++) {
          const from = ((g.y + row) * SHEET + g.x) * 4;
          g.rgba.set(image.subarray(from, from + g.width * 4), row * g.width * 4);
        }
      }
      ctx.clearRect(0, 0, SHEET, SHEET);
      sheet = [];
      x = y = rowHeight = 0;
    };
    const draw = (g) => {
      if (x + g.width > SHEET) { x = 0; y += rowHeight; rowHeight = 0; }
      if (y + g.height > SHEET) flush();
      g.x = x;
      g.y = y;
      ctx.font = g.font;
      ctx.fillText(g.base + g.text, x - g.left - g.shift, y - g.top);
      x += g.width;
      rowHeight = Math.max(rowHeight, g.height);
      sheet.push(g);
    };
    const sameBitmap = (a, b) => a.width === b.width && a.height === b.height && a.advance === b.advance
      && a.rgba.every((v, i) => v === b.rgba[i]);
    const isMissing = (g) => !BLANK.test(g.text) && references.has(g.font) && sameBitmap(g, references.get(g.font));
    for (const g of newReferences) draw(g);
    for (const g of glyphs) draw(g);
    flush();
    for (const g of newReferences) referenceGlyphs.set(g.font, g);
    // A character no font has may have a compatibility equivalent one has (half-width katakana,
    // mathematical letters, squared abbreviations): that is drawn in its place.
    const standIns = [];
    glyphs.forEach((g, i) => {
      const folded = g.text.normalize('NFKC');
      if (folded !== g.text && folded.trim() && isMissing(g)) standIns.push([i, measure(folded)]);
    });
    for (const [, g] of standIns) draw(g);
    flush();
    for (const [i, g] of standIns) if (!isMissing(g)) glyphs[i] = g;

    const metrics = new Float32Array(codes.length * 7);
    const pixels = new Uint8Array(glyphs.reduce((sum, g) => sum + g.rgba.length, 0));
    let offset = 0;
    glyphs.forEach((g, i) => {
      const missing = isMissing(g);
      let colour = false;
      for (let p = 0; p < g.rgba.length && !colour; p += 4)
        colour = g.rgba[p + 3] > 16 && (g.rgba[p] < 250 || g.rgba[p + 1] < 250 || g.rgba[p + 2] < 250);
      if (!colour) for (let p = 0; p < g.rgba.length; p += 4) g.rgba[p] = g.rgba[p + 1] = g.rgba[p + 2] = 255;
      metrics.set([g.left, g.top, g.width, g.height, g.advance, colour ? 1 : 0, missing ? 1 : 0], i * 7);
      pixels.set(g.rgba, offset);
      offset += g.rgba.length;
    });
    return { metrics, pixels };
  }

  // The browser's first use of a font costs far more than a glyph: the first drawing of all makes the canvas, loads
  // the font lists and searches every font of the system for the character no font has (45-100 ms in headless
  // Chromium), and each script after that still costs its font, or a search of the system's fonts, of 1-10 ms the
  // first time only. Paid in the first batch after a load, that made it 80-260 ms (web/tests/bench_glyph_frames.mjs,
  // bench_font_first_use.mjs). So once the module runs, before any data, the page draws one character of each
  // script the atlas may ask for, at the atlas's size (the size is part of the cost), with drawGlyphs's canvas and
  // font lists, one step per task in idle time. The fonts are this system's own: nothing is fetched.
  // A step draws with drawGlyphs, or sets a font list and measures with it as drawGlyphs does (the fonts are loaded
  // then, but not the list's character no font has, a search of every font of the system: a step of its own). What
  // every first batch needs comes first, then the scripts, the most common in posts first: a load begun before the
  // warm-up ends still finds most of it done.
  const glyphsAt = (codes) => (pixelSize) => drawGlyphs(codes, pixelSize);
  const fontsAt = (fonts, text) => (pixelSize) => {
    sheetContext.font = `${pixelSize}px ${fonts}`;
    sheetContext.measureText(text);
    return true;
  };
  const SCRIPT_CHARACTERS = [
    ['han', 0x4E00], ['kana', 0x3042], ['hangul', 0xD55C], ['arabic', 0x0639], ['thai', 0x0E01], ['devanagari', 0x0915],
    ['hebrew', 0x05D0], ['bengali', 0x0995], ['gurmukhi', 0x0A15], ['gujarati', 0x0A95], ['tamil', 0x0BA4],
    ['telugu', 0x0C15], ['kannada', 0x0C95], ['malayalam', 0x0D15], ['sinhala', 0x0D9A], ['lao', 0x0E81],
    ['tibetan', 0x0F40], ['myanmar', 0x1000], ['georgian', 0x10D0], ['armenian', 0x0531], ['ethiopic', 0x12A0],
    ['khmer', 0x1780], ['symbols', 0x2605], ['math letters', 0x1D400],
  ];
  const WARM_STEPS = [
    ['canvas', glyphsAt([])], ['text fonts', fontsAt(TEXT_FONTS, 'x')],
    ['no such character', glyphsAt([NO_SUCH_CHARACTER])], ['emoji font', fontsAt(EMOJI_FONTS, '\u{1F602}')],
    ['emoji', glyphsAt([0x1F602])],
    ...SCRIPT_CHARACTERS.map(([script, code]) => [script, fontsAt(TEXT_FONTS, String.fromCodePoint(code))]),
  ];
  const WARM_WAIT_MS = 100;    // the longest wait for idle time before a step runs anyway
  const WARM_SLACK_MS = 10;    // idle time left that lets another step run in the same task
  // steps: [script, ms, start (performance.now())] drawn so far, at pixelSize (benchmarks, tests)
  chorus.fontWarmup = { steps: [], pixelSize: 0, done: false };
  function warmFonts(step = 0) {
    const run = (deadline) => {
      do {
        if (step >= WARM_STEPS.length) { chorus.fontWarmup.done = true; return; }
        const pixelSize = JSON.parse(api.glyphsJson()).pixel_size;   // 0 until the atlas is first built
        if (!pixelSize) { setTimeout(() => warmFonts(step), 100); return; }
        const [script, warm] = WARM_STEPS[step];
        const t = performance.now();
        if (!warm(pixelSize)) return;   // this browser cannot draw: neither can the atlas
        chorus.fontWarmup.steps.push([script, +(performance.now() - t).toFixed(1), Math.round(t)]);
        chorus.fontWarmup.pixelSize = pixelSize;
        step += 1;
      } while (deadline && !deadline.didTimeout && deadline.timeRemaining() > WARM_SLACK_MS);
      warmFonts(step);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: WARM_WAIT_MS });
    else setTimeout(run, 0);
  }

  // --- saving exports ------------------------------------------------------------

  // The module's Export buttons (web/src/save.cpp) hand over a file's bytes part by part; they are kept as
  // the parts of one Blob (never joined into one string) and saved through a download link on a blob: URL.
  // The file never leaves this computer: a blob: URL names memory of this tab.
  let saving = null;   // {name, type, parts}
  function saveBegin(name, type) { saving = { name, type, parts: [] }; }
  function savePart(bytes) { if (saving) saving.parts.push(bytes); }
  function saveEnd() {
    if (!saving) return;
    const { name, type, parts } = saving;
    saving = null;
    download(new Blob(parts, { type }), name);
  }

  // A picture of part of the canvas, read back by the module right after rendering the frame (RGBA rows, top
  // first): the browser encodes it as PNG.
  function savePng(name, rgba, width, height) {
    const image = new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), width, height);
    if (typeof OffscreenCanvas === 'function') {
      const offscreen = new OffscreenCanvas(width, height);
      offscreen.getContext('2d').putImageData(image, 0, 0);
      offscreen.convertToBlob({ type: 'image/png' }).then((blob) => download(blob, name))
        .catch((error) => setStatus(`Could not make the picture: ${error.message || error}`, true));
      return;
    }
    const picture = Object.assign(document.createElement('canvas'), { width, height });
    picture.getContext('2d').putImageData(image, 0, 0);
    picture.toBlob((blob) => { if (blob) download(blob, name); }, 'image/png');
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has started from the URL; it can go once the browser has it (a minute is generous).
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    chorus.lastSave = { name, type: blob.type, bytes: blob.size };
  }

  // Loads run one after another, each once the module is ready.
  let queue = started;
  function enqueue(job) {
    loadsPending += 1;
    chorus.loading = true;
    const run = queue.then(job).finally(() => {
      loadsPending -= 1;
      chorus.loading = loadsPending > 0;
    });
    queue = run.catch(() => {});
    return run;
  }

  // --- streaming -------------------------------------------------------------

  // A task boundary (not a microtask) so the browser can draw and handle input.
  const channel = new MessageChannel();
  const wakeUps = [];
  channel.port1.onmessage = () => { const wake = wakeUps.shift(); if (wake) wake(); };
  function yieldToBrowser() {
    return new Promise((resolve) => { wakeUps.push(resolve); channel.port2.postMessage(0); });
  }
  glue.yieldToBrowser = yieldToBrowser;

  // sources: [{name, size, open() -> ReadableStream of Uint8Array}]
  async function streamLoad(sources, replace) {
    const total = sources.reduce((sum, source) => sum + (source.size || 0), 0);
    const capacity = api.capacity();
    const start = performance.now();
    let lastYield = start;
    let parseMs = 0;   // inside the module
    let waitMs = 0;    // waiting for the browser to hand over the next slice
    let bytes = 0;
    let cancelled = false;
    let failure = null;
    const parts = { workers: 0, ranges: 0, mergeMs: 0, workerReadMs: 0, workerEndMs: 0 };
    const refused = [];   // snapshots not opened (damaged, another version, too big): the rest loads
    let memoryOut = false;   // COUNTING.md rule 86: the load stopped before memory ran out

    api.memoryLimit(chorus.memoryLimit || 0);
    api.textOnDiskForced(chorus.textOnDisk ? 1 : 0);
    api.loadBegin(sources.length, total, replace ? 1 : 0);
    try {
      for (const source of sources) {
        if (source.snapshot) {
          const result = await glue.loadSnapshot(source, bytes);
          bytes += result.bytes;
          parseMs += result.ms || 0;
          waitMs += result.waitMs || 0;   // the open waiting for the file's next slice
          if (result.message) refused.push(result.message);
          if (result.cancelled) { cancelled = true; break; }
          if (api.textOnDisk()) glue.textDisk.file = source.file;   // rule 84: the reader and word queries read it
          continue;
        }
        if (source.file && chorus.workerOptions.enabled) {
          const result = await glue.loadInWorkers(source, bytes, parts);
          bytes += result.bytes;
          if (result.failure || result.cancelled) {
            failure = result.failure;
            memoryOut = !!result.memory;
            cancelled = true;
            break;
          }
          continue;
        }
        const reader = source.open().getReader();
        const buffer = api.fileBegin(source.name) >>> 0;
        if (!buffer) throw new Error('the module could not start the file');
        let next = reader.read();
        try {
          for (;;) {
            const waitStart = performance.now();
            const { done, value } = await next;
            waitMs += performance.now() - waitStart;
            if (done) break;
            next = reader.read();   // the browser reads ahead while this slice is parsed
            for (let offset = 0; offset < value.length; offset += capacity) {
              const slice = value.subarray(offset, Math.min(offset + capacity, value.length));
              if (api.memoryLow(slice.length * 2)) { memoryOut = true; break; }
              core.HEAPU8.set(slice, buffer);   // HEAPU8 is replaced when memory grows: read it each time
              const t = performance.now();
              api.fileChunk(slice.length);
              parseMs += performance.now() - t;
            }
            bytes += value.length;
            if (memoryOut || api.cancelRequested()) { cancelled = true; break; }
            if (performance.now() - lastYield >= YIELD_AFTER_MS) {
              await yieldToBrowser();
              lastYield = performance.now();
            }
          }
        } catch (error) {
          failure = `Could not read ${source.name}: ${error.message || error}`;
          cancelled = true;
        } finally {
          next.catch(() => {});
          if (cancelled) reader.cancel().catch(() => {});
          else reader.releaseLock();
        }
        if (cancelled) break;
        api.fileEnd();
      }
    } catch (error) {
      failure = failure || `Loading stopped: ${error.message || error}`;
      cancelled = true;
    }
    api.loadEnd(cancelled ? 1 : 0);
    if (memoryOut) failure = api.memoryNote() || 'Memory ran out: the load stopped; what was read stays';

    const seconds = (performance.now() - start) / 1000;
    chorus.lastLoad = {
      bytes, seconds, parseSeconds: parseMs / 1000, readWaitSeconds: waitMs / 1000, files: sources.length, cancelled,
      workers: parts.workers, ranges: parts.ranges, mergeSeconds: parts.mergeMs / 1000, memoryOut,
      workerReadSeconds: parts.workerReadMs / 1000, workerSnapshotSeconds: parts.workerEndMs / 1000,
    };
    if (failure || refused.length) {
      const message = [failure, ...refused].filter(Boolean).join(' · ');
      console.warn(message);
      setStatus(message, true);
    } else {
      setStatus('');
    }
    return chorus.lastLoad;
  }

  async function loadFileList(files) {
    const notes = [];   // what could not be read from a compressed file or archive: shown once the load ends
    const sources = [];
    for (const file of files) sources.push(...await glue.sourcesOf(file, notes));
    const showNotes = () => {
      if (notes.length) setStatus([statusLine.textContent, ...notes].filter(Boolean).join(' · '), true);
    };
    if (sources.length === 0) {
      showNotes();
      return { bytes: 0, seconds: 0, parseSeconds: 0, readWaitSeconds: 0, files: 0, cancelled: false };
    }
    const replace = demoLoaded;
    demoLoaded = false;
    if (replace) loadedFiles = [];
    loadedFiles.push(...files);
    const result = await streamLoad(sources, replace);
    showNotes();
    return result;
  }

  // Reads again the files the dataset holds (those still in its report: Clear forgets the others), replacing it;
  // the module applies each file's CSV column mapping as the file begins.
  async function reloadFiles() {
    const names = new Set((chorus.summary().files || []).map((file) => file.name));
    const notes = [];
    const sources = [];
    const kept = [];
    for (const file of loadedFiles) {   // through sourcesOf: compressed files and archive entries as first loaded
      const mine = (await glue.sourcesOf(file, notes)).filter((source) => names.has(source.name));
      if (mine.length) kept.push(file);
      sources.push(...mine);
    }
    loadedFiles = kept;
    return streamLoad(sources, true);
  }

  async function loadDemo() {
    let response;
    try {
      response = await fetch(DEMO_URL, { credentials: 'omit' });
    } catch (error) {
      response = null;
    }
    if (!response || !response.ok || !response.body) {
      const why = response ? `HTTP ${response.status}` : 'network error';
      setStatus(`The demo dataset is not available on this server (${why}).`, true);
      return chorus.lastLoad;
    }
    const size = Number(response.headers.get('Content-Length')) || 0;
    demoLoaded = true;
    loadedFiles = [];
    return streamLoad([{ name: 'metoo-demo.jsonl', size, open: () => response.body }], true);
  }

  // Raw read speed of a file, for the benchmark: the same stream, no parsing.
  async function measureRead(file) {
    const start = performance.now();
    const reader = file.stream().getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    return { bytes, seconds: (performance.now() - start) / 1000 };
  }

  // --- the toolbar -----------------------------------------------------------

  openButton.addEventListener('click', () => fileInput.click());
  demoButton.addEventListener('click', () => { chorus.loadDemo(); });
  fileInput.addEventListener('change', () => {
    const files = Array.from(fileInput.files);
    fileInput.value = '';   // choosing the same file again still fires 'change'
    if (files.length) chorus.loadFiles(files);
  });
  window.addEventListener('hashchange', () => {
    if (location.hash === '#demo' && chorus.ready) chorus.loadDemo();
  });

  // Clicks on the toolbar are the toolbar's, not the explorer's (main.cpp reads
  // mouse events on the window so drags can leave the canvas).
  toolbar.addEventListener('mousedown', (event) => event.stopPropagation());
  toolbar.addEventListener('mousemove', (event) => { if (event.buttons === 0) event.stopPropagation(); });

  window.addEventListener('paste', (event) => {
    if (!api || document.activeElement !== canvas) return;
    const text = event.clipboardData && event.clipboardData.getData('text/plain');
    if (text) {
      api.pasteText(text.slice(0, 65536));   // passed on the module's stack: keep it small
      event.preventDefault();
    }
  });

  // --- drag and drop -----------------------------------------------------------

  let dragDepth = 0;
  const carriesFiles = (event) => Boolean(event.dataTransfer) && Array.from(event.dataTransfer.types).includes('Files');

  window.addEventListener('dragenter', (event) => {
    event.preventDefault();
    if (!carriesFiles(event)) return;
    dragDepth += 1;
    dropHint.hidden = false;
  });
  window.addEventListener('dragover', (event) => {
    event.preventDefault();   // anything dropped is ours: the page never navigates away
    if (event.dataTransfer) event.dataTransfer.dropEffect = carriesFiles(event) ? 'copy' : 'none';
  });
  window.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropHint.hidden = true;
  });
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    dragDepth = 0;
    dropHint.hidden = true;
    if (!event.dataTransfer) return;
    const entries = Array.from(event.dataTransfer.items || [])
      .map((item) => (item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
    if (entries.length && entries.every(Boolean)) {
      // Folders are walked: a dump is often a directory of JSONL files.
      filesOf(entries)
        .then((files) => { if (files.length) chorus.loadFiles(files); })
        .catch((error) => setStatus(`Could not read the dropped folder: ${error.message || error}`, true));
    } else if (event.dataTransfer.files.length) {
      chorus.loadFiles(event.dataTransfer.files);
    }
  });

  async function filesOf(entries) {
    const files = [];
    for (const entry of entries) {
      if (entry.isFile) {
        files.push(await new Promise((resolve, reject) => entry.file(resolve, reject)));
      } else if (entry.isDirectory) {
        const children = await readDirectory(entry);
        const visible = children.filter((child) => !child.name.startsWith('.'));
        visible.sort((a, b) => a.name.localeCompare(b.name));
        files.push(...await filesOf(visible));
      }
    }
    return files;
  }

  async function readDirectory(directory) {
    const reader = directory.createReader();
    const all = [];
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) return all;
      all.push(...batch);
    }
  }
})();
