// Clients (core/COUNTING.md, rule 52): the app a post was written with, on fixtures written by us.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aggregate.hpp"
#include "client.hpp"
#include "snapshot.hpp"
#include "test_support.hpp"

using namespace chorus::core;

namespace {

std::string Name(std::string_view source) {
    std::string out;
    ClientName(source, out);
    return out;
}

std::vector<std::string> Texts(const TopList& list) {
    std::vector<std::string> out;
    for (const TopItem& item : list.items)
        out.push_back(item.text + "=" + std::to_string(item.count));
    return out;
}

}  // namespace

TEST_CASE("clients 52: the anchor's text, entities decoded; a plain name as it is") {
    CHECK(Name("<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>") ==
          "Twitter for iPhone");
    CHECK(Name("Twitter Web App") == "Twitter Web App");
    CHECK(Name("  <A HREF=\"x\"> Q&amp;A &lt;3 </A> ") == "Q&A <3");
    CHECK(Name("<a href=\"x\">").empty() == false);  // not a whole anchor: kept as written
    CHECK(Name("").empty());
    CHECK(Name("   ").empty());
}

TEST_CASE("clients 52: each post's own client, in lists, queries and snapshots; a retweet's is the retweeter's") {
    Dataset ds;
    chorus::test::LoadSummary(ds, {"clients_v1.jsonl", "clients.csv"});
    REQUIRE(ds.Posts() == 9);
    TopList top = TopK(ds, Selection::All(ds.Posts()), EntityField::Client, 10);
    CHECK(Texts(top) == std::vector<std::string>{"Twitter for iPhone=3", "Q&A Poster=1", "TweetDeck=1",
                                                 "Twitter Web App=1", "Twitter for Android=1"});
    CHECK(ds.ClientOf(3) == Dataset::kNoClient);
    CHECK(ds.ClientOf(8) == Dataset::kNoClient);

    QueryIndex index(ds);
    ParsedQuery q = ParseQuery("client:\"twitter for iphone\" OR client:TweetDeck");
    REQUIRE(q.ok());
    CHECK(index.Select(q.query).ToRows() == std::vector<RowId>{0, 4, 5, 7});
    CHECK_FALSE(ParseQuery("client:").ok());

    Dataset reopened;
    REQUIRE(Snapshot::Read(Snapshot::Write(ds), reopened).ok());
    CHECK(Texts(TopK(reopened, Selection::All(reopened.Posts()), EntityField::Client, 10)) == Texts(top));
}
