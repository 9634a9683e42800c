// RFC 4180 records of a CSV text (CRLF after every record; a last record without one is kept too),
// shared by the browser cases that read the page's CSV exports.
export function parseCsv(text) {
  const records = [];
  let record = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(cell); records.push(record); record = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell !== '' || record.length) records.push([...record, cell]);
  return records;
}
