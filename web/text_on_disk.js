// Chorus page glue: a snapshot's post text left on disk (web/src/text_disk.cpp; COUNTING.md, rules 84-85).
//
// A snapshot too large for its text to stay in memory leaves it in the File: the rows the reader shows are read
// back with File.slice (it shows a placeholder until then), and a word query scans the text piece by piece.
//
// Part of the page glue: loaded before chorus.js, which starts the module; shares window.chorusGlue with it.
'use strict';

(() => {
  const glue = window.chorusGlue || (window.chorusGlue = {});   // the page's one namespace (chorus.js)

  const SCAN_PIECE = 8 << 20;
  const textDisk = { file: null, busy: false, reads: 0, scans: 0 };
  async function readInto(file, offset, length) {
    const bytes = new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
    if (bytes.length !== length) throw new Error('the file is shorter than when it was opened');
    // The buffer first: allocating it may grow the memory and replace HEAPU8, which `glue.core.HEAPU8.set(bytes,
    // glue.api.textBuffer(...))` would have read before the call (the old, detached buffer).
    const at = glue.api.textBuffer(length) >>> 0;
    glue.core.HEAPU8.set(bytes, at);
  }
  async function pumpText() {
    if (textDisk.busy || !textDisk.file || !glue.api || glue.chorus.loading || !glue.api.textOnDisk()) return;
    textDisk.busy = true;
    const file = textDisk.file;
    try {
      for (const [row, offset, length] of JSON.parse(glue.api.textWanted())) {
        await readInto(file, offset, length);
        if (textDisk.file !== file || glue.chorus.loading) return;
        glue.api.textRemember(row, length);
        textDisk.reads += 1;
      }
      for (let piece = glue.api.scanNext(SCAN_PIECE); piece && textDisk.file === file; piece = glue.api.scanNext(SCAN_PIECE)) {
        const [offset, length] = JSON.parse(piece);
        await readInto(file, offset, length);
        if (textDisk.file !== file || glue.chorus.loading) return;
        glue.api.scanFeed(length);
        textDisk.scans += 1;
      }
    } catch (error) {
      glue.api.textUnreadable(`${file.name} could not be read again (${error.message || error})`);
    } finally {
      textDisk.busy = false;
    }
  }

  glue.textDisk = textDisk;
  glue.pumpText = pumpText;
})();
