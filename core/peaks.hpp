// Peaks: time bins where a selection's posts stand out of their recent past, and what drove them.
//
//   PeakReport report = FindPeaks(dataset, rows, PeakOptions{.bin = TimeBin::Hour});
//   for (const Peak& p : report.peaks) ... p.start, p.count, p.z, p.hashtags[0].text ...
//   std::string json = PeaksJson(report, "#metoo");   // what `chorus peaks --format json` prints
//
// The rule (COUNTING.md, "Peaks", rules P1-P3): the series is CountByTime over the dataset's span
// (in options.zone: the bins of a local clock, as the timeline's).
// Bin i is a peak when it has a full trailing window of W bins before it (bins i-W .. i-1, zeros
// included, earlier peaks included), and, with `mean` and `stddev` (population) of their counts,
//     z = (count - mean) / max(stddev, 1) >= min_z   and   count >= min_count.
// Each peak lists, for hashtags, authors and domains, the values whose share of posts rose most
// from the window to the peak bin: share = posts holding the value / posts (every selected post
// of those bins counts in the denominator, a value once per post); rise = peak share - window
// share; only rises above zero; order rise descending, then peak count descending, then text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate.hpp"
#include "entity_field.hpp"

namespace chorus::core {

struct PeakOptions {
    TimeBin bin = TimeBin::Hour;
    size_t window = 24;      // W: trailing bins of the baseline (at least 1)
    double min_z = 3.0;      // z threshold
    uint64_t min_count = 5;  // fewest posts a peak bin holds
    size_t drivers = 5;      // values listed per field
    // The zone whose clock the bins follow (local days, DST hours), as the timeline's
    // CountByTime(..., zone): peaks are found on the same bins the timeline draws. UTC by default.
    TimeZone zone;
};

// A value whose share rose in a peak bin.
struct PeakDriver {
    uint32_t id = 0;            // id in the field's dictionary
    std::string text;           // as EntityText() gives it
    uint64_t count = 0;         // peak-bin posts holding it
    uint64_t window_count = 0;  // window posts holding it
    double share = 0;           // count / peak-bin posts
    double window_share = 0;    // window_count / window posts (0 when the window has none)
    double rise = 0;            // share - window_share, > 0
};

struct Peak {
    size_t bin = 0;  // index in the report's series
    UnixSeconds start = 0, end = 0;
    uint64_t count = 0;
    double mean = 0, stddev = 0, z = 0;  // of the window's counts
    uint64_t window_posts = 0;           // posts in the window
    std::vector<PeakDriver> hashtags, authors, domains;
};

struct PeakReport {
    PeakOptions options;
    TimeSeries series;        // the selection's counts per bin
    uint64_t posts = 0;       // selected posts
    std::vector<Peak> peaks;  // in time order
};

// The values of `field` whose share rose most from `window_rows` to `peak_rows` (rule P2's order and
// filter: rises above zero, rise then count then text), at most k. Used by FindPeaks and bin_drivers.hpp.
std::vector<PeakDriver> RisingValues(const Dataset& dataset, EntityField field, std::span<const RowId> peak_rows,
                                     std::span<const RowId> window_rows, size_t k);

PeakReport FindPeaks(const Dataset& dataset, const Selection& rows, const PeakOptions& options = {});
// The same report for the selected rows given in time order (those with a time, by time: as SortedTimes()
// orders them) out of `posts` selected: the series by binary search, a peak's and its window's rows are
// contiguous ranges of them, so no pass over every selected row. Without `drivers` the peaks' drivers stay
// empty (the explorer finds a peak's drivers when its popup opens, with PeakDrivers()).
PeakReport FindPeaks(const Dataset& dataset, std::span<const RowId> in_time_order, uint64_t posts,
                     const PeakOptions& options = {}, bool drivers = true);
// The drivers of one peak of `report` (found over `in_time_order`), as FindPeaks fills them.
void PeakDrivers(const Dataset& dataset, std::span<const RowId> in_time_order, const PeakReport& report, Peak& peak);

// Start and end are local times with their offset in the options' zone ("...Z" in UTC).
// {"query", "bin", "tz": "UTC", "window", "min_z", "min_count", "posts", "peaks": [{"start", "end",
//  "count", "mean", "stddev", "z", "window_posts", "hashtags" | "authors" | "domains": [{"value",
//  "count", "window_count", "share", "window_share", "rise"}...]}...]}
std::string PeaksJson(const PeakReport& report, std::string_view query);

}  // namespace chorus::core
