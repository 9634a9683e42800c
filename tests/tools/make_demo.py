#!/usr/bin/env python3
"""Writes assets/demo/metoo-demo.jsonl, the illustrative #MeToo dataset of the demo.

The dataset is Twitter API v1.1 JSON lines as the streaming API delivered
them (compat mode, compact UTF-8 JSON, one tweet per line, two `delete`
notices), shaped on the public timeline of #MeToo in autumn 2017. Every text
is written by the Chorus team from the word lists below; ordinary accounts
are invented. The same seed always gives the same bytes.

Usage:
    python3 tests/tools/make_demo.py [--seed N] [--out PATH]
"""

import argparse
import datetime
import json
import math
import os
import random
import re
import string

TWITTER_EPOCH_MS = 1288834974657
DEFAULT_SEED = 20171015
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "..", "assets", "demo", "metoo-demo.jsonl")

# 280-character tweets reached everyone on this day; before it only a test
# group could post them.
LONG_TWEETS_FOR_ALL = datetime.datetime(2017, 11, 7, 18, 0)

SOURCES = [
    ('<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>', 40),
    ('<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android</a>', 30),
    ('<a href="http://twitter.com" rel="nofollow">Twitter Web Client</a>', 18),
    ('<a href="https://about.twitter.com/products/tweetdeck" rel="nofollow">TweetDeck</a>', 6),
    ('<a href="http://twitter.com/#!/download/ipad" rel="nofollow">Twitter for iPad</a>', 6),
]

# --- texts (all written for this demo) -------------------------------------------

WBT_TEXTS = [
    "Logging off for the day in solidarity. See you Saturday. #WomenBoycottTwitter",
    "Going quiet on here tomorrow. Silence can be loud too. #WomenBoycottTwitter",
    "Not sure a boycott is the right tool, but I understand the anger behind it. #WomenBoycottTwitter",
    "A woman speaks up and loses her account. Abusers keep theirs. I'm out for a day. #WomenBoycottTwitter",
    "Men: use the day to boost women's voices instead of joining the silence. #WomenBoycottTwitter",
    "Why go silent when we could flood the timeline instead? Just asking. #WomenBoycottTwitter",
    "Back tomorrow. Today I'm listening. #womenboycotttwitter",
    "Staying off the app all Friday. The platform needs to hear this. #WomenBoycottTwitter",
    "Every notification I ignore today is a small protest. #WomenBoycottTwitter",
    "Solidarity from here, but some of us can't afford to be invisible for a day. #WomenBoycottTwitter",
    "Read the replies under the boycott posts. That's the real story. #WOMENBOYCOTTTWITTER",
    "Boycott day. Phone face down. #WomenBoycottTwitter #solidarity",
]

METOO_CALL = ("Suggested by a friend: if you've been sexually harassed or assaulted, "
              "reply \"me too\" below. Let's show how many of us there are.")

MILANO_DEC = ("Honoured to stand in TIME's Person of the Year issue with @TaranaBurke, who began "
              "this work long before it was a hashtag, and with every survivor who spoke up "
              "this year. #MeToo #BreakTheSilence")

REPLY_OPENERS = ["Me too.", "me too", "Me too", "me too.", "Me too. More than once.",
                 "Me too, sadly.", "Me. Too.", "Me too, and I'm tired of staying quiet."]
REPLY_BODIES = [
    "I was fourteen and thought it was my fault.",
    "A manager at my first job. I said nothing for years.",
    "On a crowded train, more than once.",
    "It took me a long time to call it what it was.",
    "Typing this with shaking hands.",
    "Never planned to write this in public.",
    "Every woman in my family has a story.",
    "College. A friend of a friend.",
    "And I'm done feeling ashamed about it.",
    "Never reported it. Was sure nobody would believe me.",
    "Thank you for making room for this.",
    "Reading these replies is breaking my heart.",
    "At a party, and everyone laughed it off.",
    "A teacher. I was twelve.",
    "Too many times to count.",
    "At a job interview, of all places.",
    "My sister too.",
    "Men too. It happened to me at nineteen.",
    "I was told to ignore it. I did, for twenty years.",
    "In my own home.",
    "A coach I trusted.",
    "Still can't walk down that street.",
]
REPLY_TAGS = ["", "", "", "#MeToo", "#metoo", "#MeToo", "#Metoo", "#METOO", "#MeToo #metoo"]

METOO_ORIGINALS = [
    "If you see a friend's name under a me too today, believe her. #MeToo",
    "My timeline is one me too after another. This is not a small problem. #metoo",
    "To everyone posting today: I see you and I believe you. #MeToo",
    "Not everyone who stays silent is okay. Some of us aren't ready. That's fine too. #MeToo",
    "The number of women I love who wrote me too tonight is staggering. #metoo",
    "Men, read every one of these. Then ask yourselves what you'll change. #MeToo",
    "Being harassed at work is not part of the job. It never was. #MeToo",
    "I didn't post mine. It still counts. #MeToo",
    "Day two and the replies keep coming. #MeToo",
    "The whole office lunch was about this today. Good. #metoo",
    "How to support someone who tells you: listen, believe, don't ask what they wore. #MeToo",
    "Years of silence ended with two words this morning. #MeToo",
    "If this is your timeline too, take breaks. Look after yourself. #MeToo #selfcare",
    "It's not about one producer. It's a culture that protects men like him. #MeToo",
    "HR departments should be reading this hashtag very carefully. #MeToo",
    "My grandmother, my mother, me. Three generations, the same two words. #MeToo",
    "Not one of the women I asked was surprised by this hashtag. Not one. #MeToo",
    "Teaching my son what consent means, starting tonight. #metoo",
    "Please don't make survivors prove their stories to you. #MeToo",
    "Me too. Nothing else to add. #MeToo",
    "The scale of this is the point. #MeToo #metoo",
    "Believe women. #MeToo",
    "Two words, thousands of stories. #MeToo",
    "A week later and I'm still reading. #MeToo",
    "Companies are quietly rewriting their harassment policies this week. #MeToo",
    "Keep the stories coming, and keep the pressure on. #MeToo #TimeIsUp",
]
# Around 130 characters with the hashtags last, so "RT @handle: " pushes them past 140.
METOO_LONG_ORIGINALS = [
    "Spent the evening reading replies from strangers who finally said it, and so many were children when it happened #MeToo #metoo",
    "I counted forty names I know personally in my feed tonight, and I know the real number is much higher than that #MeToo #believewomen",
    "If your first reaction to a friend's me too is to ask why she waited, please sit with that question for a while #MeToo #metoo",
    "Nobody posting tonight owes anyone the details. Two words are enough, and they were always enough to believe us #MeToo #metoo",
    "My daughter asked me what the hashtag means. I told her the truth, and then I told her it does not have to be her story #MeToo",
]
# Over 140 characters: written with the 280 limit, shown truncated in compat mode.
METOO_EXTENDED = [
    "I kept telling myself it wasn't serious enough to count. Reading thousands of these, I finally understand that there's no threshold. What happened to me counts, and so does what happened to you. #MeToo",
    "A message for every manager reading this hashtag: your employees are watching how you respond this week. Silence is also a response, and it is the wrong one. #MeToo #workplace",
    "It's been weeks and the stories haven't stopped. Journalists, actors, cooks, nurses, students, engineers. It was never about one industry. It's everywhere, and now we can see it. #MeToo",
    "Thread-free version: I was harassed at my first job, I left instead of reporting it, and I've regretted the silence ever since. Writing it here so I stop carrying it alone. #MeToo #metoo",
]
QUOTE_TEXTS = [
    "This.", "Read the replies to this. All of them.", "Me too. Adding my name.",
    "Could not scroll past this one.", "Exactly why we can't stop talking about it.",
    "Sharing for anyone who needs to see it.", "Yes. Yes. Yes.",
    "The replies under this are the most important thing online today.",
    "Please read this. #MeToo", "Hard to read, harder to live. #metoo",
    "This is why. #MeToo", "Every word. #MeToo",
]
OTHER_REPLY_BODIES = [
    "Thank you for sharing this.", "Sending you strength.", "I believe you.",
    "Same here, sadly.", "This is so important.", "Proud of you for saying it.",
]
DEC_ORIGINALS = [
    "The silence breakers on the cover of TIME. Two months ago this felt impossible. #MeToo",
    "Person of the Year goes to everyone who said it out loud. #MeToo #BreakTheSilence",
    "From a reply thread to a magazine cover in seven weeks. Keep going. #BreakTheSilence",
    "Proud of everyone who shared, and everyone who chose not to. Both are valid. #MeToo",
    "Cried at the cover this morning. Happy tears for once. #MeToo #BreakTheSilence",
    "The elbow on the cover says so much about who still can't speak. #BreakTheSilence",
    "Well deserved. Now let's make the change last beyond one issue. #MeToo #breakthesilence",
]
DEC_REPLY_BODIES = [
    "Congratulations, and thank you for starting the conversation.",
    "Well deserved, all of you.", "This cover made me cry on the train.",
    "Thank you for amplifying, not owning. That matters.",
    "For everyone who couldn't speak yet too.",
]
BTP_TEXTS = [
    "Un ancien chef qui commentait ma tenue chaque matin devant toute l'équipe. #BalanceTonPorc",
    "J'avais 19 ans, c'était mon premier stage. Personne n'a rien dit. #BalanceTonPorc",
    "Lire tous ces témoignages ce soir, c'est vertigineux. #BalanceTonPorc",
    "C'est à eux d'avoir honte, pas à nous. #BalanceTonPorc #MoiAussi",
    "Dans le métro, dans la rue, au travail. Partout. #balancetonporc",
    "Je n'en avais jamais parlé. Aujourd'hui je le fais. #MoiAussi",
    "Merci à toutes celles qui parlent : vous n'êtes pas seules. #BalanceTonPorc",
    "Un prof de fac, un rendez-vous « pour parler de ma note ». #BalanceTonPorc",
    "Le mot-dièse fait peur à certains. Tant mieux. #BalanceTonPorc",
    "Moi aussi. Dix ans après, je m'en souviens encore. #MoiAussi #MeToo",
]
ES_TEXTS = [
    "Yo también. Tenía quince años y nadie me creyó. #YoTambien",
    "En el trabajo, en la calle, en el autobús. #YoTambien #MeToo",
    "Leer todos estos mensajes me deja sin palabras. #YoTambién",
    "A mi hermana y a mí. A las dos. #YoTambien",
    "Nunca lo conté hasta hoy. #MeToo #YoTambien",
    "Que nadie vuelva a decir que exageramos. #YoTambien",
    "Un jefe, una fiesta de empresa y muchos años de silencio. #YoTambién #MeToo",
]
IT_TEXTS = [
    "#QuellaVoltaChe un collega mi disse di sorridere di più se volevo la promozione.",
    "#quellavoltache avevo sedici anni e l'allenatore insisteva per accompagnarmi a casa.",
    "#QuellaVoltaChe ho cambiato vagone del treno per la terza volta in una settimana.",
    "Leggo le storie di #QuellaVoltaChe e mi accorgo che ne ho anch'io, troppe.",
    "Anche io. #MeToo #QuellaVoltaChe",
    "Non era un complimento. Non lo è mai stato. #QuellaVoltaChe",
]
AR_TEXTS = [
    "أنا كمان. في الشارع وفي العمل وحتى في الجامعة. #أنا_كمان",
    "كسرنا الصمت أخيراً #AnaKaman #MeToo",
    "لم أتحدث عن هذا من قبل. اليوم أقولها: أنا كمان #أنا_كمان",
    "لكل امرأة كتبت قصتها اليوم: نحن نصدقك #AnaKaman",
    "الصمت لا يحمينا #أنا_كمان #MeToo",
]
DE_TEXTS = [
    "Ich auch. Im ersten Job, vom Chef. Ich habe nie etwas gesagt. #MeToo",
    "Die vielen Geschichten heute machen mich sprachlos. #metoo #aufschrei",
    "Es passiert überall, jeden Tag. Zeit, darüber zu reden. #MeToo",
    "Wer jetzt noch sagt, das sei übertrieben, hat nicht zugehört. #MeToo",
    "Vier Jahre nach dem #Aufschrei schon wieder. Und diesmal hören hoffentlich alle zu. #MeToo",
]
JA_TEXTS = [
    "私も。通勤電車で何度も。誰にも言えなかった。 #MeToo",
    "声を上げた人たちを信じます。 #MeToo",
    "ずっと黙っていたけど、私もです。 ＃ＭｅＴｏｏ",
    "勇気ある告白が続いている。社会が変わるきっかけになってほしい。 #MeToo #私も",
    "職場でのことを思い出して眠れない夜。 #metoo",
]

# Texts by language for posts that join the #MeToo wave in another language.
LANG_TEXTS = {"fr": BTP_TEXTS, "es": ES_TEXTS, "it": IT_TEXTS, "ar": AR_TEXTS, "de": DE_TEXTS,
              "ja": JA_TEXTS}

# The few uses of the tag in the days before the call.
PRE_CALL_TEXTS = [
    "Thinking about every woman in that industry who was never believed. #metoo",
    "So many stories coming out this week. Not surprised, just tired. #MeToo",
    "The reporting this week is hard to read and so necessary. #metoo",
]

FAMILIES = {
    "wbt": ("en", WBT_TEXTS),
    "metoo": ("en", METOO_ORIGINALS),
    "dec": ("en", DEC_ORIGINALS),
    "btp": ("fr", BTP_TEXTS),
    "es": ("es", ES_TEXTS),
    "it": ("it", IT_TEXTS),
    "ar": ("ar", AR_TEXTS),
    "de": ("de", DE_TEXTS),
    "ja": ("ja", JA_TEXTS),
}

# --- invented accounts ----------------------------------------------------------

HANDLE_A = ["sunny", "river", "quiet", "maple", "nova", "lumen", "cedar", "juniper", "pixel", "saffron",
            "velvet", "harbor", "ember", "coral", "willow", "atlas", "indigo", "marigold", "sable", "tidal",
            "paper", "clover", "birch", "onyx", "hazel", "cobalt", "fable", "meadow", "orbit", "plum"]
HANDLE_B = ["reader", "writes", "owl", "fern", "notes", "days", "sky", "lane", "heart", "field",
            "moth", "fox", "ink", "stone", "light", "song", "wren", "garden", "tea", "wave"]
FIRST_NAMES = {
    "en": ["Maya", "Jess", "Olivia", "Sam", "Priya", "Dana", "Kim", "Leah", "Rosa", "Tom", "Alex", "Nadia",
           "Grace", "Chloe", "Imani", "Beth", "Marcus", "Ruth", "Tess", "Carla"],
    "fr": ["Camille", "Léa", "Manon", "Julie", "Claire", "Inès", "Sophie", "Louis", "Anaïs", "Chloé"],
    "es": ["Lucía", "Marta", "Carmen", "Sofía", "Valeria", "Ana", "Paula", "Diego", "Elena"],
    "it": ["Giulia", "Chiara", "Francesca", "Sara", "Marta", "Elisa", "Luca", "Alessia"],
    "ar": ["ليلى", "نور", "سارة", "مريم", "هدى", "رنا", "دينا"],
    "de": ["Anna", "Lena", "Katrin", "Julia", "Miriam", "Jonas", "Sabine"],
    "ja": ["さくら", "ゆい", "あおい", "はるか", "みさき", "りん"],
}
LAST_INITIALS = "ABCDEFGHJKLMNPRSTVW"
LOCATIONS = {
    "en": ["Brooklyn, NY", "Chicago", "London", "Toronto", "Sydney", "Austin, TX", "", "Dublin", "Seattle, WA"],
    "fr": ["Paris", "Lyon", "Marseille", "Montréal", "Bruxelles", ""],
    "es": ["Madrid", "Ciudad de México", "Buenos Aires", "Bogotá", "Barcelona", ""],
    "it": ["Roma", "Milano", "Napoli", "Torino", ""],
    "ar": ["القاهرة", "بيروت", "عمّان", "تونس", ""],
    "de": ["Berlin", "Hamburg", "Wien", "München", ""],
    "ja": ["東京", "大阪", "福岡", ""],
}
USER_LANG_SHARE = [("en", 62), ("fr", 10), ("es", 9), ("it", 5), ("ar", 5), ("de", 5), ("ja", 4)]


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used_ids = set()
        self.used_handles = set()
        self.users_by_lang = {}
        self.tweets = []
        self.pools = {name: [] for name in FAMILIES}
        self.milano = self.MakeFigure("Alyssa_Milano", "Alyssa Milano", 3400000)
        self.tarana = self.MakeFigure("TaranaBurke", "Tarana Burke", 40000)
        self.milano_call = None
        self.lines = []
        self.milano_dec = None
        self.MakeUsers(1300)
        self.handles = {}
        for users, _ in self.users_by_lang.values():
            for user in users:
                self.handles[user["screen_name"]] = user

    # --- ids, accounts ---
    def Snowflake(self, ms):
        while True:
            value = ((ms - TWITTER_EPOCH_MS) << 22) | (self.rng.randrange(32) << 17) \
                | (self.rng.randrange(32) << 12) | self.rng.randrange(4096)
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def UserIdAndSince(self, old):
        """An account id and creation time: accounts from 2016 on have snowflake ids."""
        rng = self.rng
        while True:
            if old or rng.random() < 0.6:
                value = rng.randrange(10_000_000, 4_900_000_000)
                since = datetime.datetime(2008, 1, 1) + datetime.timedelta(
                    seconds=rng.randrange(8 * 365 * 86400))
            else:
                value = rng.randrange(700_000_000_000_000_000, 915_000_000_000_000_000)
                since = datetime.datetime(1970, 1, 1) + datetime.timedelta(
                    milliseconds=(value >> 22) + TWITTER_EPOCH_MS)
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value, since.replace(microsecond=0)

    def UserObject(self, handle, name, lang, followers, verified=False):
        rng = self.rng
        uid, since = self.UserIdAndSince(old=verified)
        return {
            "id": uid, "id_str": str(uid), "name": name, "screen_name": handle,
            "location": rng.choice(LOCATIONS[lang]) or None, "verified": verified,
            "followers_count": followers, "friends_count": rng.randrange(40, 2000),
            "created_at": TwitterTime(since), "lang": lang,
        }

    def MakeFigure(self, handle, name, followers):
        self.used_handles.add(handle.lower())
        return self.UserObject(handle, name, "en", followers, verified=True)

    def MakeUsers(self, count):
        rng = self.rng
        langs = [lang for lang, _ in USER_LANG_SHARE]
        weights = [w for _, w in USER_LANG_SHARE]
        for _ in range(count):
            lang = rng.choices(langs, weights)[0]
            while True:
                handle = rng.choice(HANDLE_A) + rng.choice(["", "_", ""]) + rng.choice(HANDLE_B)
                if rng.random() < 0.7:
                    handle += str(rng.randrange(1, 1000))
                handle = handle[:15]
                if handle.lower() not in self.used_handles:
                    break
            self.used_handles.add(handle.lower())
            name = rng.choice(FIRST_NAMES[lang])
            if lang not in ("ar", "ja"):
                name += " " + rng.choice(LAST_INITIALS) + "."
            followers = int(rng.paretovariate(1.1) * 120)
            user = self.UserObject(handle, name, lang, min(followers, 250000))
            self.users_by_lang.setdefault(lang, []).append(user)
        for lang, users in self.users_by_lang.items():
            # Zipf-like activity: a few accounts post a lot, most post once or twice.
            weights = [1.0 / (rank + 8) for rank in range(len(users))]
            self.users_by_lang[lang] = (users, weights)

    def PickUser(self, lang, avoid=None):
        users, weights = self.users_by_lang[lang]
        while True:
            user = self.rng.choices(users, weights)[0]
            if avoid is None or user["id"] != avoid["user"]["id"]:
                return user

    # --- tweet objects ---
    def Entities(self, text):
        hashtags = [{"text": m.group(1), "indices": [m.start(), m.end()]}
                    for m in re.finditer(r"(?<!\w)[#＃](\w+)", text)]
        mentions = []
        for m in re.finditer(r"(?<!\w)@(\w{1,15})", text):
            known = self.AccountByHandle(m.group(1))
            if known is not None:
                mentions.append({"screen_name": known["screen_name"], "name": known["name"],
                                 "id": known["id"], "id_str": known["id_str"],
                                 "indices": [m.start(), m.end()]})
        return {"hashtags": hashtags, "urls": [], "user_mentions": mentions}

    def CutEntities(self, full_text, shift, keep_until):
        """Entities of `full_text` moved by `shift`, keeping those ending by `keep_until`."""
        entities = self.Entities(full_text)
        for key in ("hashtags", "user_mentions"):
            kept = []
            for item in entities[key]:
                start, end = item["indices"]
                if end + shift <= keep_until:
                    item["indices"] = [start + shift, end + shift]
                    kept.append(item)
            entities[key] = kept
        return entities

    def AccountByHandle(self, handle):
        for figure in (self.milano, self.tarana):
            if figure["screen_name"] == handle:
                return figure
        return self.handles.get(handle)

    def NewTweet(self, when, user, full_text, lang):
        ms = int(when.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000) \
            + self.rng.randrange(1000)
        tid = self.Snowflake(ms)
        tweet = {
            "created_at": TwitterTime(when), "id": tid, "id_str": str(tid), "text": full_text,
            "source": self.rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])[0],
            "truncated": False,
            "in_reply_to_status_id": None, "in_reply_to_status_id_str": None,
            "in_reply_to_user_id": None, "in_reply_to_user_id_str": None,
            "in_reply_to_screen_name": None,
            "user": user, "is_quote_status": False, "quote_count": 0,
            "reply_count": 0, "retweet_count": 0, "favorite_count": 0,
            "entities": self.Entities(full_text), "lang": lang, "timestamp_ms": str(ms),
        }
        if len(full_text) > 140:
            self.MakeCompat(tweet, full_text)
        return tweet

    def MakeCompat(self, tweet, full_text):
        """Compat mode: a cut `text` plus the whole text in `extended_tweet`."""
        link = "https://t.co/" + RandomCode(self.rng, 10)
        head = full_text[:114].rstrip() + "\u2026"
        text = head + " " + link
        entities = self.Entities(full_text)
        cut = self.CutEntities(full_text, 0, len(head) - 1)
        cut["urls"] = [{"url": link, "expanded_url": "https://twitter.com/i/web/status/" + tweet["id_str"],
                        "display_url": "twitter.com/i/web/status/1\u2026",
                        "indices": [len(head) + 1, len(text)]}]
        tweet["text"] = text
        tweet["truncated"] = True
        tweet["entities"] = cut
        tweet["extended_tweet"] = {"full_text": full_text, "display_text_range": [0, len(full_text)],
                                   "entities": entities}

    def Reply(self, when, user, target, body, lang):
        text = "@%s %s" % (target["user"]["screen_name"], body)
        tweet = self.NewTweet(when, user, text, lang)
        tweet["display_text_range"] = [len(target["user"]["screen_name"]) + 2, len(text)]
        for key, value in (("in_reply_to_status_id", target["id"]),
                           ("in_reply_to_status_id_str", target["id_str"]),
                           ("in_reply_to_user_id", target["user"]["id"]),
                           ("in_reply_to_user_id_str", target["user"]["id_str"]),
                           ("in_reply_to_screen_name", target["user"]["screen_name"])):
            tweet[key] = value
        target["reply_count"] += 1
        return tweet

    def Quote(self, when, user, target, comment, lang):
        link = "https://t.co/" + RandomCode(self.rng, 10)
        text = comment + " " + link
        tweet = self.NewTweet(when, user, text, lang)
        permalink = "https://twitter.com/%s/status/%s" % (target["user"]["screen_name"], target["id_str"])
        tweet["entities"]["urls"] = [{"url": link, "expanded_url": permalink,
                                      "display_url": permalink[8:30] + "\u2026",
                                      "indices": [len(comment) + 1, len(text)]}]
        tweet["is_quote_status"] = True
        tweet["quoted_status_id"] = target["id"]
        tweet["quoted_status_id_str"] = target["id_str"]
        tweet["quoted_status"] = Snapshot(target)
        for key in ("quoted_status", "quoted_status_permalink"):
            tweet["quoted_status"].pop(key, None)
        tweet["quoted_status_permalink"] = {"url": link, "expanded": permalink,
                                            "display": permalink[8:30] + "\u2026"}
        target["quote_count"] += 1
        return tweet

    def Retweet(self, when, user, target):
        target["retweet_count"] += 1
        full = target.get("extended_tweet", {}).get("full_text", target["text"])
        prefix = "RT @%s: " % target["user"]["screen_name"]
        text = prefix + full
        keep_until = len(text)
        if len(text) > 140:
            text = text[:139] + "\u2026"
            keep_until = 139
        tweet = self.NewTweet(when, user, text, target["lang"])
        # Twitter listed only the entities that survive the cut.
        entities = self.CutEntities(full, len(prefix), keep_until)
        entities["user_mentions"].insert(0, dict(self.Entities(prefix)["user_mentions"][0]))
        tweet["entities"] = entities
        tweet["truncated"] = False
        tweet.pop("extended_tweet", None)
        original = Snapshot(target)
        if target["is_quote_status"]:
            tweet["is_quote_status"] = True
            tweet["quoted_status_id"] = target["quoted_status_id"]
            tweet["quoted_status_id_str"] = target["quoted_status_id_str"]
            tweet["quoted_status"] = target["quoted_status"]
        ordered = {}
        for key, value in tweet.items():
            if key == "is_quote_status":
                ordered["retweeted_status"] = original
            ordered[key] = value
        return ordered

    # --- the timeline ---
    def Build(self):
        rng = self.rng
        events = []

        def Add(count, family, mix, sample):
            for _ in range(count):
                events.append((sample(), family, rng.choices(list(mix), list(mix.values()))[0]))

        day = datetime.datetime
        call_time = day(2017, 10, 15, 20, 21, 37)
        dec_time = day(2017, 12, 6, 13, 8, 12)
        early = {"retweet": 48, "original": 42, "quote": 7, "reply": 3}
        Add(97, "wbt", early, lambda: Diurnal(rng, day(2017, 10, 12, 18), day(2017, 10, 14, 6)))
        Add(19, "wbt", early, lambda: Decay(rng, day(2017, 10, 14, 6), 1.5, day(2017, 10, 22)))
        Add(90, "btp", early, lambda: Diurnal(rng, day(2017, 10, 13, 17), day(2017, 10, 17), "fr"))
        Add(37, "btp", early, lambda: Decay(rng, day(2017, 10, 17), 6, day(2017, 11, 30), "fr"))
        Add(19, "it", early, lambda: Diurnal(rng, day(2017, 10, 13, 15), day(2017, 10, 18), "it"))
        Add(6, "metoo", {"original": 1}, lambda: Diurnal(rng, day(2017, 10, 12), day(2017, 10, 15, 20)))
        after_call = {"retweet": 50, "reply": 35, "quote": 5, "original": 10}
        Add(172, "metoo", after_call, lambda: Ramp(rng, call_time, day(2017, 10, 16)))
        big_day = {"retweet": 57, "reply": 15, "quote": 8, "original": 20}
        Add(539, "metoo", big_day, lambda: Diurnal(rng, day(2017, 10, 16), day(2017, 10, 17)))
        tail = {"retweet": 55, "reply": 10, "quote": 8, "original": 27}
        Add(247, "metoo", tail, lambda: Decay(rng, day(2017, 10, 17), 5, day(2017, 12, 20)))
        Add(45, "es", tail, lambda: Decay(rng, day(2017, 10, 16, 6), 4, day(2017, 11, 30), "es"))
        Add(19, "it", tail, lambda: Decay(rng, day(2017, 10, 18), 5, day(2017, 11, 30), "it"))
        Add(30, "ar", tail, lambda: Decay(rng, day(2017, 10, 20), 6, day(2017, 12, 10), "ar"))
        Add(30, "de", tail, lambda: Decay(rng, day(2017, 10, 16, 6), 5, day(2017, 12, 1), "de"))
        Add(15, "ja", tail, lambda: Decay(rng, day(2017, 10, 17), 12, day(2017, 12, 20), "ja"))
        dec = {"retweet": 60, "reply": 12, "quote": 10, "original": 18}
        Add(11, "dec", {"original": 1}, lambda: Diurnal(rng, day(2017, 12, 6, 12, 30), dec_time))
        Add(157, "dec", dec, lambda: Decay(rng, dec_time, 0.25, day(2017, 12, 7, 6)))
        Add(30, "dec", tail, lambda: Decay(rng, day(2017, 12, 7, 6), 3, day(2017, 12, 20)))
        Add(9, "ja", tail, lambda: Diurnal(rng, day(2017, 12, 6), day(2017, 12, 9), "ja"))

        events.sort(key=lambda e: e[0])
        call_done = dec_done = False
        for when, family, kind in events:
            if not call_done and when > call_time:
                self.milano_call = self.NewTweet(call_time, self.milano, METOO_CALL, "en")
                self.Emit(self.milano_call, "metoo")
                call_done = True
            if not dec_done and when > dec_time:
                self.milano_dec = self.NewTweet(dec_time, self.milano, MILANO_DEC, "en")
                self.Emit(self.milano_dec, "dec")
                dec_done = True
            self.Emit(self.MakeEvent(when, family, kind), family)
        return self.tweets

    def Emit(self, tweet, family):
        # Written as the stream delivered it: counts as they were at that moment.
        self.lines.append((int(tweet["timestamp_ms"]), Dump(tweet)))
        self.tweets.append(tweet)
        if "retweeted_status" not in tweet and tweet["in_reply_to_status_id"] is None:
            self.pools[family].append((tweet, self.rng.paretovariate(1.3)))

    def PickTarget(self, when, family, kind):
        figure = None
        if family == "metoo" and self.milano_call is not None:
            figure = self.milano_call
            share = 0.75 if when < datetime.datetime(2017, 10, 16, 4) else 0.35
        elif family == "dec" and self.milano_dec is not None:
            figure, share = self.milano_dec, 0.55
        if kind == "reply":
            share = 0.85
        if figure is not None and self.rng.random() < share:
            return figure
        pool = [(t, pop) for t, pop in self.pools[family] if t["user"] is not self.milano]
        if not pool:
            return figure
        now = when.timestamp()
        weights = [pop * math.exp(-(now - ParseTwitterTime(t["created_at"]).timestamp()) / 172800.0)
                   + 1e-9 for t, pop in pool]
        return self.rng.choices([t for t, _ in pool], weights)[0]

    def MakeEvent(self, when, family, kind):
        rng = self.rng
        lang, texts = FAMILIES[family]
        if family == "metoo" and rng.random() < 0.06:
            lang = rng.choice(["de", "es", "fr", "it"])
        user = self.PickUser(lang)
        target = self.PickTarget(when, family, kind) if kind != "original" else None
        if target is None:
            kind = "original"
        if kind == "retweet":
            return self.Retweet(when, self.PickUser(lang, avoid=target), target)
        if kind == "reply":
            if target in (self.milano_call, self.milano_dec):
                return self.Reply(when, user, target, self.MilanoReply(target, lang), lang)
            return self.Reply(when, user, target, rng.choice(OTHER_REPLY_BODIES), lang)
        if kind == "quote":
            comment = rng.choice(QUOTE_TEXTS) if lang == "en" else rng.choice(texts)
            return self.Quote(when, user, target, comment, lang)
        return self.NewTweet(when, user, self.OriginalText(when, family, lang, texts), lang)

    def MilanoReply(self, target, lang):
        rng = self.rng
        if target is self.milano_dec:
            return rng.choice(DEC_REPLY_BODIES)
        if lang != "en":
            return rng.choice(LANG_TEXTS[lang])
        parts = [rng.choice(REPLY_OPENERS)]
        if rng.random() < 0.7:
            parts.append(rng.choice(REPLY_BODIES))
        tag = rng.choice(REPLY_TAGS)
        if tag:
            parts.append(tag)
        return " ".join(parts)

    def OriginalText(self, when, family, lang, texts):
        rng = self.rng
        if family == "metoo" and self.milano_call is None:
            return rng.choice(PRE_CALL_TEXTS)
        if family == "metoo" and lang == "en":
            long_ok = when >= LONG_TWEETS_FOR_ALL or rng.random() < 0.15
            roll = rng.random()
            if roll < 0.12 and long_ok:
                return rng.choice(METOO_EXTENDED)
            if roll < 0.30:
                return rng.choice(METOO_LONG_ORIGINALS)
        if family == "metoo" and lang != "en":
            return rng.choice(LANG_TEXTS[lang])
        return rng.choice(texts)


# --- helpers ----------------------------------------------------------------------

def TwitterTime(when):
    return when.strftime("%a %b %d %H:%M:%S +0000 %Y")


def ParseTwitterTime(text):
    return datetime.datetime.strptime(text, "%a %b %d %H:%M:%S +0000 %Y")


def RandomCode(rng, n):
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def Dump(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def Snapshot(tweet):
    """The original as embedded in a retweet or quote at that moment."""
    copy = json.loads(Dump(tweet))
    copy.pop("timestamp_ms", None)
    return copy


# Relative activity per UTC hour, shaped on US daytime (for English) or on
# European / local daytime for the other languages.
HOURLY = {
    "en": [9, 8, 7, 6, 5, 4, 3, 3, 3, 4, 5, 6, 8, 10, 12, 13, 14, 14, 14, 13, 13, 12, 11, 10],
    "fr": [2, 1, 1, 1, 2, 4, 7, 9, 10, 10, 10, 11, 12, 11, 10, 10, 11, 12, 13, 13, 12, 9, 6, 3],
    "ja": [12, 12, 11, 10, 9, 9, 8, 7, 6, 5, 6, 9, 12, 13, 13, 13, 12, 9, 5, 3, 2, 2, 4, 8],
}


def Diurnal(rng, start, end, lang="en"):
    hourly = HOURLY.get(lang, HOURLY["fr"])
    span = (end - start).total_seconds()
    while True:
        when = start + datetime.timedelta(seconds=rng.random() * span)
        if rng.random() * 14 < hourly[when.hour]:
            return when.replace(microsecond=0)


def Ramp(rng, start, end):
    """Activity growing through the window (replies arriving faster and faster)."""
    span = (end - start).total_seconds()
    when = start + datetime.timedelta(seconds=math.sqrt(rng.random()) * span)
    return max(when.replace(microsecond=0), start + datetime.timedelta(seconds=30))


def Decay(rng, start, mean_days, end, lang="en"):
    """Exponentially fading attention after `start`, cut at `end`, with a daily rhythm."""
    hourly = HOURLY.get(lang, HOURLY["fr"])
    while True:
        when = start + datetime.timedelta(days=rng.expovariate(1.0 / mean_days))
        if when < end and rng.random() * 14 < hourly[when.hour]:
            return max(when.replace(microsecond=0), start + datetime.timedelta(seconds=5))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()

    generator = Generator(args.seed)
    tweets = generator.Build()
    rng = generator.rng

    # Two stream notices: authors who later deleted an original tweet.
    originals = [t for t in tweets if "retweeted_status" not in t and t["user"] is not generator.milano
                 and t["in_reply_to_status_id"] is None]
    lines = list(generator.lines)
    for victim in rng.sample(originals, 2):
        ms = int(victim["timestamp_ms"]) + rng.randrange(3_600_000, 86_400_000)
        notice = {"delete": {"status": {"id": victim["id"], "id_str": victim["id_str"],
                                        "user_id": victim["user"]["id"],
                                        "user_id_str": victim["user"]["id_str"]},
                             "timestamp_ms": str(ms)}}
        lines.append((ms, Dump(notice)))
    lines.sort(key=lambda pair: pair[0])

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for _, line in lines:
            f.write(line + "\n")
    print("wrote %d tweets and 2 delete notices to %s" % (len(tweets), args.out))


if __name__ == "__main__":
    main()
