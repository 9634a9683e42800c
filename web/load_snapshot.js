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

  const SNAPSHOT_CHUNK = 64 << 20;
  const OPEN_STEP_MS = 10;
  async function loadSnapshot(source, bytesBefore) {
    const file = source.file;
    const api = glue.api;
    const chunks = [];
    let read = 0;
    try {
      while (read < file.size) {
        const end = Math.min(file.size, read + SNAPSHOT_CHUNK);
        chunks.push(await file.slice(read, end).arrayBuffer());
        read = end;
        api.partsProgress(bytesBefore + read / 2);
        if (api.cancelRequested()) return { bytes: read, cancelled: true, message: '' };
        await glue.yieldToBrowser();
      }
    } catch (error) {
      return { bytes: read, cancelled: false, message: `Could not read ${file.name}: ${error.message || error}` };
    }
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
          return { bytes: read, cancelled: true, message: '', ms };
        }
        await glue.yieldToBrowser();
      }
      const start = performance.now();
      const message = api.snapshotEnd(0);
      return { bytes: read, cancelled: false, message, ms: ms + performance.now() - start };
    } finally {
      glue.core.chorusSnapshot = null;
    }
  }

  glue.loadSnapshot = loadSnapshot;
})();
