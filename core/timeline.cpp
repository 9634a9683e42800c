#include "timeline.hpp"

#include <algorithm>
#include <cassert>

#include "time_utc.hpp"

namespace chorus::core {

uint64_t TimeBins::Max() const {
    return counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

UnixSeconds FloorTo(UnixSeconds t, int64_t step) {
    UnixSeconds q = t / step * step;
    return q > t ? q - step : q;
}

UnixSeconds StepFloor(UnixSeconds t, int64_t step) {
    if (IsCalendarStep(step)) return ZoneFloor(t, CalendarUnit::Fixed, step, TimeZone());
    if (step % kWeek != 0) return FloorTo(t, step);
    constexpr int64_t kMonday = 4 * kDay;  // 1970-01-05T00:00, the first Monday (ISO weeks, as rule A3)
    return FloorTo(t - kMonday, step) + kMonday;
}

namespace {

// Start of the local unit holding a local time, and the start of the next unit (local seconds).
int64_t LocalUnitFloor(int64_t local, CalendarUnit unit, int64_t seconds) {
    const int64_t day = FloorTo(local, kDay) / kDay;
    switch (unit) {
        case CalendarUnit::Fixed: return StepFloor(local, seconds);
        case CalendarUnit::IsoWeek: return (4 + FloorTo(day - 4, 7)) * kDay;  // 1970-01-05 was a Monday
        case CalendarUnit::Month:
        case CalendarUnit::Year: break;
    }
    int64_t y;
    unsigned m, d;
    CivilFromDays(day, y, m, d);
    return DaysFromCivil(y, unit == CalendarUnit::Month ? m : 1, 1) * kDay;
}

int64_t LocalUnitNext(int64_t unit_start, CalendarUnit unit, int64_t seconds) {
    switch (unit) {
        case CalendarUnit::Fixed: return unit_start + seconds;
        case CalendarUnit::IsoWeek: return unit_start + kWeek;
        case CalendarUnit::Month:
        case CalendarUnit::Year: break;
    }
    int64_t y;
    unsigned m, d;
    CivilFromDays(FloorTo(unit_start, kDay) / kDay, y, m, d);
    if (unit == CalendarUnit::Year || m == 12) return DaysFromCivil(y + 1, 1, 1) * kDay;
    return DaysFromCivil(y, m + 1, 1) * kDay;
}

// kMonth and kYear given as Fixed seconds are the calendar's months and years.
CalendarUnit UnitOf(CalendarUnit unit, int64_t seconds) {
    if (unit != CalendarUnit::Fixed || !IsCalendarStep(seconds)) return unit;
    return seconds == kMonth ? CalendarUnit::Month : CalendarUnit::Year;
}

bool SubDay(CalendarUnit unit, int64_t seconds) {
    return unit == CalendarUnit::Fixed && seconds < kDay;
}

void FillEdges(TimeBins& out, size_t bins, const TimeZone& zone) {
    out.edges.resize(bins + 1);
    out.edges[0] = out.start;
    for (size_t i = 0; i < bins; ++i)
        out.edges[i + 1] = zone.IsUtc() && !IsCalendarStep(out.step)
                               ? out.edges[i] + out.step
                               : ZoneNext(out.edges[i], CalendarUnit::Fixed, out.step, zone);
}

}  // namespace

UnixSeconds ZoneFloor(UnixSeconds t, CalendarUnit unit, int64_t seconds, const TimeZone& zone) {
    unit = UnitOf(unit, seconds);
    assert(unit != CalendarUnit::Fixed ||
           (seconds > 0 && (seconds < kDay ? kDay % seconds == 0 : seconds % kDay == 0)));
    if (SubDay(unit, seconds)) {
        const ZonePeriod p = zone.PeriodAt(t);
        return std::max(FloorTo(t + p.offset, seconds) - p.offset, p.begin);
    }
    int64_t unit_start = LocalUnitFloor(t + zone.OffsetAt(t), unit, seconds);
    // The first instant reading the next unit may come before t (a fall-back across midnight).
    for (int64_t next = LocalUnitNext(unit_start, unit, seconds); zone.LocalToUtc(next) <= t;
         next = LocalUnitNext(unit_start, unit, seconds))
        unit_start = next;
    return zone.LocalToUtc(unit_start);
}

UnixSeconds ZoneNext(UnixSeconds edge, CalendarUnit unit, int64_t seconds, const TimeZone& zone) {
    unit = UnitOf(unit, seconds);
    if (SubDay(unit, seconds)) {
        const ZonePeriod p = zone.PeriodAt(edge);
        return std::min(FloorTo(edge + p.offset, seconds) + seconds - p.offset, p.end);
    }
    int64_t unit_start = LocalUnitFloor(edge + zone.OffsetAt(edge), unit, seconds);
    UnixSeconds next = zone.LocalToUtc(LocalUnitNext(unit_start, unit, seconds));
    while (next <= edge) {  // a unit the clock skipped entirely (Pacific/Apia, 2011-12-30) has no bin
        unit_start = LocalUnitNext(unit_start, unit, seconds);
        next = zone.LocalToUtc(LocalUnitNext(unit_start, unit, seconds));
    }
    return next;
}

TimeBins Histogram(const Dataset& dataset, UnixSeconds start, int64_t step, size_t bins, const TimeZone& zone) {
    if (zone.IsUtc()) return Histogram(dataset, start, step, bins);
    TimeBins out;
    out.step = step;
    out.start = ZoneFloor(start, CalendarUnit::Fixed, step, zone);
    FillEdges(out, bins, zone);
    out.counts.assign(bins, 0);
    const auto& times = dataset.SortedTimes();
    auto edge = std::lower_bound(times.begin(), times.end(), out.start);
    for (size_t i = 0; i < bins; ++i) {
        auto next = std::lower_bound(edge, times.end(), out.edges[i + 1]);
        out.counts[i] = static_cast<uint64_t>(next - edge);
        edge = next;
    }
    return out;
}

TimeBins Histogram(const Dataset& dataset, const Selection& rows, UnixSeconds start, int64_t step, size_t bins,
                   const TimeZone& zone) {
    if (zone.IsUtc()) return Histogram(dataset, rows, start, step, bins);
    TimeBins out;
    out.step = step;
    out.start = ZoneFloor(start, CalendarUnit::Fixed, step, zone);
    FillEdges(out, bins, zone);
    out.counts.assign(bins, 0);
    rows.ForEach([&](RowId row) {
        UnixSeconds t = dataset.TimeOf(row);
        if (t == kNoTime || t < out.edges.front() || t >= out.edges.back()) return;
        auto bin = std::upper_bound(out.edges.begin(), out.edges.end(), t) - out.edges.begin() - 1;
        ++out.counts[static_cast<size_t>(bin)];
    });
    return out;
}

TimeBins Histogram(const Dataset& dataset, UnixSeconds start, int64_t step, size_t bins) {
    TimeBins out;
    out.step = step;
    out.start = StepFloor(start, step);
    out.counts.assign(bins, 0);
    FillEdges(out, bins, TimeZone());
    const auto& times = dataset.SortedTimes();
    auto edge = std::lower_bound(times.begin(), times.end(), out.start);
    for (size_t i = 0; i < bins; ++i) {
        auto next = std::lower_bound(edge, times.end(), out.edges[i + 1]);
        out.counts[i] = static_cast<uint64_t>(next - edge);
        edge = next;
    }
    return out;
}

TimeBins Histogram(const Dataset& dataset, const Selection& rows, UnixSeconds start, int64_t step, size_t bins) {
    TimeBins out;
    out.start = StepFloor(start, step);
    out.step = step;
    out.counts.assign(bins, 0);
    FillEdges(out, bins, TimeZone());
    const bool calendar = IsCalendarStep(step);  // months and years differ in length: their edges are searched
    rows.ForEach([&](RowId row) {
        UnixSeconds t = dataset.TimeOf(row);
        if (t == kNoTime || t < out.start) return;
        int64_t bin = calendar ? std::upper_bound(out.edges.begin(), out.edges.end(), t) - out.edges.begin() - 1
                               : (t - out.start) / step;
        if (bin < static_cast<int64_t>(bins)) ++out.counts[static_cast<size_t>(bin)];
    });
    return out;
}

std::array<uint64_t, kPostTypeCount> CountTypesBetween(const Dataset& dataset, std::span<const RowId> in_time_order,
                                                       UnixSeconds from, UnixSeconds to) {
    std::array<uint64_t, kPostTypeCount> out{};
    const PostTimes& times = dataset.TimeColumn();
    auto before = [&times](RowId row, UnixSeconds t) { return times[row] < t; };
    auto lo = std::lower_bound(in_time_order.begin(), in_time_order.end(), from, before);
    auto hi = std::lower_bound(lo, in_time_order.end(), std::max(from, to), before);
    for (auto it = lo; it != hi; ++it)
        ++out[static_cast<size_t>(dataset.TypeOf(*it))];
    return out;
}

TimeBins Histogram(const Dataset& dataset, std::span<const RowId> in_time_order, UnixSeconds start, int64_t step,
                   size_t bins, const TimeZone& zone) {
    TimeBins out;
    out.step = step;
    out.start = zone.IsUtc() ? StepFloor(start, step) : ZoneFloor(start, CalendarUnit::Fixed, step, zone);
    FillEdges(out, bins, zone);
    out.counts.assign(bins, 0);
    const PostTimes& times = dataset.TimeColumn();
    auto before = [&times](RowId row, UnixSeconds t) { return times[row] < t; };
    auto edge = std::lower_bound(in_time_order.begin(), in_time_order.end(), out.start, before);
    for (size_t i = 0; i < bins; ++i) {
        auto next = std::lower_bound(edge, in_time_order.end(), out.edges[i + 1], before);
        out.counts[i] = static_cast<uint64_t>(next - edge);
        edge = next;
    }
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
