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

TOP_N = 10
DOCUMENT_LIMIT = 512 << 20  # rule 20


class IntText(str):
    """The digits of a JSON integer, kept as text (never read through a double)."""


def _no_constants(name):
    raise ValueError("not JSON: " + name)


_DECODER = json.JSONDecoder(parse_int=IntText, parse_constant=_no_constants)


def ParseLine(text):
    return _DECODER.decode(text)


# --- time ---------------------------------------------------------------------

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}
_V1_TIME = re.compile(
    r"^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$")
# Rule 8: the T may be a space, and one space may come before a numeric offset.
_ISO_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?"
    r"(Z|z| ?([+-])(\d{2}):?(\d{2}))?$")


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


def HashtagSpelling(text):
    """Rule 50: the tag as written, one leading '#' / '＃' removed, ASCII white space trimmed."""
    if text[:1] in ("#", "\uff03"):
        text = text[1:]
    return text.strip(" \t\n\r\f\v")


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
    return Tags(RawHashtags(FullEntities(source)))


# --- Twitter records (rules 1-17, 24, 33) ----------------------------------------------

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


UNKNOWN_OWNER = "(archive owner)"  # rule 24


def TwitterPosts(record, archive):
    """Rules 1-17; in an archive (rule 24) the tweet may be wrapped, RT @ is a retweet and a
    tweet without `user` is the owner's. Returns (posts, skip_reason)."""
    if archive.enabled and isinstance(record, dict) and isinstance(record.get("tweet"), dict):
        record = record["tweet"]
    posts, context_tweets, reason = ClassifyRecord(record)
    if reason is not None:
        return [], reason
    out = []
    for tweet in posts:
        post_type = PostType(tweet)
        author = AuthorId(tweet)
        if archive.enabled:
            text = tweet.get("full_text") if isinstance(tweet.get("full_text"), str) else tweet.get("text")
            if post_type != "retweet" and isinstance(text, str) and text.startswith("RT @"):
                post_type = "retweet"
            if not isinstance(tweet.get("user"), dict):
                author = archive.owner
        out.append(Post(PostId(tweet), post_type, author, PostTime(tweet),
                        PostHashtags(tweet, post_type, context_tweets)))
    return out, None


# --- the common post --------------------------------------------------------------------

class Post:
    def __init__(self, post_id, post_type, author, time, hashtags):
        self.id = post_id          # text, or None (kept, never a duplicate)
        self.type = post_type      # original / retweet / quote / reply
        self.author = author       # text, or None
        self.time = time           # seconds, or None
        self.hashtags = hashtags   # normalised tag -> the post's first spelling of it (rule 50)


def Text(value):
    """A JSON string, or None (JSON integers are kept as IntText and are not strings here)."""
    return value if isinstance(value, str) and not isinstance(value, IntText) else None


def Obj(value):
    return value if isinstance(value, dict) else None


def Get(obj, *path):
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def IsSet(value):
    """Present and not null, false, 0 or "" (the platforms' 'set', rules 24-32)."""
    if value is None or value is False or value == "":
        return False
    if isinstance(value, IntText):
        return int(value) != 0
    if isinstance(value, float):
        return value != 0
    return True


def Tags(raw_tags):
    tags = {}
    for raw in raw_tags:
        if isinstance(raw, str):
            tag = NormaliseHashtag(raw)
            if tag and tag not in tags:
                tags[tag] = HashtagSpelling(raw)
    return tags


def IsoTime(value):
    """ISO 8601 only (the platforms' times); rule 8."""
    return ParseTime(value) if Text(value) is not None and _ISO_TIME.match(value) else None


def EpochSeconds(value):
    """Rule 8: epoch seconds from a JSON number (fraction dropped) or a string of digits."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, IntText):
        return int(value)
    if isinstance(value, float):
        return math.floor(value) if math.isfinite(value) and abs(value) <= 1e12 else None
    if isinstance(value, str) and re.fullmatch(r"\d{1,12}(\.\d+)?", value):
        return int(value.split(".")[0])
    return None


# --- rule 35: entities from the text ------------------------------------------------------

def _IsWordChar(ch):
    if ch == "_":
        return True
    cat = unicodedata.category(ch)
    return cat[0] in ("L", "M") or cat == "Nd"


def TextHashtags(text):
    out = []
    if not isinstance(text, str):
        return out
    i, n = 0, len(text)
    prev = None
    while i < n:
        ch = text[i]
        if ch in ("#", "\uff03") and not (prev is not None and (_IsWordChar(prev) or prev == "&")):
            j = i + 1
            while j < n and _IsWordChar(text[j]):
                j += 1
            run = text[i + 1:j]
            if run and any(unicodedata.category(c) != "Nd" for c in run):
                out.append(run)
            prev = text[j - 1]
            i = j
            continue
        prev = ch
        i += 1
    return out


# --- rule 25: Gnip Activity Streams ------------------------------------------------------

def _DigitsAfterColon(value):
    value = Text(value)
    if value is None:
        return None
    tail = value.rsplit(":", 1)[-1]
    return tail if tail and tail.isascii() and tail.isdigit() else (value or None)


def _EntityHashtags(entities):
    return RawHashtags(entities) if isinstance(entities, dict) else []


def GnipPosts(activity):
    verb = Text(activity.get("verb"))
    if verb not in ("post", "share"):
        return [], "not_a_post"
    if verb == "share":
        post_type = "retweet"
    elif IsSet(activity.get("twitter_quoted_status")):
        post_type = "quote"
    elif IsSet(activity.get("inReplyTo")):
        post_type = "reply"
    else:
        post_type = "original"
    source = activity
    if verb == "share" and isinstance(activity.get("object"), dict):
        source = activity["object"]
    long_object = Obj(source.get("long_object"))
    entities = None
    if long_object is not None and isinstance(long_object.get("twitter_entities"), dict):
        entities = long_object["twitter_entities"]
    elif isinstance(source.get("twitter_entities"), dict):
        entities = source["twitter_entities"]
    author = _DigitsAfterColon(Get(activity, "actor", "id"))
    return [Post(_DigitsAfterColon(activity.get("id")), post_type, author,
                 IsoTime(activity.get("postedTime")), Tags(_EntityHashtags(entities)))], None


# --- rule 26: Mastodon ----------------------------------------------------------------------

def MastodonActivityPosts(activity):
    kind = Text(activity.get("type"))
    note = Obj(activity.get("object"))
    if kind == "Create":
        if note is None or Text(note.get("type")) not in ("Note", "Question", "Article", "Page"):
            return [], "not_a_post"
        post_id = Text(note.get("id")) or Text(activity.get("id"))
        time = IsoTime(note.get("published"))
        if time is None:
            time = IsoTime(activity.get("published"))
        if any(IsSet(note.get(k)) for k in ("quote", "quoteUri", "quoteUrl", "_misskey_quote")):
            post_type = "quote"
        elif IsSet(note.get("inReplyTo")):
            post_type = "reply"
        else:
            post_type = "original"
        author = Text(activity.get("actor")) or Text(note.get("attributedTo"))
    elif kind == "Announce":
        post_id = Text(activity.get("id"))
        time = IsoTime(activity.get("published"))
        post_type = "retweet"
        author = Text(activity.get("actor"))
    else:
        return [], "not_a_post"
    tags = []
    if note is not None and isinstance(note.get("tag"), list):
        for tag in note["tag"]:
            if isinstance(tag, dict) and tag.get("type") == "Hashtag" and Text(tag.get("name")):
                tags.append(tag["name"])
    return [Post(post_id, post_type, author, time, Tags(tags))], None


def MastodonStatusPosts(status):
    reblog = Obj(status.get("reblog"))
    if reblog is not None:
        post_type = "retweet"
    elif IsSet(status.get("quote")):
        post_type = "quote"
    elif IsSet(status.get("in_reply_to_id")):
        post_type = "reply"
    else:
        post_type = "original"
    source = reblog if reblog is not None else status
    tags = []
    if isinstance(source.get("tags"), list):
        tags = [t.get("name") for t in source["tags"] if isinstance(t, dict) and Text(t.get("name"))]
    post_id = Text(status.get("uri")) or Text(status.get("id"))
    author = Text(Get(status, "account", "id")) or None
    return [Post(post_id, post_type, author, IsoTime(status.get("created_at")), Tags(tags))], None


# --- rule 27: Bluesky -------------------------------------------------------------------------

def _BlueskyRecordParts(record, set_type):
    post_type = "original"
    if set_type:
        embed_type = Get(record, "embed", "$type")
        if embed_type in ("app.bsky.embed.record", "app.bsky.embed.recordWithMedia"):
            post_type = "quote"
        elif IsSet(record.get("reply")):
            post_type = "reply"
    tags = []
    for facet in record.get("facets") or []:
        if not isinstance(facet, dict) or not isinstance(facet.get("features"), list):
            continue
        for feature in facet["features"]:
            if isinstance(feature, dict) and feature.get("$type") == "app.bsky.richtext.facet#tag":
                if Text(feature.get("tag")):
                    tags.append(feature["tag"])
    if isinstance(record.get("tags"), list):
        tags.extend(t for t in record["tags"] if Text(t))
    return post_type, Tags(tags)


def BlueskyViewPosts(view):
    post = Obj(view.get("post")) or view
    reason = Obj(view.get("reason")) if "post" in view and isinstance(view.get("post"), dict) else None
    repost = reason is not None and reason.get("$type") == "app.bsky.feed.defs#reasonRepost"
    record = Obj(post.get("record"))
    if record is None:
        return [], "not_a_post"
    post_type, tags = _BlueskyRecordParts(record, not repost)
    if repost:
        author = Text(Get(reason, "by", "did")) or None
        post_id = Text(reason.get("uri"))
        if not post_id and author and Text(post.get("uri")):
            post_id = "repost:%s:%s" % (author, post["uri"])
        return [Post(post_id or None, "retweet", author, IsoTime(reason.get("indexedAt")), tags)], None
    time = IsoTime(post.get("indexedAt"))
    if time is None:
        time = IsoTime(record.get("createdAt"))
    return [Post(Text(post.get("uri")) or None, post_type, Text(Get(post, "author", "did")) or None,
                 time, tags)], None


def _BlueskyCommit(did, collection, rkey, operation, record, seen):
    if operation != "create" or collection not in ("app.bsky.feed.post", "app.bsky.feed.repost") \
            or not isinstance(record, dict):
        return [], "not_a_post"
    post_id = "at://%s/%s/%s" % (did, collection, rkey) if did and rkey else None
    if collection == "app.bsky.feed.post":
        post_type, tags = _BlueskyRecordParts(record, True)
    else:
        post_type, tags = "retweet", {}
    time = seen if seen is not None else IsoTime(record.get("createdAt"))
    return [Post(post_id, post_type, did or None, time, tags)], None


def JetstreamPosts(event):
    commit = Obj(event.get("commit"))
    if event.get("kind") != "commit" or commit is None:
        return [], "not_a_post"
    seen = None
    us = event.get("time_us")
    if isinstance(us, IntText) and int(us) > 0:
        seen = int(us) // 1000000
    return _BlueskyCommit(Text(event.get("did")), Text(commit.get("collection")), Text(commit.get("rkey")),
                          Text(commit.get("operation")), commit.get("record"), seen)


def TapPosts(event):
    change = Obj(event.get("record"))
    if event.get("type") != "record" or change is None:
        return [], "not_a_post"
    return _BlueskyCommit(Text(change.get("did")), Text(change.get("collection")), Text(change.get("rkey")),
                          Text(change.get("action")), change.get("record"), None)


# --- rule 28: Reddit ----------------------------------------------------------------------------

def _UndoRedditEscapes(text):
    return text.replace("&amp;", "\x00").replace("&lt;", "<").replace("&gt;", ">").replace("\x00", "&") \
        if "&" in text else text


def RedditPosts(thing):
    submission = thing.get("title") is not None
    if not submission and thing.get("body") is None:
        return [], "not_a_post"
    raw_id = Text(thing.get("id"))
    prefix = "t3_" if submission else "t1_"
    post_id = (raw_id if raw_id.startswith(prefix) else prefix + raw_id) if raw_id else None
    author = Text(thing.get("author"))
    if not author or author in ("[deleted]", "[removed]"):
        author = None
    if submission:
        text = Text(thing.get("title")) or ""
        if Text(thing.get("selftext")):
            text += "\n\n" + thing["selftext"]
    else:
        text = Text(thing.get("body")) or ""
    tags = Tags(TextHashtags(_UndoRedditEscapes(text)))
    return [Post(post_id, "original" if submission else "reply", author,
                 EpochSeconds(thing.get("created_utc")), tags)], None


# --- rules 29-30: YouTube ---------------------------------------------------------------------------

def _YouTubeComment(comment, reply):
    snippet = Obj(comment.get("snippet")) or {}
    text = Text(snippet.get("textOriginal"))
    if not text:
        text = _HtmlText(Text(snippet.get("textDisplay")) or "")
    if IsSet(snippet.get("parentId")):
        reply = True
    return Post(Text(comment.get("id")) or None, "reply" if reply else "original",
                Text(Get(snippet, "authorChannelId", "value")) or None,
                IsoTime(snippet.get("publishedAt")), Tags(TextHashtags(text)))


_NAMED_REFERENCES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0"}


def _Reference(m):
    name = m.group(1)
    if name in _NAMED_REFERENCES:
        return _NAMED_REFERENCES[name]
    cp = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
    if cp >= 0x110000 or 0xD800 <= cp <= 0xDFFF:
        return m.group(0)
    return chr(cp)


def _Tag(m, out_so_far):
    name = re.match(r"[^ \t/]*", m.group(1)).group(0).lower()
    if name == "br":
        return "\n"
    if name == "p" and out_so_far:
        return "\n\n"
    return ""


def _HtmlText(html):
    """Rule 26: <br> a line break, a new <p> a blank line, other tags dropped, references decoded."""
    out = []
    pos = 0
    for m in re.finditer(r"<([^>]*)>", html):
        out.append(re.sub(r"&(amp|lt|gt|quot|apos|nbsp|#[xX][0-9a-fA-F]{1,7}|#[0-9]{1,7});", _Reference,
                          html[pos:m.start()]))
        out.append(_Tag(m, "".join(out)))
        pos = m.end()
    out.append(re.sub(r"&(amp|lt|gt|quot|apos|nbsp|#[xX][0-9a-fA-F]{1,7}|#[0-9]{1,7});", _Reference, html[pos:]))
    return "".join(out)


def YouTubePosts(resource):
    kind = resource.get("kind")
    if kind == "youtube#comment":
        return [_YouTubeComment(resource, False)], None
    top = Get(resource, "snippet", "topLevelComment")
    if kind != "youtube#commentThread" or not isinstance(top, dict):
        return [], "not_a_post"
    posts = [_YouTubeComment(top, False)]
    for reply in Get(resource, "replies", "comments") or []:
        if isinstance(reply, dict):
            posts.append(_YouTubeComment(reply, True))
    return posts, None


def ScrapedCommentPosts(comment):
    raw = comment.get("id")
    post_id = raw if isinstance(raw, str) and raw != "" else None
    reply = comment.get("is_reply") is True or IsSet(comment.get("parent_id"))
    return [Post(post_id, "reply" if reply else "original", Text(comment.get("author")) or None, None,
                 Tags(TextHashtags(Text(comment.get("text")))))], None


# --- rules 31-32: Zeeschuimer, Instagram ------------------------------------------------------------

def _GraphQLTweet(data):
    tweet = data
    if isinstance(data, dict) and data.get("__typename") == "TweetWithVisibilityResults" \
            and isinstance(data.get("tweet"), dict):
        tweet = data["tweet"]
    return tweet if isinstance(tweet, dict) and isinstance(tweet.get("legacy"), dict) else None


def _ZeeschuimerTweet(data):
    tweet = _GraphQLTweet(data)
    if tweet is None:
        return [], "not_a_post"
    legacy = tweet["legacy"]
    post_id = Text(legacy.get("id_str")) or Text(tweet.get("rest_id")) or None
    author = Text(Get(tweet, "core", "user_results", "result", "rest_id")) or Text(legacy.get("user_id_str"))
    source = tweet
    original = _GraphQLTweet(Get(legacy, "retweeted_status_result", "result"))
    if original is not None:
        post_type, source = "retweet", original
    elif IsSet(tweet.get("quoted_status_result")) or legacy.get("is_quote_status") is True:
        post_type = "quote"
    elif IsSet(legacy.get("in_reply_to_status_id_str")):
        post_type = "reply"
    else:
        post_type = "original"
    note = Get(source, "note_tweet", "note_tweet_results", "result")
    if isinstance(note, dict):
        tags = _EntityHashtags(note.get("entity_set"))
    else:
        tags = _EntityHashtags(source["legacy"].get("entities"))
    return [Post(post_id, post_type, author or None, ParseTime(legacy.get("created_at")), Tags(tags))], None


def _TikTok(data):
    raw = Text(data.get("id"))
    extra = data.get("textExtra")
    if isinstance(extra, list):
        tags = [e.get("hashtagName") for e in extra if isinstance(e, dict) and Text(e.get("hashtagName"))]
    else:
        tags = TextHashtags(Text(data.get("desc")))
    return [Post("tiktok:" + raw if raw else None, "original", Text(Get(data, "author", "id")) or None,
                 EpochSeconds(data.get("createTime")), Tags(tags))], None


def InstagramMediaPosts(media):
    pk = Text(media.get("pk"))
    if not pk and Text(media.get("id")):
        pk = media["id"].split("_", 1)[0]
    author = Text(Get(media, "user", "pk")) or Text(Get(media, "user", "id"))
    caption = Text(Get(media, "caption", "text"))
    return [Post("instagram:" + pk if pk else None, "original", author or None,
                 EpochSeconds(media.get("taken_at")), Tags(TextHashtags(caption)))], None


def InstagramScrapePosts(flat):
    raw = flat.get("id_")
    raw = str(raw) if isinstance(raw, IntText) else Text(raw)
    author = Text(flat.get("owner_id")) or Text(flat.get("owner_username"))
    return [Post("instagram:" + raw if raw else None, "original", author or None,
                 EpochSeconds(flat.get("taken_at_timestamp")), Tags(TextHashtags(Text(flat.get("caption")))))], None


def ZeeschuimerPosts(item):
    platform = item.get("source_platform")
    data = item.get("data")
    if platform in ("twitter.com", "x.com"):
        return _ZeeschuimerTweet(data)
    if platform == "tiktok.com":
        return _TikTok(data)
    if platform == "instagram.com":
        return InstagramMediaPosts(data)
    return [], "not_a_post"


# --- rule 22: which reader ------------------------------------------------------------------------------

_ACTIVITY_TYPES = {"Create", "Announce", "Update", "Delete", "Like", "Follow", "Undo", "Accept", "Reject",
                   "Add", "Remove", "Block", "Flag", "Move"}
_ACTOR_TYPES = {"Person", "Service", "Application", "Group", "Organization"}
_TWITTER_KEYS = ("data", "id_str", "user", "author_id", "delete", "limit", "text", "errors", "includes",
                 "full_text", "created_at")


def Shape(record):
    """(shape, platform) of a record by the table of rule 22."""
    def has(key):
        return record.get(key) is not None
    t = record.get("type")
    if Text(record.get("source_platform")) and isinstance(record.get("data"), dict):
        return "zeeschuimer", "zeeschuimer"
    if isinstance(record.get("tweet"), dict):
        return "archive-tweet", "archive"
    if isinstance(record.get("account"), dict) and record["account"].get("accountId") is not None:
        return "archive-account", "archive"
    if Text(record.get("verb")) and isinstance(record.get("actor"), dict) and (has("postedTime") or has("object")):
        return "gnip", "gnip"
    if t in _ACTIVITY_TYPES and has("actor"):
        return "mastodon-activity", "mastodon"
    if t in _ACTOR_TYPES and has("preferredUsername"):
        return "mastodon-actor", "mastodon"
    if isinstance(record.get("account"), dict) and has("content"):
        return "mastodon-status", "mastodon"
    if (Text(record.get("uri")) or "").startswith("at://") and isinstance(record.get("record"), dict):
        return "bluesky-view", "bluesky"
    if isinstance(record.get("post"), dict) and (Text(record["post"].get("uri")) or "").startswith("at://"):
        return "bluesky-view", "bluesky"
    if (Text(record.get("did")) or "").startswith("did:") and has("kind") and has("time_us"):
        return "bluesky-jetstream", "bluesky"
    if t == "record" and isinstance(record.get("record"), dict) and \
            (Text(record["record"].get("did")) or "").startswith("did:"):
        return "bluesky-tap", "bluesky"
    if has("subreddit") and has("created_utc"):
        return "reddit", "reddit"
    if (Text(record.get("kind")) or "").startswith("youtube#"):
        return "youtube", "youtube"
    if has("is_reply") and Text(record.get("author")) is not None and Text(record.get("text")) is not None:
        return "scraped-comment", "youtube"
    if has("shortcode") and has("taken_at_timestamp"):
        return "instagram-scrape", "instagram"
    if any(has(key) for key in _TWITTER_KEYS):
        return "twitter", "twitter"
    return None, None


class Archive:
    def __init__(self):
        self.enabled = False
        self.owner = UNKNOWN_OWNER


class FileReader:
    """Rule 22: the first record of a known shape picks the platform of the file."""

    def __init__(self, dataset, script_name):
        self.dataset = dataset
        self.platform = None
        self.archive = dataset.archive
        self.archive.enabled = script_name is not None  # rule 24: archive scripts

    def Read(self, record):
        if self.platform == "twitter":
            return self.Twitter(record)
        shape, platform = Shape(record) if isinstance(record, dict) else (None, None)
        if self.platform is None:
            if platform is None:
                return self.Twitter(record)
            self.platform = platform
            if platform == "archive":
                self.archive.enabled = True
        elif platform != self.platform:
            return self.dataset.Skip("not_a_post")
        if shape in ("twitter", "archive-tweet"):
            return self.Twitter(record)
        if shape == "archive-account":
            account = record["account"]
            self.archive.owner = Text(account.get("accountId")) or None
            return self.dataset.Skip("context")
        if shape == "mastodon-actor":
            return self.dataset.Skip("context")
        readers = {
            "gnip": GnipPosts,
            "mastodon-activity": MastodonActivityPosts,
            "mastodon-status": MastodonStatusPosts,
            "bluesky-view": BlueskyViewPosts,
            "bluesky-jetstream": JetstreamPosts,
            "bluesky-tap": TapPosts,
            "reddit": RedditPosts,
            "youtube": YouTubePosts,
            "scraped-comment": ScrapedCommentPosts,
            "zeeschuimer": ZeeschuimerPosts,
            "instagram-scrape": InstagramScrapePosts,
        }
        posts, reason = readers[shape](record)
        if reason is not None:
            return self.dataset.Skip(reason)
        for post in posts:
            self.dataset.Add(post)

    def Twitter(self, record):
        posts, reason = TwitterPosts(record, self.archive)
        if reason is not None:
            return self.dataset.Skip(reason)
        for post in posts:
            self.dataset.Add(post)

    def ReadText(self, text):
        """One record as text (a JSON line, or a document's record)."""
        try:
            record = ParseLine(text)
        except (ValueError, RecursionError):
            return self.dataset.Skip("invalid_json")
        self.Read(record)


# --- rules 18-21: layouts --------------------------------------------------------------------------------

_SCRIPT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$. \t]*=[ \t\r\n]*([\[{])")
_LIST_KEYS = ("statuses", "orderedItems", "items", "feed", "posts")
_WS = " \t\r\n"


def _FirstValueEndsOnFirstLine(text, start):
    """Rule 18: does the value opening at `start` close before the first line ends?"""
    depth, in_string, escape = 0, False, False
    for i in range(start, len(text)):
        c = text[i]
        if c == "\n":
            return False, None
        if in_string:
            if escape:
                escape = False
            elif c == "\\":
                escape = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
            if depth == 0:
                return True, i + 1
    return False, None


def Layout(text):
    """('lines', None, None) or ('document', start, script_name)."""
    pos = 1 if text.startswith("\ufeff") else 0
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    if pos >= len(text):
        return "lines", None, None
    if text[pos] in "{[":
        ends, end = _FirstValueEndsOnFirstLine(text, pos)
        if ends:
            rest = text[end:]
            return ("lines", None, None) if rest.strip(_WS) else ("document", pos, None)
        if "\n" in text[pos:]:
            return "document", pos, None
        return "lines", None, None  # an unfinished single line
    m = _SCRIPT.match(text, pos)
    if m:
        return "document", m.start(1), text[pos:text.index("=", pos)].rstrip(" \t")
    return "lines", None, None


def _SkipWs(text, pos):
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


def _ValueEnd(text, pos):
    """End of the JSON value at `pos` by its brackets and strings (rule 21), or None when cut."""
    c = text[pos]
    if c == '"' or c in "{[":
        depth, in_string, escape = 0, False, False
        for i in range(pos, len(text)):
            ch = text[i]
            if in_string:
                if escape:
                    escape = False
                elif ch == "\\":
                    escape = True
                elif ch == '"':
                    in_string = False
                    if depth == 0:
                        return i + 1
            elif ch == '"':
                in_string = True
            elif ch in "{[":
                depth += 1
            elif ch in "}]":
                depth -= 1
                if depth == 0:
                    return i + 1
        return None
    i = pos
    while i < len(text) and text[i] not in _WS + ",]}":
        i += 1
    return i if i < len(text) else None


def DocumentRecords(text, start, script):
    """Rules 19 and 21: yields ('record', text) and ('invalid', None) for what was lost."""
    def read_list(pos):
        pos += 1
        while True:
            pos = _SkipWs(text, pos)
            if pos >= len(text):
                return None  # unclosed after a whole record: nothing lost
            if text[pos] == "]":
                return pos + 1
            end = _ValueEnd(text, pos)
            if end is None:
                yield_list.append(("invalid", None))
                return None
            yield_list.append(("record", text[pos:end]))
            pos = _SkipWs(text, end)
            if pos < len(text) and text[pos] == ",":
                pos += 1
            elif pos < len(text) and text[pos] != "]":
                yield_list.append(("invalid", None))
                return None

    yield_list = []
    if text[start] == "[":
        end = read_list(start)
    else:
        end, found, pos = None, False, start + 1
        while True:
            pos = _SkipWs(text, pos)
            if pos >= len(text) or text[pos] != '"':
                if pos < len(text) and text[pos] == "}":
                    end = pos + 1
                break
            key_end = _ValueEnd(text, pos)
            if key_end is None:
                break
            key = text[pos + 1:key_end - 1]  # as written: an escaped key is not a list key
            pos = _SkipWs(text, key_end)
            if pos >= len(text) or text[pos] != ":":
                break
            pos = _SkipWs(text, pos + 1)
            if pos >= len(text):
                break
            if not found and key in _LIST_KEYS and text[pos] == "[":
                found = True
                pos = read_list(pos)
            else:
                pos = _ValueEnd(text, pos)
            if pos is None:
                break
            pos = _SkipWs(text, pos)
            if pos < len(text) and text[pos] == ",":
                pos += 1
        if not found:
            yield_list.append(("record", text[start:end if end is not None else len(text)]))
        elif any(kind == "invalid" for kind, _ in yield_list):
            end = None
    if end is not None:
        pos = _SkipWs(text, end)
        if script is not None and pos < len(text) and text[pos] == ";":
            pos = _SkipWs(text, pos + 1)
        if pos < len(text):
            yield_list.append(("invalid", None))
    return yield_list


# --- rules 36-38: CSV files and encodings ------------------------------------------------

_CSV_NOTHING = {"", "na", "false", "0", "none", "nan", "null"}
_CSV_NAMES = {
    "id": ["id_str", "id", "tweet_id", "uri"],
    "time": ["created_at", "created", "timestamp_utc", "timestamp", "date"],
    "text": ["text", "full_text", "tweet", "content"],
    "author_id": ["author_id", "author.id", "user_id", "user.id", "user_did"],
    "author_name": ["author.username", "screenname", "screen_name", "user_screen_name",
                    "user.screen_name", "username", "user_handle"],
    "type": ["type"],
    "referenced": ["referenced_tweets"],
    "retweet": ["isretweet", "is_retweet", "retweeted_status_id", "repost_by_user_did"],
    "quote": ["quoted_status_id", "quoted_status_id_str", "quoted_uri", "is_quote_status"],
    "reply": ["replytosid", "in_reply_to_status_id", "in_reply_to_status_id_str", "to_post_uri"],
    "hashtags": ["entities.hashtags", "hashtags"],
    "retweeter_id": ["repost_by_user_did"],
    "retweeter_name": ["repost_by_user_handle"],
}
_SLASH_TIME = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}) (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$")


def CsvColumns(names):
    lower = [n.strip(" \t\r").lower() for n in names]
    cols = {}
    for key, candidates in _CSV_NAMES.items():
        cols[key] = next((lower.index(c) for c in candidates if c in lower), None)
    cols["archive_owner"] = ("tweet_id" in lower and cols["author_id"] is None
                             and cols["author_name"] is None)
    return cols


def _Fields(line, delimiter):
    """One record of a string, RFC 4180 (a tiny splitter of our own: newlines are data)."""
    fields, cur, quoted, start, i = [], [], False, True, 0
    while i < len(line):
        c = line[i]
        if quoted:
            if c == '"' and line[i + 1:i + 2] == '"':
                cur.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                cur.append(c)
        elif c == '"' and start:
            quoted = True
        elif c == delimiter:
            fields.append("".join(cur))
            cur = []
            start = True
            i += 1
            continue
        else:
            cur.append(c)
        start = False
        i += 1
    fields.append("".join(cur))
    return fields, quoted


def CsvHeader(first_line):
    """(delimiter, wrapped, names) when the line is a CSV header (rule 36), else None."""
    line = first_line[:-1] if first_line.endswith("\r") else first_line
    inner, wrapped = line, False
    if line.startswith('"'):
        fields, _ = _Fields(line, ";")
        m = re.match(r'^"((?:[^"]|"")*)"(;*)$', line, re.S)
        if m and "," in fields[0]:
            inner, wrapped = fields[0], True
    counts, quoted = {",": 0, ";": 0, "\t": 0}, False
    for c in inner:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in counts:
            counts[c] += 1
    delimiter = max([",", ";", "\t"], key=lambda d: (counts[d], -[",", ";", "\t"].index(d)))
    names, _ = _Fields(inner, delimiter)
    if (not wrapped and delimiter == "," and len(names) == 2 and CsvTime(names[0]) is not None
            and BytesLiteral(names[1]) is not None):
        return delimiter, False, ["created_at", "text"], True  # tweepy rows without a header
    if len(names) < 2 or any(len(n.encode("utf-8", "surrogateescape")) > 64 or any(ch in n for ch in "{}[]\n")
                             for n in names):
        return None
    cols = CsvColumns(names)
    if cols["id"] is None and cols["time"] is None and cols["text"] is None:
        return None
    return delimiter, wrapped, names, False


def CsvTime(value):
    """Rule 37."""
    if re.fullmatch(r"\d{1,12}(\.\d+)?", value):
        return int(value.split(".")[0])
    t = ParseTime(value)
    if t is not None:
        return t
    m = _SLASH_TIME.match(value)
    if not m:
        return None
    year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
    return _Epoch(year, int(m.group(1)), int(m.group(2)), int(m.group(4)), int(m.group(5)),
                  int(m.group(6) or 0))


def BytesLiteral(cell):
    """Rule 37: b'...' / b"..." to bytes, else None."""
    if len(cell) < 3 or cell[0] != "b" or cell[1] not in "'\"" or cell[-1] != cell[1]:
        return None
    body, out, i = cell[2:-1], bytearray(), 0
    simple = {"n": b"\n", "r": b"\r", "t": b"\t", "\\": b"\\", "'": b"'", '"': b'"'}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            e = body[i + 1]
            if e in simple:
                out += simple[e]
                i += 2
                continue
            if e == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", body[i + 2:i + 4]):
                out.append(int(body[i + 2:i + 4], 16))
                i += 4
                continue
            out += ("\\" + e).encode("utf-8", "surrogateescape")
            i += 2
            continue
        out += c.encode("utf-8", "surrogateescape")
        i += 1
    return bytes(out)


def _Utf8OrCp1252(raw):
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), True


def ReadCsv(dataset, data, header):
    """Rules 36-38 over the whole file (bytes, UTF-8 BOM removed)."""
    delimiter, wrapped, names, headerless = header
    cols = CsvColumns(names)
    rt_prefix = cols["type"] is None and cols["referenced"] is None and cols["retweet"] is None
    text = data.decode("latin-1")  # byte for byte: each record's encoding is decided on its own
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if wrapped else delimiter)
    rows = [row for row in reader if row]
    pending = None
    for row in rows if headerless else rows[1:]:
        row = [_Utf8OrCp1252(f.encode("latin-1"))[0] for f in row]
        if wrapped:
            while len(row) > 1 and row[-1] == "":
                row.pop()
            content = ";".join(row)
            if pending is not None:
                content = pending + "\n" + content
            if _Fields(content, delimiter)[1]:
                pending = content
                continue
            pending = None
            row = _Fields(content, delimiter)[0]
        ReadCsvRow(dataset, cols, rt_prefix, row)
    if pending is not None:
        ReadCsvRow(dataset, cols, rt_prefix, _Fields(pending, delimiter)[0])


def ReadCsvRow(dataset, cols, rt_prefix, row):
    if cols["text"] is None or cols["time"] is None:
        return dataset.Skip("csv_unmapped")

    def cell(key):
        i = cols[key]
        return row[i] if i is not None and i < len(row) else ""

    def is_set(value):
        return value.lower() not in _CSV_NOTHING

    post_id = cell("id")
    post_id = post_id if (post_id.isascii() and post_id.isdigit()) or post_id.startswith("at://") else None
    raw = BytesLiteral(cell("text"))
    body = _Utf8OrCp1252(raw)[0] if raw is not None else cell("text")
    kind = cell("type")
    retweet = kind in ("retweeted", "retweet") or is_set(cell("retweet"))
    quote = kind in ("quoted", "quote") or is_set(cell("quote"))
    reply = kind in ("replied_to", "reply") or is_set(cell("reply"))
    refs = cell("referenced")
    if refs.startswith("["):
        try:
            for ref in json.loads(refs):
                if isinstance(ref, dict) and isinstance(ref.get("type"), str):
                    retweet |= ref["type"] == "retweeted"
                    quote |= ref["type"] == "quoted"
                    reply |= ref["type"] == "replied_to"
        except ValueError:
            pass
    if rt_prefix and body.startswith("RT @"):
        retweet = True
    post_type = "retweet" if retweet else "quote" if quote else "reply" if reply else "original"
    if cols["archive_owner"]:
        author = UNKNOWN_OWNER
    else:
        author, name = cell("author_id"), cell("author_name")
        if retweet and cell("retweeter_id"):
            author, name = cell("retweeter_id"), cell("retweeter_name")
        author = author if is_set(author) else (name if is_set(name) else None)
    tags_cell = cell("hashtags")
    if cols["hashtags"] is None:
        raw_tags = TextHashtags(body)
    elif tags_cell.startswith("["):
        raw_tags = []
        try:
            for tag in json.loads(tags_cell):
                if isinstance(tag, dict):
                    found = tag.get("tag") if isinstance(tag.get("tag"), str) else tag.get("text")
                    if isinstance(found, str):
                        raw_tags.append(found)
        except ValueError:
            pass
    else:
        raw_tags = [t for t in tags_cell.split("|") if t]
    dataset.Add(Post(post_id, post_type, author, CsvTime(cell("time")), Tags(raw_tags)))


def CsvFile(raw):
    """(bytes without BOM, header) when the file is CSV by rule 36, else None."""
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    stripped = data.lstrip(b" \t\r\n")
    if stripped[:1] in (b"{", b"["):
        return None
    nl = data.find(b"\n")
    first = data[:nl if nl >= 0 else len(data)].decode("latin-1")
    header = CsvHeader(first)
    return (data, header) if header is not None else None


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
