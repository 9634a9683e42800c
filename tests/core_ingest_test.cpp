// Counting rules (core/COUNTING.md) on fixtures we wrote, one behaviour per case.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include "top_counts.hpp"

using chorus::core::Dataset;
using chorus::core::Field;
using chorus::core::Ingest;
using chorus::test::LoadSummary;
using chorus::test::ReadAll;
using nlohmann::json;

namespace {

json TopOf(const json& summary) {
    return summary["top_hashtags"];
}

std::vector<std::string> TopTexts(const Dataset& ds, Field field) {
    std::vector<std::string> out;
    for (const auto& item : chorus::core::TopCounts(ds, field, 50))
        out.push_back(item.text + "=" + std::to_string(item.count));
    return out;
}

}  // namespace

TEST_CASE("type: retweet, quote, reply, original in that precedence") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_mixed.jsonl"});
    CHECK(s["posts"] == 6);
    CHECK(s["types"]["original"] == 2);
    CHECK(s["types"]["retweet"] == 1);
    CHECK(s["types"]["quote"] == 2);  // one of them is also a reply: quote wins
    CHECK(s["types"]["reply"] == 1);
}

TEST_CASE("v1.1: embedded originals are context, not posts") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_mixed.jsonl"});
    // The retweet and the quote embed the original (already a post): still 6 posts, no duplicate.
    CHECK(s["posts"] == 6);
    CHECK(s["duplicates"] == 0);
    CHECK(s["authors"] == 3);
}

TEST_CASE("v1.1: delete and limit notices are skipped, counted, not listed") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_mixed.jsonl"});
    CHECK(s["skipped"] == 2);
    CHECK(s["files"][0]["problems"]["delete_notice"] == 1);
    CHECK(s["files"][0]["problems"]["limit_notice"] == 1);
    CHECK(s["files"][0]["records"] == 8);  // the blank line is not a record
    CHECK(s["errors"].empty());
    CHECK(s["files"][0]["format"] == "twitter-v1.1-jsonl");
}

TEST_CASE("v1.1: a retweet takes the hashtags of the original's full text") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_mixed.jsonl"});
    // BreakTheSilence is only in the original's extended_tweet entities: the original and the retweet count it.
    CHECK(TopOf(s)[0] == json::array({"MeToo", 4}));  // shown as most posts spell it (rule 50)
    CHECK(TopOf(s)[1] == json::array({"BreakTheSilence", 2}));
    CHECK(TopTexts(ds, Field::Mention) == std::vector<std::string>{"taranaburke=2", "ana_writes=1", "benreads=1"});
}

TEST_CASE("hashtags: NFKC, case-folded, once per post") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_mixed.jsonl"});
    // "#metoo #MeToo #METOO" counts once; full-width ＃ＭｅＴｏｏ folds to metoo; accents stay. Keys are
    // normalised; lists show each tag as most of its posts spell it (rule 50).
    CHECK(TopTexts(ds, Field::Hashtag) == std::vector<std::string>{"MeToo=4", "BreakTheSilence=2", "ECOUTE=1",
                                                                   "\xC3\x89"
                                                                   "coute=1"});
    CHECK(ds.Hashtags().Find("metoo") != chorus::core::Dictionary::kNotFound);
    CHECK(ds.Hashtags().Find("\xC3\xA9"
                             "coute") != chorus::core::Dictionary::kNotFound);
}

TEST_CASE("v1.1: ids above 2^53 keep every digit") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_mixed.jsonl"});
    // 9007199254740993 and ...995 are 2^53+1 and 2^53+3: through a double they would collide.
    CHECK(s["duplicates"] == 0);
    CHECK(s["posts"] == 6);
    // The last record has only a numeric id: read as text, it is a usable id.
    CHECK(s["files"][0]["problems"].count("no_id") == 0);
}

TEST_CASE("time: offsets applied, first and last in UTC") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_mixed.jsonl"});
    CHECK(s["first"] == "2017-10-15T20:21:00Z");
    CHECK(s["last"] == "2017-10-16T12:00:00Z");  // 14:00 +0200
}

TEST_CASE("ingest: a truncated last line is skipped and reported") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_truncated.jsonl"});
    CHECK(s["posts"] == 2);
    CHECK(s["skipped"] == 1);
    REQUIRE(s["errors"].size() == 1);
    CHECK(s["errors"][0]["line"] == 3);
    CHECK(s["errors"][0]["kind"] == "invalid_json");
    CHECK(s["errors"][0]["file"] == "v1_truncated.jsonl");
}

TEST_CASE("ingest: a duplicate across two files is counted once") {
    Dataset ds;
    json s = LoadSummary(ds, {"v1_dup_a.jsonl", "v1_dup_b.jsonl"});
    CHECK(s["posts"] == 4);  // 200, 201, 202 and the post with a rounded id
    CHECK(s["duplicates"] == 1);
    CHECK(s["files"][1]["duplicates"] == 1);
    CHECK(s["files"][1]["problems"]["no_id"] == 1);  // 1.1846E+18: kept, reported
    REQUIRE(s["errors"].size() == 1);
    CHECK(s["errors"][0]["kind"] == "no_id");
    CHECK(s["errors"][0]["line"] == 3);
}

TEST_CASE("twarc2: pages, stream lines and flattened lines") {
    Dataset ds;
    json s = LoadSummary(ds, {"v2_twarc2.jsonl"});
    CHECK(s["posts"] == 6);
    CHECK(s["types"]["retweet"] == 2);
    CHECK(s["types"]["reply"] == 1);
    CHECK(s["types"]["quote"] == 1);
    CHECK(s["types"]["original"] == 2);
    CHECK(s["authors"] == 5);
    CHECK(s["skipped"] == 1);  // the line holding only errors[]
    CHECK(s["files"][0]["problems"]["api_note"] == 1);
    CHECK(s["files"][0]["problems"]["api_error"] == 1);
    CHECK(s["first"] == "2021-06-10T08:00:00Z");
    CHECK(s["last"] == "2021-06-11T08:00:00Z");
    // Retweets take the original's tags from includes.tweets (page) or the expanded reference (flat);
    // note_tweet entities win over entities.
    CHECK(TopOf(s) == json::array({json::array({"IchBinHanna", 5}), json::array({"WissZeitVG", 3})}));
    CHECK(s["files"][0]["format"] == "twitter-v2-twarc2-pages");
    CHECK(TopTexts(ds, Field::Author)[0] == "kai_503=2");  // names from includes.users
}

TEST_CASE("ingest: slices of any size give the same counts") {
    std::string text =
        ReadAll(chorus::test::Fixture("v1_mixed.jsonl")) + ReadAll(chorus::test::Fixture("v2_twarc2.jsonl"));
    Dataset whole;
    {
        Ingest ingest(whole);
        chorus::test::FeedInSlices(ingest, "all", text, text.size());
    }
    std::string expected = chorus::core::SummaryJson(whole);
    for (size_t slice : {1u, 7u, 64u, 1000u}) {
        Dataset ds;
        Ingest ingest(ds);
        chorus::test::FeedInSlices(ingest, "all", text, slice);
        CHECK_MESSAGE(chorus::core::SummaryJson(ds) == expected, "slice " << slice);
    }
}

TEST_CASE("ingest: a cancelled file keeps what was read and says so") {
    std::string text = ReadAll(chorus::test::Fixture("v1_mixed.jsonl"));
    Dataset ds;
    Ingest ingest(ds);
    ingest.BeginFile("part.jsonl");
    std::string buffer = text.substr(0, text.find('\n') + 1) + std::string(Ingest::kPadding, '\0');
    ingest.Feed(buffer.data(), text.find('\n') + 1);
    ingest.CancelFile();
    json s = json::parse(chorus::core::SummaryJson(ds));
    CHECK(s["posts"] == 1);
    CHECK(s["files"][0]["cancelled"] == true);
    CHECK(s["errors"][0]["kind"] == "cancelled");
}

TEST_CASE("ingest: lines that are not posts are reported with their line") {
    std::string text = "[1,2]\n{\"hello\": 1}\nnot json\n{\"created_at\": \"x\"} trailing\n";
    Dataset ds;
    Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, "odd.jsonl", text, text.size());
    json s = json::parse(chorus::core::SummaryJson(ds));
    CHECK(s["posts"] == 0);
    CHECK(s["skipped"] == 4);
    REQUIRE(s["errors"].size() == 4);
    CHECK(s["errors"][0]["kind"] == "not_a_post");
    CHECK(s["errors"][1]["kind"] == "not_a_post");
    CHECK(s["errors"][2]["kind"] == "invalid_json");
    CHECK(s["errors"][2]["line"] == 3);
    CHECK(s["errors"][3]["line"] == 4);
    CHECK(s["first"].is_null());
}

TEST_CASE("posts keep their full text, language, links and domains") {
    std::string line =
        R"({"created_at":"Mon Oct 16 09:00:00 +0000 2017","id_str":"7","text":"cut…","truncated":true,)"
        R"("user":{"id_str":"1","screen_name":"a"},"lang":"fr","entities":{"urls":[{"url":"https://t.co/x"}]},)"
        R"("extended_tweet":{"full_text":"Le texte entier \"cité\" https://t.co/y","entities":{"urls":[)"
        R"({"url":"https://t.co/y","expanded_url":"https://WWW.Example.org/a?b=1"},)"
        R"({"url":"https://t.co/z","expanded_url":"http://news.example.org:8080/p"}]}}})"
        "\n";
    Dataset ds;
    Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, "one.jsonl", line, line.size());
    REQUIRE(ds.Posts() == 1);
    CHECK(ds.TextOf(0) == "Le texte entier \"cité\" https://t.co/y");
    CHECK(ds.Languages().Text(ds.LangOf(0)) == "fr");
    REQUIRE(ds.LinksOf(0).size() == 2);
    CHECK(ds.Links().Text(ds.LinksOf(0)[0]) == "https://WWW.Example.org/a?b=1");
    REQUIRE(ds.DomainsOf(0).size() == 2);
    CHECK(ds.Domains().Text(ds.DomainsOf(0)[0]) == "example.org");
    CHECK(ds.Domains().Text(ds.DomainsOf(0)[1]) == "news.example.org");
}

TEST_CASE("v1.1: a retweet's text is the original's full text") {
    Dataset ds;
    LoadSummary(ds, {"v1_mixed.jsonl"});
    CHECK(ds.TextOf(0) == "... #MeToo #BreakTheSilence");  // extended_tweet.full_text
    CHECK(ds.TextOf(1) == ds.TextOf(0));                   // the retweet
    CHECK(ds.TextOf(2) == "Read this. #metoo #MeToo #METOO");
}

TEST_CASE("ingest: post ids are kept as written, numeric or not") {
    std::string text =
        R"({"created_at":"Mon Oct 16 09:00:00 +0000 2017","id_str":"9223372036854775807","text":"a","user":{"id_str":"1"}})"
        "\n"
        R"({"created_at":"Mon Oct 16 09:00:00 +0000 2017","id_str":"9223372036854775808","text":"b","user":{"id_str":"1"}})"
        "\n"
        R"({"created_at":"Mon Oct 16 09:00:00 +0000 2017","id_str":"abc-1","text":"c","user":{"id_str":"1"}})"
        "\n"
        R"({"created_at":"Mon Oct 16 09:00:00 +0000 2017","id_str":"007","text":"d","user":{"id_str":"1"}})"
        "\n"
        R"({"created_at":"Mon Oct 16 09:00:00 +0000 2017","id_str":"abc-1","text":"again","user":{"id_str":"1"}})"
        "\n";
    Dataset ds;
    Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, "ids.jsonl", text, text.size());
    REQUIRE(ds.Posts() == 4);
    CHECK(ds.PostIdOf(0) == "9223372036854775807");  // 2^63 - 1: stored as a number
    CHECK(ds.PostIdOf(1) == "9223372036854775808");  // 2^63: kept as text
    CHECK(ds.PostIdOf(2) == "abc-1");
    CHECK(ds.PostIdOf(3) == "007");  // a leading zero is text, not 7
    CHECK(ds.Duplicates() == 1);
}

TEST_CASE("ingest: de-duplication holds across many ids (the index grows)") {
    std::string text;
    for (int i = 0; i < 5000; ++i)
        text += R"({"created_at":"Mon Oct 16 09:00:00 +0000 2017","id_str":")" + std::to_string(1000000 + (i % 3000)) +
                R"(","text":"x","user":{"id_str":"1"}})"
                "\n";
    Dataset ds;
    Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, "many.jsonl", text, 4096);
    CHECK(ds.Posts() == 3000);
    CHECK(ds.Duplicates() == 2000);
}
