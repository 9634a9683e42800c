// Chorus page glue: reading a .chorus snapshot (web/src/snapshot_load.cpp; COUNTING.md, "Snapshots").
//
// The file is read into ArrayBuffers of SNAPSHOT_CHUNK bytes, then the module opens it a step of OPEN_STEP_MS at a
// time (core/snapshot_open.hpp), yielding to the browser between steps: it pulls the chunks a piece at a time into
// its columns, letting each go once used, then checks and packs them. The progress bar moves through both halves
// (reading, then "Opening"); Cancel stops either, the dataset then as it was. Resolves {bytes, cancelled, message}.
//
// Part of the page glue: loaded before chorus.js, which starts the module; shares window.chorusGlue with it.
'use strict';

(() => {
  const glue = window.chorusGlue || (window.chorusGlue = {});   // the page's one namespace (chorus.js)

  // 8 MB: Chromium hands a slice's bytes over on the main thread, a task as long as the slice (64 MB took
  // 125-235 ms, one long task a slice; 8 MB stay under 50 ms). READ_AHEAD slices are asked for at a time (10M
  // snapshot, 1.87 GB, in the headless test browser: 1 -> 26 s of reading, 2 -> 13.9 s, 3 -> 10.1 s, 4 -> 8.6 s).
  const SNAPSHOT_CHUNK = 8 << 20;
  const READ_AHEAD = 4;
  const OPEN_STEP_MS = 10;
  async function loadSnapshot(source, bytesBefore) {
    const file = source.file;
    const api = glue.api;
    const chunks = [];
    const readStart = performance.now();
    const ahead = [];   // slices asked for, in order, not yet handed over
    let asked = 0;
    const ask = () => {
      if (asked >= file.size) return;
      ahead.push(file.slice(asked, Math.min(file.size, asked + SNAPSHOT_CHUNK)).arrayBuffer());
      asked = Math.min(file.size, asked + SNAPSHOT_CHUNK);
    };
    let read = 0;
    for (let i = 0; i < READ_AHEAD; i += 1) ask();
    try {
      while (read < file.size) {
        const buffer = await ahead.shift();
        ask();
        read += buffer.byteLength;
        chunks.push(buffer);
        api.partsProgress(bytesBefore + read / 2);
        if (api.cancelRequested()) return { bytes: read, cancelled: true, message: '' };
      }
    } catch (error) {
      return { bytes: read, cancelled: false, message: `Could not read ${file.name}: ${error.message || error}` };
    } finally {
      for (const pending of ahead) pending.catch(() => {});
    }
    const readMs = performance.now() - readStart;
    glue.core.chorusSnapshot = { chunks, index: 0, offset: 0 };
    let ms = 0;
    try {
      api.snapshotOpen(file.name, file.size);
      for (;;) {
        const start = performance.now();
        const done = api.snapshotStep(OPEN_STEP_MS);
        ms += performance.now() - start;
        if (done >= 1) break;
        api.partsProgress(bytesBefore + read / 2 + done * read / 2);
        if (api.cancelRequested()) {
          api.snapshotEnd(1);
          return { bytes: read, cancelled: true, message: '', ms, readMs };
        }
        await glue.yieldToBrowser();
      }
      const start = performance.now();
      const message = api.snapshotEnd(0);
      return { bytes: read, cancelled: false, message, ms: ms + performance.now() - start, readMs };
    } finally {
      glue.core.chorusSnapshot = null;
    }
  }

  glue.loadSnapshot = loadSnapshot;
})();
