// Aggregates over a selection (core/COUNTING.md, "Aggregates") on tests/fixtures/query_posts.jsonl;
// its rows are listed at the top of tests/core_query_test.cpp.
#include <doctest/doctest.h>

#include <optional>
#include <random>

#include "aggregate.hpp"
#include "query.hpp"
#include "test_support.hpp"
#include "time_utc.hpp"
#include "timeline.hpp"

using namespace chorus::core;

namespace {

struct Fixture {
    Dataset ds;
    QueryIndex index{ds};
    Fixture() { chorus::test::LoadSummary(ds, {"query_posts.jsonl"}); }

    Selection Select(const std::string& text) {
        ParsedQuery parsed = ParseQuery(text);
        REQUIRE(parsed.ok());
        return index.Select(parsed.query);
    }
    Selection All() const { return Selection::All(ds.Posts()); }
};

std::vector<std::string> Texts(const TopList& top) {
    std::vector<std::string> out;
    for (const TopItem& item : top.items)
        out.push_back(item.text + "=" + std::to_string(item.count));
    return out;
}

using Strings = std::vector<std::string>;

// CountOverview must equal the separate calls, for every field at once, with and without a series.
void CheckOverview(QueryIndex& index, const Selection& rows, Amplification a, size_t k, std::optional<TimeBin> bin) {
    OverviewRequest request;
    for (int f = 0; f < kEntityFieldCount; ++f)
        request.fields.push_back(static_cast<EntityField>(f));
    request.k = k;
    request.amplification = a;
    request.bin = bin;
    Overview view = CountOverview(index, rows, request);
    REQUIRE(view.tops.size() == request.fields.size());
    for (size_t i = 0; i < request.fields.size(); ++i) {
        TopList alone = TopK(index.Data(), rows, request.fields[i], k, a);
        CHECK_MESSAGE(Texts(view.tops[i]) == Texts(alone), EntityFieldName(request.fields[i]) << " k=" << k);
        CHECK(view.tops[i].posts == alone.posts);
    }
    if (bin) {
        TimeSeries alone = CountByTime(index.Data(), rows, *bin);
        CHECK(view.series.counts == alone.counts);
        CHECK(view.series.edges == alone.edges);
        CHECK(view.series.no_time == alone.no_time);
        CHECK(view.series.outside == alone.outside);
    } else {
        CHECK(view.series.counts.empty());
    }
}
using Counts = std::vector<uint64_t>;

UnixSeconds T(const char* iso) {
    return ParseIsoTime(iso);
}

}  // namespace

TEST_CASE("aggregate: top-k counts a value once per selected post, by count then text") {
    Fixture f;
    TopList tags = TopK(f.ds, f.All(), EntityField::Hashtag, 10);
    CHECK(Texts(tags) == Strings{"MeToo=5", "MoiAussi=2", "TimesUp=1"});
    CHECK(tags.posts == 11);
    CHECK(Texts(TopK(f.ds, f.All(), EntityField::Mention, 10)) == Strings{"taranaburke=2", "benreads=1"});
    CHECK(Texts(TopK(f.ds, f.All(), EntityField::Author, 10)) ==
          Strings{"Ana_Writes=3", "BenReads=2", "cy_notes=2", "Fox_News=1", "dora=1", "kenji=1", "Élodie=1"});
    CHECK(Texts(TopK(f.ds, f.All(), EntityField::Domain, 10)) ==
          Strings{"example.org=3", "lemonde.fr=2", "foxnews.com=1", "news.bbc.co.uk=1"});
    CHECK(Texts(TopK(f.ds, f.All(), EntityField::Link, 10)) ==
          Strings{"http://lemonde.fr/p=2", "https://www.Example.org/a=2", "https://example.org/c=1",
                  "https://news.bbc.co.uk/x=1", "https://www.example.org/b=1", "https://www.foxnews.com/x=1"});
    CHECK(Texts(TopK(f.ds, f.All(), EntityField::Language, 10)) == Strings{"en=7", "fr=2", "ja=1", "und=1"});
    TopList two = TopK(f.ds, f.All(), EntityField::Author, 2);
    CHECK(Texts(two) == Strings{"Ana_Writes=3", "BenReads=2"});
}

TEST_CASE("aggregate: top-k read off posting lists equals the row-by-row count") {
    Fixture f;
    for (const char* q : {"", "#metoo", "lang:en", "-#metoo", "too", "type:retweet OR lang:fr"}) {
        Selection rows = f.Select(q);
        for (int field = 0; field < kEntityFieldCount; ++field) {
            for (auto a : {Amplification::Both, Amplification::OriginalsOnly, Amplification::AmplificationOnly}) {
                for (size_t k : {0, 1, 2, 3, 10}) {
                    auto ef = static_cast<EntityField>(field);
                    TopList scan = TopK(f.ds, rows, ef, k, a);
                    TopList lists = TopK(f.index, rows, ef, k, a);
                    CHECK_MESSAGE(Texts(scan) == Texts(lists), q << " " << EntityFieldName(ef) << " k=" << k);
                    CHECK(scan.posts == lists.posts);
                }
            }
        }
    }
}

TEST_CASE("aggregate: an overview counts several lists and a series at once, with the same numbers") {
    Fixture f;
    for (const char* q : {"", "#metoo", "lang:en", "-#metoo", "#nosuchtag"})
        for (auto a : {Amplification::Both, Amplification::OriginalsOnly, Amplification::AmplificationOnly})
            for (auto bin : {std::optional<TimeBin>{}, std::optional<TimeBin>{TimeBin::Day},
                             std::optional<TimeBin>{TimeBin::Month}})
                CheckOverview(f.index, f.Select(q), a, 3, bin);
}

TEST_CASE("aggregate: top-k over every post agrees with the summary's top lists") {
    Fixture f;
    std::vector<TopItem> summary = TopCounts(f.ds, Field::Hashtag, 10);
    TopList mine = TopK(f.ds, f.All(), EntityField::Hashtag, 10);
    REQUIRE(summary.size() == mine.items.size());
    for (size_t i = 0; i < summary.size(); ++i) {
        CHECK(summary[i].text == mine.items[i].text);
        CHECK(summary[i].count == mine.items[i].count);
    }
}

TEST_CASE("aggregate: top-k counts only the selected posts") {
    Fixture f;
    TopList tags = TopK(f.ds, f.Select("#metoo"), EntityField::Hashtag, 10);
    CHECK(Texts(tags) == Strings{"MeToo=5", "TimesUp=1"});
    CHECK(tags.posts == 5);
    CHECK(Texts(TopK(f.ds, f.Select("lang:fr"), EntityField::Author, 10)) == Strings{"BenReads=1", "Élodie=1"});
    TopList none = TopK(f.ds, f.Select("#nosuchtag"), EntityField::Hashtag, 10);
    CHECK(none.items.empty());
    CHECK(none.posts == 0);
}

TEST_CASE("aggregate: the amplification toggle picks originals and replies, or retweets and quotes") {
    Fixture f;
    TopList originals = TopK(f.ds, f.All(), EntityField::Hashtag, 10, Amplification::OriginalsOnly);
    CHECK(Texts(originals) == Strings{"MeToo=3", "MoiAussi=1", "TimesUp=1"});  // r0 r5 r9, r4, r9
    CHECK(originals.posts == 8);
    TopList amplification = TopK(f.ds, f.All(), EntityField::Hashtag, 10, Amplification::AmplificationOnly);
    CHECK(Texts(amplification) == Strings{"MeToo=2", "MoiAussi=1"});  // r1 r2, r7
    CHECK(amplification.posts == 3);
    CHECK(Texts(TopK(f.ds, f.All(), EntityField::Author, 10, Amplification::AmplificationOnly)) ==
          Strings{"BenReads=2", "cy_notes=1"});
    Amplification a{};
    CHECK(ParseAmplification("originals", a));
    CHECK(a == Amplification::OriginalsOnly);
    CHECK(!ParseAmplification("retweets", a));
}

TEST_CASE("aggregate: time bins are calendar-aligned in UTC, half-open, zero-filled") {
    Fixture f;
    TimeSeries days = CountByTime(f.ds, f.All(), TimeBin::Day);
    REQUIRE(days.counts.size() == 79);  // 2017-10-15 .. 2018-01-01
    CHECK(days.edges.size() == 80);
    CHECK(days.edges.front() == T("2017-10-15T00:00:00Z"));
    CHECK(days.edges.back() == T("2018-01-02T00:00:00Z"));
    CHECK(days.counts[0] == 1);
    CHECK(days.counts[1] == 4);  // r1 r10 r2 r3
    CHECK(days.counts[2] == 1);  // r4 at 10-17 00:00 opens its day
    CHECK(days.counts[7] == 1);  // r5 at 10-22 23:59:59
    CHECK(days.counts[8] == 1);  // r6
    CHECK(days.counts[78] == 1);
    CHECK(days.no_time == 1);
    CHECK(days.outside == 0);

    TimeSeries weeks = CountByTime(f.ds, f.All(), TimeBin::Week);
    CHECK(weeks.edges.front() == T("2017-10-09T00:00:00Z"));  // the Monday before Sunday 10-15
    REQUIRE(weeks.counts.size() == 13);
    CHECK(weeks.counts[0] == 1);
    CHECK(weeks.counts[1] == 6);  // Mon 10-16 .. Sun 10-22 23:59:59
    CHECK(weeks.counts[2] == 1);  // r6 on Monday 10-23 00:00
    CHECK(weeks.counts[12] == 1);

    TimeSeries months = CountByTime(f.ds, f.All(), TimeBin::Month);
    CHECK(months.counts == Counts{8, 1, 0, 1});
    CHECK(months.edges == std::vector<UnixSeconds>{T("2017-10-01T00:00:00Z"), T("2017-11-01T00:00:00Z"),
                                                   T("2017-12-01T00:00:00Z"), T("2018-01-01T00:00:00Z"),
                                                   T("2018-02-01T00:00:00Z")});
    CHECK(CountByTime(f.ds, f.All(), TimeBin::Year).counts == Counts{9, 1});

    TimeSeries hours = CountByTime(f.ds, f.All(), TimeBin::Hour, T("2017-10-16T09:00:00Z"), T("2017-10-16T11:59:00Z"));
    CHECK(hours.counts == Counts{2, 1, 1});
    CHECK(hours.outside == 6);
    TimeSeries minute =
        CountByTime(f.ds, f.All(), TimeBin::Minute, T("2017-10-16T09:00:30Z"), T("2017-10-16T09:00:59Z"));
    CHECK(minute.counts == Counts{1});
}

TEST_CASE("aggregate: a time series counts only the selected posts, over the dataset's span") {
    Fixture f;
    Selection timed = f.Select("since:2000-01-01");  // every post but r8: counted row by row
    REQUIRE(!timed.IsAll());
    for (TimeBin bin : {TimeBin::Minute, TimeBin::Hour, TimeBin::Day, TimeBin::Week, TimeBin::Month, TimeBin::Year}) {
        TimeSeries all = CountByTime(f.ds, f.All(), bin);
        TimeSeries rows = CountByTime(f.ds, timed, bin);
        CHECK_MESSAGE(all.counts == rows.counts, TimeBinName(bin));
        CHECK(rows.no_time == 0);
    }
    TimeSeries fr = CountByTime(f.ds, f.Select("lang:fr"), TimeBin::Month);
    CHECK(fr.counts == Counts{1, 1, 0, 0});  // same bins as the whole dataset
    TimeSeries narrow =
        CountByTime(f.ds, f.Select("#metoo"), TimeBin::Day, T("2017-10-16T00:00:00Z"), T("2017-10-16T23:00:00Z"));
    CHECK(narrow.counts == Counts{2});
    CHECK(narrow.outside == 3);
}

TEST_CASE("aggregate: bin edges before 1970 and across years") {
    CHECK(BinFloor(-1, TimeBin::Day) == -kDay);
    CHECK(BinFloor(-1, TimeBin::Week) == -3 * kDay);  // Wednesday 1969-12-31 -> Monday 12-29
    CHECK(BinFloor(-1, TimeBin::Month) == -31 * kDay);
    CHECK(BinFloor(-1, TimeBin::Year) == -365 * kDay);
    CHECK(BinFloor(T("2021-01-03T12:00:00Z"), TimeBin::Week) == T("2020-12-28T00:00:00Z"));
    CHECK(BinNext(T("2017-12-01T00:00:00Z"), TimeBin::Month) == T("2018-01-01T00:00:00Z"));
    CHECK(BinNext(T("2020-02-01T00:00:00Z"), TimeBin::Month) == T("2020-03-01T00:00:00Z"));
    CHECK(BinFloor(T("2020-02-29T23:59:59Z"), TimeBin::Month) == T("2020-02-01T00:00:00Z"));
    TimeBin bin{};
    CHECK(ParseTimeBin("week", bin));
    CHECK(bin == TimeBin::Week);
    CHECK(!ParseTimeBin("fortnight", bin));
}

TEST_CASE("aggregate: top-k read off posting lists equals the row-by-row count on random data") {
    // Small value pools make many ties, so the order by text and the stopping rule are both exercised.
    Dataset ds;
    size_t file = ds.BeginFile("random");
    std::mt19937 rng(7);
    std::vector<std::string> ids, tags(40), authors(30), names(30), links(25);
    for (size_t i = 0; i < tags.size(); ++i)
        tags[i] = std::string("t").append(std::to_string(i * 7919 % 97));
    for (size_t i = 0; i < authors.size(); ++i) {
        authors[i] = std::to_string(5000 + i);
        names[i] = std::string("name").append(std::to_string(i % 13));  // some authors share a screen name
    }
    for (size_t i = 0; i < links.size(); ++i)
        links[i] = std::string("https://s").append(std::to_string(i % 9)).append(".org/").append(std::to_string(i));
    static constexpr const char* kLangs[] = {"en", "fr", "de", "ja"};
    PostRecord r;
    for (size_t i = 0; i < 3000; ++i) {
        ids.push_back(std::to_string(100000 + i));
        r.Clear();
        r.id = ids.back();
        r.time = 1500000000 + static_cast<UnixSeconds>(i) * 600;
        r.type = static_cast<PostType>(rng() % kPostTypeCount);
        size_t a = std::min(rng() % 30, rng() % 30);  // skewed towards low ids
        r.author_id = authors[a];
        r.author_name = names[a];
        r.lang = kLangs[std::min(rng() % 4, rng() % 4)];
        for (size_t t = rng() % 4; t > 0; --t)
            r.hashtags.push_back(tags[std::min(rng() % 40, rng() % 40)]);
        if (rng() % 2) r.mentions.push_back(names[rng() % 30]);
        if (rng() % 3 == 0) r.links.push_back(links[rng() % 25]);
        ds.Add(r, file, i + 1);
    }
    QueryIndex index(ds);
    std::vector<Selection> selections = {Selection::All(ds.Posts()), index.Select(ParseQuery("-lang:ja").query),
                                         index.Select(ParseQuery("lang:en").query),
                                         index.Select(ParseQuery("#t0 OR type:reply").query)};
    Selection every_third(ds.Posts());
    for (RowId row = 0; row < ds.Posts(); row += 3)
        every_third.Add(row);
    selections.push_back(every_third);
    for (const Selection& rows : selections) {
        for (int field = 0; field < kEntityFieldCount; ++field) {
            for (auto a : {Amplification::Both, Amplification::OriginalsOnly, Amplification::AmplificationOnly}) {
                for (size_t k : {1, 5, 12, 100}) {
                    auto ef = static_cast<EntityField>(field);
                    CHECK_MESSAGE(Texts(TopK(ds, rows, ef, k, a)) == Texts(TopK(index, rows, ef, k, a)),
                                  rows.Count() << " rows, " << EntityFieldName(ef) << " k=" << k);
                }
            }
        }
        for (auto a : {Amplification::Both, Amplification::OriginalsOnly, Amplification::AmplificationOnly})
            CheckOverview(index, rows, a, 5, TimeBin::Week);
    }
}
