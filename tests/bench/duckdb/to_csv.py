#!/usr/bin/env python3
"""Re-emits a generated Twitter v1.1 JSONL dump as a flat tweet CSV that both Chorus (core/csv_reader.cpp
header names) and DuckDB's read_csv read without help, for the DuckDB-WASM comparison.

    python3 tests/bench/duckdb/to_csv.py IN.jsonl OUT.csv

Columns: id_str, created_at (ISO 8601 UTC), user_id, screen_name, lang, type
(original|retweet|quote|reply by COUNTING.md rule 11), hashtags (the post's hashtags by rule 14,
'|'-separated), text. Benchmark tooling only; not used by the product or the tests.
"""
import csv
import json
import sys
from datetime import datetime, timezone


def post_type(t):
    if isinstance(t.get("retweeted_status"), dict):
        return "retweet"
    if t.get("quoted_status") or t.get("quoted_status_id_str") or t.get("is_quote_status"):
        return "quote"
    if t.get("in_reply_to_status_id_str") or t.get("in_reply_to_status_id"):
        return "reply"
    return "original"


def hashtags(t):
    source = t["retweeted_status"] if isinstance(t.get("retweeted_status"), dict) else t
    entities = (source.get("extended_tweet") or {}).get("entities") or source.get("entities") or {}
    return "|".join(h["text"] for h in entities.get("hashtags") or [] if h.get("text"))


def main(src, dst):
    with open(src, encoding="utf-8") as lines, open(dst, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id_str", "created_at", "user_id", "screen_name", "lang", "type", "hashtags", "text"])
        rows = 0
        for line in lines:
            try:
                t = json.loads(line)
            except ValueError:
                continue
            if "id_str" not in t or "created_at" not in t:
                continue  # delete / limit notices
            when = datetime.strptime(t["created_at"], "%a %b %d %H:%M:%S %z %Y").astimezone(timezone.utc)
            text = (t.get("extended_tweet") or {}).get("full_text") or t.get("full_text") or t.get("text") or ""
            user = t.get("user") or {}
            w.writerow([t["id_str"], when.strftime("%Y-%m-%dT%H:%M:%SZ"), user.get("id_str", ""),
                        user.get("screen_name", ""), t.get("lang") or "", post_type(t), hashtags(t), text])
            rows += 1
    print(f"{dst}: {rows} rows", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
