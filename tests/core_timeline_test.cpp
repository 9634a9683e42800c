#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <vector>

#include "aggregate.hpp"
#include "sorted_times.hpp"
#include "summary.hpp"
#include "test_support.hpp"
#include "time_utc.hpp"
#include "timeline.hpp"

using namespace chorus::core;

TEST_CASE("timeline: bins are half-open and aligned") {
    Dataset ds;
    chorus::test::LoadSummary(ds, {"v1_mixed.jsonl"});
    // Posts at 10-15 20:21, 10-16 09:00, 10:30, 11:45:30, 12:00, 12:00 (UTC).
    UnixSeconds day = ParseIsoTime("2017-10-15T00:00:00Z");
    TimeBins days = Histogram(ds, day + 5, kDay, 3);
    CHECK(days.start == day);  // rounded down to the step
    CHECK(days.counts == std::vector<uint64_t>{1, 5, 0});
    TimeBins hours = Histogram(ds, ParseIsoTime("2017-10-16T09:00:00Z"), kHour, 4);
    CHECK(hours.counts == std::vector<uint64_t>{1, 1, 1, 2});  // 12:00 falls in [12:00, 13:00)
    CHECK(hours.Max() == 2);
    CHECK(DefaultStep(day, day + 2 * kDay) == kHour);
    CHECK(DefaultStep(day, day + 3 * kDay) == kDay);
    CHECK(StepForSpan(kHour, 100) == kMinute);
    CHECK(StepForSpan(kMinute, 100) == 1);
    CHECK(StepForSpan(kDay, 10) == 3 * kHour);
    CHECK(FloorTo(-1, kDay) == -kDay);
}

TEST_CASE("timeline: week bins start on Mondays, as ISO weeks (rule 10)") {
    Dataset ds;
    chorus::test::LoadSummary(ds, {"v1_mixed.jsonl"});
    // Sunday 2017-10-15 20:21 and five posts on Monday 10-16: two weeks, not one from Thursday 10-12.
    const UnixSeconds monday = ParseIsoTime("2017-10-09T00:00:00Z");
    CHECK(StepFloor(ParseIsoTime("2017-10-15T20:21:00Z"), kWeek) == monday);
    CHECK(StepFloor(ParseIsoTime("2017-10-16T00:00:00Z"), kWeek) == monday + kWeek);
    CHECK(StepFloor(-1, kWeek) == -3 * kDay);  // Wednesday 1969-12-31 is in the week of Monday 12-29
    CHECK(StepFloor(ParseIsoTime("2017-10-15T20:21:00Z"), kDay) == ParseIsoTime("2017-10-15T00:00:00Z"));
    const UnixSeconds at = ParseIsoTime("2017-10-15T12:00:00Z");
    const TimeBins weeks = Histogram(ds, at, kWeek, 2);
    CHECK(weeks.start == monday);
    CHECK(weeks.edges == std::vector<UnixSeconds>{monday, monday + kWeek, monday + 2 * kWeek});
    CHECK(weeks.counts == std::vector<uint64_t>{1, 5});
    CHECK(Histogram(ds, Selection::All(ds.Posts()), at, kWeek, 2).counts == weeks.counts);
    CHECK(Histogram(ds, at, kWeek, 2, TimeZone()).counts == weeks.counts);
    std::vector<RowId> order;
    for (RowId row = 0; row < ds.Posts(); ++row)
        if (ds.TimeOf(row) != kNoTime) order.push_back(row);
    std::stable_sort(order.begin(), order.end(), [&](RowId a, RowId b) { return ds.TimeOf(a) < ds.TimeOf(b); });
    const TimeBins ordered = Histogram(ds, order, at, kWeek, 2, TimeZone());
    CHECK(ordered.start == monday);
    CHECK(ordered.counts == weeks.counts);
}

TEST_CASE("timeline: month and year steps follow the calendar, as rule A3's month and year bins") {
    Dataset ds;
    chorus::test::LoadSummary(ds, {"query_posts.jsonl"});
    const Selection all = Selection::All(ds.Posts());
    std::vector<RowId> order;
    for (RowId row = 0; row < ds.Posts(); ++row)
        if (ds.TimeOf(row) != kNoTime) order.push_back(row);
    std::stable_sort(order.begin(), order.end(), [&](RowId a, RowId b) { return ds.TimeOf(a) < ds.TimeOf(b); });
    for (const auto& step_and_bin : {std::pair{kMonth, TimeBin::Month}, std::pair{kYear, TimeBin::Year}}) {
        const int64_t step = step_and_bin.first;
        const TimeBin bin = step_and_bin.second;
        CAPTURE(step);
        const TimeSeries want = CountByTime(ds, all, bin);  // rule A3: first bin to last, zero-filled
        REQUIRE(want.counts.size() >= 2);
        const UnixSeconds from = want.edges.front() + 5 * kDay;  // rounded down to the first of its month or year
        const TimeBins sorted = Histogram(ds, from, step, want.counts.size());
        CHECK(sorted.edges == want.edges);  // 30- and 31-day months, 365- and 366-day years
        CHECK(sorted.counts == want.counts);
        CHECK(Histogram(ds, all, from, step, want.counts.size()).counts == want.counts);
        CHECK(Histogram(ds, order, from, step, want.counts.size(), TimeZone()).counts == want.counts);
        CHECK(Histogram(ds, from, step, want.counts.size(), TimeZone()).edges == want.edges);
        CHECK(StepFloor(from, step) == want.edges.front());
    }
    // 2016 is a leap year; months have the calendar's lengths.
    CHECK(ZoneNext(ParseIsoTime("2016-02-01T00:00:00Z"), CalendarUnit::Fixed, kMonth, TimeZone()) ==
          ParseIsoTime("2016-03-01T00:00:00Z"));
    CHECK(ZoneNext(ParseIsoTime("2016-01-01T00:00:00Z"), CalendarUnit::Fixed, kYear, TimeZone()) ==
          ParseIsoTime("2016-01-01T00:00:00Z") + 366 * kDay);
    CHECK(StepFloor(-1, kMonth) == ParseIsoTime("1969-12-01T00:00:00Z"));
}

TEST_CASE("timeline and summary over a selection count only the selected posts") {
    Dataset ds;
    chorus::test::LoadSummary(ds, {"v1_mixed.jsonl"});
    // Rows 1 (retweet, 10-16 09:00, ben), 3 (reply, 11:45:30, ben), 5 (original, 12:00, ana).
    std::vector<RowId> rows{1, 3, 5};
    Selection picked = Selection::FromRows(ds.Posts(), rows);
    TimeBins hours = Histogram(ds, picked, ParseIsoTime("2017-10-16T09:00:00Z"), kHour, 4);
    CHECK(hours.counts == std::vector<uint64_t>{1, 0, 1, 1});
    Summary s = Summarize(ds, picked);
    CHECK(s.posts == 3);
    CHECK(s.authors == 2);
    CHECK(s.types[static_cast<size_t>(PostType::Retweet)] == 1);
    CHECK(s.types[static_cast<size_t>(PostType::Reply)] == 1);
    CHECK(s.types[static_cast<size_t>(PostType::Original)] == 1);
    CHECK(FormatIsoUtc(s.first) == "2017-10-16T09:00:00Z");
    CHECK(FormatIsoUtc(s.last) == "2017-10-16T12:00:00Z");
    // The whole selection gives the dataset's numbers.
    Summary all = Summarize(ds, Selection::All(ds.Posts()));
    CHECK(all.posts == Summarize(ds).posts);
    CHECK(all.authors == Summarize(ds).authors);
}

TEST_CASE("timeline: a bin's posts of each type, counted from rows in time order, are those of its bar") {
    Dataset ds;
    chorus::test::LoadSummary(ds, {"v1_mixed.jsonl"});
    for (const std::vector<RowId>& given : {std::vector<RowId>{}, std::vector<RowId>{1, 3, 5}}) {
        // The rows (all, or some) with a time, by time then row: as the explorer orders a query's rows.
        std::vector<RowId> order;
        for (RowId row = 0; row < ds.Posts(); ++row)
            if (ds.TimeOf(row) != kNoTime &&
                (given.empty() || std::find(given.begin(), given.end(), row) != given.end()))
                order.push_back(row);
        std::stable_sort(order.begin(), order.end(), [&](RowId a, RowId b) { return ds.TimeOf(a) < ds.TimeOf(b); });
        const UnixSeconds start = ParseIsoTime("2017-10-15T20:00:00Z");
        const TimeBins bins = Histogram(ds, order, start, kHour, 20, TimeZone());
        uint64_t posts = 0;
        for (size_t bin = 0; bin < bins.counts.size(); ++bin) {
            CAPTURE(bin);
            const auto types = CountTypesBetween(ds, order, bins.edges[bin], bins.edges[bin + 1]);
            std::array<uint64_t, kPostTypeCount> want{};
            for (RowId row : order)
                if (ds.TimeOf(row) >= bins.edges[bin] && ds.TimeOf(row) < bins.edges[bin + 1])
                    ++want[static_cast<size_t>(ds.TypeOf(row))];
            CHECK(types == want);
            CHECK(types[0] + types[1] + types[2] + types[3] == bins.counts[bin]);
            posts += bins.counts[bin];
        }
        CHECK(posts == order.size());  // every bin was asked: each post counted once
        CHECK(CountTypesBetween(ds, order, start + kHour, start) == std::array<uint64_t, kPostTypeCount>{});
    }
}

TEST_CASE("timeline: a galloping search from the last edge finds what a binary search finds") {
    std::mt19937 random(3);
    for (int trial = 0; trial < 300; ++trial) {
        std::vector<UnixSeconds> times(random() % 200);
        for (UnixSeconds& t : times)
            t = static_cast<UnixSeconds>(random() % 50);  // many equal times
        std::sort(times.begin(), times.end());
        const size_t from = times.empty() ? 0 : random() % (times.size() + 1);
        for (UnixSeconds value = -1; value <= 51; ++value) {
            const auto want = std::lower_bound(times.begin() + static_cast<long>(from), times.end(), value);
            CHECK(GallopLowerBound(times.begin() + static_cast<long>(from), times.end(), value) == want);
        }
    }
}
