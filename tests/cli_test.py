#!/usr/bin/env python3
"""The `chorus` command line: timeline, top and posts on tests/fixtures/query_posts.jsonl (its rows are
listed at the top of tests/core_query_test.cpp), usage errors, and agreement with `summary --json`.

Usage: cli_test.py CHORUS_BINARY
Stdlib only. Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "fixtures", "query_posts.jsonl")
DUP_A = os.path.join(HERE, "fixtures", "v1_dup_a.jsonl")
DUP_B = os.path.join(HERE, "fixtures", "v1_dup_b.jsonl")
TRUNCATED = os.path.join(HERE, "fixtures", "v1_truncated.jsonl")
ENGAGE = os.path.join(HERE, "fixtures", "engage_posts.jsonl")  # 7 posts and a later copy of the first (rule 93)
TZ_POSTS = os.path.join(HERE, "fixtures", "tz_posts.jsonl")  # listed at the top of tests/core_timezone_test.cpp


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


def test_top_clients_emoji_words(chorus):
    # Rules 51-53: the list fields counted from a post's source and text.
    clients = os.path.join(HERE, "fixtures", "clients_v1.jsonl")
    assert ok(chorus, "top", clients, "--field", "clients", "-n", "2") == \
        "value,count\nTwitter for iPhone,3\nQ&A Poster,1\n"
    # No language on these posts: no stop words are dropped.
    j = json.loads(ok(chorus, "top", clients, "--field", "words", "-n", "2", "--format", "json"))
    assert j["field"] == "words" and j["items"] == [["from", 3], ["phone", 2]], j
    j = json.loads(ok(chorus, "top", clients, "--field", "bigrams", "--format", "json", "--query", "client:tweetdeck"))
    assert j["field"] == "bigrams" and j["posts"] == 0 and j["items"] == [], j
    assert ok(chorus, "top", FIXTURE, "--field", "emoji") == "value,count\n"


def test_top_include_toggle(chorus):
    assert ok(chorus, "top", FIXTURE, "--field", "hashtags", "--include", "originals") == \
        "value,count\nMeToo,3\nMoiAussi,1\nTimesUp,1\n"  # shown as most posts spell them (rule 50)
    assert ok(chorus, "top", FIXTURE, "--field", "hashtags", "--include", "amplification") == \
        "value,count\nMeToo,2\nMoiAussi,1\n"


def test_top_agrees_with_summary(chorus):
    summary = json.loads(ok(chorus, "summary", FIXTURE, "--json"))
    top = json.loads(ok(chorus, "top", FIXTURE, "--field", "hashtags", "--format", "json"))
    assert top["items"] == summary["top_hashtags"], (top["items"], summary["top_hashtags"])


def test_top_cohashtags(chorus):
    assert ok(chorus, "top", FIXTURE, "--field", "cohashtags") == "first,second,count\nmetoo,timesup,1\n"
    j = json.loads(ok(chorus, "top", FIXTURE, "--field", "cohashtags", "--query", "-#timesup", "--format", "json"))
    assert j["field"] == "cohashtags" and j["posts"] == 10 and j["items"] == []


def test_posts_jsonl(chorus):
    lines = ok(chorus, "posts", FIXTURE, "--query", '"me too"').splitlines()
    posts = [json.loads(line) for line in lines]
    assert [p["row"] for p in posts] == [2, 3, 6]
    assert posts[0] == {"row": 2, "time": "2017-10-16T10:30:00Z", "type": "quote", "author": "cy_notes",
                        "lang": "en", "text": "Me too. Read this: metoo-stories are everywhere",
                        "likes": None, "reposts": None, "replies": None, "quotes": None}
    assert len(ok(chorus, "posts", FIXTURE, "-n", "4").splitlines()) == 4


def test_posts_sort(chorus):
    def rows(*args):
        return [json.loads(line)["row"] for line in ok(chorus, "posts", ENGAGE, *args).splitlines()]
    # likes 70001, 120, 3 at 09:00 before 3 at 11:00, 0 at 13:00 before 0 at 15:00, not given last
    assert rows("--sort", "likes") == [5, 1, 0, 2, 4, 6, 3]
    assert rows("--sort", "reposts") == [2, 1, 4, 0, 5, 6, 3]
    assert rows("--sort", "engagement", "-n", "4") == [5, 1, 2, 0]
    assert rows("--sort", "time-desc") == [6, 5, 4, 3, 2, 1, 0]
    assert rows("--sort", "time") == rows() == [0, 1, 2, 3, 4, 5, 6]
    posts = [json.loads(line) for line in ok(chorus, "posts", ENGAGE).splitlines()]
    # the first record's counts, not the later copy's; the retweet's own; none given: nulls
    assert [posts[0][k] for k in ("likes", "reposts", "replies", "quotes")] == [3, 1, 0, 0]
    assert [posts[4][k] for k in ("likes", "reposts", "replies", "quotes")] == [0, 4, None, None]
    assert [posts[3][k] for k in ("likes", "reposts", "replies", "quotes")] == [None] * 4
    rows_query = [json.loads(line)["row"] for line in
                  ok(chorus, "posts", ENGAGE, "--query", "#engage", "--sort", "likes").splitlines()]
    assert rows_query == [1, 0, 4], rows_query
    usage_error(chorus, "posts", ENGAGE, "--sort", "popular", says="--sort is time")
    usage_error(chorus, "top", ENGAGE, "--field", "hashtags", "--sort", "likes", says="unknown option")
    # a snapshot keeps the counts
    with tempfile.TemporaryDirectory() as d:
        snap = os.path.join(d, "e.chorus")
        ok(chorus, "snapshot", ENGAGE, "-o", snap)
        assert ok(chorus, "posts", snap, "--sort", "likes") == ok(chorus, "posts", ENGAGE, "--sort", "likes")


def test_summary_unchanged(chorus):
    j = json.loads(ok(chorus, "summary", FIXTURE, "--json"))
    assert j["posts"] == 11 and j["types"] == {"original": 7, "retweet": 2, "quote": 1, "reply": 1}


def test_reads_a_pipe_whole(chorus):
    # A pipe cannot be sought back after its first bytes are sniffed: nothing of its start may be lost
    # (the demo is larger than stdio's buffer, which once hid the loss).
    demo = os.path.join(HERE, "..", "assets", "demo", "metoo-demo.jsonl")
    with open(demo, "rb") as f:
        data = f.read()
    p = subprocess.run([chorus, "summary", "/dev/stdin", "--json"], input=data, capture_output=True)
    assert p.returncode == 0, p.stderr
    piped = json.loads(p.stdout)
    whole = json.loads(ok(chorus, "summary", demo, "--json"))
    for key in ("posts", "skipped", "types", "authors", "first", "last", "top_hashtags"):
        assert piped[key] == whole[key], f"{key}: piped {piped[key]!r}, from the file {whole[key]!r}"
    assert piped["files"][0]["bytes"] == whole["files"][0]["bytes"]


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


def snapshot(chorus, tmp, name, *files):
    out = os.path.join(tmp, name)
    ok(chorus, "snapshot", *files, "-o", out)
    return out


def test_snapshot_reopens_identically(chorus):
    with tempfile.TemporaryDirectory() as tmp:
        snap = snapshot(chorus, tmp, "all.bin", FIXTURE, TRUNCATED)  # any name: detected by magic bytes
        for args in (["summary", "--json"], ["top", "--field", "domains", "--format", "json"],
                     ["timeline", "--bin", "week", "--query", "#metoo"], ["posts", "--query", "lang:fr"],
                     ["peaks", "--bin", "day", "--format", "json"]):
            assert ok(chorus, args[0], snap, *args[1:]) == ok(chorus, args[0], FIXTURE, TRUNCATED, *args[1:]), args


def test_snapshot_mixed_with_dumps_and_merged(chorus):
    with tempfile.TemporaryDirectory() as tmp:
        a = snapshot(chorus, tmp, "a.chorus", DUP_A)
        b = snapshot(chorus, tmp, "b.chorus", DUP_B, FIXTURE)
        together = ok(chorus, "summary", DUP_A, DUP_B, FIXTURE, "--json")
        assert json.loads(together)["duplicates"] == 1
        assert ok(chorus, "summary", a, DUP_B, FIXTURE, "--json") == together
        assert ok(chorus, "summary", a, b, "--json") == together
        merged = os.path.join(tmp, "m.chorus")
        out = ok(chorus, "merge", a, b, "-o", merged)
        assert "1 duplicates" in out, out
        assert ok(chorus, "summary", merged, "--json") == together
        assert len(json.loads(together)["files"]) == 3


def test_snapshot_errors(chorus):
    with tempfile.TemporaryDirectory() as tmp:
        a = snapshot(chorus, tmp, "a.chorus", FIXTURE)
        data = open(a, "rb").read()
        cut = os.path.join(tmp, "cut.chorus")
        open(cut, "wb").write(data[: len(data) // 2])
        p = run(chorus, "summary", cut, "--json")
        assert p.returncode == 1 and "cut short" in p.stderr and cut in p.stderr, p.stderr
        damaged = os.path.join(tmp, "damaged.chorus")
        open(damaged, "wb").write(data[:100] + bytes([data[100] ^ 1]) + data[101:])
        p = run(chorus, "summary", damaged)
        assert p.returncode == 1 and "checksum" in p.stderr, p.stderr
        future = os.path.join(tmp, "future.chorus")
        open(future, "wb").write(data[:8] + bytes([9]) + data[9:])
        p = run(chorus, "summary", future)
        assert p.returncode == 1 and "version 9" in p.stderr, p.stderr
        p = run(chorus, "merge", a, FIXTURE, "-o", os.path.join(tmp, "x.chorus"))
        assert p.returncode == 1 and "not a .chorus snapshot" in p.stderr, p.stderr
        assert not os.path.exists(os.path.join(tmp, "x.chorus"))
        usage_error(chorus, "snapshot", FIXTURE, says="snapshot needs -o OUT")
        usage_error(chorus, "snapshot", FIXTURE, "-o", a, "--query", "x", says="unknown option '--query'")


def test_peaks(chorus):
    out = ok(chorus, "peaks", FIXTURE)
    assert out == "start,end,count,mean,stddev,z,hashtags,authors,domains\n", out  # nothing stands out
    j = json.loads(ok(chorus, "peaks", FIXTURE, "--bin", "day", "--query", "#metoo", "--format", "json"))
    assert j["bin"] == "day" and j["window"] == 24 and j["min_z"] == 3 and j["min_count"] == 5
    assert j["posts"] == 5 and j["peaks"] == []
    # 2 posts an hour for a day, then 9 in hour 26, 7 of them #storm by bob.
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "burst.jsonl")
        with open(dump, "w") as f:
            n = 0
            for hour, count in [(h, 2) for h in range(26)] + [(26, 9), (27, 2)]:
                for i in range(count):
                    n += 1
                    storm = hour == 26 and i < 7
                    tag, user = ("Storm", "bob") if storm else ("daily", "ann")
                    post = {"id_str": str(n), "text": f"#{tag}",
                            "created_at": f"Mon Jan {1 + hour // 24:02d} {hour % 24:02d}:10:00 +0000 2024",
                            "entities": {"hashtags": [{"text": tag}], "user_mentions": [], "urls": []},
                            "user": {"id_str": user, "screen_name": user}}
                    f.write(json.dumps(post) + "\n")
        out = ok(chorus, "peaks", dump).splitlines()
        assert out[1:] == ["2024-01-02T02:00:00Z,2024-01-02T03:00:00Z,9,2.000,0.000,7.000,Storm:7,bob:7,"], out
        j = json.loads(ok(chorus, "peaks", dump, "--format", "json", "--query", "-#storm"))
        assert j["peaks"] == []  # without #storm, hour 26 holds 2 posts
        # In Kolkata (+05:30) an hour bin runs from :30Z to :30Z: the burst at 02:10Z is in local 07:00-08:00.
        out = ok(chorus, "peaks", dump, "--tz", "Asia/Kolkata").splitlines()
        assert out[1:] == ["2024-01-02T07:00:00+05:30,2024-01-02T08:00:00+05:30,9,2.000,0.000,7.000,"
                           "Storm:7,bob:7,"], out
        j = json.loads(ok(chorus, "peaks", dump, "--tz", "Asia/Kolkata", "--format", "json"))
        assert j["tz"] == "Asia/Kolkata" and [p["start"] for p in j["peaks"]] == ["2024-01-02T07:00:00+05:30"], j
        timeline = json.loads(ok(chorus, "timeline", dump, "--bin", "hour", "--tz", "Asia/Kolkata", "--format", "json"))
        assert [b[1] for b in timeline["bins"] if b[0] == "2024-01-02T07:00:00+05:30"] == [9], timeline
    usage_error(chorus, "peaks", FIXTURE, "--bin", "fortnight", says="--bin is")
    usage_error(chorus, "peaks", FIXTURE, "--field", "hashtags", says="unknown option '--field'")


def test_drivers_of_any_bin(chorus):  # rule 105; top -n 0: rule 106
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "burst.jsonl")
        with open(dump, "w") as f:  # 2 posts an hour at :10 for 26 hours, 9 in hour 26 (7 #Storm by bob), 2 after
            n = 0
            for hour, count in [(h, 2) for h in range(26)] + [(26, 9), (27, 2)]:
                for i in range(count):
                    n += 1
                    tag, user = ("Storm", "bob") if hour == 26 and i < 7 else ("daily", "ann")
                    f.write(json.dumps({"id_str": str(n), "text": f"#{tag}",
                                        "created_at": f"Mon Jan {1 + hour // 24:02d} {hour % 24:02d}:10:00 +0000 2024",
                                        "entities": {"hashtags": [{"text": tag}], "user_mentions": [], "urls": []},
                                        "user": {"id_str": user, "screen_name": user}}) + "\n")
        j = json.loads(ok(chorus, "drivers", dump, "--at", "2024-01-02T02:59:59Z", "--format", "json"))
        assert (j["start"], j["end"], j["step"], j["count"]) == ("2024-01-02T02:00:00Z", "2024-01-02T03:00:00Z", 3600, 9), j
        assert (j["baseline"], j["baseline_posts"], j["baseline_bins"]) == ("before", 48, 24), j
        assert [(d["value"], d["count"], d["window_count"]) for d in j["hashtags"]] == [("Storm", 7, 0)], j
        assert abs(j["hashtags"][0]["share"] - 7 / 9) < 1e-12 and j["authors"][0]["value"] == "bob", j
        # At a peak, the bin's drivers are the peak's (rule P2).
        peak = json.loads(ok(chorus, "peaks", dump, "--format", "json"))["peaks"][0]
        assert all(peak[k] == j[k] for k in ("hashtags", "authors", "domains")), (peak, j)
        out = ok(chorus, "drivers", dump, "--at", "2024-01-02T02:00:00Z").splitlines()
        assert out == ["field,value,count,baseline_count,share,baseline_share,rise",
                       "hashtags,Storm,7,0,0.777778,0.000000,0.777778", "authors,bob,7,0,0.777778,0.000000,0.777778"], out
        # The data's first hour: measured against the 24 after it, where ann's #daily is as common: nothing rose.
        j = json.loads(ok(chorus, "drivers", dump, "--at", "2024-01-01T00:10:00Z", "--format", "json"))
        assert (j["count"], j["baseline"], j["baseline_posts"], j["hashtags"]) == (2, "after", 48, []), j
        # Hour 3 has 3 hours before it (rule 111: baseline_bins says how many bins the baseline held).
        j = json.loads(ok(chorus, "drivers", dump, "--at", "2024-01-01T03:10:00Z", "--format", "json"))
        assert (j["baseline"], j["baseline_bins"], j["baseline_posts"]) == ("before", 3, 6), j
        # Half-hour bins: 02:00-02:30 holds the nine; its 24 half-hours before, 12 hours of 2 posts.
        j = json.loads(ok(chorus, "drivers", dump, "--at", "2024-01-02T02:10:00Z", "--bin", "1800", "--format", "json"))
        assert (j["end"], j["count"], j["baseline_posts"]) == ("2024-01-02T02:30:00Z", 9, 24), j
        # A time without an offset is read on --tz's clock: Kolkata's 07:00-08:00 is 01:30Z-02:30Z.
        j = json.loads(ok(chorus, "drivers", dump, "--at", "2024-01-02T07:40:00", "--tz", "Asia/Kolkata",
                          "--format", "json"))
        assert (j["tz"], j["start"], j["count"]) == ("Asia/Kolkata", "2024-01-02T07:00:00+05:30", 9), j
        j = json.loads(ok(chorus, "drivers", dump, "--at", "2024-01-02T02:10:00Z", "--query", "-#storm",
                          "--format", "json"))
        assert (j["count"], j["hashtags"], j["authors"]) == (2, [], []), j
    usage_error(chorus, "drivers", FIXTURE, says="drivers needs --at")
    usage_error(chorus, "drivers", FIXTURE, "--at", "yesterday", says="--at wants an ISO time")
    usage_error(chorus, "drivers", FIXTURE, "--at", "2017-10-16T00:00:00Z", "--bin", "7000", says="--bin is")
    # top -n 0 (or -n all): every value, as the page's list export (rule 106).
    every = ok(chorus, "top", FIXTURE, "--field", "hashtags", "-n", "0")
    assert every == ok(chorus, "top", FIXTURE, "--field", "hashtags", "-n", "all") == \
        ok(chorus, "top", FIXTURE, "--field", "hashtags", "-n", "100000"), every
    assert len(every.splitlines()) > len(ok(chorus, "top", FIXTURE, "--field", "hashtags", "-n", "2").splitlines())


def test_timeline_tz_days_are_local(chorus):
    j = json.loads(ok(chorus, "timeline", TZ_POSTS, "--bin", "day", "--tz", "America/New_York", "--format", "json",
                      "--query", "since:2017-11-04 until:2017-11-07"))
    assert j["tz"] == "America/New_York" and j["posts"] == 4
    assert len(j["bins"]) == 241  # 2017-03-11 to 2017-11-06 in New York, over the dataset's span
    assert sum(b[1] for b in j["bins"]) == 4
    days = [b for b in j["bins"] if b[1] > 0]
    assert days == [["2017-11-04T00:00:00-04:00", 1, "2017-11-04T04:00:00Z"],
                    ["2017-11-05T00:00:00-04:00", 2, "2017-11-05T04:00:00Z"],  # 25 hours long
                    ["2017-11-06T00:00:00-05:00", 1, "2017-11-06T05:00:00Z"]], days


def test_timeline_tz_csv_repeats_the_fall_back_hour(chorus):
    out = ok(chorus, "timeline", TZ_POSTS, "--bin", "hour", "--tz", "Europe/Paris",
             "--query", "since:2017-10-29T01:00 until:2017-10-29T04:00").splitlines()
    assert out[0] == "start,count,start_utc,tz", out[0]
    assert "2017-10-29T02:00:00+02:00,1,2017-10-29T00:00:00Z,Europe/Paris" in out
    assert "2017-10-29T02:00:00+01:00,2,2017-10-29T01:00:00Z,Europe/Paris" in out
    assert sum(int(line.split(",")[1]) for line in out[1:]) == 3


def test_tz_reads_since_until_in_the_zone(chorus):
    lines = ok(chorus, "posts", TZ_POSTS, "--tz", "America/Los_Angeles", "--query",
               "since:2017-10-15 until:2017-10-16").splitlines()
    assert len(lines) == 1 and "la-ix" in json.loads(lines[0])["text"], lines
    assert len(ok(chorus, "posts", TZ_POSTS, "--query", "since:2017-10-15 until:2017-10-16").splitlines()) == 2
    top = json.loads(ok(chorus, "top", TZ_POSTS, "--field", "authors", "--tz", "America/Los_Angeles",
                        "--query", "since:2017-10-15 until:2017-10-16", "--format", "json"))
    assert top["posts"] == 1
    assert ok(chorus, "timeline", TZ_POSTS, "--bin", "month", "--tz", "UTC") == \
        ok(chorus, "timeline", TZ_POSTS, "--bin", "month")
    usage_error(chorus, "timeline", TZ_POSTS, "--tz", "Mars/Base", says="unknown time zone 'Mars/Base'")
    usage_error(chorus, "summary", TZ_POSTS, "--tz", "UTC", says="unknown option '--tz'")


SAMPLES = os.path.join(HERE, "..", "..", "shared", "samples")


def many_posts(path):
    """Fixture lines over and over (~3 MB): even copies repeat the ids (duplicates across ranges), odd ones
    move them (new posts); blank, broken and CRLF lines come along."""
    lines = []
    for name in ("v1_mixed.jsonl", "v1_dup_a.jsonl", "v1_dup_b.jsonl", "query_posts.jsonl", "v1_truncated.jsonl"):
        with open(os.path.join(HERE, "fixtures", name), "rb") as f:
            lines += [line.rstrip(b"\n") for line in f]
    with open(path, "wb") as out:
        for copy in range(200):
            for line in lines:
                if copy % 2:
                    line = re.sub(rb'"id_str": ?"(\d+)"', lambda m: b'"id_str": "%d"' % (int(m.group(1)) + copy * 10**9), line)
                out.write(line + b"\n")
        out.write(b'{"id_str": "7", "text": "cut')


def same_with_threads(chorus, tmp, files, commands):
    """Every command prints the same with 1, 2 and 3 threads, and the snapshots are the same bytes."""
    snaps, first = [], {}
    for threads in ("1", "2", "3"):
        for i, args in enumerate(commands):
            out = ok(chorus, args[0], *files, *args[1:], "--threads", threads)
            assert first.setdefault(i, out) == out, (files, args, threads)
        snap = os.path.join(tmp, f"t{threads}.chorus")
        ok(chorus, "snapshot", *files, "-o", snap, "--threads", threads)
        snaps.append(open(snap, "rb").read())
    assert snaps[0] == snaps[1] == snaps[2], files


def test_threads_read_as_one(chorus):  # rule 94
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "many.jsonl")
        many_posts(big)
        assert os.path.getsize(big) > 2_000_000, os.path.getsize(big)
        summary = json.loads(ok(chorus, "summary", big, "--json", "--threads", "2"))
        assert summary["duplicates"] > 1000 and summary["posts"] > 1000, summary
        commands = [["summary", "--json"], ["summary"], ["top", "--field", "hashtags", "-n", "50"],
                    ["posts", "--query", "#metoo"], ["timeline", "--bin", "day"]]
        same_with_threads(chorus, tmp, [big], commands)
        same_with_threads(chorus, tmp, [DUP_A, big, FIXTURE, big], [["summary", "--json"], ["posts"]])
    usage_error(chorus, "summary", FIXTURE, "--threads", "0", says="--threads wants a count")
    usage_error(chorus, "summary", FIXTURE, "--threads", "two", says="--threads wants a count")
    usage_error(chorus, "merge", FIXTURE, "--threads", "2", says="unknown option '--threads'")


def test_threads_read_samples_as_one(chorus):  # rule 94, on every sample (skipped without them)
    if not os.path.isdir(SAMPLES):
        print(f"skip test_threads_read_samples_as_one: no samples at {SAMPLES}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(os.listdir(SAMPLES)):
            path = os.path.join(SAMPLES, folder)
            if not os.path.isdir(path):
                continue
            for name in sorted(os.listdir(path)):
                same_with_threads(chorus, tmp, [os.path.join(path, name)], [["summary", "--json"]])


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
