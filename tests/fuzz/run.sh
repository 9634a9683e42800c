#!/usr/bin/env bash
# Chorus fuzzing: builds the libFuzzer targets in build/fuzz (clang, ASan+UBSan) and runs each for
# FUZZ_SECONDS (default 20), seeded with our fixtures (tests/fixtures) of the kind the target reads.
#   tests/fuzz/run.sh                 every target
#   tests/fuzz/run.sh fuzz_csv        some targets
#   FUZZ_SECONDS=600 tests/fuzz/run.sh
# Prints the executions and crashes per target; exits non-zero when a target crashed (the input is
# kept in build/fuzz/crashes/; make it a regression fixture tests/fixtures/fuzz_<what>).
# Installs nothing: without libFuzzer (Debian: libclang-rt-14-dev) it says so and skips.
set -uo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-20}
BUILD=build/fuzz
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(fuzz_json_lines fuzz_json_document fuzz_csv fuzz_slices fuzz_zip fuzz_gzip fuzz_zstd)

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$probe/p.cpp"
if ! command -v clang++ >/dev/null || ! clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>/dev/null; then
  echo "SKIPPED: clang++ cannot link libFuzzer (Debian: apt-get install clang libclang-rt-14-dev)"
  exit 0
fi

mapfile -t DEP_ARGS < <(./run --cmake-args)
if [ ! -f "$BUILD/build.ninja" ]; then
  # Debug keeps asserts on; -O1 makes the runs worth their seconds. fuzzer-no-link instruments the
  # core for coverage, the targets link libFuzzer itself.
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    "-DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link" "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link" \
    "-DCMAKE_C_FLAGS_DEBUG=-O1 -g" "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" \
    -DCHORUS_SANITIZE=ON -DCHORUS_WERROR=ON -DCHORUS_FUZZ=ON "${DEP_ARGS[@]}" >/dev/null || exit 1
fi
cmake --build "$BUILD" -j"${JOBS:-2}" --target "${TARGETS[@]}" || exit 1

# Seeds: the fixtures each target reads; fuzz_slices takes any of them behind 4 bytes of slice lengths.
seed() {  # seed TARGET DIR
  local target=$1 dir=$2 f
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    fuzz_json_lines) cp tests/fixtures/*.jsonl tests/fixtures/*.ndjson "$dir" ;;
    fuzz_json_document) cp tests/fixtures/*.json tests/fixtures/*.js "$dir" ;;
    fuzz_csv) cp tests/fixtures/*.csv "$dir" ;;
    fuzz_slices)
      for f in tests/fixtures/*.jsonl tests/fixtures/*.ndjson tests/fixtures/*.json tests/fixtures/*.js tests/fixtures/*.csv; do
        { printf '\x00\x06\x3f\xff'; cat "$f"; } >"$dir/$(basename "$f")"
      done ;;
    # The containers: our packed fixtures, and a few plain ones packed now (small, so the fuzzer can reach far).
    fuzz_zip)
      cp tests/fixtures/*.zip "$dir"
      python3 - "$dir" tests/fixtures/v1_mixed.jsonl tests/fixtures/fmt_reddit.jsonl tests/fixtures/csv_quoted.csv <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1] + '/made.zip', 'w') as z:
    for i, name in enumerate(sys.argv[2:]):
        z.write(name, name.rsplit('/', 1)[-1], zipfile.ZIP_DEFLATED if i % 2 == 0 else zipfile.ZIP_STORED)
PY
      ;;
    fuzz_gzip)
      cp tests/fixtures/*.gz "$dir"
      for f in tests/fixtures/fmt_reddit.jsonl tests/fixtures/csv_quoted.csv tests/fixtures/fmt_v1_search.json; do
        gzip -c -9 -n "$f" >"$dir/$(basename "$f").gz"
      done ;;
    fuzz_zstd)
      for f in tests/fixtures/*.zst; do { printf '\x40'; cat "$f"; } >"$dir/$(basename "$f")"; done
      if command -v zstd >/dev/null; then
        for f in tests/fixtures/fmt_reddit.jsonl tests/fixtures/csv_quoted.csv tests/fixtures/fmt_v1_search.json; do
          { printf '\x10'; zstd -q -c -3 "$f"; } >"$dir/$(basename "$f").zst"
        done
      fi ;;
  esac
}

crashed=0
mkdir -p "$BUILD/crashes"
for t in "${TARGETS[@]}"; do
  work="$BUILD/corpus/$t"
  seeds="$BUILD/seeds/$t"
  mkdir -p "$work"
  seed "$t" "$seeds"
  log="$BUILD/$t.log"
  # New inputs go to the work corpus (first directory); the seeds are rebuilt from tests/fixtures each run.
  "$BUILD/tests/$t" "$work" "$seeds" -max_total_time="$SECONDS_EACH" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$t-" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ $rc -ne 0 ]; then
    crashed=$((crashed + 1))
    echo "$t: CRASHED after ${execs:-?} executions (log $log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' "$log" | head -n 8
  else
    echo "$t: ${execs:-?} executions in ${SECONDS_EACH}s, no crash"
  fi
done
[ $crashed -eq 0 ]
