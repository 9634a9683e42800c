// Timeline: posts per time bin, read off the sorted time column.
//
//   TimeBins bins = Histogram(dataset, start, kDay, 30);  // 30 days from `start`
//   bins.counts[i] = posts with start + i*step <= time < start + (i+1)*step
//
// Cost: one binary search per bin edge (never a scan of every post), so a
// timeline asks for as many bins as it has pixels and stays cheap at any zoom.
// Times are UTC; bins align to multiples of `step` since 1970-01-01T00:00Z, weeks to
// Mondays (StepFloor). With a TimeZone, bins align to the zone's local clock instead
// (COUNTING.md, rule 46): 23- and 25-hour days, hours that start at local :00 in +05:30
// zones, the repeated hour of a fall-back as two bins.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "dataset.hpp"
#include "selection.hpp"
#include "time_zone.hpp"

namespace chorus::core {

inline constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400, kWeek = 7 * kDay;
// Calendar steps: a month, a year, on the (zone's) calendar whatever their length (rule 46). The values are the
// Gregorian mean lengths, so a number of bins estimated from a span stays about right; every edge of such a bin
// comes from ZoneFloor / ZoneNext (which read these two values as CalendarUnit::Month and ::Year).
inline constexpr int64_t kMonth = 2629746, kYear = 31556952;
constexpr bool IsCalendarStep(int64_t step) {
    return step == kMonth || step == kYear;
}

struct TimeBins {
    UnixSeconds start = 0;  // start of the first bin
    int64_t step = kDay;    // bin width in seconds
    std::vector<uint64_t> counts;
    std::vector<UnixSeconds> edges;  // counts.size() + 1 edges: bin i is [edges[i], edges[i + 1])
    uint64_t Max() const;
};

// `start` is rounded down to a bin's start (StepFloor).
TimeBins Histogram(const Dataset& dataset, UnixSeconds start, int64_t step, size_t bins);
// The same bins over the selected posts only (one pass over the selection).
TimeBins Histogram(const Dataset& dataset, const Selection& rows, UnixSeconds start, int64_t step, size_t bins);
// The same in a zone: `step` divides a day (bins start at the local clock's multiples of it) or is
// a whole number of days (counted from 1970-01-01 on the local calendar, whole weeks from Monday
// 1970-01-05). UTC gives the bins above.
TimeBins Histogram(const Dataset& dataset, UnixSeconds start, int64_t step, size_t bins, const TimeZone& zone);
TimeBins Histogram(const Dataset& dataset, const Selection& rows, UnixSeconds start, int64_t step, size_t bins,
                   const TimeZone& zone);
// The same bins over rows given in time order (rows with a time, by time: as SortedTimes() orders them):
// two binary searches per bin, never a pass over the rows, so the bins of millions of rows take microseconds.
TimeBins Histogram(const Dataset& dataset, std::span<const RowId> in_time_order, UnixSeconds start, int64_t step,
                   size_t bins, const TimeZone& zone);
// The posts of each type (indexed by PostType) among rows given in time order whose time is in [from, to):
// two binary searches, then a pass over those rows only (a bin's tooltip, not a pass over every post).
std::array<uint64_t, kPostTypeCount> CountTypesBetween(const Dataset& dataset, std::span<const RowId> in_time_order,
                                                       UnixSeconds from, UnixSeconds to);
// The default bin of a span: a day, or an hour when the span is under 3 days.
int64_t DefaultStep(UnixSeconds first, UnixSeconds last);
// The finest "nice" step (1 s ... 1 week) that keeps `span / step` at most `max_bins`.
int64_t StepForSpan(int64_t span, double max_bins);
// Floor of t to a multiple of step (also for times before 1970).
UnixSeconds FloorTo(UnixSeconds t, int64_t step);
// Start of the timeline's bin of `step` seconds holding t: multiples of the step since 1970-01-01T00:00,
// except whole weeks, which start on Mondays (from 1970-01-05, as ISO weeks and rule A3's week bins), and
// kMonth / kYear, which start on the first of a (UTC) month or year.
UnixSeconds StepFloor(UnixSeconds t, int64_t step);

// Bin edges on a zone's local calendar (rule 46). A bin is `Fixed` seconds (dividing a day, or whole
// days counted from 1970-01-01 local, whole weeks from Monday 1970-01-05), an ISO week (Monday
// 00:00), a month or a year. ZoneFloor gives the start of the bin holding t, ZoneNext the start of
// the bin after the one holding `edge`.
// Sub-day bins also start at every change of the UTC offset, so a repeated hour is a bin of its own.
enum class CalendarUnit : uint8_t { Fixed, IsoWeek, Month, Year };
UnixSeconds ZoneFloor(UnixSeconds t, CalendarUnit unit, int64_t seconds, const TimeZone& zone);
UnixSeconds ZoneNext(UnixSeconds edge, CalendarUnit unit, int64_t seconds, const TimeZone& zone);

}  // namespace chorus::core
