// The timeline's kept bins (shell/series_cache.hpp): always core::Histogram's bins, counted again only when
// the step, the zone, the selection or the range leaves what is kept.
#include <doctest/doctest.h>

#include "query.hpp"
#include "series_cache.hpp"
#include "test_support.hpp"
#include "time_utc.hpp"
#include "timeline.hpp"

using namespace chorus::core;
using chorus::shell::BinCache;

namespace {

struct Demo {
    Dataset ds;
    Selection rows;
    Demo() {
        chorus::test::LoadSummary(ds, {"../../assets/demo/metoo-demo.jsonl"});
        QueryIndex index(ds);
        rows = index.Select(ParseQuery("#metoo").query);
    }
};

void CheckSame(const TimeBins& got, const TimeBins& want) {
    CHECK(got.start == want.start);
    CHECK(got.step == want.step);
    CHECK(got.counts == want.counts);
    CHECK(got.edges == want.edges);
}

}  // namespace

TEST_CASE("series cache: pans read the kept bins; a far pan, a new step or Invalidate counts again") {
    Demo demo;
    const UnixSeconds first = demo.ds.SortedTimes().front();
    BinCache cache;
    TimeBins got;
    for (int64_t shift = 0; shift < 150; shift += 7) {  // hours of pan, 150 bins shown: within the kept margin
        const UnixSeconds start = first + shift * kHour + 1234;
        cache.Fill(demo.ds, demo.rows, start, kHour, 150, TimeZone(), got);
        CheckSame(got, Histogram(demo.ds, demo.rows, start, kHour, 150));
    }
    CHECK(cache.Recounts() == 1);
    cache.Fill(demo.ds, demo.rows, first + 400 * kHour, kHour, 150, TimeZone(), got);  // past the kept range
    CheckSame(got, Histogram(demo.ds, demo.rows, first + 400 * kHour, kHour, 150));
    CHECK(cache.Recounts() == 2);
    cache.Fill(demo.ds, demo.rows, first, kDay, 90, TimeZone(), got);  // zoomed out: days
    CheckSame(got, Histogram(demo.ds, demo.rows, first, kDay, 90));
    CHECK(cache.Recounts() == 3);
    cache.Invalidate();  // the selection changed
    cache.Fill(demo.ds, demo.rows, first, kDay, 90, TimeZone(), got);
    CHECK(cache.Recounts() == 4);
    BinCache::SetEnabled(false);  // the benchmark's baseline: every Fill counts
    cache.Fill(demo.ds, demo.rows, first, kDay, 90, TimeZone(), got);
    BinCache::SetEnabled(true);
    CHECK(cache.Recounts() == 5);
    CheckSame(got, Histogram(demo.ds, demo.rows, first, kDay, 90));
}

TEST_CASE("series cache: in a zone, hours across the fall-back and local days are the zone's Histogram") {
    Demo demo;
    TimeZoneResult ny = LoadTimeZone("America/New_York");
    REQUIRE(ny.ok());
    const UnixSeconds fall_back = ParseIsoTime("2017-11-05T06:00:00Z");  // 01:00 EST, the repeated hour's end
    BinCache hours, days;
    TimeBins got;
    for (int64_t shift = -28; shift <= 28; shift += 4) {  // 56 hours of pan, 60 bins shown: kept
        const UnixSeconds start = fall_back + shift * kHour + 600;
        hours.Fill(demo.ds, demo.rows, start, kHour, 60, ny.zone, got);
        CheckSame(got, Histogram(demo.ds, demo.rows, start, kHour, 60, ny.zone));
        days.Fill(demo.ds, demo.rows, start, kDay, 30, ny.zone, got);
        CheckSame(got, Histogram(demo.ds, demo.rows, start, kDay, 30, ny.zone));
    }
    CHECK(hours.Recounts() == 1);
    CHECK(days.Recounts() == 1);
}
