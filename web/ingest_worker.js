// An ingest worker of the page (chorus.js): reads one byte range of a plain file with
// file.slice(...).stream(), parses it with the core (chorus-ingest.js, web/src/ingest_worker.cpp)
// and posts it back as .chorus snapshot bytes in a transferred ArrayBuffer. Nothing leaves the page.
//
// in:  {id, file, name, begin, end, seed, columns, places}   one job at a time; columns: the user's CSV mapping
//      or '' (a CSV file is read whole by its first range, rule 80); places: note where posts' text sits (rule 101)
// out: {type: 'seed', id, seed, next}          the first range's format is known: the others may start at next
//      {type: 'progress', id, bytes}           bytes read so far
//      {type: 'done', id, snapshot, lines, fed, spans, readMs, endMs}   lines: the range's lines (blank ones too);
//                                              fed: its bytes; spans: with places, 3 doubles a post
//                                              (web/src/text_dump.cpp); readMs: reading and parsing, endMs:
//                                              writing the snapshot
//      {type: 'error', id, message}
'use strict';

importScripts('chorus-ingest.js');

const CAPACITY = 4 << 20;        // bytes copied into the module at a time
const PROGRESS_EVERY_MS = 50;

const started = ChorusIngest({
  print: (text) => console.log(text),
  printErr: (text) => console.warn(text),
}).then((module) => ({
  module,
  buffer: module._ciw_buffer(CAPACITY) >>> 0,
  begin: module.cwrap('ciw_begin', null, ['string', 'number', 'number', 'number']),
  columns: module.cwrap('ciw_columns', null, ['string']),
}));

self.onmessage = (event) => {
  const job = event.data;
  run(job).catch((error) => {
    self.postMessage({ type: 'error', id: job.id, message: String((error && error.message) || error) });
  });
};

async function run(job) {
  const { module, buffer, begin, columns } = await started;
  columns(job.columns || '');
  begin(job.name, job.begin, job.end, job.seed || 0);
  if (job.places) module._ciw_keep_text_places();
  const readStart = performance.now();
  const reader = job.file.slice(module._ciw_read_from()).stream().getReader();
  let bytes = 0;
  let lastPost = performance.now();
  let seedSent = false;
  let stop = false;
  try {
    while (!stop) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let offset = 0; offset < value.length && !stop; offset += CAPACITY) {
        const slice = value.subarray(offset, Math.min(offset + CAPACITY, value.length));
        module.HEAPU8.set(slice, buffer);   // HEAPU8 is replaced when memory grows: read it each time
        if (module._ciw_feed(slice.length) & 1) stop = true;
      }
      bytes += value.length;
      if (!seedSent && module._ciw_seed()) {
        seedSent = true;
        self.postMessage({ type: 'seed', id: job.id, seed: module._ciw_seed(), next: module._ciw_next() });
      }
      if (performance.now() - lastPost >= PROGRESS_EVERY_MS) {
        lastPost = performance.now();
        self.postMessage({ type: 'progress', id: job.id, bytes });
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const ended = performance.now();
  const size = module._ciw_end();
  const at = module._ciw_result() >>> 0;
  const snapshot = module.HEAPU8.slice(at, at + size).buffer;
  const lines = module._ciw_lines();
  const fed = module._ciw_fed();
  let spans = null;
  if (job.places) {
    const rows = module._ciw_spans();
    const from = module._ciw_result() >>> 0;
    spans = module.HEAPU8.slice(from, from + rows * 24).buffer;
  }
  module._ciw_reset();
  const readMs = ended - readStart, endMs = performance.now() - ended;
  self.postMessage({ type: 'done', id: job.id, snapshot, lines, fed, spans, readMs, endMs }, spans ? [snapshot, spans] : [snapshot]);
}
