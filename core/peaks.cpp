#include "peaks.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "entity_field.hpp"
#include "time_utc.hpp"

namespace chorus::core {
namespace {

struct Tally {
    uint64_t peak = 0, window = 0;
};

}  // namespace

std::vector<PeakDriver> RisingValues(const Dataset& ds, EntityField field, std::span<const RowId> peak_rows,
                                     std::span<const RowId> window_rows, size_t k) {
    std::unordered_map<uint32_t, Tally> tallies;
    VisitEntities(ds, field, [&](auto ids_of) {
        for (RowId r : peak_rows)
            for (uint32_t id : ids_of(r))
                ++tallies[id].peak;
        for (RowId r : window_rows)
            for (uint32_t id : ids_of(r))
                if (auto it = tallies.find(id); it != tallies.end()) ++it->second.window;
    });
    std::vector<PeakDriver> out;
    const auto peak_posts = static_cast<double>(peak_rows.size());
    const auto window_posts = static_cast<double>(window_rows.size());
    for (const auto& [id, t] : tallies) {
        PeakDriver d;
        d.id = id;
        d.count = t.peak;
        d.window_count = t.window;
        d.share = static_cast<double>(t.peak) / peak_posts;
        d.window_share = window_rows.empty() ? 0.0 : static_cast<double>(t.window) / window_posts;
        d.rise = d.share - d.window_share;
        if (d.rise > 0) out.push_back(std::move(d));
    }
    for (PeakDriver& d : out)
        d.text = std::string(EntityText(ds, field, d.id));
    std::sort(out.begin(), out.end(), [](const PeakDriver& a, const PeakDriver& b) {
        if (a.rise != b.rise) return a.rise > b.rise;
        if (a.count != b.count) return a.count > b.count;
        if (a.text != b.text) return a.text < b.text;
        return a.id < b.id;
    });
    if (out.size() > k) out.resize(k);
    return out;
}

namespace {

// Peak rule P1 over report.series: the bins whose count stands out of the trailing window.
void MarkPeaks(PeakReport& report) {
    const PeakOptions& options = report.options;
    const size_t w = options.window;
    const std::vector<uint64_t>& counts = report.series.counts;
    const std::vector<UnixSeconds>& edges = report.series.edges;

    // Rolling sums over the window, in integers (exact): bin i sees bins [i - w, i).
    uint64_t sum = 0, sum_sq = 0;
    const auto wd = static_cast<double>(w);
    for (size_t i = 0; i < counts.size(); ++i) {
        if (i >= w) {
            double mean = static_cast<double>(sum) / wd;
            double numerator = wd * static_cast<double>(sum_sq) - static_cast<double>(sum) * static_cast<double>(sum);
            double stddev = std::sqrt(std::max(0.0, numerator) / (wd * wd));
            double z = (static_cast<double>(counts[i]) - mean) / std::max(stddev, 1.0);
            if (z >= options.min_z && counts[i] >= options.min_count) {
                Peak p;
                p.bin = i;
                p.start = edges[i];
                p.end = edges[i + 1];
                p.count = counts[i];
                p.mean = mean;
                p.stddev = stddev;
                p.z = z;
                report.peaks.push_back(p);
            }
            sum -= counts[i - w];
            sum_sq -= counts[i - w] * counts[i - w];
        }
        sum += counts[i];
        sum_sq += counts[i] * counts[i];
    }
}

}  // namespace

PeakReport FindPeaks(const Dataset& ds, const Selection& rows, const PeakOptions& options) {
    PeakReport report;
    report.options = options;
    report.options.window = std::max<size_t>(options.window, 1);
    report.posts = rows.Count();
    report.series = CountByTime(ds, rows, options.bin, options.zone);
    MarkPeaks(report);
    if (report.peaks.empty()) return report;
    const size_t w = report.options.window;
    const std::vector<uint64_t>& counts = report.series.counts;
    const std::vector<UnixSeconds>& edges = report.series.edges;

    // The rows of each bin some peak needs (its own bin or its window), grouped by bin.
    std::vector<bool> needed(counts.size(), false);
    for (const Peak& p : report.peaks)
        std::fill(needed.begin() + static_cast<std::ptrdiff_t>(p.bin - w),
                  needed.begin() + static_cast<std::ptrdiff_t>(p.bin + 1), true);
    auto bin_of = [&](UnixSeconds t) -> size_t {
        if (t == kNoTime || t < edges.front() || t >= edges.back()) return counts.size();
        return static_cast<size_t>(std::upper_bound(edges.begin(), edges.end(), t) - edges.begin()) - 1;
    };
    std::vector<size_t> first(counts.size() + 1, 0);
    rows.ForEach([&](RowId r) {
        size_t b = bin_of(ds.TimeOf(r));
        if (b < counts.size() && needed[b]) ++first[b + 1];
    });
    for (size_t b = 0; b < counts.size(); ++b)
        first[b + 1] += first[b];
    std::vector<RowId> by_bin(first.back());
    std::vector<size_t> next(first.begin(), first.end() - 1);
    rows.ForEach([&](RowId r) {
        size_t b = bin_of(ds.TimeOf(r));
        if (b < counts.size() && needed[b]) by_bin[next[b]++] = r;
    });
    const std::span<const RowId> all(by_bin);
    for (Peak& p : report.peaks) {
        auto peak_rows = all.subspan(first[p.bin], first[p.bin + 1] - first[p.bin]);
        auto window_rows = all.subspan(first[p.bin - w], first[p.bin] - first[p.bin - w]);
        p.window_posts = window_rows.size();
        p.hashtags = RisingValues(ds, EntityField::Hashtag, peak_rows, window_rows, options.drivers);
        p.authors = RisingValues(ds, EntityField::Author, peak_rows, window_rows, options.drivers);
        p.domains = RisingValues(ds, EntityField::Domain, peak_rows, window_rows, options.drivers);
    }
    return report;
}

PeakReport FindPeaks(const Dataset& ds, std::span<const RowId> in_time_order, uint64_t posts,
                     const PeakOptions& options, bool drivers) {
    PeakReport report;
    report.options = options;
    report.options.window = std::max<size_t>(options.window, 1);
    report.posts = posts;
    report.series = CountByTime(ds, in_time_order, posts, options.bin, options.zone);
    MarkPeaks(report);
    if (drivers)
        for (Peak& p : report.peaks)
            PeakDrivers(ds, in_time_order, report, p);
    return report;
}

void PeakDrivers(const Dataset& ds, std::span<const RowId> in_time_order, const PeakReport& report, Peak& p) {
    const std::vector<UnixSeconds>& edges = report.series.edges;
    const size_t w = report.options.window;
    const PostTimes& times = ds.TimeColumn();
    auto at = [&](UnixSeconds t) {
        auto it = std::lower_bound(in_time_order.begin(), in_time_order.end(), t,
                                   [&times](RowId row, UnixSeconds u) { return times[row] < u; });
        return static_cast<size_t>(it - in_time_order.begin());
    };
    const size_t window = at(edges[p.bin - w]), start = at(edges[p.bin]), end = at(edges[p.bin + 1]);
    auto peak_rows = in_time_order.subspan(start, end - start);
    auto window_rows = in_time_order.subspan(window, start - window);
    p.window_posts = window_rows.size();
    const size_t k = report.options.drivers;
    p.hashtags = RisingValues(ds, EntityField::Hashtag, peak_rows, window_rows, k);
    p.authors = RisingValues(ds, EntityField::Author, peak_rows, window_rows, k);
    p.domains = RisingValues(ds, EntityField::Domain, peak_rows, window_rows, k);
}

std::string PeaksJson(const PeakReport& report, std::string_view query) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["query"] = std::string(query);
    j["bin"] = TimeBinName(report.series.bin);
    j["tz"] = report.options.zone.Name();
    j["window"] = report.options.window;
    j["min_z"] = report.options.min_z;
    j["min_count"] = report.options.min_count;
    j["posts"] = report.posts;
    ordered_json peaks = ordered_json::array();
    auto drivers = [](const std::vector<PeakDriver>& list) {
        ordered_json out = ordered_json::array();
        for (const PeakDriver& d : list)
            out.push_back({{"value", d.text},
                           {"count", d.count},
                           {"window_count", d.window_count},
                           {"share", d.share},
                           {"window_share", d.window_share},
                           {"rise", d.rise}});
        return out;
    };
    for (const Peak& p : report.peaks) {
        ordered_json o;
        o["start"] = FormatIsoLocal(p.start, report.options.zone);
        o["end"] = FormatIsoLocal(p.end, report.options.zone);
        o["count"] = p.count;
        o["mean"] = p.mean;
        o["stddev"] = p.stddev;
        o["z"] = p.z;
        o["window_posts"] = p.window_posts;
        o["hashtags"] = drivers(p.hashtags);
        o["authors"] = drivers(p.authors);
        o["domains"] = drivers(p.domains);
        peaks.push_back(std::move(o));
    }
    j["peaks"] = std::move(peaks);
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace chorus::core
