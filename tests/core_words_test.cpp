// Words and bigrams of the selected texts (core/COUNTING.md, rule 53), on texts written here.
#include <doctest/doctest.h>

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
