// Servers for the browser tests, on 127.0.0.1 only: the static site, and a canary on another port
// that counts every connection made to it.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.jsonl': 'application/x-ndjson',
  '.data': 'application/octet-stream', '.ttf': 'font/ttf', '.png': 'image/png', '.svg': 'image/svg+xml',
};

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

export async function startStatic(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': size });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  const port = await listen(server);
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export async function startCanary() {
  let log = [];
  const server = http.createServer((req, res) => { log.push(`${req.method} ${req.url}`); res.end('canary'); });
  server.on('connection', () => log.push('tcp connection'));
  server.on('upgrade', (req, socket) => { log.push(`upgrade ${req.url}`); socket.destroy(); });
  const port = await listen(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    count: () => log.length,
    log: () => log.slice(),
    reset: () => { log = []; },
    close: () => server.close(),
  };
}
