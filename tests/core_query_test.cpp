// Query language (core/COUNTING.md, "Queries") on tests/fixtures/query_posts.jsonl.
//
// The fixture's rows, hand-listed (times UTC; RT = retweet, carries the original's entities and text):
//  r0  10-15 20:21  original ana_writes  en  "If this happened to you too, say so. #MeToo"  #metoo  www.Example.org
//  r1  10-16 09:00  RT of r0 BenReads    en  (r0's text)                                   #metoo  example.org
//  r2  10-16 10:30  quote    cy_notes    en  "Me too. Read this: metoo-stories are everywhere" #metoo @taranaburke
//                                                                                          news.bbc.co.uk
//  r3  10-16 11:45  reply    ana_writes  en  "@BenReads thanks — it's hard, ME TOO."        @benreads
//  r4  10-17 00:00  original Élodie      fr  "Moi aussi. #MoiAussi ÉCOUTEZ-nous"            #moiaussi lemonde.fr
//  r5  10-22 23:59  original kenji       ja  "私も。東京タワーで #ＭｅＴｏｏ"                  #metoo
//  r6  10-23 00:00  original cy_notes    en  "ｍｅ ｔｏｏ in full width; me-too with a hyphen" example.org (2 links)
//  r7  11-01 12:00  RT of r4 BenReads    fr  (r4's text)                                   #moiaussi lemonde.fr
//  r8  (no time)    original dora        und "toots and tooth, nothing else"
//  r9  2018-01-01   original ana_writes  en  "Happy new year! #metoo #TimesUp"             #metoo #timesup @taranaburke
//  r10 10-16 09:30  original Fox_News    en  "Watch now or else"                           foxnews.com (account 1007)
#include <doctest/doctest.h>

#include "query.hpp"
#include "query_text.hpp"
#include "test_support.hpp"
#include "time_utc.hpp"

using namespace chorus::core;
using Rows = std::vector<RowId>;

namespace {

struct Fixture {
    Dataset ds;
    QueryIndex index{ds};
    Fixture() { chorus::test::LoadSummary(ds, {"query_posts.jsonl"}); }

    Rows Select(const std::string& text) {
        ParsedQuery parsed = ParseQuery(text);
        REQUIRE_MESSAGE(parsed.ok(), text << ": " << parsed.error->message << " at " << parsed.error->position);
        return index.Select(parsed.query).ToRows();
    }
};

std::string Tree(const std::string& text) {
    ParsedQuery parsed = ParseQuery(text);
    if (!parsed.ok()) return "error at " + std::to_string(parsed.error->position) + ": " + parsed.error->message;
    return parsed.query.ToString();
}

size_t ErrorAt(const std::string& text) {
    ParsedQuery parsed = ParseQuery(text);
    REQUIRE_MESSAGE(!parsed.ok(), text << " parsed as " << parsed.query.ToString());
    return parsed.error->position;
}

}  // namespace

TEST_CASE("selection: and, or, not, iteration keep an exact count") {
    Selection a = Selection::FromRows(130, std::vector<RowId>{0, 5, 64, 129, 5});
    CHECK(a.Count() == 4);
    CHECK(a.ToRows() == Rows{0, 5, 64, 129});
    Selection b = Selection::FromRows(130, std::vector<RowId>{5, 6, 129});
    Selection both = a;
    both.And(b);
    CHECK(both.ToRows() == Rows{5, 129});
    Selection either = a;
    either.Or(b);
    CHECK(either.Count() == 5);
    Selection only_a = a;
    only_a.AndNot(b);
    CHECK(only_a.ToRows() == Rows{0, 64});
    Selection not_a = a;
    not_a.Not();
    CHECK(not_a.Count() == 126);  // the tail bits past row 129 stay clear
    CHECK(!not_a.Contains(129));
    CHECK(Selection::All(130).Count() == 130);
    CHECK(Selection::All(128).IsAll());
    Selection c(70);
    c.Add(69);
    c.Add(69);
    c.Remove(3);
    CHECK(c.Count() == 1);
}

TEST_CASE("query: NOT binds tighter than AND, AND tighter than OR") {
    CHECK(Tree("a b OR c") == "(or (and \"a\" \"b\") \"c\")");
    CHECK(Tree("a OR b c") == "(or \"a\" (and \"b\" \"c\"))");
    CHECK(Tree("-a b") == "(and (not \"a\") \"b\")");
    CHECK(Tree("NOT a AND b") == "(and (not \"a\") \"b\")");
    CHECK(Tree("a -(b OR c)") == "(and \"a\" (not (or \"b\" \"c\")))");
    CHECK(Tree("(a OR b) c") == "(and (or \"a\" \"b\") \"c\")");
    CHECK(Tree("--a") == "(not (not \"a\"))");
    CHECK(Tree("") == "*");
    CHECK(Tree("   ") == "*");
    CHECK(Tree("or and not") == "(and \"or\" \"and\" \"not\")");  // operators only in capitals
}

TEST_CASE("query: terms are normalised when parsed") {
    CHECK(Tree("#MeToo @TaranaBurke") == "(and #metoo @taranaburke)");
    CHECK(Tree("＃ＭｅＴｏｏ") == "#metoo");
    CHECK(Tree("FROM:@Ana lang:EN Type:Retweet has:LINK domain:https://WWW.Example.org/x") ==
          "(and from:ana lang:en type:retweet has:link domain:example.org)");
    CHECK(Tree("since:2017-10-15 until:2017-10-15T20:00") ==
          "(and since:2017-10-15T00:00:00Z until:2017-10-15T20:00:00Z)");
    CHECK(Tree("until:2017-10-15T20:00:30Z") == "until:2017-10-15T20:00:30Z");
    CHECK(Tree("from:\"Ana_Writes\"") == "from:ana_writes");
    CHECK(Tree("covid-19") == "\"covid 19\"");
    CHECK(Tree("\"Me, TOO!\"") == "\"me too\"");
    CHECK(Tree("10:30") == "\"10 30\"");  // not a field: the part before ':' has digits
}

TEST_CASE("query: a syntax error names its byte offset") {
    CHECK(ErrorAt("#metoo (lang:en") == 7);  // the unclosed '('
    CHECK(ErrorAt("#metoo)") == 6);
    CHECK(ErrorAt("a \"me too") == 2);
    CHECK(ErrorAt("a foo:bar") == 2);
    CHECK(ErrorAt("lang:") == 5);
    CHECK(ErrorAt("type:video") == 5);
    CHECK(ErrorAt("since:2017-13-01") == 6);
    CHECK(ErrorAt("since:2017-02-29") == 6);
    CHECK(ErrorAt("until:2017-10-15T24:00") == 6);
    CHECK(ErrorAt("has:photo") == 4);
    CHECK(ErrorAt("a OR") == 2);
    CHECK(ErrorAt("OR a") == 0);
    CHECK(ErrorAt("a AND OR b") == 2);
    CHECK(ErrorAt("a - b") == 2);
    CHECK(ErrorAt("a -") == 2);
    CHECK(ErrorAt("a NOT") == 2);
    CHECK(ErrorAt("x ()") == 2);
    CHECK(ErrorAt("# a") == 0);
    CHECK(ErrorAt("a @") == 2);
    CHECK(ErrorAt("a 😀") == 2);  // no letters or digits
    CHECK(ErrorAt("a \"!!\"") == 2);
    ParsedQuery p = ParseQuery("(a OR b");
    REQUIRE(!p.ok());
    CHECK(p.error->message == "missing ')' for the '(' at 0");
    p = ParseQuery("x form:alice");
    REQUIRE(!p.ok());
    CHECK(p.error->message.starts_with("unknown field 'form:'"));
}

TEST_CASE("query: the empty query selects every post") {
    Fixture f;
    CHECK(f.Select("").size() == 11);
}

TEST_CASE("query: #tag matches the post's normalised hashtags, retweets included") {
    Fixture f;
    CHECK(f.Select("#metoo") == Rows{0, 1, 2, 5, 9});
    CHECK(f.Select("#METOO") == Rows{0, 1, 2, 5, 9});
    CHECK(f.Select("＃ＭｅＴｏｏ") == Rows{0, 1, 2, 5, 9});
    CHECK(f.Select("#moiaussi") == Rows{4, 7});
    CHECK(f.Select("#nosuchtag").empty());
}

TEST_CASE("query: @handle matches mentions; a retweet carries the original's") {
    Fixture f;
    CHECK(f.Select("@TaranaBurke") == Rows{2, 9});
    CHECK(f.Select("@benreads") == Rows{3});
    CHECK(f.Select("@ana_writes").empty());  // r1's "RT @ana_writes" is the wrapper's, not the original's
}

TEST_CASE("query: from: matches the author's screen name (any case) or account id") {
    Fixture f;
    CHECK(f.Select("from:ana_writes") == Rows{0, 3, 9});
    CHECK(f.Select("from:@ANA_WRITES") == Rows{0, 3, 9});
    CHECK(f.Select("from:1007") == Rows{10});
    CHECK(f.Select("from:BenReads") == Rows{1, 7});  // a retweet is its retweeter's
    CHECK(f.Select("from:nobody").empty());
}

TEST_CASE("query: lang: and type: match the post's own values") {
    Fixture f;
    CHECK(f.Select("lang:fr") == Rows{4, 7});
    CHECK(f.Select("lang:FR") == Rows{4, 7});
    CHECK(f.Select("type:retweet") == Rows{1, 7});
    CHECK(f.Select("type:quote") == Rows{2});
    CHECK(f.Select("type:reply") == Rows{3});
    CHECK(f.Select("type:original") == Rows{0, 4, 5, 6, 8, 9, 10});
}

TEST_CASE("query: domain: matches the host and its subdomains; has:link any link") {
    Fixture f;
    CHECK(f.Select("domain:example.org") == Rows{0, 1, 6});
    CHECK(f.Select("domain:WWW.example.org") == Rows{0, 1, 6});
    CHECK(f.Select("domain:bbc.co.uk") == Rows{2});
    CHECK(f.Select("domain:news.bbc.co.uk") == Rows{2});
    CHECK(f.Select("domain:ample.org").empty());  // whole labels only
    CHECK(f.Select("has:link") == Rows{0, 1, 2, 4, 6, 7, 10});
}

TEST_CASE("query: url: matches a link exactly as counted") {
    Fixture f;
    CHECK(f.Select("url:https://www.Example.org/a") == Rows{0, 1});  // the retweet has the original's
    CHECK(f.Select("url:\"https://www.Example.org/a\"") == Rows{0, 1});
    CHECK(f.Select("url:https://www.example.org/a").empty());   // byte for byte: no case folding
    CHECK(f.Select("url:https://www.Example.org/a/").empty());  // nor a '/' added
    CHECK(f.Select("url:\"https://example.org/c\"") == Rows{6});
    CHECK(f.Select("url:http://lemonde.fr/p OR url:https://news.bbc.co.uk/x") == Rows{2, 4, 7});
    CHECK(f.Select("-url:http://lemonde.fr/p has:link") == Rows{0, 1, 2, 6, 10});
    CHECK(Tree("url:https://x.org/a") == "url:\"https://x.org/a\"");
    CHECK(Tree("url:") == "error at 4: url: needs a value");
}

TEST_CASE("query: since: is inclusive, until: exclusive, posts without a time match neither") {
    Fixture f;
    CHECK(f.Select("since:2017-10-16") == Rows{1, 2, 3, 4, 5, 6, 7, 9, 10});
    CHECK(f.Select("until:2017-10-16") == Rows{0});
    CHECK(f.Select("until:2017-10-16T10:30") == Rows{0, 1, 10});
    CHECK(f.Select("since:2017-10-16T10:30 until:2017-10-17") == Rows{2, 3});
    CHECK(f.Select("-until:2017-10-16") == Rows{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});  // r8 has no time
}

TEST_CASE("query: words match whole words, any case, anywhere in the text") {
    Fixture f;
    CHECK(f.Select("too") == Rows{0, 1, 2, 3, 6});  // not "toots", "tooth"
    CHECK(f.Select("tooth") == Rows{8});
    CHECK(f.Select("metoo") == Rows{0, 1, 2, 5, 9});  // '#' and '-' separate words
    CHECK(f.Select("or") == Rows{10});                // a word: OR is the operator
    CHECK(f.Select("aussi moi") == Rows{4, 7});       // implicit AND: any order
    CHECK(f.Select("écoutez") == Rows{4, 7});         // Unicode case fold
    CHECK(f.Select("ecoutez").empty());               // accents stay
    CHECK(f.Select("its").empty());                   // "it's" is "it" "s"
    CHECK(f.Select("it's") == Rows{3});
}

TEST_CASE("query: a phrase matches contiguous words; punctuation between them is ignored") {
    Fixture f;
    CHECK(f.Select("\"me too\"") == Rows{2, 3, 6});  // "Me too.", "ME TOO.", "ｍｅ ｔｏｏ" and "me-too"
    CHECK(f.Select("me-too") == Rows{2, 3, 6});
    CHECK(f.Select("\"aussi moi\"").empty());  // order matters in a phrase
    CHECK(f.Select("\"so #metoo\"") == Rows{0, 1});
}

TEST_CASE("query: each CJK character is a word, so CJK text matches as a substring") {
    Fixture f;
    CHECK(f.Select("東京") == Rows{5});
    CHECK(f.Select("京タ") == Rows{5});
    CHECK(f.Select("東タ").empty());
    CHECK(FoldedWords("東京タワー abc") == std::vector<std::string>{"東", "京", "タ", "ワ", "ー", "abc"});
}

TEST_CASE("query: AND, OR, NOT and parentheses combine selections") {
    Fixture f;
    CHECK(f.Select("#metoo -type:retweet") == Rows{0, 2, 5, 9});
    CHECK(f.Select("#metoo AND lang:en") == Rows{0, 1, 2, 9});
    CHECK(f.Select("#moiaussi OR @taranaburke") == Rows{2, 4, 7, 9});
    CHECK(f.Select("#metoo OR lang:fr type:retweet") == Rows{0, 1, 2, 5, 7, 9});
    CHECK(f.Select("(#metoo OR lang:fr) type:retweet") == Rows{1, 7});
    CHECK(f.Select("-(#metoo OR #moiaussi)") == Rows{3, 6, 8, 10});
    CHECK(f.Select("-#metoo OR lang:fr") == Rows{3, 4, 6, 7, 8, 10});
    CHECK(f.Select("too OR tooth") == Rows{0, 1, 2, 3, 6, 8});
    CHECK(f.Select("too -from:cy_notes") == Rows{0, 1, 3});
    CHECK(f.Select("NOT too lang:en") == Rows{9, 10});
}

TEST_CASE("query: the index follows the dataset as it grows") {
    Dataset ds;
    QueryIndex index(ds);
    ParsedQuery q = ParseQuery("#metoo");
    CHECK(index.Select(q.query).Count() == 0);
    chorus::test::LoadSummary(ds, {"query_posts.jsonl"});
    CHECK(index.Select(q.query).ToRows() == Rows{0, 1, 2, 5, 9});
    CHECK(index.Postings(EntityField::Hashtag, ds.Hashtags().Find("moiaussi")).size() == 2);
    CHECK(index.MemoryBytes() > 0);
}

TEST_CASE("query: since: and until: over many rows agree with a row-by-row check") {
    // Mostly in time order (whole 64-row blocks settle at once), with rows out of order and rows without a time.
    Dataset ds;
    size_t file = ds.BeginFile("times");
    std::vector<std::string> ids;
    PostRecord r;
    for (size_t i = 0; i < 1000; ++i) {
        ids.push_back(std::to_string(1000 + i));
        r.Clear();
        r.id = ids.back();
        r.time = 1500000000 + static_cast<UnixSeconds>(i) * 3600;
        if (i % 97 == 0) r.time -= 200 * 3600;  // out of order
        if (i % 131 == 5) r.time = kNoTime;
        ds.Add(r, file, i + 1);
    }
    QueryIndex index(ds);
    const UnixSeconds since = ParseIsoTime("2017-07-20T00:00:00Z"), until = ParseIsoTime("2017-08-10T12:00:00Z");
    Rows want_since, want_until, want_both;
    for (RowId row = 0; row < ds.Posts(); ++row) {
        UnixSeconds t = ds.TimeOf(row);
        if (t == kNoTime) continue;
        if (t >= since) want_since.push_back(row);
        if (t < until) want_until.push_back(row);
        if (t >= since && t < until) want_both.push_back(row);
    }
    REQUIRE(!want_both.empty());
    CHECK(index.Select(ParseQuery("since:2017-07-20").query).ToRows() == want_since);
    CHECK(index.Select(ParseQuery("until:2017-08-10T12:00").query).ToRows() == want_until);
    CHECK(index.Select(ParseQuery("since:2017-07-20 until:2017-08-10T12:00").query).ToRows() == want_both);
}
