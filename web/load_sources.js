// Chorus page glue: what a chosen file holds, as sources to stream (compressed files and archives,
//
// core/COUNTING.md, rule 39; .chorus snapshots told apart for load_snapshot.js).
// Told by their first bytes, never their names. The browser's DecompressionStream inflates them,
// so the module only ever sees plain bytes; a zip archive becomes one source per entry.
//
// Part of the page glue: loaded before chorus.js, which starts the module; shares window.chorusGlue with it.
'use strict';

(() => {
  const glue = window.chorusGlue || (window.chorusGlue = {});   // the page's one namespace (chorus.js)

  async function sourcesOf(file, notes) {
    let head;
    try {
      head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    } catch (error) {
      notes.push(`Could not read ${file.name}: ${error.message || error}`);
      return [];
    }
    const is = (...bytes) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
    if (is(0x89, 0x43, 0x48, 0x4f)) {   // 0x89 'C' 'H' 'O' ...: a .chorus snapshot (all 8 magic bytes below)
      const magic = new Uint8Array(await file.slice(0, 8).arrayBuffer());
      if ([0x89, 0x43, 0x48, 0x4f, 0x52, 0x55, 0x53, 0x0a].every((b, i) => magic[i] === b)) {
        return [{ name: file.name, size: file.size, snapshot: true, file }];
      }
    }
    if (is(0x1f, 0x8b)) {
      const open = () => file.stream().pipeThrough(new DecompressionStream('gzip'));
      return [{ name: file.name, size: file.size, open: () => guarded(`${file.name} (gzip)`, open, notes) }];
    }
    if (is(0x28, 0xb5, 0x2f, 0xfd)) {   // zstd: the module decodes it (core/zstd_stream.cpp): raw bytes in
      return [{ name: file.name, size: file.size, open: () => file.stream() }];
    }
    if (is(0x50, 0x4b, 0x03, 0x04) || is(0x50, 0x4b, 0x05, 0x06)) {
      try {
        return await zipSources(file, notes);
      } catch (error) {
        notes.push(`${file.name}: not read as a zip archive: ${error.message || error}`);
        return [];
      }
    }
    return [{ name: file.name, size: file.size, open: () => file.stream(), file }];
  }

  // A stream that ends (with a note) where the inner one fails: what came before stays loaded,
  // as natively, and the files after it still load.
  function guarded(label, open, notes) {
    let reader = null;
    return new ReadableStream({
      async pull(controller) {
        try {
          if (!reader) reader = (await open()).getReader();
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          notes.push(`${label}: damaged or cut short (${error.message || error}); the rest was not read`);
          controller.close();
        }
      },
      cancel(reason) { return reader ? reader.cancel(reason) : undefined; },
    });
  }

  // The central directory (ZIP64 included), read as core/zip_reader.cpp reads it; entries stored or deflated.
  async function zipSources(file, notes) {
    const view = async (start, end) => new DataView(await file.slice(start, end).arrayBuffer());
    const u64 = (v, at) => Number(v.getBigUint64(at, true));
    const tailStart = Math.max(0, file.size - 22 - 0xffff);
    const tail = await view(tailStart, file.size);
    let end = -1;
    for (let at = tail.byteLength - 22; at >= 0; at -= 1) {
      if (tail.getUint32(at, true) === 0x06054b50) { end = at; break; }
    }
    if (end < 0) throw new Error('no end of central directory record: not a zip archive, or cut short');
    let count = tail.getUint16(end + 10, true);
    let dirSize = tail.getUint32(end + 12, true);
    let dirOffset = tail.getUint32(end + 16, true);
    let endOffset = tailStart + end;
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locator = await view(Math.max(0, endOffset - 20), endOffset);
      if (locator.byteLength < 20 || locator.getUint32(0, true) !== 0x07064b50) throw new Error('a ZIP64 archive without its ZIP64 locator');
      const recordOffset = u64(locator, 8);
      const record = await view(recordOffset, recordOffset + 56);
      if (record.byteLength < 56 || record.getUint32(0, true) !== 0x06064b50) throw new Error('the ZIP64 end of central directory record is missing');
      count = u64(record, 32); dirSize = u64(record, 40); dirOffset = u64(record, 48); endOffset = recordOffset;
    }
    if (dirOffset + dirSize > endOffset) throw new Error('the central directory lies outside the archive');
    const dir = await view(dirOffset, dirOffset + dirSize);
    const names = new TextDecoder();
    const sources = [];
    for (let i = 0, at = 0; i < count; i += 1) {
      if (at + 46 > dir.byteLength || dir.getUint32(at, true) !== 0x02014b50) throw new Error(`the central directory is damaged at entry ${i + 1}`);
      const flags = dir.getUint16(at + 8, true), method = dir.getUint16(at + 10, true);
      let packed = dir.getUint32(at + 20, true), size = dir.getUint32(at + 24, true), header = dir.getUint32(at + 42, true);
      const nameLength = dir.getUint16(at + 28, true), extraLength = dir.getUint16(at + 30, true);
      const next = at + 46 + nameLength + extraLength + dir.getUint16(at + 32, true);
      if (next > dir.byteLength) throw new Error(`the central directory is damaged at entry ${i + 1}`);
      const inner = names.decode(new Uint8Array(dir.buffer, dir.byteOffset + at + 46, nameLength));
      for (let e = at + 46 + nameLength, extraEnd = e + extraLength; e + 4 <= extraEnd;) {
        const id = dir.getUint16(e, true), fieldEnd = e + 4 + dir.getUint16(e + 2, true);
        if (id === 0x0001 && fieldEnd <= extraEnd) {   // ZIP64: only the overflowed fields, in this order
          let f = e + 4;
          if (size === 0xffffffff && f + 8 <= fieldEnd) { size = u64(dir, f); f += 8; }
          if (packed === 0xffffffff && f + 8 <= fieldEnd) { packed = u64(dir, f); f += 8; }
          if (header === 0xffffffff && f + 8 <= fieldEnd) header = u64(dir, f);
        }
        e = fieldEnd;
      }
      at = next;
      if (inner.endsWith('/') || inner.startsWith('__MACOSX/') || inner.includes('/__MACOSX/')) continue;
      const name = `${file.name}/${inner}`;
      if (flags & 1) { notes.push(`${name}: an encrypted zip entry: not read`); continue; }
      if (method !== 0 && method !== 8) { notes.push(`${name}: zip compression method ${method} is not supported: not read`); continue; }
      const open = async () => {
        const local = await view(header, header + 30);
        if (local.byteLength < 30 || local.getUint32(0, true) !== 0x04034b50) throw new Error("the entry's local header is missing");
        const start = header + 30 + local.getUint16(26, true) + local.getUint16(28, true);
        if (start + packed > file.size) throw new Error('the entry runs past the end of the archive');
        const bytes = file.slice(start, start + packed).stream();
        return method === 0 ? bytes : bytes.pipeThrough(new DecompressionStream('deflate-raw'));
      };
      sources.push({ name, size, open: () => guarded(name, open, notes) });
    }
    if (sources.length === 0 && notes.length === 0) notes.push(`${file.name}: a zip archive with no files in it`);
    // A Twitter archive's data/account.js first, whatever its place in the archive (rule 41; as natively).
    const account = (source) => /(^|\/)data\/account\.js$/.test(source.name.slice(file.name.length + 1));
    return [...sources.filter(account), ...sources.filter((source) => !account(source))];
  }

  glue.sourcesOf = sourcesOf;
})();
