// QueryEvaluation (core/query_evaluation.hpp): a query evaluated a block of rows at a time equals
// QueryIndex::Select, whatever the size of the steps, and a new Start() or Cancel() drops the one running.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "query.hpp"
#include "query_evaluation.hpp"

using namespace chorus::core;

namespace {

constexpr const char* kWords[] = {"red", "green", "blue", "Blue", "café", "cafe", "sky", "sea"};

// `posts` random posts with hashtags, mentions, languages, types, links, times and a few words of text.
void FillRandom(Dataset& ds, size_t posts, unsigned seed) {
    const size_t file = ds.BeginFile("random");
    std::mt19937 rng(seed);
    static constexpr const char* kLangs[] = {"en", "fr", "de"};
    std::vector<std::string> pool;  // PostRecord holds views: their texts live here until the post is added
    PostRecord r;
    for (size_t i = 0; i < posts; ++i) {
        r.Clear();
        pool.clear();
        pool.push_back(std::to_string(700000 + i));
        pool.push_back(std::to_string(rng() % 40));
        pool.push_back("h" + std::to_string(rng() % 12));
        pool.push_back("m" + std::to_string(rng() % 9));
        std::string text;
        for (size_t w = rng() % 5; w > 0; --w)
            text += std::string(kWords[rng() % std::size(kWords)]) + " ";
        pool.push_back(text);
        pool.push_back("https://s" + std::to_string(rng() % 3) + ".org/x");
        r.id = pool[0];
        r.author_id = pool[1];
        r.author_name = pool[1];
        if (rng() % 2) r.hashtags.push_back(pool[2]);
        if (rng() % 3 == 0) r.mentions.push_back(pool[3]);
        r.text = pool[4];
        if (rng() % 4 == 0) r.links.push_back(pool[5]);
        r.lang = kLangs[rng() % 3];
        r.type = static_cast<PostType>(rng() % kPostTypeCount);
        if (rng() % 20 != 0) r.time = 1500000000 + static_cast<UnixSeconds>(rng() % 1000) * 600;
        ds.Add(r, file, i + 1);
    }
}

std::string RandomTerm(std::mt19937& rng) {
    switch (rng() % 9) {
        case 0: return "#h" + std::to_string(rng() % 14);
        case 1: return "@m" + std::to_string(rng() % 10);
        case 2: return std::string("lang:") + (rng() % 2 ? "en" : "fr");
        case 3: return rng() % 2 ? "type:retweet" : "type:original";
        case 4: return "has:link";
        case 5: return rng() % 2 ? "since:2017-07-16" : "until:2017-07-18";
        case 6: return std::string("\"") + kWords[rng() % std::size(kWords)] + " " + kWords[rng() % 3] + "\"";
        default: return kWords[rng() % std::size(kWords)];
    }
}

// A random query of up to `depth` levels: terms, NOT, juxtaposed AND, OR, parentheses.
std::string RandomQuery(std::mt19937& rng, int depth) {
    if (depth == 0 || rng() % 3 == 0) return (rng() % 5 == 0 ? "-" : "") + RandomTerm(rng);
    const std::string a = RandomQuery(rng, depth - 1), b = RandomQuery(rng, depth - 1);
    switch (rng() % 3) {
        case 0: return a + " " + b;
        case 1: return "(" + a + " OR " + b + ")";
        default: return "-(" + a + " " + b + ")";
    }
}

Selection Sliced(QueryIndex& index, const Query& query, size_t step) {
    QueryEvaluation evaluation;
    evaluation.Start(index, query);
    size_t calls = 0;
    while (!evaluation.Step(step))
        ++calls;
    CHECK(evaluation.Done());
    CHECK(evaluation.Running());  // until the result is taken
    CHECK(evaluation.Progress() == 1.0);
    Selection rows = evaluation.TakeResult();
    CHECK_FALSE(evaluation.Running());
    return rows;
}

}  // namespace

TEST_CASE("QueryEvaluation: random queries evaluated in steps equal Select over random datasets") {
    for (unsigned seed = 1; seed <= 3; ++seed) {
        Dataset ds;
        FillRandom(ds, seed == 1 ? 5000 : 9000 + seed * 37, seed);  // several blocks, a last block cut short
        QueryIndex index(ds);
        std::mt19937 rng(seed * 101);
        for (int q = 0; q < 60; ++q) {
            const std::string text = RandomQuery(rng, 3);
            ParsedQuery parsed = ParseQuery(text);
            REQUIRE_MESSAGE(parsed.ok(), text);
            const Selection whole = index.Select(parsed.query);
            for (size_t step : {size_t{1}, size_t{4096}, size_t{10000}, size_t{1} << 20}) {
                INFO(text << " in steps of " << step);
                const Selection sliced = Sliced(index, parsed.query, step);
                CHECK(sliced == whole);
                CHECK(sliced.Count() == whole.Count());
            }
        }
    }
}

TEST_CASE("QueryEvaluation: the empty query selects every post; an empty dataset selects none") {
    Dataset ds;
    FillRandom(ds, 4097, 7);
    QueryIndex index(ds);
    CHECK(Sliced(index, Query{}, 1).IsAll());
    Dataset empty;
    QueryIndex none(empty);
    const Selection rows = Sliced(none, ParseQuery("red").query, 1);
    CHECK(rows.Rows() == 0);
    CHECK(rows.Empty());
}

TEST_CASE("QueryEvaluation: a new Start() drops the evaluation running; Cancel() leaves none") {
    Dataset ds;
    FillRandom(ds, 20000, 11);
    QueryIndex index(ds);
    const Query first = ParseQuery("red OR #h1").query, second = ParseQuery("blue -lang:en").query;
    QueryEvaluation evaluation;
    evaluation.Start(index, first);
    CHECK_FALSE(evaluation.Step(4096));
    CHECK_FALSE(evaluation.Done());
    CHECK(evaluation.Progress() > 0.0);
    CHECK(evaluation.Progress() < 1.0);
    evaluation.Start(index, second);  // the query changed again
    CHECK(evaluation.Progress() == 0.0);
    while (!evaluation.Step(5000)) {
    }
    CHECK(evaluation.TakeResult() == index.Select(second));

    evaluation.Start(index, first);
    CHECK_FALSE(evaluation.Step(1));
    evaluation.Cancel();
    CHECK(evaluation.Done());
    CHECK_FALSE(evaluation.Running());
    CHECK(evaluation.Step(1));  // nothing left to do
    evaluation.Start(index, first);
    while (!evaluation.Step(1 << 20)) {
    }
    CHECK(evaluation.TakeResult() == index.Select(first));
}

TEST_CASE("QueryEvaluation: posts added after Start() are left out of its result") {
    Dataset ds;
    FillRandom(ds, 6000, 5);
    QueryIndex index(ds);
    const Query query = ParseQuery("red OR sky").query;
    const Selection before = index.Select(query);
    QueryEvaluation evaluation;
    evaluation.Start(index, query);
    CHECK_FALSE(evaluation.Step(4096));
    FillRandom(ds, 3000, 6);  // a load in progress adds posts between two frames
    while (!evaluation.Step(4096)) {
    }
    const Selection rows = evaluation.TakeResult();
    CHECK(rows.Rows() == 6000);
    CHECK(rows == before);
}
