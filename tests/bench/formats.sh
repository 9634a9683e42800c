#!/usr/bin/env bash
# Ingest rate per format, natively: one generated Twitter v1.1 dump (gen_dump, seed 7), re-emitted as
# the other formats by convert_dump.py (same posts), and packed with gzip and zstd; each file read by
# format_bench (core::LoadFile, Release build) after a warm-up read of the page cache.
#   tests/bench/formats.sh [MEGABYTES]     (default 200)
# Prints one JSON line per file. Numbers, not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-200}
mapfile -t DEP_ARGS < <(./run --cmake-args)
[ -f build/release/build.ninja ] || cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release "${DEP_ARGS[@]}" >/dev/null
cmake --build build/release -j"${JOBS:-2}" --target gen_dump format_bench >/dev/null

OUT=build/bench/formats-${MB}MB
mkdir -p "$OUT"
DUMP=$OUT/v1.jsonl
[ -f "$DUMP" ] || build/release/tests/gen_dump --bytes $((MB * 1000000)) --seed 7 --out "$DUMP"
[ -f "$OUT/reddit.jsonl" ] || python3 tests/bench/convert_dump.py "$DUMP" "$OUT" --bytes $((MB * 1000000))
[ -f "$DUMP.gz" ] || gzip -c -6 -n "$DUMP" >"$DUMP.gz"
[ -f "$DUMP.zst" ] || zstd -q -c -3 "$DUMP" >"$DUMP.zst"
for f in "$DUMP" "$OUT/twarc2.jsonl" "$OUT/tweets.csv" "$OUT/outbox.json" "$OUT/bluesky.jsonl" "$OUT/reddit.jsonl" \
         "$DUMP.gz" "$DUMP.zst"; do
  cat "$f" >/dev/null
  build/release/tests/format_bench "$f"
done
