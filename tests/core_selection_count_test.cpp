// SelectionCount (core/aggregate.hpp): the numbers of a selection counted a piece at a time equal
// Summarize, CountOverview and a stable sort of the rows by time, whatever the size of the pieces, with or
// without the rows' time order given.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "aggregate.hpp"
#include "query.hpp"
#include "summary.hpp"
#include "test_support.hpp"

using namespace chorus::core;

namespace {

std::vector<std::string> Texts(const TopList& top) {
    std::vector<std::string> out;
    for (const TopItem& item : top.items)
        out.push_back(item.text + "=" + std::to_string(item.count));
    return out;
}

// `posts` random posts; times in file order when `in_order`, else shuffled with ties and some missing.
void Fill(Dataset& ds, size_t posts, bool in_order, unsigned seed, size_t first_id = 100000) {
    size_t file = ds.BeginFile("random");
    std::mt19937 rng(seed);
    static constexpr const char* kLangs[] = {"en", "fr", "de", "ja"};
    // PostRecord holds views: the texts live in these pools until the posts are added.
    std::vector<std::string> authors, names, tags, links;
    for (size_t k = 0; k < 300; ++k) {
        authors.push_back(std::to_string(5000 + k));
        names.push_back("name" + std::to_string(k % 97));
    }
    for (size_t k = 0; k < 60; ++k)
        tags.push_back("t" + std::to_string(k));
    for (size_t k = 0; k < 25; ++k)
        links.push_back("https://s" + std::to_string(k % 9) + ".org/" + std::to_string(k));
    PostRecord r;
    for (size_t i = 0; i < posts; ++i) {
        r.Clear();
        const std::string id = std::to_string(first_id + i);
        r.id = id;
        if (in_order)
            r.time = 1500000000 + static_cast<UnixSeconds>(i / 3) * 60;
        else if (rng() % 50 != 0)
            r.time = 1500000000 + static_cast<UnixSeconds>(rng() % 500) * 3600;  // many equal times
        r.type = static_cast<PostType>(rng() % kPostTypeCount);
        const size_t a = std::min(rng() % 300, rng() % 300);
        r.author_id = authors[a];
        r.author_name = names[a];
        r.lang = kLangs[std::min(rng() % 4, rng() % 4)];
        for (size_t t = rng() % 4; t > 0; --t)
            r.hashtags.push_back(tags[std::min(rng() % 60, rng() % 60)]);
        if (rng() % 2) r.mentions.push_back(names[rng() % 40]);
        if (rng() % 3 == 0) r.links.push_back(links[rng() % 25]);
        ds.Add(r, file, i + 1);
    }
}

// How a count is started: without the rows' time order, given it, or given a wrong one (one row short).
enum class Given { None, TimeOrder, Short };

void Check(QueryIndex& index, SelectionCount& count, const Selection& rows, Amplification a, size_t work,
           Given given = Given::None) {
    const Dataset& ds = index.Data();
    OverviewRequest request;
    for (int f = 0; f < kEntityFieldCount; ++f)
        request.fields.push_back(static_cast<EntityField>(f));
    request.fields.push_back(EntityField::Hashtag);  // a field asked twice gets its list twice
    request.k = 7;
    request.amplification = a;
    // The selected rows with a time in time order, equal times by row (as SortedTimes orders them).
    std::vector<RowId> timed;
    for (RowId row : rows.ToRows())
        if (ds.TimeOf(row) != kNoTime) timed.push_back(row);
    std::stable_sort(timed.begin(), timed.end(), [&ds](RowId x, RowId y) { return ds.TimeOf(x) < ds.TimeOf(y); });
    if (given == Given::Short && !timed.empty()) timed.pop_back();
    if (given == Given::None)
        count.Start(index, rows, request);
    else
        count.Start(index, rows, request, timed);
    size_t steps = 0;
    while (!count.Step(work))
        ++steps;
    CHECK(count.Done());
    CHECK(count.Progress() == 1.0);
    if (work < rows.Count()) CHECK(steps > 0);  // it was really cut in pieces

    chorus::test::CheckSameCounts(count.summary(), Summarize(ds, rows));

    const Overview overview = CountOverview(index, rows, request);
    REQUIRE(count.overview().tops.size() == overview.tops.size());
    for (size_t i = 0; i < overview.tops.size(); ++i) {
        CHECK_MESSAGE(Texts(count.overview().tops[i]) == Texts(overview.tops[i]), EntityFieldName(request.fields[i])
                                                                                      << " work=" << work);
        CHECK(count.overview().tops[i].posts == overview.tops[i].posts);
    }

    std::vector<RowId> order = rows.ToRows();
    std::stable_sort(order.begin(), order.end(), [&ds](RowId x, RowId y) { return ds.TimeOf(x) < ds.TimeOf(y); });
    CHECK(count.time_order() == order);
}

// Every list's posting lists, as the explorer builds them once a dataset is prepared (rule 115 needs them all).
void BuildEveryList(QueryIndex& index) {
    for (int f = 0; f < kEntityFieldCount; ++f)
        index.Build(static_cast<EntityField>(f));
}

}  // namespace

TEST_CASE("selection count: in pieces of any size, the numbers equal Summarize, CountOverview and a time sort") {
    // Given the rows' time order (the explorer's query rows in time order, or a brushed run of them) nothing is
    // sorted; a wrong one is not used.
    for (bool in_order : {false, true}) {
        Dataset ds;
        Fill(ds, 20000, in_order, in_order ? 3 : 5);
        QueryIndex index(ds);
        std::vector<Selection> selections = {Selection::All(ds.Posts()), index.Select(ParseQuery("-lang:ja").query),
                                             index.Select(ParseQuery("#t0 OR type:reply").query),
                                             Selection::None(ds.Posts())};
        Selection scattered(ds.Posts());
        for (RowId row = 0; row < ds.Posts(); row += 7)
            scattered.Add(row);
        selections.push_back(scattered);
        SelectionCount count;  // one count, started again and again: its buffers are reused
        for (const Selection& rows : selections) {
            CAPTURE(rows.Count());
            CAPTURE(in_order);
            for (size_t work : {size_t{1} << 30, size_t{5000}, size_t{333}}) {
                Check(index, count, rows, Amplification::Both, work);
                Check(index, count, rows, Amplification::Both, work, Given::TimeOrder);
            }
            Check(index, count, rows, Amplification::Both, 777, Given::Short);  // not used: sorted here
            Check(index, count, rows, Amplification::OriginalsOnly, 1000, Given::TimeOrder);
            Check(index, count, rows, Amplification::AmplificationOnly, 1000);
        }
    }
}

TEST_CASE("rule 115: more than half the rows counted down from every row's counts equal the selected rows' count") {
    for (bool in_order : {false, true}) {
        Dataset ds;
        Fill(ds, 20000, in_order, in_order ? 7 : 11);
        QueryIndex index(ds);
        BuildEveryList(index);  // every list's posting lists: counted the other way round
        Selection most = index.Select(ParseQuery("-#t3").query);
        Selection scattered = Selection::All(ds.Posts());
        for (RowId row = 0; row < ds.Posts(); row += 3)
            scattered.Remove(row);
        Selection one_less = Selection::All(ds.Posts());
        one_less.Remove(static_cast<RowId>(ds.Posts() - 1));
        Selection half = Selection::None(ds.Posts());  // exactly half: counted row by row
        for (RowId row = 0; row < ds.Posts(); row += 2)
            half.Add(row);
        SelectionCount count;
        for (const Selection* rows : {&most, &scattered, &one_less, &half}) {
            CAPTURE(rows->Count());
            CAPTURE(in_order);
            REQUIRE(rows->Count() >= ds.Posts() / 2);
            for (size_t work : {size_t{1} << 30, size_t{4999}, size_t{97}}) {
                Check(index, count, *rows, Amplification::Both, work);
                Check(index, count, *rows, Amplification::Both, work, Given::TimeOrder);
            }
            Check(index, count, *rows, Amplification::OriginalsOnly, 1000);  // not every row counted: row by row
            CHECK(index.HasPostings(EntityField::Author));  // the count built nothing and dropped nothing
        }
        // A count of most rows after one of few, and the other way: no value of one is left in the other.
        Check(index, count, index.Select(ParseQuery("#t3").query), Amplification::Both, 500);
        Check(index, count, most, Amplification::Both, 500);
        Check(index, count, index.Select(ParseQuery("lang:ja").query), Amplification::Both, 500);
    }
}

TEST_CASE("rule 115: rows added during a count of most rows: counted as a count of the selected rows is") {
    Dataset ds;
    Fill(ds, 8000, false, 21);
    QueryIndex index(ds);
    BuildEveryList(index);
    QueryIndex bare(ds);  // no posting lists: its count reads the selected rows
    const Selection rows = index.Select(ParseQuery("-lang:fr").query);
    REQUIRE(rows.Count() > ds.Posts() / 2);
    OverviewRequest request{{EntityField::Hashtag, EntityField::Author, EntityField::Mention, EntityField::Domain},
                            6,
                            Amplification::Both,
                            std::nullopt};
    SelectionCount down, up;
    down.Start(index, rows, request);
    up.Start(bare, rows, request);
    for (int i = 0; i < 3; ++i) {
        down.Step(700);
        up.Step(700);
    }
    Fill(ds, 3000, false, 22, 900000);  // a load goes on: the index no longer holds every row
    REQUIRE(ds.Posts() == 11000);
    while (!down.Step(700)) {
    }
    while (!up.Step(700)) {
    }
    chorus::test::CheckSameCounts(down.summary(), up.summary());
    for (size_t i = 0; i < request.fields.size(); ++i)
        CHECK(Texts(down.overview().tops[i]) == Texts(up.overview().tops[i]));
    CHECK(down.time_order() == up.time_order());
}

TEST_CASE("rule 115: an author's posts given to another during a count of most rows: counted as they are now") {
    Dataset ds;
    Fill(ds, 8000, false, 23);
    QueryIndex index(ds);
    BuildEveryList(index);
    const Selection rows = index.Select(ParseQuery("-lang:de").query);
    REQUIRE(rows.Count() > ds.Posts() / 2);
    OverviewRequest request{{EntityField::Author, EntityField::Hashtag}, 6, Amplification::Both, std::nullopt};
    SelectionCount count;
    count.Start(index, rows, request);
    count.Step(3000);                                       // the counters hold every row's counts, some rows taken off
    REQUIRE(ds.ReassignAuthor("5000", "5001", "one") > 0);  // the most frequent author (rule 41)
    CHECK_FALSE(index.HasPostings(EntityField::Author));
    while (!count.Step(3000)) {
    }
    chorus::test::CheckSameCounts(count.summary(), Summarize(ds, rows));
    QueryIndex fresh(ds);
    const Overview overview = CountOverview(fresh, rows, request);
    for (size_t i = 0; i < request.fields.size(); ++i)
        CHECK(Texts(count.overview().tops[i]) == Texts(overview.tops[i]));
}

TEST_CASE("selection count: a start in the middle of zeroing or ranking counts the new selection exactly") {
    Dataset ds;
    Fill(ds, 6000, false, 13);
    QueryIndex index(ds);
    SelectionCount count;
    OverviewRequest request{
        {EntityField::Hashtag, EntityField::Author, EntityField::Domain}, 5, Amplification::Both, std::nullopt};
    const Selection en = index.Select(ParseQuery("lang:en").query);
    // A count that saw many values, then new counts cut off after 1, 2, ... steps of one value (zeroing the
    // previous values, counting, ranking a field): each restart must leave no count of the earlier ones.
    for (size_t cut = 0; cut < 40; cut += 3) {
        count.Start(index, en, request);
        for (size_t i = 0; i < cut; ++i)
            count.Step(i % 2 ? 1 : 997);
        Check(index, count, index.Select(ParseQuery("#t1 OR lang:fr").query), Amplification::Both, 1 + cut * 50);
    }
}

TEST_CASE("selection count: a new start drops the count in flight") {
    Dataset ds;
    Fill(ds, 5000, false, 9);
    QueryIndex index(ds);
    SelectionCount count;
    CHECK(count.Done());  // nothing started
    OverviewRequest request{{EntityField::Hashtag, EntityField::Author}, 5, Amplification::Both, std::nullopt};
    count.Start(index, index.Select(ParseQuery("lang:en").query), request);
    CHECK_FALSE(count.Step(100));
    CHECK_FALSE(count.Done());
    Check(index, count, index.Select(ParseQuery("lang:fr").query), Amplification::Both, 100);
    count.Start(index, Selection::All(ds.Posts()), request);
    count.Cancel();
    CHECK(count.Done());
}
