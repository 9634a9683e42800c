#!/usr/bin/env bash
# Scale benchmarks (issue 4): Chorus at 1M, 10M and 30M generated posts, natively and in WASM under node.
#   tests/bench/scale.sh [SIZES...]        (default: 1M 10M; e.g. tests/bench/scale.sh 1M 10M 30M)
# Prints, and appends as JSON lines to build/bench/scale.jsonl:
# 1. ingest MB/s on one ~1 GB Twitter v1.1 JSON-lines dump ($DUMP, default build/bench/v1-1000MB.jsonl,
#    written by gen_dump --bytes 1000000000 --seed 7 when absent): the chorus CLI (summary --json) with
#    --threads 1 and one thread per core, core::Ingest alone (ingest_bench), and WASM under node;
# 2. for each size N, a snapshot $SNAPS/N.chorus of gen_dump --posts N --seed 11 (a v1.1 dump of N posts
#    is 4 GB per million: it is never written to disk but piped, gen_dump | chorus snapshot /dev/stdin,
#    and that pipe is timed when the snapshot is missing), reopened by query_bench --open natively and
#    under node: seconds to reopen it, resident bytes per post (Dataset::MemoryParts, without the text
#    and the text apart), the time from a filter change to every aggregate recomputed (select + three
#    top lists + the day histogram, CountOverview, over query_bench's queries that select posts: median
#    and slowest; the raw lines in build/bench/scale-N-WHERE.txt), and reopening against parsing its
#    source (the source's bytes at the CLI's MB/s of 1);
# 3. with a built site ($SITE, default build/web/site), the page on the same snapshot
#    (web/tests/bench_explorer.mjs: load seconds, frame times, brush and key to selection).
# Numbers, not a test. Env: DUMP, SNAPS, SITE, WASM (a folder holding query_bench.js and ingest_bench.js,
# default build/web/tests), REPEAT (query_bench --repeat, default 3), PAGE=0 to skip the page.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NODE_PATH=/usr/share/nodejs
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1M 10M)
DUMP=${DUMP:-build/bench/v1-1000MB.jsonl}
SNAPS=${SNAPS:-build/bench}
SITE=${SITE:-build/web/site}
WASM=${WASM:-build/web/tests}
REPEAT=${REPEAT:-3}
OUT=build/bench/scale.jsonl
mkdir -p build/bench "$SNAPS"

mapfile -t DEP_ARGS < <(./run --cmake-args)
[ -f build/release/build.ninja ] || cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEP_ARGS[@]}" >/dev/null
cmake --build build/release -j2 --target chorus gen_dump ingest_bench query_bench >/dev/null
if [ "$WASM" = build/web/tests ]; then
  [ -f build/web/build.ninja ] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEP_ARGS[@]}" >/dev/null
  cmake --build build/web -j2 --target ingest_bench query_bench >/dev/null
fi
BIN=build/release

note() { echo "$*" | tee -a "$OUT"; }
ns() { date +%s%N; }
seconds() { python3 -c "print(round(($2 - $1) / 1e9, 3))"; }
# The value of KEY in the first JSON line of stdin whose "bench" is BENCH (and "query" QUERY when given).
pick() { python3 -c '
import json, sys
bench, key = sys.argv[1], sys.argv[2]
query = sys.argv[3] if len(sys.argv) > 3 else None
for line in sys.stdin:
    try: j = json.loads(line)
    except ValueError: continue
    if j.get("bench") == bench and (query is None or j.get("query") == query):
        print(j[key]); break' "$@"; }
# Median and slowest select_plus_overview_ms over the query lines of stdin that select posts.
queries() { python3 -c '
import json, statistics, sys
q = [j for j in map(json.loads, (l for l in sys.stdin if l.startswith("{\"bench\": \"query\""))) if j["selected"]]
ms = [j["select_plus_overview_ms"] for j in q]
slow = max(q, key=lambda j: j["select_plus_overview_ms"])
print(json.dumps({"median": round(statistics.median(ms), 1), "slowest": round(max(ms), 1), "slowest_query": slow["query"],
                  "queries": len(ms)}))'; }

THREADS=$(nproc)
note "{\"scale\": \"machine\", \"date\": \"$(date -u +%FT%TZ)\", \"cores\": $THREADS, \"load\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}"

# 1. ingest MB/s on the 1 GB v1.1 dump
[ -f "$DUMP" ] || $BIN/tests/gen_dump --bytes 1000000000 --seed 7 --out "$DUMP"
MB=$(python3 -c "import os; print(round(os.path.getsize('$DUMP') / 1e6, 1))")
cat "$DUMP" >/dev/null  # from the page cache from now on
declare -A RATE
for threads in 1 "$THREADS"; do
  t0=$(ns)
  $BIN/shell/chorus summary "$DUMP" --json --threads "$threads" >/dev/null
  s=$(seconds "$t0" "$(ns)")
  RATE[$threads]=$(python3 -c "print(round($MB / $s, 1))")
  note "{\"scale\": \"ingest\", \"how\": \"chorus summary --threads $threads\", \"MB\": $MB, \"seconds\": $s, \"MB_per_s\": ${RATE[$threads]}}"
done
note "{\"scale\": \"ingest\", \"how\": \"ingest_bench (native, one thread)\", \"result\": $($BIN/tests/ingest_bench "$DUMP")}"
if [ -f "$WASM/ingest_bench.js" ]; then
  note "{\"scale\": \"ingest\", \"how\": \"ingest_bench.js (WASM, node)\", \"result\": $(node --no-experimental-fetch "$WASM/ingest_bench.js" "$DUMP")}"
fi

# 2. each size: a snapshot reopened, memory, filter change to aggregates
for size in "${SIZES[@]}"; do
  posts=$(python3 -c "s='$size'; print(int(float(s[:-1]) * {'K': 1e3, 'M': 1e6}[s[-1]]) if s[-1] in 'KM' else int(s))")
  snap=$SNAPS/$size.chorus
  if [ ! -f "$snap" ]; then
    t0=$(ns)
    $BIN/tests/gen_dump --posts "$posts" --seed 11 --out /dev/stdout 2>/dev/null |
      $BIN/shell/chorus snapshot /dev/stdin -o "$snap" >/dev/null
    note "{\"scale\": \"snapshot\", \"size\": \"$size\", \"how\": \"gen_dump --posts $posts --seed 11 | chorus snapshot /dev/stdin\", \"seconds\": $(seconds "$t0" "$(ns)")}"
  fi
  for where in native wasm; do
    if [ $where = native ]; then
      run=("$BIN/tests/query_bench")
    else
      [ -f "$WASM/query_bench.js" ] || continue
      run=(node --no-experimental-fetch "$WASM/query_bench.js")
    fi
    lines=$("${run[@]}" --open "$snap" --repeat "$REPEAT" 2>&1) || {
      note "{\"scale\": \"size\", \"size\": \"$size\", \"where\": \"$where\", \"failed\": $(printf '%s' "$lines" | tail -c 300 | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')}"
      continue
    }
    printf '%s\n' "$lines" >"build/bench/scale-$size-$where.txt"
    reopen_ms=$(pick reopen ms <<<"$lines")
    source_bytes=$(pick reopen source_bytes <<<"$lines")
    note "{\"scale\": \"size\", \"size\": \"$size\", \"where\": \"$where\", \"posts\": $(pick reopen posts <<<"$lines"),
 \"snapshot_MB\": $(python3 -c "import os; print(round(os.path.getsize('$snap') / 1e6, 1))"),
 \"reopen_s\": $(python3 -c "print(round($reopen_ms / 1000, 2))"),
 \"parse_source_s_at_cli_rate\": $(python3 -c "print(round($source_bytes / 1e6 / ${RATE[$THREADS]}, 1))"),
 \"resident_without_text_per_post\": $(pick memory resident_without_text_per_post <<<"$lines"),
 \"text_bytes_per_post\": $(pick memory text_bytes_per_post <<<"$lines"),
 \"memory_parts_fitted_without_text_held\": $(pick memory_parts without_text_held <<<"$(grep '"fitted"' <<<"$lines")"),
 \"filter_to_aggregates_ms\": $(queries <<<"$lines"),
 \"filter_lang_en_ms\": $(pick query select_plus_overview_ms lang:en <<<"$lines")}" | tr -d '\n'
    echo >>"$OUT"
    echo
  done
  if [ "${PAGE:-1}" != 0 ] && [ -f "$SITE/index.html" ]; then
    note "{\"scale\": \"page\", \"size\": \"$size\", \"result\": $(node web/tests/bench_explorer.mjs "$SITE" "$snap" --screenshot "build/bench/explorer-$size.png" | tail -n 1)}"
  fi
done
echo "results appended to $OUT"
