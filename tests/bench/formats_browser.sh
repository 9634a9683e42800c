#!/usr/bin/env bash
# Ingest rate per format natively and in headless Chromium, side by side: formats.sh (Release, native
# format_bench) on the generated files of MB megabytes, then web/tests/bench_formats.mjs loading each of
# the same files through the page's #file-input (the web build's site, Release).
#   tests/bench/formats_browser.sh [MEGABYTES] [SITE_DIR]     (default 200, build/web/site)
# Prints JSON lines and a Markdown table. Numbers, not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-200}
SITE=${2:-build/web/site}
[ -f "$SITE/index.html" ] || { echo "no site in $SITE: build the web target first (see README.md)" >&2; exit 2; }
OUT=build/bench/formats-${MB}MB
mkdir -p build/bench
tests/bench/formats.sh "$MB" | tee "$OUT.native.jsonl"
NODE_PATH=${NODE_PATH:-/usr/share/nodejs} node web/tests/bench_formats.mjs "$SITE" "$OUT" --native "$OUT.native.jsonl"
