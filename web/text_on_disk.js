// Chorus page glue: post text left on disk (web/src/text_disk.cpp, text_dump.cpp; COUNTING.md, rules 84-85, 102).
//
// A snapshot too large for its text to stay in memory leaves it in the File, and so do plain dumps past a budget
// (each post's text one span of its File): the rows the reader shows are read back with File.slice (it shows a
// placeholder until then), and a word query scans the text piece by piece. A place names its File: -1 the
// snapshot's (textDisk.file), else the dataset's file index of a dump (textDisk.files).
//
// Part of the page glue: loaded before chorus.js, which starts the module; shares window.chorusGlue with it.
'use strict';

(() => {
  const glue = window.chorusGlue || (window.chorusGlue = {});   // the page's one namespace (chorus.js)

  const SCAN_PIECE = 8 << 20;
  const textDisk = { file: null, files: new Map(), busy: false, reads: 0, scans: 0 };
  const fileOf = (key) => (key < 0 ? textDisk.file : textDisk.files.get(key));
  // The dumps' side (web/src/text_dump.cpp), wrapped once the module is there.
  let dumpApi = null;
  const textDump = {
    api() {
      return dumpApi || (dumpApi = {
        spans: glue.core.cwrap('chorus_part_spans', 'number', ['number']),
        text: glue.core.cwrap('chorus_part_text', 'number', ['number']),
      });
    },
    spans(rows) { return textDump.api().spans(rows); },
    text(bytesDone) { return textDump.api().text(bytesDone); },
  };
  async function readInto(file, offset, length) {
    const bytes = new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
    if (bytes.length !== length) throw new Error('the file is shorter than when it was opened');
    // The buffer first: allocating it may grow the memory and replace HEAPU8, which `glue.core.HEAPU8.set(bytes,
    // glue.api.textBuffer(...))` would have read before the call (the old, detached buffer).
    const at = glue.api.textBuffer(length) >>> 0;
    glue.core.HEAPU8.set(bytes, at);
  }
  async function pumpText() {
    if (textDisk.busy || (!textDisk.file && !textDisk.files.size) || !glue.api || glue.chorus.loading ||
        !glue.api.textOnDisk()) return;
    textDisk.busy = true;
    let file = null;
    try {
      for (const [row, offset, length, key] of JSON.parse(glue.api.textWanted())) {
        file = fileOf(key);
        if (!file) throw new Error('the file is no longer open');
        await readInto(file, offset, length);
        if (glue.chorus.loading) return;
        glue.api.textRemember(row, length);
        textDisk.reads += 1;
      }
      for (let piece = glue.api.scanNext(SCAN_PIECE); piece; piece = glue.api.scanNext(SCAN_PIECE)) {
        const [offset, length, key] = JSON.parse(piece);
        file = fileOf(key);
        if (!file) throw new Error('the file is no longer open');
        await readInto(file, offset, length);
        if (glue.chorus.loading) return;
        glue.api.scanFeed(length);
        textDisk.scans += 1;
      }
    } catch (error) {
      glue.api.textUnreadable(`${file ? file.name : 'a file'} could not be read again (${error.message || error})`);
    } finally {
      textDisk.busy = false;
    }
  }

  glue.textDisk = textDisk;
  glue.textDump = textDump;
  glue.pumpText = pumpText;
})();
