// Bins, series and peaks over a selection's rows in time order equal those over the selection (rule 113):
// the explorer counts its timeline from the query's rows in time order, by binary search.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "aggregate.hpp"
#include "peaks.hpp"
#include "query.hpp"
#include "time_order_fixture.hpp"
#include "timeline.hpp"

using namespace chorus;
using namespace chorus::core;

namespace {

std::vector<Selection> Selections(Dataset& ds) {
    QueryIndex index(ds);
    std::vector<Selection> out{Selection::All(ds.Posts()), Selection::None(ds.Posts())};
    for (const char* q : {"#tag0", "lang:fr", "-#tag0 lang:en", "from:user1", "since:2024-01-04T04:00"}) {
        ParsedQuery parsed = ParseQuery(q);
        REQUIRE(parsed.ok());
        out.push_back(index.Select(parsed.query));
    }
    return out;
}

void CheckPeaks(const PeakReport& got, const PeakReport& want) {
    CHECK(got.posts == want.posts);
    CHECK(got.series.edges == want.series.edges);
    CHECK(got.series.counts == want.series.counts);
    REQUIRE(got.peaks.size() == want.peaks.size());
    for (size_t i = 0; i < want.peaks.size(); ++i) {
        const Peak &g = got.peaks[i], &w = want.peaks[i];
        CHECK(g.bin == w.bin);
        CHECK(g.count == w.count);
        CHECK(g.z == w.z);
        CHECK(g.window_posts == w.window_posts);
        using Drivers = std::vector<PeakDriver>;
        const std::pair<const Drivers*, const Drivers*> lists[] = {
            {&g.hashtags, &w.hashtags}, {&g.authors, &w.authors}, {&g.domains, &w.domains}};
        for (const auto& [a, b] : lists) {
            REQUIRE(a->size() == b->size());
            for (size_t k = 0; k < a->size(); ++k) {
                CHECK((*a)[k].text == (*b)[k].text);
                CHECK((*a)[k].count == (*b)[k].count);
                CHECK((*a)[k].window_count == (*b)[k].window_count);
                CHECK((*a)[k].rise == (*b)[k].rise);
            }
        }
    }
}

}  // namespace

TEST_CASE("rule 113: bins, series and peaks over rows in time order equal those over the selection") {
    Dataset ds;
    test::FillTimeOrderPosts(ds, 6000);
    REQUIRE_FALSE(ds.SortedTimes().IsTimeColumn());  // times out of row order, some missing
    TimeZoneResult paris = LoadTimeZone("Europe/Paris");
    REQUIRE(paris.ok());
    size_t peaks_seen = 0;
    for (const Selection& rows : Selections(ds)) {
        const std::vector<RowId> order = test::InTimeOrder(ds, rows);
        for (const TimeZone& zone : {TimeZone(), paris.zone}) {
            for (int64_t step : {int64_t{900}, kHour, 3 * kHour, kDay}) {
                for (UnixSeconds start : {test::kOrderStart - 7 * kHour, test::kOrderStart + 50 * kHour + 17}) {
                    const TimeBins want = Histogram(ds, rows, start, step, 90, zone);
                    const TimeBins got = Histogram(ds, order, start, step, 90, zone);
                    CHECK(got.start == want.start);
                    CHECK(got.edges == want.edges);
                    CHECK(got.counts == want.counts);
                }
            }
            for (TimeBin bin : {TimeBin::Hour, TimeBin::Day, TimeBin::Week}) {
                const TimeSeries want = CountByTime(ds, rows, bin, zone);
                const TimeSeries got = CountByTime(ds, order, rows.Count(), bin, zone);
                CHECK(got.edges == want.edges);
                CHECK(got.counts == want.counts);
                CHECK(got.outside == want.outside);
                CHECK(got.no_time == want.no_time);
                PeakOptions options;
                options.bin = bin;
                options.zone = zone;
                const PeakReport whole = FindPeaks(ds, rows, options);
                CheckPeaks(FindPeaks(ds, order, rows.Count(), options), whole);
                // Without drivers, then each peak's on demand: the same report.
                PeakReport bare = FindPeaks(ds, order, rows.Count(), options, false);
                for (const Peak& p : bare.peaks)
                    CHECK(p.hashtags.empty());
                for (Peak& p : bare.peaks)
                    PeakDrivers(ds, order, bare, p);
                CheckPeaks(bare, whole);
                peaks_seen += whole.peaks.size();
            }
        }
    }
    CHECK(peaks_seen > 0);
}

TEST_CASE("rule 113: a dataset with no time: empty series, every post without one") {
    Dataset ds;
    const size_t file = ds.BeginFile("no time");
    PostRecord r;
    r.id = "1";
    r.text = "x";
    REQUIRE(ds.Add(r, file, 1) == Dataset::AddResult::Added);
    const Selection all = Selection::All(ds.Posts());
    const std::vector<RowId> order = test::InTimeOrder(ds, all);
    CHECK(order.empty());
    const TimeSeries got = CountByTime(ds, order, 1, TimeBin::Day, TimeZone());
    const TimeSeries want = CountByTime(ds, all, TimeBin::Day, TimeZone());
    CHECK(got.counts == want.counts);
    CHECK(got.no_time == want.no_time);
    CHECK(FindPeaks(ds, order, 1).peaks.empty());
}
