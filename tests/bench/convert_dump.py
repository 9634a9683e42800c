#!/usr/bin/env python3
"""Re-emits a generated Twitter v1.1 JSONL dump (gen_dump) as the other formats Chorus reads, post for
post, so the ingest rate of every format is measured on the same posts (tests/bench/README.md).

    convert_dump.py DUMP.jsonl OUTDIR [--bytes N]

Writes into OUTDIR: twarc2.jsonl (v2 flattened lines), tweets.csv (twarc-csv headers),
outbox.json (a Mastodon account export's outbox, one document), bluesky.jsonl (Jetstream lines),
reddit.jsonl (Pushshift comments). These formats hold fewer bytes per post than v1.1, so with
--bytes N the dump is read again (pass k adds k * 10^18 to every id, so each pass is new posts)
until the smallest output holds N bytes. Standard library only; deterministic.
"""
import csv
import datetime
import json
import os
import sys


def iso(created_at):
    t = datetime.datetime.strptime(created_at, '%a %b %d %H:%M:%S %z %Y')
    return t.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')


def text_of(tweet):
    ext = tweet.get('extended_tweet') or {}
    return ext.get('full_text') or tweet.get('full_text') or tweet.get('text') or ''


def tags_of(tweet):
    ents = (tweet.get('extended_tweet') or {}).get('entities') or tweet.get('entities') or {}
    return [h.get('text', '') for h in ents.get('hashtags', [])]


def main():
    if len(sys.argv) not in (3, 5) or (len(sys.argv) == 5 and sys.argv[3] != '--bytes'):
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    want = int(sys.argv[4]) if len(sys.argv) == 5 else 0
    os.makedirs(out, exist_ok=True)
    files = {name: open(os.path.join(out, name), 'w', encoding='utf-8', newline='')
             for name in ('twarc2.jsonl', 'tweets.csv', 'outbox.json', 'bluesky.jsonl', 'reddit.jsonl')}
    table = csv.writer(files['tweets.csv'])
    table.writerow(['id', 'created_at', 'author_id', 'author.username', 'text', 'entities.hashtags'])
    files['outbox.json'].write('{"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", '
                               '"type": "OrderedCollection", "orderedItems": [\n')
    first = True
    posts = []  # (id, text, time, user id, screen name, hashtags): the dump is parsed once
    with open(src, encoding='utf-8') as lines:
        for line in lines:
            if not line.strip():
                continue
            tw = json.loads(line)
            if 'id_str' not in tw or 'created_at' not in tw:  # delete and limit notices: no post
                continue
            user = tw.get('user') or {}
            posts.append((int(tw['id_str']), text_of(tw), iso(tw['created_at']), user.get('id_str', ''),
                          user.get('screen_name', ''), tags_of(tw)))
    passes, needed = 0, {}
    while passes == 0 or passes < max(needed.values()):
        write = {name: passes == 0 or passes < needed[name] for name in files}
        for number, text, when, uid, name, tags in posts:
            tid = str(number + passes * 10**18)
            if write['twarc2.jsonl']:
                files['twarc2.jsonl'].write(json.dumps({
                    'id': tid, 'author_id': uid, 'created_at': when, 'text': text,
                    'entities': {'hashtags': [{'tag': t} for t in tags]},
                    'author': {'id': uid, 'username': name}}, ensure_ascii=False) + '\n')
            if write['tweets.csv']:
                table.writerow([tid, when, uid, name, text, json.dumps([{'tag': t} for t in tags])])
            actor = 'https://social.example/users/' + name
            note = {'id': actor + '/statuses/' + tid, 'type': 'Note', 'published': when[:19] + 'Z',
                    'attributedTo': actor, 'content': '<p>' + text.replace('&', '&amp;').replace('<', '&lt;') + '</p>',
                    'tag': [{'type': 'Hashtag', 'name': '#' + t} for t in tags]}
            activity = {'id': note['id'] + '/activity', 'type': 'Create', 'actor': actor,
                        'published': note['published'], 'object': note}
            if write['outbox.json']:
                files['outbox.json'].write(('' if first else ',\n') + json.dumps(activity, ensure_ascii=False))
                first = False
            epoch = int(datetime.datetime.strptime(when, '%Y-%m-%dT%H:%M:%S.000Z')
                        .replace(tzinfo=datetime.timezone.utc).timestamp())
            if write['bluesky.jsonl']:
                files['bluesky.jsonl'].write(json.dumps({
                    'did': 'did:plc:' + uid, 'time_us': epoch * 1000000, 'kind': 'commit',
                    'commit': {'rev': '3m', 'operation': 'create', 'collection': 'app.bsky.feed.post', 'rkey': tid,
                               'record': {'$type': 'app.bsky.feed.post', 'createdAt': when, 'text': text}, 'cid': 'c'}},
                    ensure_ascii=False) + '\n')
            if write['reddit.jsonl']:
                files['reddit.jsonl'].write(json.dumps({
                    'author': name, 'body': text, 'created_utc': epoch, 'id': format(int(tid) % (36 ** 8), 'x'),
                    'link_id': 't3_bench', 'parent_id': 't3_bench', 'subreddit': 'bench'}, ensure_ascii=False) + '\n')
        if passes == 0:  # each file is written again until it holds `want` bytes
            needed = {name: max(1, -(-want // max(1, f.tell()))) for name, f in files.items()}
        passes += 1
    files['outbox.json'].write('\n]}\n')
    for f in files.values():
        f.close()


if __name__ == '__main__':
    main()
