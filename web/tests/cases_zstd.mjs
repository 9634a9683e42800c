// .zst in the page (core/COUNTING.md, rule 39): the module decodes zstd itself (core/zstd_stream.cpp,
// zstd's decoder built from Debian's source), so the page feeds it the raw bytes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export default function register(t) {
  const { test, assert, assertSummary, waitFor, openPage, ROOT } = t;
  const fixture = (name) => path.join(ROOT, 'tests', 'fixtures', name);
  const zstd = (bytes) => execFileSync('zstd', ['-q', '-c', '-19'], { input: bytes });
  const asBuffer = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

  const loadInto = async (browser, site, files, wantFiles) => {
    const { context, page, problems } = await openPage(browser, site);
    await page.setInputFiles('#file-input', files);
    await waitFor(page, (n) => { const s = window.chorus.summary(); return !window.chorus.loading && s && s.files.length === n; },
      wantFiles, 20000);
    const got = await page.evaluate(() => ({ summary: window.chorus.summary(), status: document.getElementById('status').textContent }));
    await context.close();
    assert(problems.length === 0, problems.join('\n'));
    return got;
  };
  const archiveReasons = (summary) => summary.errors.filter((e) => e.kind === 'archive').map((e) => `${e.file}: ${e.reason}`);

  test('a .zst made by the zstd command loads like the plain file; a 2^31 window and damage are named', async ({ browser, site }) => {
    const twarc2 = readFileSync(fixture('v2_twarc2.jsonl'));
    const reddit = readFileSync(fixture('fmt_reddit.jsonl'));
    const plain = await loadInto(browser, site, [asBuffer('v2_twarc2.jsonl', twarc2)], 1);
    const packed = await loadInto(browser, site, [asBuffer('tweets-v2', zstd(twarc2))], 1);   // no extension: the bytes decide
    assertSummary(packed.summary, plain.summary, 'v2_twarc2.jsonl through zstd -19');
    assert(packed.summary.files[0].bytes === twarc2.length, `the .zst counts its bytes of text (${packed.summary.files[0].bytes})`);
    assert(archiveReasons(packed.summary).length === 0 && packed.status === '', `no problem for a readable .zst (${packed.status})`);

    // A frame whose header declares a 2^31-byte window (descriptor 0xA8 = exponent 21 + 10), then one raw block.
    const window31 = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xa8, 0x19, 0x00, 0x00, 0x61, 0x62, 0x63]);
    // Two frames: fmt_reddit.jsonl, then v2_twarc2.jsonl with bytes in its middle overwritten.
    const second = Buffer.from(zstd(twarc2));
    for (let i = 0; i < 8; i += 1) second[(second.length >> 1) + i] ^= 0xa5;
    const damaged = Buffer.concat([zstd(reddit), second]);
    const bad = await loadInto(browser, site, [asBuffer('big-window.zst', window31), asBuffer('damaged.zst', damaged),
      asBuffer('v1_mixed.jsonl', readFileSync(fixture('v1_mixed.jsonl')))], 3);
    const [big, broken, next] = bad.summary.files;
    const reasons = archiveReasons(bad.summary).join('\n');
    assert(big.posts === 0 && big.problems.archive === 1, `the 2^31 window is not read (${JSON.stringify(big)})`);
    assert(reasons.includes('big-window.zst: a zstd frame needs a window larger than 2^30 bytes (1 GiB), the most Chorus reads'),
      `the window limit is named (${reasons})`);
    assert(broken.problems.archive === 1 && /damaged\.zst: the zstd stream is damaged after \d+ bytes of text/.test(reasons),
      `the damage is named (${reasons})`);
    assert(broken.posts >= 5, `the first frame's posts stay (${JSON.stringify(broken)})`);
    assert(next.posts + next.duplicates === 6, `the next file still loads (${JSON.stringify(next)})`);
  });
}
