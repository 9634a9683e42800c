// Compact columns (issue 4: at most 64 bytes a post without text): ids as narrow as their dictionary,
// times as u32 seconds after a base, compressed posting lists. Each must read back exactly what was
// added, including the values that force the wide fallback (COUNTING.md, rules 95-96).
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "aggregate.hpp"
#include "dataset.hpp"
#include "id_column.hpp"
#include "offset_column.hpp"
#include "post_times.hpp"
#include "postings.hpp"
#include "query.hpp"
#include "snapshot.hpp"

using namespace chorus::core;

namespace {

struct Post {
    std::string id;
    UnixSeconds time = kNoTime;
    std::string lang, client;
    std::vector<std::string> tags;
};

void Add(Dataset& ds, size_t file, const Post& p) {
    const std::string author = "a" + p.id.substr(0, 1);
    PostRecord r;  // views: `author` and `p` outlive Add()
    r.id = p.id;
    r.time = p.time;
    r.author_id = author;
    r.lang = p.lang;
    r.client = p.client;
    r.text = "text";
    for (const std::string& t : p.tags)
        r.hashtags.push_back(t);
    ds.Add(r, file, 1);
}

Dataset& Reopened(const Dataset& ds, Dataset& into) {
    std::string bytes = Snapshot::Write(ds);
    REQUIRE(Snapshot::Read(bytes, into).ok());
    return into;
}

}  // namespace

TEST_CASE("rule 95: an id column widens from 1 to 2 to 4 bytes without losing an id") {
    IdColumn column;
    std::vector<uint32_t> pushed;
    auto push = [&](uint32_t id) {
        column.push_back(id);
        pushed.push_back(id);
    };
    push(IdColumn::kNone);
    for (uint32_t id = 0; id < 255; ++id)
        push(id);
    CHECK(column.Width() == 1);
    push(255);  // one past u8 (0xFF is u8's "none")
    CHECK(column.Width() == 2);
    push(IdColumn::kNone);
    push(65534);
    CHECK(column.Width() == 2);
    push(65535);
    CHECK(column.Width() == 4);
    push(IdColumn::kNone);
    push(0xFFFFFFFEu);
    CHECK(column.ToVector() == pushed);
    IdColumn copy;
    copy.Assign(pushed);
    CHECK(copy.Width() == 4);
    CHECK(copy.ToVector() == pushed);
    copy.Assign(std::vector<uint32_t>{3, IdColumn::kNone, 254});
    CHECK(copy.Width() == 1);
    CHECK(copy.ToVector() == std::vector<uint32_t>{3, IdColumn::kNone, 254});
}

TEST_CASE("rule 95: over 65,535 clients, every post keeps its client, in queries and snapshots") {
    Dataset ds;
    size_t file = ds.BeginFile("clients");
    constexpr int kClients = 70000;
    for (int i = 0; i < kClients; ++i)
        Add(ds, file, {std::to_string(1000 + i), 1500000000 + i, i % 2 ? "en" : "", "app " + std::to_string(i), {}});
    Add(ds, file, {"999", 1500000000, "fr", "", {}});  // no client after the widening
    REQUIRE(ds.Clients().Size() == kClients);
    CHECK(ds.ClientColumn().Width() == 4);
    CHECK(ds.LangColumn().Width() == 1);
    for (RowId r = 0; r < kClients; ++r) {
        REQUIRE(ds.ClientOf(r) != Dataset::kNoClient);
        CHECK(ds.Clients().Text(ds.ClientOf(r)) == "app " + std::to_string(r));
    }
    CHECK(ds.ClientOf(kClients) == Dataset::kNoClient);
    CHECK(ds.LangOf(0) == Dataset::kNoLang);
    QueryIndex index(ds);
    Selection last = index.Select(ParseQuery("client:\"app 69999\"").query);
    CHECK(last.ToRows() == std::vector<RowId>{69999});
    CHECK(index.Select(ParseQuery("lang:en").query).Count() == kClients / 2);
    Dataset back;
    Reopened(ds, back);
    CHECK(back.ClientColumn().ToVector() == ds.ClientColumn().ToVector());
    CHECK(back.LangColumn().ToVector() == ds.LangColumn().ToVector());
}

TEST_CASE("rule 96: times before 1970, far in the future and unknown are kept exactly") {
    PostTimes times;
    const std::vector<UnixSeconds> narrow = {1508025600, kNoTime, -631152000 /* 1950 */, 3471292800 /* 2080 */};
    for (UnixSeconds t : narrow)
        times.push_back(t);
    CHECK_FALSE(times.wide());  // 1950 and 2080 are within 68 years of the first time (2017)
    CHECK(times.ToVector() == narrow);
    times.push_back(-5000000000);  // 1811: outside the u32 span, the column turns wide
    times.push_back(32503680000);  // 3000
    times.push_back(INT64_MAX);
    CHECK(times.wide());
    std::vector<UnixSeconds> all = narrow;
    all.insert(all.end(), {-5000000000, 32503680000, INT64_MAX});
    CHECK(times.ToVector() == all);
    PostTimes first_unknown;
    for (UnixSeconds t : {kNoTime, kNoTime + 1, UnixSeconds{0}})
        first_unknown.push_back(t);
    CHECK(first_unknown.ToVector() == std::vector<UnixSeconds>{kNoTime, kNoTime + 1, 0});

    // Through a dataset: times, the sorted times, a since:/until: query and a snapshot.
    for (bool wide : {false, true}) {
        CAPTURE(wide);
        Dataset ds;
        size_t file = ds.BeginFile("times");
        std::vector<UnixSeconds> in = {1508025600, kNoTime, -631152000, 1508025601, 3471292800};
        if (wide) in.push_back(-5000000000);
        for (size_t i = 0; i < in.size(); ++i)
            Add(ds, file, {std::to_string(100 + i), in[i], "", "", {}});
        CHECK(ds.TimeColumn().wide() == wide);
        for (RowId r = 0; r < ds.Posts(); ++r)
            CHECK(ds.TimeOf(r) == in[r]);
        std::vector<UnixSeconds> sorted;
        std::copy_if(in.begin(), in.end(), std::back_inserter(sorted), [](UnixSeconds t) { return t != kNoTime; });
        std::sort(sorted.begin(), sorted.end());
        CHECK(ds.SortedTimes().ToVector() == sorted);
        QueryIndex index(ds);
        ParsedQuery range = ParseQuery("since:1950-01-01 until:2017-10-16");
        REQUIRE(range.ok());
        CHECK(index.Select(range.query).ToRows() == std::vector<RowId>{0, 2, 3});
        Dataset back;
        Reopened(ds, back);
        CHECK(back.TimeColumn().ToVector() == in);
    }
}

TEST_CASE("rule 95: compressed posting lists hold exactly the rows of each value, bitmaps and gaps alike") {
    Dataset ds;
    size_t file = ds.BeginFile("lists");
    std::mt19937 rng(7);
    const char* langs[] = {"en", "en", "en", "fr", "ja", ""};
    for (int i = 0; i < 5000; ++i) {
        Post p{std::to_string(10000 + i), 1500000000 + i, langs[rng() % 6], "", {}};
        if (rng() % 3 == 0) p.tags.push_back("common");
        if (rng() % 500 == 0) p.tags.push_back("rare");
        if (i == 4999) p.tags.push_back("last");
        p.tags.push_back("t" + std::to_string(rng() % 400));
        Add(ds, file, p);
    }
    QueryIndex index(ds);
    bool bitmaps = false, gaps = false;
    for (EntityField field : {EntityField::Hashtag, EntityField::Language, EntityField::Author}) {
        const size_t ids = EntityDictionary(ds, field).Size();
        std::vector<std::vector<RowId>> expected(ids);
        VisitEntities(ds, field, [&](auto ids_of) {
            for (RowId r = 0; r < ds.Posts(); ++r)
                for (uint32_t id : ids_of(r))
                    expected[id].push_back(r);
        });
        Selection odd(ds.Posts());
        for (RowId r = 1; r < ds.Posts(); r += 2)
            odd.Add(r);
        size_t entries = 0;
        for (uint32_t id = 0; id < ids; ++id) {
            PostingLists::List list = index.Postings(field, id);
            (list.IsBitmap() ? bitmaps : gaps) = true;
            CHECK(list.size() == expected[id].size());
            CHECK(list.ToRows() == expected[id]);
            uint64_t in_odd = 0;
            for (RowId r : expected[id])
                in_odd += r % 2;
            CHECK(list.CountIn(odd) == in_odd);
            Selection added(ds.Posts());
            list.AddTo(added);
            CHECK(added.ToRows() == expected[id]);
            entries += expected[id].size();
        }
        CHECK(index.Entries(field) == entries);
        CHECK(index.Postings(field, static_cast<uint32_t>(ids)).empty());
    }
    CHECK(bitmaps);
    CHECK(gaps);
    CHECK(index.Select(ParseQuery("#last").query).ToRows() == std::vector<RowId>{4999});
}

TEST_CASE("rule 95: list offsets go from 1 to 2 to 4 bytes a row and keep every offset") {
    OffsetColumn offsets;
    std::vector<uint32_t> expected{0};
    auto push = [&](uint32_t items) {
        expected.push_back(expected.back() + items);
        offsets.push_back(expected.back());
    };
    for (uint32_t r = 0; r < 100; ++r)
        push(r % 3);
    CHECK(offsets.RowBytes() == 1);
    push(200);
    push(100);  // the block now spans over 255 items
    CHECK(offsets.RowBytes() == 2);
    for (uint32_t r = 0; r < 100; ++r)
        push(r % 5);
    push(70000);  // one post with more than 65,535 items
    CHECK(offsets.RowBytes() == 4);
    push(1);
    CHECK(offsets.ToVector() == expected);
    OffsetColumn jump;  // straight from 1 byte to 4
    jump.push_back(300000);
    CHECK(jump.RowBytes() == 4);
    CHECK(jump.ToVector() == std::vector<uint32_t>{0, 300000});
}
