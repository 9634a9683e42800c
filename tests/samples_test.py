#!/usr/bin/env python3
"""Every sample in ../shared/samples loads, and for every format Chorus reads `chorus summary --json`
agrees with the independent checker (tests/tools/check_counts.py), field by field.

Usage: samples_test.py CHORUS_BINARY
Skips with a clear message when the samples folder is absent. Prints 'N passed, N failed'.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "samples"))
CHECKER = os.path.join(HERE, "tools", "check_counts.py")
FIELDS = ["posts", "duplicates", "skipped", "types", "authors", "first", "last", "top_hashtags"]

# Every sample this build reads, each entry loaded as one dataset (rule numbers: core/COUNTING.md).
CASES = [
    # Twitter v1.1 JSON lines (rules 1-17), a search response (rule 33), Gnip (rules 25, 33).
    ["twitter-v1-jsonl/twut-500-sample.jsonl"],
    ["twitter-v1-jsonl/dlfteach-twarc-search.jsonl"],
    ["twitter-v1-search-api/nativejson-benchmark-twitter.json"],
    ["twitter-gnip/tweet_parser-original_format_examples.json"],
    ["twitter-gnip/tweet_parser-activity_streams_examples.json"],
    # The same 25 tweets in Gnip's two formats: ids meet across formats (rule 34), all duplicates.
    ["twitter-gnip/tweet_parser-original_format_examples.json",
     "twitter-gnip/tweet_parser-activity_streams_examples.json"],
    # twarc2 (rules 3, 13, 14).
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
    # Twitter archives (rule 24): JavaScript assignments, by the archive's owner.
    ["twitter-archive/smithjd-tweets.js"],
    ["twitter-archive/dsajgiouawj-tweet.js"],
    ["twitter-archive/grailbird-2018_12.js"],
    # Mastodon (rule 26): outboxes (one minified line, one pretty-printed) and REST status arrays.
    ["mastodon/goija-outbox.json"],
    ["mastodon/hikurry-outbox.json"],
    ["mastodon/rtoot-api-v1-timelines-public.json"],
    ["mastodon/rtoot-api-v1-timelines-tag-ichbinhanna.json"],
    # Bluesky (rule 27): PostView + FeedViewPost array (4 duplicates, 2 reposts), Jetstream, Tap.
    ["bluesky/twitwi-bluesky-posts.json"],
    ["bluesky/twitwi-bluesky-firehose-jetstream.json"],
    ["bluesky/twitwi-bluesky-tap-posts.json"],
    ["bluesky/twitwi-bluesky-posts.json", "bluesky/twitwi-bluesky-firehose-jetstream.json",
     "bluesky/twitwi-bluesky-tap-posts.json"],
    # Reddit (rule 28), YouTube (rules 29, 30: the scraped comments have no time, first/last are null).
    ["reddit-pushshift/ufc-2018-submissions.jsonl"],
    ["reddit-pushshift/ufc-2018-comments.jsonl"],
    ["reddit-pushshift/ufc-2018-submissions.jsonl", "reddit-pushshift/ufc-2018-comments.jsonl"],
    ["youtube/youtube-api-v3-commentThreads.json"],
    ["youtube/musashah-youtube-comments.jsonl"],
    # Zeeschuimer (rule 31) and an Instagram scrape (rule 32).
    ["zeeschuimer-ndjson/zeeschuimer-twitter-x.ndjson"],
    ["zeeschuimer-ndjson/zeeschuimer-tiktok.ndjson"],
    ["zeeschuimer-ndjson/zeeschuimer-instagram.ndjson"],
    ["instagram/instagram-metoo-scrapy.jsonl"],
    # CSV (rules 36-38). twarc-csv's dotted headers; twitteR re-saved by Excel (wrapped records,
    # Windows-1252, M/D/YY times, ids in scientific notation: every post no_id); Kaggle (ids in
    # scientific notation, no author); tweepy rows without a header and with b'...' texts; v2
    # minimal (no id, no author: RT @ decides retweets); an archive's tweets.csv (the archive
    # owner, short rows); twitwi's Bluesky export (at:// ids, so 23 repeated rows are duplicates).
    ["twitter-csv/twarc-csv-small_sample.csv"],
    ["twitter-csv/metoo-2017-twitteR-excel-mangled.csv"],
    ["twitter-csv/metoo-2019-kaggle-MeToo_tweets.csv"],
    ["twitter-csv/metoo-2019-tweepy-bytes-literal.csv"],
    ["twitter-csv/metoo-2022-v2-minimal.csv"],
    ["twitter-archive/grailbird-tweets.csv"],
    ["bluesky/twitwi-bluesky-posts-export.csv"],
]

# Our own fixtures of each format (tests/fixtures/fmt_*), compared the same way; they run even
# where the samples folder is absent. Pairs check what only shows across files.
FIXTURE_CASES = [
    ["fmt_v1_search.json"],
    ["fmt_gnip_activity.jsonl"],
    ["fmt_archive_tweets.js"],
    ["fmt_archive_account.js", "fmt_archive_tweets.js"],  # rule 24: the owner from account.js
    ["fmt_grailbird.js"],
    ["fmt_mastodon_outbox.json"],
    ["fmt_mastodon_actor.json", "fmt_mastodon_outbox.json"],  # rule 23: a context record
    ["fmt_mastodon_statuses.json"],
    ["fmt_bluesky_posts.json"],
    ["fmt_bluesky_jetstream.jsonl"],
    ["fmt_bluesky_posts.json", "fmt_bluesky_jetstream.jsonl"],  # rule 27: one id for both shapes
    ["fmt_reddit.jsonl"],
    ["fmt_youtube_threads.json"],
    ["fmt_scraped_comments.jsonl"],
    ["fmt_zeeschuimer.ndjson"],
    ["fmt_instagram_scrape.jsonl"],
    # CSV and encodings (rules 36-38).
    ["csv_quoted.csv"],
    ["csv_bytes_literal.csv"],
    ["csv_cp1252.csv"],
    ["csv_utf16.csv"],
    ["csv_unmapped.csv"],
    ["csv_excel_wrapped.csv"],
    ["csv_tweepy_noheader.csv"],
]

# Samples whose format is not read yet: they must load without a crash (chorus exits 0 with a
# summary), nothing is compared. Every sample is read now; the list stays for the next format.
LOAD_ONLY = {}


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def compare(chorus, folder, case):
    """True when chorus and the checker agree on every compared field of the files in `case`."""
    paths = [os.path.join(folder, p) for p in case]
    name = " + ".join(case)
    got = run_json([chorus, "summary", *paths, "--json"])
    want = run_json([sys.executable, CHECKER, *paths])
    diffs = [f"  {k}: chorus {got.get(k)!r} != checker {want.get(k)!r}" for k in FIELDS if got.get(k) != want.get(k)]
    if diffs:
        print(f"FAIL {name}")
        print("\n".join(diffs))
        return False
    print(f"ok   {name}: {got['posts']} posts, {got['duplicates']} duplicates, {got['skipped']} skipped")
    return True


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    chorus = sys.argv[1]
    passed = failed = 0
    for case in FIXTURE_CASES:
        if compare(chorus, FIXTURES, case):
            passed += 1
        else:
            failed += 1
    if not os.path.isdir(SAMPLES):
        print(f"SKIP samples: {SAMPLES} is absent (CI and developer machines have it beside the repo)")
        print(f"samples: {passed} passed, {failed} failed, 1 skipped")
        return 1 if failed else 0
    compared = {p for case in CASES for p in case}
    for path, why in sorted(LOAD_ONLY.items()):
        full = os.path.join(SAMPLES, path)
        if not os.path.exists(full):
            print(f"SKIP {path}: not in {SAMPLES}")
            continue
        got = run_json([chorus, "summary", full, "--json"])
        print(f"ok   {path}: loads ({got['skipped']} records skipped); not compared: {why}")
        passed += 1
    unlisted = []
    for root, _, names in os.walk(SAMPLES):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), SAMPLES)
            if rel != "PROVENANCE.md" and rel not in compared and rel not in LOAD_ONLY:
                unlisted.append(rel)
    for rel in sorted(unlisted):
        failed += 1
        print(f"FAIL {rel}: a sample that no case reads (add it to CASES or LOAD_ONLY)")
    for case in CASES:
        if not all(os.path.exists(os.path.join(SAMPLES, p)) for p in case):
            print(f"SKIP {' + '.join(case)}: not in {SAMPLES}")
            continue
        if compare(chorus, SAMPLES, case):
            passed += 1
        else:
            failed += 1
    print(f"samples: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
