// Words and bigrams of the selected texts (core/COUNTING.md, rule 53), on texts written here.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "stop_words.hpp"
#include "words.hpp"

using namespace chorus::core;

namespace {

using Strings = std::vector<std::string>;

std::vector<std::string> Texts(const TopList& list) {
    std::vector<std::string> out;
    for (const TopItem& item : list.items)
        out.push_back(item.text + "=" + std::to_string(item.count));
    return out;
}

struct Builder {
    Dataset ds;
    size_t file = ds.BeginFile("synthetic");
    uint64_t next_id = 1;
    void Post(std::string text, std::string lang = "en", PostType type = PostType::Original) {
        std::string id = std::to_string(next_id++);
        PostRecord rec;
        rec.id = id;
        rec.time = 1704067200;
        rec.author_id = "a";
        rec.text = text;
        rec.lang = lang;
        rec.type = type;
        ds.Add(rec, file, 1);
    }
};

}  // namespace

TEST_CASE("words 53: URLs, mentions, hashtags, numbers, one-character words and stop words are left out") {
    CHECK(
        KeptWords("The Women of #MeToo speak, @ana_w says: see https://t.co/AbC123 or www.example.org/x today", "en") ==
        Strings{"", "women", "", "", "speak", "", "says", "see", "", "", "", "", "", "", "", "", "", "today"});
    CHECK(KeptWords("2017 was 1 year; 2nd try x", "en") == Strings{"", "", "", "year", "2nd", "try", ""});
    // Stop words follow the post's language: "die" is German for "the", an English verb.
    CHECK(KeptWords("die Frauen", "de") == Strings{"", "frauen"});
    CHECK(KeptWords("die Frauen", "en") == Strings{"die", "frauen"});
    CHECK(KeptWords("die Frauen", "") == Strings{"die", "frauen"});  // no language: nothing dropped
    CHECK(KeptWords("l'homme qu'il aime", "fr-FR") == Strings{"", "homme", "", "", "aime"});
    // Folded as queries fold: case, NFKC (full-width letters), Unicode case folding.
    CHECK(KeptWords("ÉCOLE Ｗｏｍｅｎ STRASSE Straße", "") == Strings{"école", "women", "strasse", "strasse"});
    // Han and kana are one character each: too short for the list; digits of any script are numbers.
    CHECK(KeptWords("日本語 ٢٠١٧", "ja") == Strings{"", "", "", ""});
    CHECK(StopWordsFor("EN") != nullptr);
    CHECK(StopWordsFor("pt-BR") == StopWordsFor("pt"));
    CHECK(StopWordsFor("eng") == nullptr);
    CHECK(StopWordsFor("und") == nullptr);
}

TEST_CASE("words 53: words and bigrams count once per selected post, by count then text") {
    Builder b;
    b.Post("Sexual harassment at work: harassment harassment everywhere");
    b.Post("Sexual harassment is not a joke #MeToo");
    b.Post("Acoso sexual en el trabajo", "es");
    b.Post("RT sexual harassment again", "en", PostType::Retweet);
    const Selection all = Selection::All(b.ds.Posts());
    TopList words = TopWords(b.ds, all, 4);
    CHECK(Texts(words) == Strings{"sexual=4", "harassment=3", "acoso=1", "again=1"});
    CHECK(words.posts == 4);
    CHECK(Texts(TopWords(b.ds, all, 3, Amplification::OriginalsOnly)) ==
          Strings{"sexual=3", "harassment=2", "acoso=1"});
    // Bigrams: kept words next to each other; "not a joke" has stop words between "harassment" and "joke".
    TopList pairs = TopWords(b.ds, all, 10, Amplification::Both, WordList::Bigrams);
    CHECK(Texts(pairs) == Strings{"sexual harassment=3", "acoso sexual=1", "harassment again=1",
                                  "harassment everywhere=1", "harassment harassment=1", "work harassment=1"});
    CHECK(Texts(TopWords(b.ds, Selection::All(0), 3)).empty());
}

TEST_CASE("words 53: thousands of distinct words and bigrams count as a plain map of KeptWords counts") {
    // Enough distinct values to grow the counting table many times; non-ASCII spellings repeat across
    // posts of different languages (the fold is remembered, the stop words are the post's own).
    Builder b;
    const char* langs[] = {"en", "de", "fr", ""};
    for (int i = 0; i < 3000; ++i) {
        std::string text = std::string("w") + std::to_string(i % 1700) + " Über ÉTÉ été x" + std::to_string(i % 7) +
                           " v" + std::to_string((i * 7) % 2300) + " the die";
        b.Post(text, langs[i % 4]);
    }
    const Selection all = Selection::All(b.ds.Posts());
    for (WordList list : {WordList::Words, WordList::Bigrams}) {
        std::map<std::string, uint32_t> counts;
        for (int i = 0; i < 3000; ++i) {
            std::vector<std::string> kept = KeptWords(b.ds.TextOf(static_cast<RowId>(i)), langs[i % 4]);
            std::set<std::string> seen;
            for (size_t w = 0; w < kept.size(); ++w) {
                if (kept[w].empty()) continue;
                if (list == WordList::Words) {
                    seen.insert(kept[w]);
                } else if (w > 0 && !kept[w - 1].empty()) {
                    seen.insert(kept[w - 1] + " " + kept[w]);
                }
            }
            for (const std::string& s : seen)
                ++counts[s];
        }
        std::vector<std::pair<std::string, uint32_t>> want(counts.begin(), counts.end());
        std::stable_sort(want.begin(), want.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
        TopList got = TopWords(b.ds, all, 50, Amplification::Both, list);
        REQUIRE(got.items.size() == 50);
        for (size_t i = 0; i < 50; ++i) {
            CHECK(got.items[i].text == want[i].first);
            CHECK(got.items[i].count == want[i].second);
        }
        CHECK(TopWords(b.ds, all, 1000000, Amplification::Both, list).items.size() == counts.size());
    }
    // Each of these is a stop word in one of the four languages only, so kept in 2250 posts; ties by text.
    CHECK(Texts(TopWords(b.ds, all, 5)) == Strings{"die=2250", "the=2250", "été=2250", "über=2250", "x0=429"});
}
