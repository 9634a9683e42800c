// Helpers the case files share (not a case file itself: run.mjs registers only cases_*.mjs).
import path from 'node:path';
import { readFileSync } from 'node:fs';

// Loads files (paths) through window.chorus.loadFiles with the given worker options; returns {summary, load}.
export async function loadFiles(page, files, options) {
  const items = files.map((file) => ({ name: path.basename(file), text: readFileSync(file, 'latin1') }));
  return page.evaluate(async ({ items, options }) => {
    Object.assign(window.chorus.workerOptions, options);
    const bytes = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const load = await window.chorus.loadFiles(items.map(({ name, text }) => new File([bytes(text)], name)));
    return { summary: window.chorus.summary(), load };
  }, { items, options });
}

// RFC 4180 records of a CSV text (quoted cells may hold commas, quotes and line breaks); records end with CRLF.
// `endsWithCrlf`: throw when the text's last record has no CRLF after it (it is left out otherwise).
export function parseCsv(text, { endsWithCrlf = false } = {}) {
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
  if (endsWithCrlf && !(cell === '' && record.length === 0)) throw new Error('the CSV ends with CRLF');
  return records;
}
