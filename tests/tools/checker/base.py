"""Shared pieces: JSON with integer ids as text, time, identity, the common post, hashtags from text (rules 8, 35)."""

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


# --- hashtag keys and spellings (rule 50) ----------------------------------------------

def NormaliseHashtag(text):
    if text[:1] in ("#", "\uff03"):
        text = text[1:]
    return unicodedata.normalize("NFKC", text).casefold().strip()


def HashtagSpelling(text):
    """Rule 50: the tag as written, one leading '#' / '＃' removed, ASCII white space trimmed."""
    if text[:1] in ("#", "\uff03"):
        text = text[1:]
    return text.strip(" \t\n\r\f\v")


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


__all__ = [n for n in dir() if not n.startswith("__")]
