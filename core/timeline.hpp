// Timeline: posts per time bin, read off the sorted time column.
//
//   TimeBins bins = Histogram(dataset, start, kDay, 30);  // 30 days from `start`
//   bins.counts[i] = posts with start + i*step <= time < start + (i+1)*step
//
// Cost: one binary search per bin edge (never a scan of every post), so a
// timeline asks for as many bins as it has pixels and stays cheap at any zoom.
// Times are UTC; bins align to multiples of `step` since 1970-01-01T00:00Z.
#pragma once

#include <cstdint>
#include <vector>

#include "dataset.hpp"
#include "selection.hpp"

namespace chorus::core {

inline constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400, kWeek = 7 * kDay;

struct TimeBins {
    UnixSeconds start = 0;  // start of the first bin
    int64_t step = kDay;    // bin width in seconds
    std::vector<uint64_t> counts;
    uint64_t Max() const;
};

// `start` is rounded down to a multiple of `step`.
TimeBins Histogram(const Dataset& dataset, UnixSeconds start, int64_t step, size_t bins);
// The same bins over the selected posts only (one pass over the selection).
TimeBins Histogram(const Dataset& dataset, const Selection& rows, UnixSeconds start, int64_t step, size_t bins);
// The default bin of a span: a day, or an hour when the span is under 3 days.
int64_t DefaultStep(UnixSeconds first, UnixSeconds last);
// The finest "nice" step (1 s ... 1 week) that keeps `span / step` at most `max_bins`.
int64_t StepForSpan(int64_t span, double max_bins);
// Floor of t to a multiple of step (also for times before 1970).
UnixSeconds FloorTo(UnixSeconds t, int64_t step);

}  // namespace chorus::core
