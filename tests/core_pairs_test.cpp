// Hashtag pairs (core/COUNTING.md, rule A5), hand-checked on a dataset built through Dataset::Add.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "hashtag_pairs.hpp"

using namespace chorus::core;

namespace {

std::vector<std::string> Texts(const PairList& pairs) {
    std::vector<std::string> out;
    for (const HashtagPair& p : pairs.items)
        out.push_back(p.first + "+" + p.second + "=" + std::to_string(p.count));
    return out;
}

}  // namespace

TEST_CASE("aggregate A5: hashtag pairs count once per post, unordered, by count then text") {
    Dataset ds;
    size_t file = ds.BeginFile("pairs");
    const std::vector<std::vector<std::string_view>> posts = {
        {"Zeta", "alpha", "beta"}, {"beta", "alpha"}, {"BETA", "alpha", "Alpha"}, {"zeta"}, {}, {"gamma", "zeta"}};
    for (size_t i = 0; i < posts.size(); ++i) {
        std::string id = std::to_string(i + 1);
        PostRecord rec;
        rec.id = id;
        rec.author_id = "a";
        rec.hashtags = posts[i];
        rec.type = i == 5 ? PostType::Retweet : PostType::Original;
        REQUIRE(ds.Add(rec, file, i + 1) == Dataset::AddResult::Added);
    }
    Selection all = Selection::All(ds.Posts());
    // Post 3 repeats alpha (any case): its one pair is alpha+beta.
    CHECK(Texts(TopHashtagPairs(ds, all, 10)) ==
          std::vector<std::string>{"alpha+beta=3", "alpha+zeta=1", "beta+zeta=1", "gamma+zeta=1"});
    CHECK(TopHashtagPairs(ds, all, 10).posts == 6);
    CHECK(Texts(TopHashtagPairs(ds, all, 2)) == std::vector<std::string>{"alpha+beta=3", "alpha+zeta=1"});
    CHECK(Texts(TopHashtagPairs(ds, all, 10, Amplification::AmplificationOnly)) ==
          std::vector<std::string>{"gamma+zeta=1"});
    Selection first = Selection::FromRows(ds.Posts(), std::vector<RowId>{0});
    CHECK(Texts(TopHashtagPairs(ds, first, 10)) ==
          std::vector<std::string>{"alpha+beta=1", "alpha+zeta=1", "beta+zeta=1"});
    CHECK(PairListJson(TopHashtagPairs(ds, first, 1), Amplification::Both, "q") ==
          R"({"query":"q","field":"cohashtags","include":"both","posts":1,"items":[["alpha","beta",1]]})");
}
