// DatasetPreparation (core/dataset_preparation.hpp) and PostingListsBuilder (core/postings.hpp): what is
// prepared a piece at a time equals what Summarize and a QueryIndex build whole, whatever the step size.
#include <doctest/doctest.h>

#include <random>

#include "dataset_preparation.hpp"
#include "test_support.hpp"

using namespace chorus::core;

namespace {

constexpr EntityField kFields[] = {EntityField::Hashtag, EntityField::Mention,  EntityField::Author,
                                   EntityField::Domain,  EntityField::Language, EntityField::Emoji,
                                   EntityField::Client};

// `posts` random posts with many values (over 256 hashtags: several radix digits) and lists long enough
// to be bitmaps; times in order or shuffled with some missing.
void FillRandom(Dataset& ds, size_t posts, bool in_order, unsigned seed) {
    const size_t file = ds.BeginFile("random");
    std::mt19937 rng(seed);
    static constexpr const char* kLangs[] = {"en", "fr", "de", "ja", "pt"};
    std::vector<std::string> authors, tags;
    for (size_t k = 0; k < 700; ++k)
        authors.push_back(std::to_string(9000 + k));
    for (size_t k = 0; k < 900; ++k)
        tags.push_back("tag" + std::to_string(k));
    PostRecord r;
    for (size_t i = 0; i < posts; ++i) {
        r.Clear();
        const std::string id = std::to_string(200000 + i);
        r.id = id;
        if (in_order)
            r.time = 1600000000 + static_cast<UnixSeconds>(i) * 7;
        else if (rng() % 20 != 0)
            r.time = 1600000000 + static_cast<UnixSeconds>(rng() % 1000) * 60;
        r.type = static_cast<PostType>(rng() % kPostTypeCount);
        const size_t a = std::min(rng() % 700, rng() % 700);
        if (rng() % 30 != 0) r.author_id = authors[a];
        r.author_name = authors[a];
        r.lang = kLangs[std::min(rng() % 5, rng() % 5)];
        for (size_t t = rng() % 4; t > 0; --t)
            r.hashtags.push_back(tags[std::min(rng() % 900, rng() % 900)]);
        if (rng() % 2) r.mentions.push_back(authors[rng() % 50]);
        ds.Add(r, file, i + 1);
    }
}

void CheckPrepared(const Dataset& ds, size_t work) {
    CAPTURE(work);
    DatasetPreparation preparation(ds, kFields);
    size_t steps = 0;
    double progress = 0;
    while (!preparation.Step(work)) {
        ++steps;
        CHECK(preparation.Progress() >= progress);  // never goes back
        progress = preparation.Progress();
        REQUIRE(steps < 100 * (ds.Posts() + 10) * 40);
    }
    CHECK(preparation.Progress() == 1.0);
    if (work == 1 && ds.Posts() > 1) CHECK(steps > ds.Posts());  // really cut in pieces
    CHECK(preparation.Rows() == ds.Posts());

    const Summary whole = Summarize(ds), prepared = preparation.summary();
    chorus::test::CheckSameCounts(prepared, whole);
    CHECK(prepared.skipped == whole.skipped);

    std::unique_ptr<QueryIndex> index = preparation.TakeIndex();
    const size_t memory = index->MemoryBytes();
    QueryIndex reference(ds);
    for (EntityField field : kFields) {
        CAPTURE(EntityFieldName(field));
        std::span<const uint32_t> ids = index->IdsByFrequency(field);
        std::span<const uint32_t> expected = reference.IdsByFrequency(field);
        CHECK(std::vector<uint32_t>(ids.begin(), ids.end()) == std::vector<uint32_t>(expected.begin(), expected.end()));
        CHECK(index->Entries(field) == reference.Entries(field));
        for (uint32_t id = 0; id < EntityDictionary(ds, field).Size(); ++id) {
            const PostingLists::List a = index->Postings(field, id), b = reference.Postings(field, id);
            CHECK(a.IsBitmap() == b.IsBitmap());
            CHECK(a.ToRows() == b.ToRows());
        }
    }
    for (int t = 0; t < kPostTypeCount; ++t)
        CHECK(index->RowsOfType(static_cast<PostType>(t)) == reference.RowsOfType(static_cast<PostType>(t)));
    QueryIndex::TimeBlocks blocks = index->BlockTimes(), expected_blocks = reference.BlockTimes();
    CHECK(std::vector<UnixSeconds>(blocks.min.begin(), blocks.min.end()) ==
          std::vector<UnixSeconds>(expected_blocks.min.begin(), expected_blocks.min.end()));
    CHECK(std::vector<UnixSeconds>(blocks.max.begin(), blocks.max.end()) ==
          std::vector<UnixSeconds>(expected_blocks.max.begin(), expected_blocks.max.end()));
    // Nothing was built again on first use: the caches were ready.
    CHECK(index->MemoryBytes() == memory);
    for (const char* text : {"#tag3", "lang:fr -type:retweet", "since:2020-09-13 until:2020-09-14", "@9001 OR #tag1"}) {
        ParsedQuery parsed = ParseQuery(text);
        REQUIRE(parsed.ok());
        CHECK(index->Select(parsed.query) == reference.Select(parsed.query));
    }
}

void CheckEveryStep(const Dataset& ds) {
    for (size_t work : {size_t{1}, size_t{7}, size_t{4096}, SIZE_MAX})
        CheckPrepared(ds, work);
}

}  // namespace

TEST_CASE("preparation: stepped summary and index equal the whole computation (fixtures)") {
    for (const char* name : {"query_posts.jsonl", "emoji_clusters.jsonl", "clients_v1.jsonl", "tz_posts.jsonl"}) {
        CAPTURE(name);
        Dataset ds;
        chorus::test::LoadSummary(ds, {name});
        CheckEveryStep(ds);
    }
}

TEST_CASE("preparation: stepped summary and index equal the whole computation (random posts)") {
    for (bool in_order : {true, false}) {
        CAPTURE(in_order);
        Dataset ds;
        FillRandom(ds, 3000, in_order, in_order ? 5u : 6u);
        CheckEveryStep(ds);
    }
}

TEST_CASE("preparation: an empty dataset is ready at once") {
    Dataset ds;
    DatasetPreparation preparation(ds, kFields);
    size_t steps = 0;
    while (!preparation.Step(1))
        REQUIRE(++steps < 1000);
    CHECK(preparation.summary().posts == 0);
    CHECK(preparation.summary().first == kNoTime);
    CHECK(preparation.TakeIndex()->IdsByFrequency(EntityField::Hashtag).empty());
}

TEST_CASE("preparation: PostingListsBuilder in steps equals PostingLists::Build") {
    Dataset ds;
    FillRandom(ds, 1500, false, 9u);
    for (EntityField field : kFields)
        for (size_t work : {size_t{1}, size_t{7}, size_t{4096}}) {
            PostingLists whole;
            whole.Build(ds, field);
            PostingListsBuilder builder(ds, field);
            while (!builder.Step(work)) {
            }
            CHECK(builder.WorkDone() == builder.Work());
            PostingLists stepped = builder.Take();
            REQUIRE(stepped.Ids() == whole.Ids());
            CHECK(stepped.Entries() == whole.Entries());
            for (uint32_t id = 0; id < whole.Ids(); ++id)
                CHECK(stepped.Of(id).ToRows() == whole.Of(id).ToRows());
        }
}

namespace {

// Posts with the given times (kNoTime: none), one hashtag each.
void FillTimes(Dataset& ds, const std::vector<UnixSeconds>& times, size_t first_id = 500000) {
    const size_t file = ds.BeginFile("times");
    PostRecord r;
    for (size_t i = 0; i < times.size(); ++i) {
        r.Clear();
        const std::string id = std::to_string(first_id + i);
        r.id = id;
        r.time = times[i];
        r.author_id = "7";
        r.author_name = "seven";
        r.hashtags.push_back(i % 3 ? "odd" : "even");
        ds.Add(r, file, i + 1);
    }
}

std::vector<RowId> TimeOrderRows(const Dataset& ds) {
    const SortedTimesView sorted = ds.SortedTimes();
    std::vector<RowId> rows;
    for (size_t i = 0; i < sorted.size(); ++i)
        rows.push_back(sorted.RowAt(i));
    return rows;
}

}  // namespace

TEST_CASE("rule 112: the time order of rows out of time order is sorted in pieces, as SortedTimes sorts it whole") {
    std::mt19937 rng(12);
    std::vector<std::pair<const char*, std::vector<UnixSeconds>>> shapes;
    std::vector<UnixSeconds> newest_first, shuffled, wide, same, none, two_days;
    for (UnixSeconds i = 0; i < 900; ++i) {
        newest_first.push_back(1700000000 - i * 13);
        shuffled.push_back(rng() % 9 == 0 ? kNoTime : 1500000000 + static_cast<UnixSeconds>(rng() % 400) * 3600);
        wide.push_back(i % 2 ? -2208988800 + i : 1600000000 + static_cast<UnixSeconds>(rng() % 50));  // 1900 and 2020
        same.push_back(i % 5 == 0 ? kNoTime : 1650000000);
        none.push_back(kNoTime);
        two_days.push_back(1570000000 + static_cast<UnixSeconds>(rng() % 172800));  // ties, three digit passes
    }
    shapes = {{"newest first", newest_first},
              {"shuffled, some missing", shuffled},
              {"1900 and 2020", wide},
              {"one time, some missing", same},
              {"no time", none},
              {"two days", two_days}};
    for (const auto& shape : shapes) {  // no structured binding: CAPTURE's lambda may not take one (Clang 14)
        const char* name = shape.first;
        const std::vector<UnixSeconds>& times = shape.second;
        CAPTURE(name);
        Dataset reference;
        FillTimes(reference, times);
        const std::vector<RowId> expected = TimeOrderRows(reference);  // SortedTimes() in one call
        for (size_t work : {size_t{1}, size_t{5}, size_t{4096}}) {
            CAPTURE(work);
            Dataset ds;
            FillTimes(ds, times);
            DatasetPreparation preparation(ds, kFields);
            size_t steps = 0;
            while (!preparation.Step(work))
                REQUIRE(++steps < 100000);
            CHECK(ds.SortedTimesReady());  // the preparation gave the dataset its order: no sort left
            CHECK(TimeOrderRows(ds) == expected);
        }
    }
    // Rows in time order need no order at all; rows added after the preparation began are not given a stale one.
    Dataset in_order;
    FillTimes(in_order, {1600000000, 1600000000, 1600000005});
    DatasetPreparation ordered(in_order, kFields);
    while (!ordered.Step(1)) {
    }
    CHECK(in_order.SortedTimesReady());
    CHECK(TimeOrderRows(in_order) == std::vector<RowId>{0, 1, 2});
    Dataset growing;
    FillTimes(growing, {1600000009, 1600000001});
    DatasetPreparation early(growing, kFields);
    FillTimes(growing, {1600000004}, 600000);
    while (!early.Step(1)) {
    }
    CHECK(TimeOrderRows(growing) == std::vector<RowId>{1, 2, 0});
}
