// Chorus page glue: reading a .chorus snapshot (web/src/snapshot_load.cpp; COUNTING.md, "Snapshots").
//
// The file is read in slices of SNAPSHOT_CHUNK bytes while the module opens it a step of OPEN_STEP_MS at a time
// (core/snapshot_open.hpp), yielding to the browser between steps: it pulls the slices a piece at a time into its
// columns, letting each go once used, and waits for the next slice when it has taken every byte read so far
// (chorus_snapshot_waiting); the reading pauses while HELD_MOST bytes wait to be taken, so the file is never held
// whole. The progress bar follows the open; Cancel stops it, the dataset then as it was. Resolves {bytes,
// cancelled, message, ms (in the module), waitMs (the open waiting for bytes)}.
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
  const HELD_MOST = 256 << 20;
  const OPEN_STEP_MS = 10;

  async function loadSnapshot(source, bytesBefore) {
    const file = source.file;
    const api = glue.api;
    const state = { chunks: [], index: 0, offset: 0, received: 0, taken: 0 };   // taken: counted by the module
    let failure = null;
    let readEnded = false;
    let stopped = false;   // the open ended: the reading stops
    let wakeOpen = null;   // the open waiting for bytes
    let wakeRead = null;   // the reading waiting for the open to take bytes
    const wake = (resolve) => { if (resolve) resolve(); };

    const reading = (async () => {
      const ahead = [];   // slices asked for, in order, not yet handed over
      let asked = 0;
      const ask = () => {
        if (asked >= file.size) return;
        ahead.push(file.slice(asked, Math.min(file.size, asked + SNAPSHOT_CHUNK)).arrayBuffer());
        asked = Math.min(file.size, asked + SNAPSHOT_CHUNK);
      };
      try {
        for (let i = 0; i < READ_AHEAD; i += 1) ask();
        while (ahead.length && !stopped) {
          const buffer = await ahead.shift();
          if (stopped) break;
          state.chunks.push(buffer);
          state.received += buffer.byteLength;
          wake(wakeOpen);
          while (!stopped && state.received - state.taken > HELD_MOST) {
            await new Promise((resolve) => { wakeRead = resolve; });
          }
          ask();
        }
      } catch (error) {
        failure = `Could not read ${file.name}: ${error.message || error}`;
      } finally {
        for (const pending of ahead) pending.catch(() => {});
        readEnded = true;
        wake(wakeOpen);
      }
    })();

    glue.core.chorusSnapshot = state;
    let ms = 0;
    let waitMs = 0;
    const ended = (cancelled, message) => {
      api.snapshotEnd(1);
      return { bytes: state.received, cancelled, message, ms, waitMs };
    };
    try {
      api.snapshotOpen(file.name, file.size);
      for (;;) {
        const start = performance.now();
        const done = api.snapshotStep(OPEN_STEP_MS);
        ms += performance.now() - start;
        if (done >= 1) break;
        api.partsProgress(bytesBefore + done * file.size);
        if (api.cancelRequested()) return ended(true, '');
        if (!api.snapshotWaiting()) {
          wake(wakeRead);
          await glue.yieldToBrowser();
          continue;
        }
        if (failure) return ended(false, failure);
        if (readEnded) return ended(false, `Could not read ${file.name}: it ended before its ${file.size} bytes`);
        const waitStart = performance.now();
        wake(wakeRead);
        await new Promise((resolve) => { wakeOpen = resolve; });   // the next slice, or the reading's end
        wakeOpen = null;
        waitMs += performance.now() - waitStart;
      }
      const start = performance.now();
      const message = api.snapshotEnd(0);
      return { bytes: state.received, cancelled: false, message, ms: ms + performance.now() - start, waitMs };
    } finally {
      stopped = true;
      wake(wakeRead);
      await reading;
      glue.core.chorusSnapshot = null;
    }
  }

  glue.loadSnapshot = loadSnapshot;
})();
