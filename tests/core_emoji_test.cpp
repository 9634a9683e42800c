// Emoji as grapheme clusters (core/COUNTING.md, rule 51): fixtures written here, code point by code point.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aggregate.hpp"
#include "emoji.hpp"
#include "snapshot.hpp"

using namespace chorus::core;

namespace {

using Strings = std::vector<std::string>;

Strings Emoji(std::string_view text) {
    std::vector<std::string_view> found;
    FindEmoji(text, found);
    return Strings(found.begin(), found.end());
}

// U+1F469 WOMAN, U+200D ZWJ, U+1F467 GIRL, U+1F1EB U+1F1F7 the French flag, U+270A RAISED FIST,
// U+1F3FD MEDIUM SKIN TONE, U+FE0F / U+FE0E presentation selectors, U+20E3 COMBINING ENCLOSING KEYCAP.
const std::string kFamily = "\U0001F469\u200D\U0001F469\u200D\U0001F467";
const std::string kFrance = "\U0001F1EB\U0001F1F7";
const std::string kFist = "\u270A\U0001F3FD";
const std::string kKeycapOne = "1\uFE0F\u20E3";
const std::string kCopyrightEmoji = "\u00A9\uFE0F";
const std::string kThumb = "\U0001F44D";

}  // namespace

TEST_CASE("emoji 51: ZWJ sequences, flags, skin tones and keycaps are one emoji each") {
    CHECK(Emoji(kFamily) == Strings{kFamily});
    CHECK(Emoji("vive la " + kFrance + "!") == Strings{kFrance});
    CHECK(Emoji(kFist + kFist) == Strings{kFist, kFist});  // two clusters, repeats kept here
    CHECK(Emoji("step " + kKeycapOne) == Strings{kKeycapOne});
    CHECK(Emoji("1\u20E3") == Strings{"1\u20E3"});  // a keycap without U+FE0F is still one
    CHECK(Emoji(kCopyrightEmoji + " 2024") == Strings{kCopyrightEmoji});
    // England: a black flag and tag characters, one cluster.
    const std::string england = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
    CHECK(Emoji(england) == Strings{england});
    CHECK(Emoji("a" + kThumb + "b" + kThumb) == Strings{kThumb, kThumb});
}

TEST_CASE("emoji 51: lone regional indicators, text-presentation symbols and plain text are not emoji") {
    CHECK(Emoji("\U0001F1EB").empty());                        // one regional indicator
    CHECK(Emoji(kFrance + "\U0001F1E9") == Strings{kFrance});  // a pair, then a lone one
    CHECK(Emoji("\u00A9 2024 \u00AE").empty());                // © and ® without U+FE0F: text
    CHECK(Emoji("\u2764").empty());                            // ❤ alone is text presentation
    CHECK(Emoji("\u2764\uFE0F") == Strings{"\u2764\uFE0F"});   // ❤️
    CHECK(Emoji("\u231A\uFE0E").empty());                      // ⌚ asked for as text
    CHECK(Emoji("#1 in 2024, 100% *great*").empty());          // keycap bases without U+20E3
    CHECK(Emoji("caf\u00E9 \u65E5\u672C\u8A9E \u0645\u0631\u062D\u0628\u0627").empty());
    CHECK(Emoji("a\U0001F3FD").empty());   // a skin tone after a letter belongs to the letter's cluster
    CHECK(Emoji("\xF0\x9F\x91").empty());  // a cut 4-byte sequence
    CHECK(Emoji("").empty());
}

TEST_CASE("emoji 51: the key drops a redundant U+FE0F, and a post counts an emoji once") {
    std::string key;
    EmojiKey(kThumb + "\uFE0F", key);
    CHECK(key == kThumb);
    EmojiKey(kCopyrightEmoji, key);
    CHECK(key == kCopyrightEmoji);  // © needs its U+FE0F to be an emoji: kept

    Dataset ds;
    size_t file = ds.BeginFile("synthetic");
    auto add = [&](std::string id, std::string text) {
        PostRecord rec;
        rec.id = id;
        rec.time = 1704067200;
        rec.author_id = "a";
        rec.text = text;
        ds.Add(rec, file, 1);
    };
    add("1", kThumb + kThumb + kThumb + "\uFE0F " + kFamily);  // the thumb three times: once
    add("2", "merci " + kFrance + " " + kThumb);
    add("3", "no emoji \u00A9");
    REQUIRE(ds.Posts() == 3);
    CHECK(ds.EmojiOf(0).size() == 2);
    CHECK(ds.EmojiOf(2).empty());
    TopList top = TopK(ds, Selection::All(ds.Posts()), EntityField::Emoji, 10);
    REQUIRE(top.items.size() == 3);
    CHECK(top.items[0].text == kThumb);
    CHECK(top.items[0].count == 2);
    CHECK(top.posts == 3);

    // emoji: selects the posts holding an emoji, whatever its redundant U+FE0F.
    QueryIndex index(ds);
    for (const std::string& q : {"emoji:" + kThumb, "emoji:" + kThumb + "\uFE0F"}) {
        ParsedQuery parsed = ParseQuery(q);
        REQUIRE(parsed.ok());
        CHECK(index.Select(parsed.query).ToRows() == std::vector<RowId>{0, 1});
    }
    ParsedQuery france = ParseQuery("emoji:" + kFrance + " OR emoji:\u00A9");
    REQUIRE(france.ok());
    CHECK(index.Select(france.query).ToRows() == std::vector<RowId>{1});
    CHECK_FALSE(ParseQuery("emoji:").ok());

    Dataset reopened;
    REQUIRE(Snapshot::Read(Snapshot::Write(ds), reopened).ok());
    CHECK(reopened.EmojiOf(1).size() == 2);
    CHECK(TopK(reopened, Selection::All(reopened.Posts()), EntityField::Emoji, 10).items[0].text == kThumb);
}
