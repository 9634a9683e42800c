#!/usr/bin/env python3
"""The `chorus` command line: timeline, top and posts on tests/fixtures/query_posts.jsonl (its rows are
listed at the top of tests/core_query_test.cpp), usage errors, and agreement with `summary --json`.

Usage: cli_test.py CHORUS_BINARY
Stdlib only. Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "fixtures", "query_posts.jsonl")


def run(chorus, *args):
    return subprocess.run([chorus, *args], capture_output=True, text=True)


def ok(chorus, *args):
    p = run(chorus, *args)
    if p.returncode != 0:
        raise AssertionError(f"exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def usage_error(chorus, *args, says=""):
    p = run(chorus, *args)
    assert p.returncode == 2, f"exit {p.returncode}, want 2"
    assert p.stdout == "", f"stdout not empty: {p.stdout!r}"
    assert says in p.stderr, f"stderr {p.stderr!r} lacks {says!r}"


def test_timeline_csv(chorus):
    out = ok(chorus, "timeline", FIXTURE, "--bin", "month")
    assert out == ("start,count\n2017-10-01T00:00:00Z,8\n2017-11-01T00:00:00Z,1\n"
                   "2017-12-01T00:00:00Z,0\n2018-01-01T00:00:00Z,1\n"), out


def test_timeline_json_with_query(chorus):
    j = json.loads(ok(chorus, "timeline", FIXTURE, "--bin", "week", "--query", "#metoo", "--format", "json"))
    assert j["bin"] == "week" and j["tz"] == "UTC" and j["query"] == "#metoo"
    assert j["posts"] == 5
    assert j["bins"][0] == ["2017-10-09T00:00:00Z", 1]  # weeks start on Monday
    assert j["bins"][1] == ["2017-10-16T00:00:00Z", 3]
    assert j["bins"][-1] == ["2018-01-01T00:00:00Z", 1]
    assert len(j["bins"]) == 13  # zero-filled over the dataset's span


def test_timeline_default_bin_counts_every_timed_post(chorus):
    j = json.loads(ok(chorus, "timeline", FIXTURE, "--format", "json"))
    assert j["bin"] == "day"
    assert sum(n for _, n in j["bins"]) + j["no_time"] == 11


def test_top_csv(chorus):
    out = ok(chorus, "top", FIXTURE, "--field", "authors", "-n", "3")
    assert out == "value,count\nAna_Writes,3\nBenReads,2\ncy_notes,2\n", out


def test_top_json_with_query(chorus):
    j = json.loads(ok(chorus, "top", FIXTURE, "--field", "domains", "--query", "has:link -type:retweet",
                      "--format", "json"))
    assert j["field"] == "domains" and j["include"] == "both"
    assert j["posts"] == 5
    assert j["items"] == [["example.org", 2], ["foxnews.com", 1], ["lemonde.fr", 1], ["news.bbc.co.uk", 1]]


def test_top_include_toggle(chorus):
    assert ok(chorus, "top", FIXTURE, "--field", "hashtags", "--include", "originals") == \
        "value,count\nmetoo,3\nmoiaussi,1\ntimesup,1\n"
    assert ok(chorus, "top", FIXTURE, "--field", "hashtags", "--include", "amplification") == \
        "value,count\nmetoo,2\nmoiaussi,1\n"


def test_top_agrees_with_summary(chorus):
    summary = json.loads(ok(chorus, "summary", FIXTURE, "--json"))
    top = json.loads(ok(chorus, "top", FIXTURE, "--field", "hashtags", "--format", "json"))
    assert top["items"] == summary["top_hashtags"], (top["items"], summary["top_hashtags"])


def test_posts_jsonl(chorus):
    lines = ok(chorus, "posts", FIXTURE, "--query", '"me too"').splitlines()
    posts = [json.loads(line) for line in lines]
    assert [p["row"] for p in posts] == [2, 3, 6]
    assert posts[0] == {"row": 2, "time": "2017-10-16T10:30:00Z", "type": "quote", "author": "cy_notes",
                        "lang": "en", "text": "Me too. Read this: metoo-stories are everywhere"}
    assert len(ok(chorus, "posts", FIXTURE, "-n", "4").splitlines()) == 4


def test_summary_unchanged(chorus):
    j = json.loads(ok(chorus, "summary", FIXTURE, "--json"))
    assert j["posts"] == 11 and j["types"] == {"original": 7, "retweet": 2, "quote": 1, "reply": 1}


def test_query_error_names_position(chorus):
    p = run(chorus, "top", FIXTURE, "--field", "hashtags", "--query", "#metoo (lang:en")
    assert p.returncode == 2 and p.stdout == ""
    assert "query error at 7: missing ')'" in p.stderr, p.stderr


def test_usage_errors(chorus):
    usage_error(chorus, "top", FIXTURE, "--bogus", "x", says="unknown option '--bogus'")
    usage_error(chorus, "frobnicate", FIXTURE, says="unknown command")
    usage_error(chorus, "top", FIXTURE, says="top needs --field")
    usage_error(chorus, "top", FIXTURE, "--field", "colours", says="--field is")
    usage_error(chorus, "timeline", FIXTURE, "--bin", "fortnight", says="--bin is")
    usage_error(chorus, "timeline", FIXTURE, "--format", "xml", says="--format is")
    usage_error(chorus, "timeline", FIXTURE, "--query", says="--query needs a value")
    usage_error(chorus, "summary", FIXTURE, "--query", "x", says="unknown option '--query'")
    usage_error(chorus, "posts", "-n", "3", says="needs at least one FILE")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    chorus = sys.argv[1]
    tests = [(name, f) for name, f in globals().items() if name.startswith("test_")]
    passed = failed = 0
    for name, f in tests:
        try:
            f(chorus)
            passed += 1
        except Exception as e:  # report every failure, go on
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
