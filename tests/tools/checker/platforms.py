"""Other platforms: Mastodon (26), Bluesky (27), Reddit (28), YouTube and scraped comments (29-30), Zeeschuimer and Instagram (31-32)."""

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


from checker.base import *  # noqa: F401,F403
from checker.twitter import *  # noqa: F401,F403

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


__all__ = [n for n in dir() if not n.startswith("__")]
