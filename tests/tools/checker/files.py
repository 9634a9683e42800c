"""Files: which reader (rule 22), layouts (rules 18-21), CSV files and encodings (rules 36-38)."""

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
from checker.platforms import *  # noqa: F401,F403

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


__all__ = [n for n in dir() if not n.startswith("__")]
