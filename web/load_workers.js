// Chorus page glue: a plain file loaded in workers (web/ingest_worker.js), range by range.
//
// A plain file is read off the main thread: cut into byte ranges that workers read and parse apart
// (core/ingest_range.hpp) and send back as snapshot bytes, merged here strictly in file order, so the
// dataset and report are those of a sequential read. The first range tells whether the file can be cut
// (JSON lines): until then it runs alone; a JSON document, a UTF-16 or a CSV file stays whole in that worker
// (a CSV file with the column mapping the user chose for it, rule 80).
//
// Part of the page glue: loaded before chorus.js, which starts the module; shares window.chorusGlue with it.
'use strict';

(() => {
  const glue = window.chorusGlue || (window.chorusGlue = {});   // the page's one namespace (chorus.js)

  let pool = [];
  function workerPool() {
    // One core stays with the page so it keeps drawing (on 2 cores, one worker: measured ingest/read
    // 0.93 with one worker against 0.96 with two, and frames half as long).
    const wanted = glue.chorus.workerOptions.workers
      || Math.min(4, Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
    while (pool.length < wanted) pool.push(new Worker('ingest_worker.js'));
    return pool.slice(0, wanted);
  }
  function stopWorkers() {   // the only way to stop a worker mid-range; new ones start for the next load
    for (const worker of pool) worker.terminate();
    pool = [];
  }

  const MERGE_STEP_MS = 10;         // a range's bytes read this long at a time (chorus_part_step)
  const COPY_BYTES = 16 << 20;      // and copied into the module this much at a time
  // and merged this long at a time (chorus_part_merge): longer steps than reading, as each yield lets the explorer
  // draw a frame over the growing data (at 10 ms a 266 MB CSV file's merge took 3.9 s instead of 2.2 s)
  const MERGE_ROWS_STEP_MS = 25;

  // Resolves {bytes, cancelled, failure}.
  function loadInWorkers(source, bytesBefore, parts) {
    const file = source.file;
    const rangeBytes = Math.max(1, Math.floor(glue.chorus.workerOptions.rangeBytes));
    const workers = workerPool();
    const columns = glue.api.csvMapping(source.name);
    parts.workers = Math.max(parts.workers, workers.length);
    const idle = workers.slice();
    const jobs = new Map();    // range index -> {worker, read, result}
    let ranges = 1;            // known once the first range has its seed (or ended without one: the whole file)
    let seed = 0, next = 0;    // the second range starts at next
    const bounds = (index) => {
      const begin = index === 0 ? 0 : next + (index - 1) * rangeBytes;
      return [begin, Math.min(file.size, begin + rangeBytes)];
    };
    let dispatched = 0;
    let merged = 0, mergedBytes = 0, mergedLines = 0;
    const maxAhead = workers.length + 2;   // ranges read but not merged yet: memory stays bounded
    return new Promise((resolve) => {
      let over = false;
      let inMerge = false, deferred = null;   // a cancel or a failure during a range's merge waits for its end
      const finish = (result) => {
        if (inMerge) { deferred = deferred || result; return; }
        if (over) return;
        over = true;
        clearInterval(poll);
        for (const worker of workers) worker.onmessage = worker.onerror = null;
        if (result.cancelled || result.failure) {
          stopWorkers();
          glue.api.partBuffer(0);   // lets go of a range being read
          glue.api.partsCancel(source.name, merged > 0 ? 1 : 0, mergedLines, mergedBytes);
        }
        resolve({ bytes: mergedBytes, ...result });
      };
      const fail = (message) => finish({ failure: `${message}; what was read before stays loaded`, cancelled: true });
      const dispatch = () => {
        while (idle.length && dispatched < ranges && (dispatched === 0 || seed) && dispatched - merged < maxAhead) {
          const index = dispatched++;
          const worker = idle.pop();
          const [begin, end] = bounds(index);
          jobs.set(index, { worker, read: 0, result: null });
          worker.postMessage({ id: index, file, name: source.name, begin, end, seed, columns, places: true });
        }
      };
      // Merges the ranges read, in file order: each one's bytes copied in, then read and merged a step of
      // MERGE_STEP_MS at a time (yielding to the browser between steps, so the page keeps drawing). A range whose
      // merge began goes in whole: a cancel then takes effect at its end (what was merged stays, rule 70).
      let merging = false;
      const mergeReady = async () => {
        if (merging) return;   // the merge under way takes the next ranges too
        merging = true;
        try {
          while (!over && merged < ranges && jobs.get(merged) && jobs.get(merged).result) {
            const { result } = jobs.get(merged);
            const bytes = new Uint8Array(result.snapshot);
            if (glue.api.memoryLow(bytes.length * 3)) { finish({ cancelled: true, memory: true }); return; }
            let t = performance.now();
            const at = glue.api.partBuffer(bytes.length) >>> 0;
            for (let from = 0; from < bytes.length; from += COPY_BYTES) {
              glue.core.HEAPU8.set(bytes.subarray(from, from + COPY_BYTES), at + from);
              if (from + COPY_BYTES < bytes.length) {
                parts.mergeMs += performance.now() - t;
                await glue.yieldToBrowser();
                if (over) return;
                t = performance.now();
              }
            }
            while (glue.api.partStep(MERGE_STEP_MS) < 1) {
              parts.mergeMs += performance.now() - t;
              await glue.yieldToBrowser();
              if (over) return;
              t = performance.now();
            }
            const rows = result.spans ? result.spans.byteLength / 24 : 0;
            if (rows) {
              const spansAt = glue.textDump.spans(rows) >>> 0;   // first: allocating may replace HEAPU8
              glue.core.HEAPU8.set(new Uint8Array(result.spans), spansAt);
            }
            inMerge = true;
            let state;
            while ((state = glue.api.partMerge(mergedLines, merged > 0 ? 1 : 0, MERGE_ROWS_STEP_MS)) === 0) {
              parts.mergeMs += performance.now() - t;
              await glue.yieldToBrowser();
              t = performance.now();
            }
            inMerge = false;
            const ok = state === 1;
            // Rule 102: past the budget the range's posts keep their text in the file (text_on_disk.js reads it).
            const onDisk = rows ? glue.textDump.text(bytesBefore + mergedBytes + result.fed) : -1;
            if (onDisk >= 0) glue.textDisk.files.set(onDisk, file);
            parts.mergeMs += performance.now() - t;
            parts.workerReadMs += result.readMs || 0;
            parts.workerEndMs += result.endMs || 0;
            if (!ok) { deferred = null; fail(`Could not merge a part of ${source.name}`); return; }
            jobs.delete(merged);
            merged += 1;
            parts.ranges += 1;
            mergedLines += result.lines;
            mergedBytes += result.fed;
            if (deferred && merged < ranges) { finish(deferred); return; }
            dispatch();
            showProgress();
          }
          if (merged === ranges) finish({ cancelled: false });
        } finally {
          merging = false;
          inMerge = false;
        }
      };
      const showProgress = () => {
        let inFlight = 0;
        for (const job of jobs.values()) inFlight += job.result ? job.result.fed : Math.min(job.read, seed ? rangeBytes : file.size);
        glue.api.partsProgress(bytesBefore + Math.min(file.size, mergedBytes + inFlight));
      };
      const poll = setInterval(() => {
        if (glue.api.cancelRequested()) finish({ cancelled: true });
      }, 50);
      for (const worker of workers) {
        worker.onerror = (event) => { event.preventDefault(); fail(`A worker stopped while reading ${source.name} (${event.message || 'out of memory?'})`); };
        worker.onmessage = ({ data }) => {
          if (over) return;
          const job = jobs.get(data.id);
          if (!job) return;
          switch (data.type) {
            case 'seed':
              seed = data.seed;
              next = data.next;
              ranges = next >= file.size ? 1 : 1 + Math.ceil((file.size - next) / rangeBytes);
              break;
            case 'progress': job.read = data.bytes; break;
            case 'error': fail(`A worker could not read ${source.name}: ${data.message}`); return;
            case 'done':
              job.result = data;
              idle.push(job.worker);
              mergeReady();
              break;
            default: break;
          }
          if (!over) { dispatch(); showProgress(); }
        };
      }
      glue.api.partsFile(source.name);
      dispatch();
    });
  }

  glue.loadInWorkers = loadInWorkers;
  // Starts the pool as the page becomes ready, so a dropped file finds its workers' module compiled (it
  // took ~0.1-0.3 s of every first load); an idle worker holds only its module's initial memory.
  glue.warmWorkers = () => { if (glue.chorus.workerOptions.enabled) workerPool(); };
})();
