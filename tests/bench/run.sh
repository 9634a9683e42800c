#!/usr/bin/env bash
# Ingest benchmark: one generated Twitter v1.1 JSONL dump, read natively, in WASM under node, and in
# headless Chromium through the page's file input (with the raw File.stream() rate of the same file).
#   tests/bench/run.sh [MEGABYTES]     (default 256)
# Prints one JSON line per run. Numbers, not a test: nothing here passes or fails on speed.
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-256}
export NODE_PATH=/usr/share/nodejs
./run --setup
mapfile -t DEP_ARGS < <(./run --cmake-args)
[ -f build/release/build.ninja ] || cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEP_ARGS[@]}" >/dev/null
cmake --build build/release -j2 --target gen_dump ingest_bench >/dev/null
[ -f build/web/build.ninja ] || emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEP_ARGS[@]}" >/dev/null
cmake --build build/web -j2 --target ingest_bench chorus_web >/dev/null

mkdir -p build/bench
DUMP=build/bench/v1-${MB}MB.jsonl
[ -f "$DUMP" ] || build/release/tests/gen_dump --bytes $((MB * 1000000)) --seed 7 --out "$DUMP"
echo "dump: $DUMP ($(stat -c %s "$DUMP") bytes)"
cat "$DUMP" > /dev/null  # warm the page cache so every run reads from memory
echo -n "native:   "; build/release/tests/ingest_bench "$DUMP"
echo -n "node:     "; node --no-experimental-fetch build/web/tests/ingest_bench.js "$DUMP"
echo -n "chromium: "; node web/tests/bench_browser.mjs build/web/site "$DUMP" --screenshot build/bench/loading.png
