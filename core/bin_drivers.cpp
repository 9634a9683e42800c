#include "bin_drivers.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sorted_times.hpp"
#include "time_utc.hpp"
#include "timeline.hpp"

namespace chorus::core {

bool ValidBinStep(int64_t step) {
    return IsCalendarStep(step) || (step > 0 && (step < kDay ? kDay % step == 0 : step % kDay == 0));
}

const char* BaselineName(Baseline b) {
    switch (b) {
        case Baseline::Before: return "before";
        case Baseline::After: return "after";
        case Baseline::None: break;
    }
    return "none";
}

namespace {

// The bins of the baseline's span the data reaches (rule 111): those from the bin holding the data's first time
// (before) or up to the one holding its last (after), at most W.
size_t ReachedBins(const Dataset& ds, const BinDrivers& d) {
    if (d.baseline == Baseline::None) return 0;
    const SortedTimesView times = ds.SortedTimes();
    if (times.empty()) return 0;
    const int64_t step = d.options.step;
    const TimeZone& zone = d.options.zone;
    size_t bins = 0;
    if (d.baseline == Baseline::Before) {
        const UnixSeconds first = ZoneFloor(times[0], CalendarUnit::Fixed, step, zone);
        for (UnixSeconds t = d.start; bins < d.options.window && t > first; ++bins)
            t = ZoneFloor(t - 1, CalendarUnit::Fixed, step, zone);
    } else {
        const UnixSeconds last = times.back();
        for (UnixSeconds t = d.end; bins < d.options.window && t <= last; ++bins)
            t = ZoneNext(t, CalendarUnit::Fixed, step, zone);
    }
    return bins;
}

}  // namespace

BinDrivers FindBinDrivers(const Dataset& ds, const Selection& rows, UnixSeconds at, const BinDriversOptions& options) {
    BinDrivers out;
    out.options = options;
    out.options.window = std::max<size_t>(options.window, 1);
    const int64_t step = options.step;
    const TimeZone& zone = options.zone;
    out.start = ZoneFloor(at, CalendarUnit::Fixed, step, zone);
    out.end = ZoneNext(out.start, CalendarUnit::Fixed, step, zone);
    UnixSeconds before = out.start, after = out.end;
    for (size_t i = 0; i < out.options.window; ++i) {
        before = ZoneFloor(before - 1, CalendarUnit::Fixed, step, zone);
        after = ZoneNext(after, CalendarUnit::Fixed, step, zone);
    }
    std::vector<RowId> bin_rows, before_rows, after_rows;
    rows.ForEach([&](RowId r) {
        const UnixSeconds t = ds.TimeOf(r);
        if (t == kNoTime || t < before || t >= after) return;
        if (t < out.start)
            before_rows.push_back(r);
        else if (t < out.end)
            bin_rows.push_back(r);
        else
            after_rows.push_back(r);
    });
    out.count = bin_rows.size();
    std::vector<RowId>* baseline = &before_rows;
    out.baseline = Baseline::Before;
    out.baseline_start = before;
    out.baseline_end = out.start;
    if (before_rows.empty()) {
        baseline = &after_rows;
        out.baseline = after_rows.empty() ? Baseline::None : Baseline::After;
        out.baseline_start = out.end;
        out.baseline_end = after;
    }
    out.baseline_posts = baseline->size();
    out.baseline_bins = ReachedBins(ds, out);
    if (bin_rows.empty()) return out;  // nothing can rise in an empty bin
    out.hashtags = RisingValues(ds, EntityField::Hashtag, bin_rows, *baseline, options.drivers);
    out.authors = RisingValues(ds, EntityField::Author, bin_rows, *baseline, options.drivers);
    out.domains = RisingValues(ds, EntityField::Domain, bin_rows, *baseline, options.drivers);
    return out;
}

std::string BinDriversJson(const BinDrivers& d, std::string_view query) {
    using nlohmann::ordered_json;
    const TimeZone& zone = d.options.zone;
    ordered_json j;
    j["query"] = std::string(query);
    j["step"] = d.options.step;
    j["tz"] = zone.Name();
    j["start"] = FormatIsoLocal(d.start, zone);
    j["end"] = FormatIsoLocal(d.end, zone);
    j["count"] = d.count;
    j["baseline"] = BaselineName(d.baseline);
    j["baseline_start"] = FormatIsoLocal(d.baseline_start, zone);
    j["baseline_end"] = FormatIsoLocal(d.baseline_end, zone);
    j["baseline_bins"] = d.baseline_bins;
    j["baseline_posts"] = d.baseline_posts;
    auto list = [](const std::vector<PeakDriver>& drivers) {
        ordered_json a = ordered_json::array();
        for (const PeakDriver& v : drivers)
            a.push_back({{"value", v.text},
                         {"count", v.count},
                         {"window_count", v.window_count},
                         {"share", v.share},
                         {"window_share", v.window_share},
                         {"rise", v.rise}});
        return a;
    };
    j["hashtags"] = list(d.hashtags);
    j["authors"] = list(d.authors);
    j["domains"] = list(d.domains);
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string BaselineText(const BinDrivers& d) {
    if (d.baseline == Baseline::None) return "nothing";
    const bool before = d.baseline == Baseline::Before;
    const std::string bins = d.baseline_bins == 1 ? "the bin" : "the " + std::to_string(d.baseline_bins) + " bins";
    std::string text = bins + (before ? " before it" : " after it");
    if (d.baseline_bins < d.options.window) text += before ? " (every earlier post)" : " (every later post)";
    return text;
}

}  // namespace chorus::core
