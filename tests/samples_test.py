#!/usr/bin/env python3
"""Every supported sample in ../shared/samples loads, and `chorus summary --json` agrees with the
independent checker (tests/tools/check_counts.py), field by field.

Usage: samples_test.py CHORUS_BINARY
Skips with a clear message when the samples folder is absent. Prints 'N passed, N failed'.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "samples"))
CHECKER = os.path.join(HERE, "tools", "check_counts.py")
FIELDS = ["posts", "duplicates", "skipped", "types", "authors", "first", "last", "top_hashtags"]

# The formats this build reads (issue 3 adds the rest); each entry is loaded as one dataset.
CASES = [
    ["twitter-v1-jsonl/twut-500-sample.jsonl"],
    ["twitter-v1-jsonl/dlfteach-twarc-search.jsonl"],
    ["twitter-v2-twarc2/twarc-csv-noflat.jsonl"],
    ["twitter-v2-twarc2/twarc-csv-flat.jsonl"],
    ["twitter-v2-twarc2/twarc-csv-streaming_output_with_error.jsonl"],
    ["twitter-v2-twarc2/twut-10-v2-sample-flattened.jsonl"],
    ["twitter-v2-twarc2/IchBinJelena.jsonl"],
    ["twitter-v2-twarc2/IchBinMelek.jsonl"],
    # The two #IchBin files overlap: loaded together, shared posts are duplicates.
    ["twitter-v2-twarc2/IchBinJelena.jsonl", "twitter-v2-twarc2/IchBinMelek.jsonl"],
    # The same 100 tweets as a page and flattened: the second file is all duplicates.
    ["twitter-v2-twarc2/twarc-csv-noflat.jsonl", "twitter-v2-twarc2/twarc-csv-flat.jsonl"],
]


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    chorus = sys.argv[1]
    if not os.path.isdir(SAMPLES):
        print(f"SKIP samples: {SAMPLES} is absent (CI and developer machines have it beside the repo)")
        print("0 passed, 0 failed, 1 skipped")
        return 0
    passed = failed = 0
    for case in CASES:
        paths = [os.path.join(SAMPLES, p) for p in case]
        name = " + ".join(case)
        if not all(os.path.exists(p) for p in paths):
            print(f"SKIP {name}: not in {SAMPLES}")
            continue
        got = run_json([chorus, "summary", *paths, "--json"])
        want = run_json([sys.executable, CHECKER, *paths])
        diffs = [f"  {k}: chorus {got.get(k)!r} != checker {want.get(k)!r}" for k in FIELDS if got.get(k) != want.get(k)]
        if diffs:
            failed += 1
            print(f"FAIL {name}")
            print("\n".join(diffs))
        else:
            passed += 1
            print(f"ok   {name}: {got['posts']} posts, {got['duplicates']} duplicates, {got['skipped']} skipped")
    print(f"samples: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
