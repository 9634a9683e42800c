#!/usr/bin/env python3
"""Independent reader of post dumps, written from core/COUNTING.md.

It exists so Chorus's numbers can be checked against a second implementation
that shares no code with it (Python standard library only). All files given
on the command line are read as ONE dataset, as Chorus loads them together.

Reads (rule numbers are COUNTING.md's):
  * the layout of a file from its first bytes (rule 18): JSON lines, one JSON
    document, or a JavaScript assignment; a document's records (rules 19, 21);
  * Twitter: v1.1 lines (twarc 1.x, Gnip original format, with `delete` /
    `limit` notices), twarc2 pages, stream lines and flattened lines, search
    responses and arrays of tweets (rule 33), archives (rule 24), Gnip
    Activity Streams (rule 25);
  * Mastodon outboxes, actors and REST statuses (rule 26); Bluesky PostView /
    FeedViewPost / Jetstream / Tap (rule 27); Reddit Pushshift (rule 28);
    YouTube API comments (rule 29); scraped comments (rule 30); Zeeschuimer
    X / TikTok / Instagram items (rule 31); Instagram scrapes (rule 32);
  * CSV files with a header row, UTF-16 files with a byte order mark and
    Windows-1252 CSV records (rules 36-38), parsed with the `csv` module.

Usage:
    python3 tests/tools/check_counts.py FILE... [--reasons]

Prints one JSON object on stdout:
    {"posts", "duplicates", "skipped", "types": {original, retweet, quote,
     reply}, "authors", "first", "last", "top_hashtags": [[tag, n], ...10]}
where each tag is shown in its most used spelling (rule 50).
With --reasons, a "skipped_by_reason" object and each file's "formats" are added.

Choices the rules leave open (kept here so they can be compared with Chorus):
  * A Twitter record is post-like when it is a JSON object whose `text` or
    `full_text` is a string; a page's `data` elements are posts by the same
    test. A page or stream line with no post-like element is `api_error` when
    it has a non-empty `errors` list, else `not_a_post`.
  * An `extended_tweet.entities` / `note_tweet.entities` object wins whole over
    `entities`, even when it has no hashtag list.
  * A v2 retweet's original is looked up in the same line's `includes.tweets`,
    then in an expanded `referenced_tweets` entry (one with keys beyond `type`
    and `id`); if neither holds it the retweet's own entities are used.
  * Hashtags that are empty after normalisation are not counted.
  * Only what the summary compares is read: ids, types, authors, times and
    hashtags (no text, mentions or links, except where a rule reads hashtags
    from the text).
"""

import calendar
import csv
import io
import datetime
import json
import math
import re
import sys
import unicodedata
from collections import Counter

import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checker.base import *  # noqa: E402,F401,F403
from checker.twitter import *  # noqa: E402,F401,F403
from checker.platforms import *  # noqa: E402,F401,F403
from checker.files import *  # noqa: E402,F401,F403


class Dataset:
    def __init__(self):
        self.posts = 0
        self.duplicates = 0
        self.skipped = Counter()
        self.types = {"original": 0, "retweet": 0, "quote": 0, "reply": 0}
        self.seen_ids = set()
        self.authors = set()
        self.first = None
        self.last = None
        self.hashtags = Counter()
        self.spellings = {}  # tag -> {spelling: [posts, first seen]} (rule 50)
        self.archive = Archive()

    def Skip(self, reason):
        self.skipped[reason] += 1

    def Add(self, post):
        if post.id is not None:
            if post.id in self.seen_ids:
                self.duplicates += 1
                return
            self.seen_ids.add(post.id)
        self.posts += 1
        self.types[post.type] += 1
        if post.author is not None:
            self.authors.add(post.author)
        if post.time is not None:
            self.first = post.time if self.first is None else min(self.first, post.time)
            self.last = post.time if self.last is None else max(self.last, post.time)
        self.hashtags.update(post.hashtags.keys())
        for tag, spelling in post.hashtags.items():
            seen = self.spellings.setdefault(tag, {})
            entry = seen.setdefault(spelling, [0, len(seen)])
            entry[0] += 1

    def Display(self, tag):
        """Rule 50: the spelling most posts used, ties to the one seen first."""
        return min(self.spellings[tag].items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]

    def AddFile(self, path):
        with open(path, "rb") as f:
            raw = f.read()
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # rule 36: UTF-16 with a byte order mark
            codec = "utf-16-le" if raw[:2] == b"\xff\xfe" else "utf-16-be"
            raw = raw[2:].decode(codec, errors="replace").encode("utf-8", errors="replace")
        found = CsvFile(raw)
        if found is not None:
            return ReadCsv(self, found[0], found[1])
        text = raw.decode("utf-8", "surrogateescape")  # rule 40: records not UTF-8 are read as Windows-1252
        layout, start, script = Layout(text)
        reader = FileReader(self, script)
        if layout == "lines":
            for line in raw.split(b"\n"):
                if line.strip(b" \t\r") == b"":
                    continue
                if len(line) > DOCUMENT_LIMIT:
                    self.Skip("too_large")
                    continue
                reader.ReadText(_Utf8OrCp1252(line)[0].lstrip("\ufeff"))
            return
        if len(raw) > DOCUMENT_LIMIT:
            return self.Skip("too_large")
        for kind, record_text in DocumentRecords(text, start, script):
            if kind == "invalid":
                self.Skip("invalid_json")
            else:
                reader.ReadText(_Utf8OrCp1252(record_text.encode("utf-8", "surrogateescape"))[0])

    def Summary(self, with_reasons):
        shown = [(self.Display(tag), n) for tag, n in self.hashtags.items()]
        top = sorted(shown, key=lambda kv: (-kv[1], kv[0].encode("utf-8", "surrogatepass")))
        out = {
            "posts": self.posts,
            "duplicates": self.duplicates,
            "skipped": sum(self.skipped.values()),
            "types": dict(self.types),
            "authors": len(self.authors),
            "first": FormatTime(self.first),
            "last": FormatTime(self.last),
            "top_hashtags": [[tag, n] for tag, n in top[:TOP_N]],
        }
        if with_reasons:
            out["skipped_by_reason"] = dict(sorted(self.skipped.items()))
        return out


def main(argv):
    with_reasons = "--reasons" in argv
    paths = [a for a in argv if a != "--reasons"]
    if not paths:
        sys.stderr.write("usage: check_counts.py FILE... [--reasons]\n")
        return 2
    dataset = Dataset()
    for path in paths:
        dataset.AddFile(path)
    sys.stdout.write(json.dumps(dataset.Summary(with_reasons)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
