#include <doctest/doctest.h>

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
