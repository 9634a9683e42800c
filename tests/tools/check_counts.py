#!/usr/bin/env python3
"""Independent reader of tweet JSON-lines dumps, written from core/COUNTING.md.

It exists so Chorus's numbers can be checked against a second implementation
that shares no code with it (Python standard library only). All files given
on the command line are read as ONE dataset, as Chorus loads them together.

Reads: Twitter API v1.1 one tweet per line (twarc 1.x, with `delete` /
`limit` notices), twarc2 pages (`data` is a list, context in `includes`),
twarc2 stream lines (`data` is one object) and twarc2 flattened lines (one v2
tweet per line, `author` and `referenced_tweets[]` expanded).

Usage:
    python3 tests/tools/check_counts.py FILE... [--reasons]

Prints one JSON object on stdout:
    {"posts", "duplicates", "skipped", "types": {original, retweet, quote,
     reply}, "authors", "first", "last", "top_hashtags": [[tag, n], ...10]}
With --reasons, a "skipped_by_reason" object is added.

Choices the rules leave open (kept here so they can be compared with Chorus):
  * A record is post-like when it is a JSON object whose `text` or
    `full_text` is a string; a page's `data` elements are posts by the same
    test. A page or stream line with no post-like element is `api_error` when
    it has a non-empty `errors` list, else `not_a_post`.
  * An `extended_tweet.entities` / `note_tweet.entities` object wins whole over
    `entities`, even when it has no hashtag list.
  * A v2 retweet's original is looked up in the same line's `includes.tweets`,
    then in an expanded `referenced_tweets` entry (one with keys beyond `type`
    and `id`); if neither holds it the retweet's own entities are used.
  * Hashtags that are empty after normalisation are not counted.
"""

import calendar
import datetime
import json
import re
import sys
import unicodedata
from collections import Counter

TOP_N = 10


class IntText(str):
    """The digits of a JSON integer, kept as text (never read through a double)."""


def _no_constants(name):
    raise ValueError("not JSON: " + name)


def ParseLine(text):
    return json.loads(text, parse_int=IntText, parse_constant=_no_constants)


# --- time ---------------------------------------------------------------------

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}
_V1_TIME = re.compile(
    r"^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$")
_ISO_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?"
    r"(Z|z|([+-])(\d{2}):?(\d{2}))?$")


def _Epoch(year, month, day, hour, minute, second):
    try:
        datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))


def ParseTime(value):
    """Seconds since 1970-01-01T00:00Z, or None when the text is not a known form."""
    if not isinstance(value, str):
        return None
    m = _V1_TIME.match(value)
    if m:
        month = _MONTHS.get(m.group(1))
        if month is None:
            return None
        t = _Epoch(int(m.group(9)), month, int(m.group(2)),
                   int(m.group(3)), int(m.group(4)), int(m.group(5)))
        if t is None:
            return None
        offset = int(m.group(7)) * 3600 + int(m.group(8)) * 60
        return t - offset if m.group(6) == "+" else t + offset
    m = _ISO_TIME.match(value)
    if m:
        t = _Epoch(int(m.group(1)), int(m.group(2)), int(m.group(3)),
                   int(m.group(4)), int(m.group(5)), int(m.group(6)))
        if t is None:
            return None
        if m.group(8):
            offset = int(m.group(9)) * 3600 + int(m.group(10)) * 60
            return t - offset if m.group(8) == "+" else t + offset
        return t
    return None


def PostTime(post):
    t = ParseTime(post.get("created_at"))
    if t is not None:
        return t
    ms = post.get("timestamp_ms")
    if isinstance(ms, str) and re.fullmatch(r"-?\d+", ms):
        return int(ms) // 1000
    return None


def FormatTime(t):
    if t is None:
        return None
    when = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=t)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


# --- identity -------------------------------------------------------------------

def _IdText(value, allow_json_string):
    if isinstance(value, IntText):
        return str(value)
    if allow_json_string and isinstance(value, str) and value != "":
        return value
    return None


def PostId(post):
    """id_str (v1.1) first, then `id`: a JSON string (v2) or a plain JSON integer."""
    id_str = post.get("id_str")
    if isinstance(id_str, str) and id_str != "":
        return str(id_str)
    return _IdText(post.get("id"), allow_json_string=True)


def AuthorId(post):
    user = post.get("user")
    if isinstance(user, dict):
        found = user.get("id_str")
        if isinstance(found, str) and found != "":
            return str(found)
        found = _IdText(user.get("id"), allow_json_string=False)
        if found is not None:
            return found
    found = post.get("author_id")
    if isinstance(found, str) and found != "":
        return str(found)
    author = post.get("author")
    if isinstance(author, dict):
        return _IdText(author.get("id"), allow_json_string=True)
    return None


# --- type -------------------------------------------------------------------------

def _IsSet(value):
    return value is not None and value != ""


def _ReferenceTypes(post):
    refs = post.get("referenced_tweets")
    if not isinstance(refs, list):
        return set()
    return {r.get("type") for r in refs if isinstance(r, dict)}


def PostType(post):
    refs = _ReferenceTypes(post)
    if isinstance(post.get("retweeted_status"), dict) or "retweeted" in refs:
        return "retweet"
    if (post.get("quoted_status") is not None or _IsSet(post.get("quoted_status_id_str"))
            or post.get("is_quote_status") is True or "quoted" in refs):
        return "quote"
    if (_IsSet(post.get("in_reply_to_status_id")) or _IsSet(post.get("in_reply_to_status_id_str"))
            or "replied_to" in refs):
        return "reply"
    return "original"


# --- hashtags -----------------------------------------------------------------------

def FullEntities(tweet):
    """The entity object for a tweet's full text: extended/note entities win."""
    for holder in ("extended_tweet", "note_tweet"):
        inner = tweet.get(holder)
        if isinstance(inner, dict) and isinstance(inner.get("entities"), dict):
            return inner["entities"]
    entities = tweet.get("entities")
    return entities if isinstance(entities, dict) else {}


def RawHashtags(entities):
    tags = entities.get("hashtags")
    if not isinstance(tags, list):
        return []
    out = []
    for tag in tags:
        if not isinstance(tag, dict):
            continue
        text = tag.get("text")
        if not isinstance(text, str):
            text = tag.get("tag")
        if isinstance(text, str):
            out.append(text)
    return out


def NormaliseHashtag(text):
    if text[:1] in ("#", "\uff03"):
        text = text[1:]
    return unicodedata.normalize("NFKC", text).casefold().strip()


def RetweetedOriginal(post, context_tweets):
    """The original a retweet carries, or None when the dump does not hold it."""
    original = post.get("retweeted_status")
    if isinstance(original, dict):
        return original
    refs = post.get("referenced_tweets")
    if not isinstance(refs, list):
        return None
    for ref in refs:
        if not isinstance(ref, dict) or ref.get("type") != "retweeted":
            continue
        ref_id = _IdText(ref.get("id"), allow_json_string=True)
        if ref_id is not None and ref_id in context_tweets:
            return context_tweets[ref_id]
        if any(key not in ("type", "id") for key in ref):
            return ref
    return None


def PostHashtags(post, post_type, context_tweets):
    source = post
    if post_type == "retweet":
        original = RetweetedOriginal(post, context_tweets)
        if original is not None:
            source = original
    tags = set()
    for raw in RawHashtags(FullEntities(source)):
        tag = NormaliseHashtag(raw)
        if tag:
            tags.add(tag)
    return tags


# --- records ------------------------------------------------------------------------

def IsPostLike(value):
    return isinstance(value, dict) and (
        isinstance(value.get("text"), str) or isinstance(value.get("full_text"), str))


def ContextTweets(record):
    includes = record.get("includes")
    found = {}
    if isinstance(includes, dict) and isinstance(includes.get("tweets"), list):
        for tweet in includes["tweets"]:
            if isinstance(tweet, dict):
                tweet_id = PostId(tweet)
                if tweet_id is not None:
                    found[tweet_id] = tweet
    return found


def ClassifyRecord(record):
    """Returns (posts, context_tweets, skip_reason); skip_reason is None for kept records."""
    if not isinstance(record, dict):
        return [], {}, "not_a_post"
    if "delete" in record:
        return [], {}, "delete_notice"
    if "limit" in record:
        return [], {}, "limit_notice"
    has_errors = isinstance(record.get("errors"), list) and len(record["errors"]) > 0
    if "data" in record:
        data = record["data"]
        elements = data if isinstance(data, list) else [data]
        posts = [e for e in elements if IsPostLike(e)]
        if not posts:
            return [], {}, "api_error" if has_errors else "not_a_post"
        return posts, ContextTweets(record), None
    if IsPostLike(record):
        return [record], {}, None
    return [], {}, "api_error" if has_errors else "not_a_post"


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

    def AddPost(self, post, context_tweets):
        post_id = PostId(post)
        if post_id is not None:
            if post_id in self.seen_ids:
                self.duplicates += 1
                return
            self.seen_ids.add(post_id)
        self.posts += 1
        post_type = PostType(post)
        self.types[post_type] += 1
        author = AuthorId(post)
        if author is not None:
            self.authors.add(author)
        t = PostTime(post)
        if t is not None:
            self.first = t if self.first is None else min(self.first, t)
            self.last = t if self.last is None else max(self.last, t)
        self.hashtags.update(PostHashtags(post, post_type, context_tweets))

    def AddLine(self, raw):
        if raw.strip() == b"":
            return
        try:
            record = ParseLine(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.skipped["invalid_json"] += 1
            return
        posts, context_tweets, reason = ClassifyRecord(record)
        if reason is not None:
            self.skipped[reason] += 1
            return
        for post in posts:
            self.AddPost(post, context_tweets)

    def AddFile(self, path):
        with open(path, "rb") as f:
            for raw in f:
                self.AddLine(raw)

    def Summary(self, with_reasons):
        top = sorted(self.hashtags.items(),
                     key=lambda kv: (-kv[1], kv[0].encode("utf-8", "surrogatepass")))
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
