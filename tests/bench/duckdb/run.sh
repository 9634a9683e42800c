#!/usr/bin/env bash
# Chorus against DuckDB, the peer researchers would reach for (issue 4's comparisons):
#   tests/bench/duckdb/run.sh [MEGABYTES]     (default 256; the dump is shared with ../run.sh)
# 1. the chorus CLI (Release) against native DuckDB (@duckdb/node-api, 2 threads) on the v1.1 JSONL;
# 2. the same dataset as a CSV: DuckDB-WASM's built-in read_csv against the Chorus page, both in headless
#    Chromium (@duckdb/duckdb-wasm served from this folder; no request leaves 127.0.0.1).
# Numbers, not a test. The npm packages are installed here only (npm ci), never for ./run or ./test.
set -euo pipefail
cd "$(dirname "$0")/../../.."
MB=${1:-256}
export NODE_PATH=/usr/share/nodejs
./run --setup
mapfile -t DEP_ARGS < <(./run --cmake-args)
(cd tests/bench/duckdb && [ -d node_modules/@duckdb/node-api ] || npm ci --no-audit --no-fund >/dev/null)
[ -f build/release/build.ninja ] || cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEP_ARGS[@]}" >/dev/null
cmake --build build/release -j2 --target gen_dump chorus >/dev/null
[ -f build/web/build.ninja ] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEP_ARGS[@]}" >/dev/null
cmake --build build/web -j2 --target chorus_web >/dev/null

mkdir -p build/bench
DUMP=build/bench/v1-${MB}MB.jsonl
CSV=build/bench/v1-${MB}MB.csv
[ -f "$DUMP" ] || build/release/tests/gen_dump --bytes $((MB * 1000000)) --seed 7 --out "$DUMP"
[ -f "$CSV" ] || python3 tests/bench/duckdb/to_csv.py "$DUMP" "$CSV"
cat "$DUMP" "$CSV" > /dev/null  # warm the page cache
echo "== CLI vs native DuckDB: $DUMP"
node tests/bench/duckdb/cli_vs_duckdb.mjs build/release/shell/chorus "$DUMP" --threads 2 --runs 3
echo "== page vs DuckDB-WASM read_csv: $CSV"
node tests/bench/duckdb/wasm_vs_chorus.mjs build/web/site "$CSV"
