#include "timeline.hpp"

#include <algorithm>

namespace chorus::core {

uint64_t TimeBins::Max() const {
    return counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

UnixSeconds FloorTo(UnixSeconds t, int64_t step) {
    UnixSeconds q = t / step * step;
    return q > t ? q - step : q;
}

TimeBins Histogram(const Dataset& dataset, UnixSeconds start, int64_t step, size_t bins) {
    TimeBins out;
    out.step = step;
    out.start = FloorTo(start, step);
    out.counts.assign(bins, 0);
    const auto& times = dataset.SortedTimes();
    auto edge = std::lower_bound(times.begin(), times.end(), out.start);
    for (size_t i = 0; i < bins; ++i) {
        UnixSeconds end = out.start + static_cast<int64_t>(i + 1) * step;
        auto next = std::lower_bound(edge, times.end(), end);
        out.counts[i] = static_cast<uint64_t>(next - edge);
        edge = next;
    }
    return out;
}

TimeBins Histogram(const Dataset& dataset, const Selection& rows, UnixSeconds start, int64_t step, size_t bins) {
    TimeBins out;
    out.start = FloorTo(start, step);
    out.step = step;
    out.counts.assign(bins, 0);
    rows.ForEach([&](RowId row) {
        UnixSeconds t = dataset.TimeOf(row);
        if (t == kNoTime || t < out.start) return;
        int64_t bin = (t - out.start) / step;
        if (bin < static_cast<int64_t>(bins)) ++out.counts[static_cast<size_t>(bin)];
    });
    return out;
}

int64_t DefaultStep(UnixSeconds first, UnixSeconds last) {
    return last - first < 3 * kDay ? kHour : kDay;
}

int64_t StepForSpan(int64_t span, double max_bins) {
    static constexpr int64_t kSteps[] = {
        1,     5,         10,        30,         kMinute, 5 * kMinute, 15 * kMinute, 30 * kMinute,
        kHour, 3 * kHour, 6 * kHour, 12 * kHour, kDay,    kWeek};
    for (int64_t step : kSteps)
        if (static_cast<double>(span) / static_cast<double>(step) <= max_bins) return step;
    return kWeek;
}

}  // namespace chorus::core
