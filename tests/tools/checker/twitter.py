"""Twitter records: type, hashtags, v1.1 / v2 / archives (rules 1-17, 24, 33) and Gnip Activity Streams (rule 25)."""

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


__all__ = [n for n in dir() if not n.startswith("__")]
