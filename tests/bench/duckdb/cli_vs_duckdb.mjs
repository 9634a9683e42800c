// The chorus CLI against native DuckDB (npm @duckdb/node-api) on the same Twitter v1.1 JSONL file:
// the same summary (posts, types, authors, first/last time, top-10 hashtags), each timed from the
// file on disk to the numbers. Prints both, whether they agree, and the ratio. Never fails on speed.
//   node tests/bench/duckdb/cli_vs_duckdb.mjs CHORUS_BINARY FILE.jsonl [--threads 2] [--runs 3]
// (npm ci in tests/bench/duckdb first; ../run.sh duckdb does both.)
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

import { DuckDBInstance } from '@duckdb/node-api';

const [chorus, file] = process.argv.slice(2);
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const threads = option('--threads', 2);
const runs = option('--runs', 3);
if (!chorus || !file) {
  console.error('usage: cli_vs_duckdb.mjs CHORUS_BINARY FILE.jsonl [--threads N] [--runs N]');
  process.exit(2);
}
const mb = statSync(file).size / 1e6;

function runChorus() {
  const t0 = performance.now();
  const out = execFileSync(chorus, ['summary', file, '--json'], { maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  const s = JSON.parse(out.toString());
  return {
    seconds,
    numbers: {
      posts: s.posts, types: s.types, authors: s.authors, first: s.first, last: s.last,
      top_hashtags: s.top_hashtags,
    },
  };
}

// Chorus's counting rules (core/COUNTING.md 11-17) as far as SQL over this format can follow them:
// de-duplicated by id_str, type precedence retweet > quote > reply > original, a retweet takes its
// original's full-text hashtags, a hashtag once per post, lower-cased (DuckDB has no NFKC case folding,
// which the generated dumps do not need), ties by text.
const typed = `
  CREATE OR REPLACE TEMP TABLE posts AS
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY id_str ORDER BY rowid) AS copy FROM (
      SELECT row_number() OVER () AS rowid, * FROM read_json(?, format = 'newline_delimited', ignore_errors = true,
        columns = {
          id_str: 'VARCHAR', created_at: 'VARCHAR', user: 'STRUCT(id_str VARCHAR)',
          in_reply_to_status_id_str: 'VARCHAR', quoted_status_id_str: 'VARCHAR', is_quote_status: 'BOOLEAN',
          quoted_status: 'JSON',
          entities: 'STRUCT(hashtags STRUCT(text VARCHAR)[])',
          extended_tweet: 'STRUCT(entities STRUCT(hashtags STRUCT(text VARCHAR)[]))',
          retweeted_status: 'STRUCT(id_str VARCHAR, entities STRUCT(hashtags STRUCT(text VARCHAR)[]), extended_tweet STRUCT(entities STRUCT(hashtags STRUCT(text VARCHAR)[])))'
        })
      WHERE id_str IS NOT NULL))
  WHERE copy = 1`;

const summary = `
  WITH p AS (
    SELECT id_str, user.id_str AS author,
      strptime(created_at, '%a %b %d %H:%M:%S %z %Y') AS ts,
      CASE WHEN retweeted_status IS NOT NULL THEN 'retweet'
           WHEN quoted_status IS NOT NULL OR quoted_status_id_str IS NOT NULL OR is_quote_status THEN 'quote'
           WHEN in_reply_to_status_id_str IS NOT NULL THEN 'reply' ELSE 'original' END AS type
    FROM posts)
  SELECT
    (SELECT count(*) FROM p) AS posts,
    (SELECT count(DISTINCT author) FROM p) AS authors,
    (SELECT strftime(min(ts), '%Y-%m-%dT%H:%M:%SZ') FROM p) AS "first",
    (SELECT strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') FROM p) AS "last",
    (SELECT to_json(map(list(type), list(n))) FROM (SELECT type, count(*) AS n FROM p GROUP BY type)) AS types`;

const hashtags = `
  WITH tags AS (
    SELECT DISTINCT id_str, lower(tag.text) AS tag FROM (
      SELECT id_str, unnest(CASE
        WHEN retweeted_status IS NOT NULL THEN coalesce(retweeted_status.extended_tweet.entities.hashtags,
                                                        retweeted_status.entities.hashtags)
        ELSE coalesce(extended_tweet.entities.hashtags, entities.hashtags) END) AS tag
      FROM posts))
  SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY n DESC, tag LIMIT 10`;

async function runDuckDb() {
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  const load = await connection.prepare(typed);
  load.bindVarchar(1, file);
  await load.run();
  const row = (await connection.runAndReadAll(summary)).getRowObjectsJson()[0];
  const tags = (await connection.runAndReadAll(hashtags)).getRows();
  const seconds = (performance.now() - t0) / 1000;
  connection.closeSync();
  const types = JSON.parse(row.types);
  return {
    seconds,
    numbers: {
      posts: Number(row.posts),
      types: { original: types.original || 0, retweet: types.retweet || 0, quote: types.quote || 0, reply: types.reply || 0 },
      authors: Number(row.authors), first: row.first, last: row.last,
      top_hashtags: tags.map(([tag, n]) => [tag, Number(n)]),
    },
  };
}

function best(results) { return results.reduce((a, b) => (a.seconds <= b.seconds ? a : b)); }

const chorusRuns = [], duckRuns = [];
for (let i = 0; i < runs; i++) {
  chorusRuns.push(runChorus());
  duckRuns.push(await runDuckDb());
}
const c = best(chorusRuns), d = best(duckRuns);
// Chorus shows a hashtag in its most used spelling (rule 50); DuckDB's are lower-cased: compare the keys.
const key = (k, v) => JSON.stringify(k === 'top_hashtags' ? v.map(([t, n]) => [t.toLowerCase(), n]) : v);
const same = Object.keys(c.numbers).filter((k) => key(k, c.numbers[k]) !== key(k, d.numbers[k]));
console.log(`file: ${file} (${mb.toFixed(1)} MB), best of ${runs}`);
console.log(`chorus summary:           ${c.seconds.toFixed(3)} s  ${(mb / c.seconds).toFixed(0)} MB/s`);
console.log(`duckdb read_json (${threads} thr): ${d.seconds.toFixed(3)} s  ${(mb / d.seconds).toFixed(0)} MB/s`);
console.log(`ratio chorus/duckdb speed: ${(d.seconds / c.seconds).toFixed(2)}x`);
console.log(same.length ? `numbers differ in: ${same.join(', ')}\n chorus ${JSON.stringify(c.numbers)}\n duckdb ${JSON.stringify(d.numbers)}`
  : `numbers agree: ${JSON.stringify(c.numbers)}`);
