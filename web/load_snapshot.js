// Chorus page glue: reading a .chorus snapshot (web/src/snapshot_load.cpp; COUNTING.md, "Snapshots").
//
// The file is read into ArrayBuffers of SNAPSHOT_CHUNK bytes (the progress bar moves), then the module pulls
// them section by section into its columns, letting each go once used. Resolves {bytes, cancelled, message}.
//
// Part of the page glue: loaded before chorus.js, which starts the module; shares window.chorusGlue with it.
'use strict';

(() => {
  const glue = window.chorusGlue || (window.chorusGlue = {});   // the page's one namespace (chorus.js)

  const SNAPSHOT_CHUNK = 64 << 20;
  async function loadSnapshot(source, bytesBefore) {
    const file = source.file;
    const chunks = [];
    let read = 0;
    try {
      while (read < file.size) {
        const end = Math.min(file.size, read + SNAPSHOT_CHUNK);
        chunks.push(await file.slice(read, end).arrayBuffer());
        read = end;
        glue.api.partsProgress(bytesBefore + read);
        if (glue.api.cancelRequested()) return { bytes: read, cancelled: true, message: '' };
        await glue.yieldToBrowser();
      }
    } catch (error) {
      return { bytes: read, cancelled: false, message: `Could not read ${file.name}: ${error.message || error}` };
    }
    glue.core.chorusSnapshot = { chunks, index: 0, offset: 0 };
    const start = performance.now();
    try {
      return { bytes: read, cancelled: false, message: glue.api.snapshotLoad(file.name, file.size), ms: performance.now() - start };
    } finally {
      glue.core.chorusSnapshot = null;
    }
  }

  glue.loadSnapshot = loadSnapshot;
})();
