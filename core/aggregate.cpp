#include "aggregate.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <optional>
#include <queue>

#include "aggregate_internal.hpp"
#include "time_utc.hpp"
#include "timeline.hpp"

namespace chorus::core {
namespace {

// Calls f(row) for every selected row; a plain loop when every row is selected.
template <class F>
void ForEachRow(const Selection& rows, F&& f) {
    if (rows.IsAll()) {
        for (size_t r = 0; r < rows.Rows(); ++r)
            f(static_cast<RowId>(r));
    } else {
        rows.ForEach(f);
    }
}

int64_t FloorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// 1970-01-05 was a Monday: weeks are counted from there.
constexpr int64_t kMondayEpochDay = 4;

// The k first of (id, count) pairs in list order: count descending, text ascending, id ascending.
std::vector<TopItem> PickTop(const Dataset& ds, EntityField field,
                             const std::vector<std::pair<uint32_t, uint64_t>>& found, size_t k) {
    TopChooser top(ds, field, k);
    for (const auto& [id, count] : found)
        top.Offer(id, count);
    return top.Take();
}

}  // namespace

bool TopChooser::Before(const std::pair<uint32_t, uint64_t>& a, const std::pair<uint32_t, uint64_t>& b) const {
    if (a.second != b.second) return a.second > b.second;
    std::string_view ta = EntityText(*m_ds, m_field, a.first), tb = EntityText(*m_ds, m_field, b.first);
    return ta != tb ? ta < tb : a.first < b.first;
}

void TopChooser::Offer(uint32_t id, uint64_t count) {
    if (count == 0 || m_k == 0) return;
    const std::pair<uint32_t, uint64_t> value{id, count};
    auto before = [this](const auto& a, const auto& b) { return Before(a, b); };
    if (m_heap.size() < m_k) {
        m_heap.push_back(value);
        std::push_heap(m_heap.begin(), m_heap.end(), before);
    } else if (count >= m_heap.front().second && Before(value, m_heap.front())) {
        std::pop_heap(m_heap.begin(), m_heap.end(), before);
        m_heap.back() = value;
        std::push_heap(m_heap.begin(), m_heap.end(), before);
    }
}

std::vector<TopItem> TopChooser::Take() {
    std::sort_heap(m_heap.begin(), m_heap.end(), [this](const auto& a, const auto& b) { return Before(a, b); });
    std::vector<TopItem> items;
    items.reserve(m_heap.size());
    for (const auto& [id, count] : m_heap)
        items.push_back({id, std::string(EntityText(*m_ds, m_field, id)), count});
    m_heap.clear();
    return items;
}

TopList Finish(const Dataset& ds, const ValueCounter& counter, size_t k, uint64_t posts) {
    TopChooser top(ds, counter.field, k);
    for (uint32_t id : counter.seen)
        top.Offer(id, counter.counts[id]);
    return TopList{top.Take(), posts};
}

namespace {

// Puts times into the bins of a TimeSeries whose edges are set and counts zeroed.
class Binner {
public:
    explicit Binner(TimeSeries& series)
        : m_series(series), m_origin(series.edges.front()), m_uniform(series.zone.IsUtc()) {}

    // The bin of a time at or after the first edge; counts.size() or more when past the last.
    uint64_t Index(UnixSeconds t) const {
        // Fixed widths divide by a constant (a multiply); months and years search the edges.
        auto since = static_cast<uint64_t>(t - m_origin);
        switch (m_uniform ? m_series.bin : TimeBin::Month) {
            case TimeBin::Minute: return since / uint64_t{kMinute};
            case TimeBin::Hour: return since / uint64_t{kHour};
            case TimeBin::Day: return since / uint64_t{kDay};
            case TimeBin::Week: return since / uint64_t{kWeek};
            case TimeBin::Month:
            case TimeBin::Year: break;
        }
        return static_cast<uint64_t>(std::upper_bound(m_series.edges.begin(), m_series.edges.end(), t) -
                                     m_series.edges.begin() - 1);
    }
    bool Before(UnixSeconds t) const { return t < m_origin; }

    void Add(UnixSeconds t) {
        if (t == kNoTime) {
            ++m_series.no_time;
        } else if (t < m_origin) {
            ++m_series.outside;
        } else if (uint64_t i = Index(t); i < m_series.counts.size()) {
            ++m_series.counts[static_cast<size_t>(i)];
        } else {
            ++m_series.outside;
        }
    }

private:
    TimeSeries& m_series;
    UnixSeconds m_origin;
    bool m_uniform;  // UTC: minutes to weeks have one width (in a zone, days can be 23 or 25 hours)
};

// Counts the selected rows by time block: when a block's 64 rows all fall in one bin (dumps are
// nearly in time order), its selected rows are counted with one popcount, without reading their
// times. Other blocks are counted row by row.
void CountByBlocks(QueryIndex& index, const Selection& rows, TimeSeries& out) {
    QueryIndex::TimeBlocks blocks = index.BlockTimes();
    const PostTimes& times = index.Data().TimeColumn();
    std::span<const uint64_t> words = rows.Words();
    Binner binner(out);
    for (size_t w = 0; w < words.size(); ++w) {
        uint64_t bits = words[w];
        if (bits == 0) continue;
        const UnixSeconds lo = blocks.min[w], hi = blocks.max[w];
        if (lo != kNoTime && !binner.Before(lo)) {
            uint64_t bin = binner.Index(lo);
            if (bin < out.counts.size() && binner.Index(hi) == bin) {
                out.counts[static_cast<size_t>(bin)] += static_cast<uint64_t>(std::popcount(bits));
                continue;
            }
        }
        while (bits != 0) {
            binner.Add(times[(w << 6) | static_cast<unsigned>(std::countr_zero(bits))]);
            bits &= bits - 1;
        }
    }
}

// Empty bins from the one holding `first` to the one holding `last`.
TimeSeries EmptySeries(TimeBin bin, UnixSeconds first, UnixSeconds last, const TimeZone& zone = {}) {
    TimeSeries out;
    out.bin = bin;
    out.zone = zone;
    if (first == kNoTime || last == kNoTime || last < first) return out;
    for (UnixSeconds e = BinFloor(first, bin, zone); e <= last; e = BinNext(e, bin, zone))
        out.edges.push_back(e);
    out.edges.push_back(BinNext(out.edges.back(), bin, zone));
    out.counts.assign(out.edges.size() - 1, 0);
    return out;
}

// Every post: the counts come off the sorted time column, one binary search per edge.
void CountSorted(const Dataset& ds, TimeSeries& out) {
    const SortedTimesView sorted = ds.SortedTimes();
    auto lo = std::lower_bound(sorted.begin(), sorted.end(), out.edges.front());
    out.outside = static_cast<uint64_t>(lo - sorted.begin());
    for (size_t i = 0; i < out.counts.size(); ++i) {
        auto hi = GallopLowerBound(lo, sorted.end(), out.edges[i + 1]);
        out.counts[i] = static_cast<uint64_t>(hi - lo);
        lo = hi;
    }
    out.outside += static_cast<uint64_t>(sorted.end() - lo);
    out.no_time = ds.Posts() - sorted.size();
}

// One pass over the selected rows: the values of every counter (in posts the toggle lets through)
// and, when `series` is given, the time of every selected post. Returns the posts counted.
uint64_t RowPass(const Dataset& ds, const Selection& rows, Amplification amplification,
                 std::vector<ValueCounter>& counters, TimeSeries* series) {
    std::array<bool, kPostTypeCount> counts_type{};
    for (int t = 0; t < kPostTypeCount; ++t)
        counts_type[static_cast<size_t>(t)] = CountsToward(static_cast<PostType>(t), amplification);
    const bool every_type = amplification == Amplification::Both;
    std::span<const uint8_t> types = ds.TypeColumn();
    const PostTimes& times = ds.TimeColumn();
    std::optional<Binner> binner;
    if (series && !series->counts.empty()) binner.emplace(*series);
    uint64_t posts = 0, no_time = 0;
    ForEachRow(rows, [&](RowId r) {
        if (binner) {
            binner->Add(times[r]);
        } else {
            no_time += times[r] == kNoTime;
        }
        if (!every_type && !counts_type[types[r]]) return;
        ++posts;
        for (ValueCounter& c : counters)
            c.Add(IdsOf(ds, c.field, r));
    });
    if (series && !binner) series->no_time += no_time;
    return posts;
}

// The selected rows the toggle lets through, as a selection (uses the index's cached type rows).
std::optional<Selection> Counted(QueryIndex& index, const Selection& rows, Amplification amplification) {
    if (amplification == Amplification::Both) return std::nullopt;
    Selection out(rows.Rows());
    for (int t = 0; t < kPostTypeCount; ++t)
        if (CountsToward(static_cast<PostType>(t), amplification)) out.Or(index.RowsOfType(static_cast<PostType>(t)));
    out.And(rows);
    return out;
}

// Top k of `counted` read off the posting lists, most frequent values first, stopping once no value
// left can enter the top k. Nothing when that would read more than the row pass would.
std::optional<TopList> TopFromPostings(QueryIndex& index, const Selection& counted, EntityField field, size_t k) {
    const Dataset& ds = index.Data();
    const size_t total_rows = std::max<size_t>(ds.Posts(), 1);
    // A small selection is cheaper to scan; and the most frequent values of the whole dataset say
    // little about a small (often correlated) selection, so pruning would rarely stop early.
    if (counted.Count() < total_rows / 8) return std::nullopt;
    // What the row pass would cost, in entries read: each counted row plus its values.
    const double budget = 2.0 * static_cast<double>(counted.Count()) *
                          (1.0 + static_cast<double>(index.Entries(field)) / static_cast<double>(total_rows));
    const bool all = counted.IsAll();
    std::vector<std::pair<uint32_t, uint64_t>> found;                           // (id, count) with count > 0
    std::priority_queue<uint64_t, std::vector<uint64_t>, std::greater<>> best;  // the k largest counts so far
    double spent = 0;
    for (uint32_t id : index.IdsByFrequency(field)) {
        const PostingLists::List postings = index.Postings(field, id);
        // A value's count in any selection is at most its posting-list length.
        if (postings.empty() || (best.size() == k && postings.size() < best.top())) break;
        spent += all ? 1.0 : static_cast<double>(postings.size());
        if (spent > budget) return std::nullopt;
        const uint64_t count = all ? postings.size() : postings.CountIn(counted);
        if (count == 0) continue;
        found.emplace_back(id, count);
        if (best.size() < k) {
            best.push(count);
        } else if (count > best.top()) {
            best.pop();
            best.push(count);
        }
    }
    return TopList{PickTop(ds, field, found, k), counted.Count()};
}

}  // namespace

const char* AmplificationName(Amplification a) {
    switch (a) {
        case Amplification::Both: return "both";
        case Amplification::OriginalsOnly: return "originals";
        case Amplification::AmplificationOnly: return "amplification";
    }
    return "?";
}

bool ParseAmplification(std::string_view name, Amplification& out) {
    for (auto a : {Amplification::Both, Amplification::OriginalsOnly, Amplification::AmplificationOnly}) {
        if (name == AmplificationName(a)) {
            out = a;
            return true;
        }
    }
    return false;
}

bool CountsToward(PostType type, Amplification a) {
    bool amplifies = type == PostType::Retweet || type == PostType::Quote;
    switch (a) {
        case Amplification::Both: return true;
        case Amplification::OriginalsOnly: return !amplifies;
        case Amplification::AmplificationOnly: return amplifies;
    }
    return true;
}

TopList TopK(const Dataset& ds, const Selection& rows, EntityField field, size_t k, Amplification amplification) {
    assert(rows.Rows() == ds.Posts());
    std::vector<ValueCounter> counters;
    counters.emplace_back(ds, field);
    uint64_t posts = RowPass(ds, rows, amplification, counters, nullptr);
    return Finish(ds, counters[0], k, posts);
}

TopList TopK(QueryIndex& index, const Selection& rows, EntityField field, size_t k, Amplification amplification) {
    assert(rows.Rows() == index.Data().Posts());
    std::optional<Selection> filtered = Counted(index, rows, amplification);
    const Selection& counted = filtered ? *filtered : rows;
    if (k == 0 || counted.Empty()) return TopList{{}, counted.Count()};
    if (std::optional<TopList> top = TopFromPostings(index, counted, field, k)) return std::move(*top);
    return TopK(index.Data(), rows, field, k, amplification);
}

Overview CountOverview(QueryIndex& index, const Selection& rows, const OverviewRequest& request) {
    const Dataset& ds = index.Data();
    assert(rows.Rows() == ds.Posts());
    Overview out;
    out.tops.resize(request.fields.size());
    std::optional<Selection> filtered = Counted(index, rows, request.amplification);
    const Selection& counted = filtered ? *filtered : rows;
    std::vector<size_t> scanned;  // fields left for the row pass
    std::vector<ValueCounter> counters;
    for (size_t i = 0; i < request.fields.size(); ++i) {
        out.tops[i].posts = counted.Count();
        if (request.k == 0 || counted.Empty()) continue;
        if (std::optional<TopList> top = TopFromPostings(index, counted, request.fields[i], request.k)) {
            out.tops[i] = std::move(*top);
        } else {
            scanned.push_back(i);
            counters.emplace_back(ds, request.fields[i]);
        }
    }
    TimeSeries* series = nullptr;
    if (request.bin) {
        const SortedTimesView sorted = ds.SortedTimes();
        out.series = sorted.empty() ? EmptySeries(*request.bin, kNoTime, kNoTime)
                                    : EmptySeries(*request.bin, sorted.front(), sorted.back());
        if (out.series.counts.empty()) {
            series = &out.series;  // counts the posts without a time
        } else if (rows.IsAll()) {
            CountSorted(ds, out.series);
        } else {
            CountByBlocks(index, rows, out.series);
        }
    }
    if (!counters.empty() || series) RowPass(ds, rows, request.amplification, counters, series);
    for (size_t j = 0; j < scanned.size(); ++j)
        out.tops[scanned[j]] = Finish(ds, counters[j], request.k, counted.Count());
    return out;
}

const char* TimeBinName(TimeBin bin) {
    switch (bin) {
        case TimeBin::Minute: return "minute";
        case TimeBin::Hour: return "hour";
        case TimeBin::Day: return "day";
        case TimeBin::Week: return "week";
        case TimeBin::Month: return "month";
        case TimeBin::Year: return "year";
    }
    return "?";
}

bool ParseTimeBin(std::string_view name, TimeBin& out) {
    for (int b = 0; b <= static_cast<int>(TimeBin::Year); ++b) {
        if (name == TimeBinName(static_cast<TimeBin>(b))) {
            out = static_cast<TimeBin>(b);
            return true;
        }
    }
    return false;
}

UnixSeconds BinFloor(UnixSeconds t, TimeBin bin) {
    switch (bin) {
        case TimeBin::Minute: return FloorTo(t, kMinute);
        case TimeBin::Hour: return FloorTo(t, kHour);
        case TimeBin::Day: return FloorTo(t, kDay);
        case TimeBin::Week: {
            int64_t day = FloorDiv(t, kDay);
            return (kMondayEpochDay + FloorDiv(day - kMondayEpochDay, 7) * 7) * kDay;
        }
        case TimeBin::Month:
        case TimeBin::Year: break;
    }
    int64_t y = 0;
    unsigned m = 0, d = 0;
    CivilFromDays(FloorDiv(t, kDay), y, m, d);
    return DaysFromCivil(y, bin == TimeBin::Month ? m : 1, 1) * kDay;
}

UnixSeconds BinNext(UnixSeconds start, TimeBin bin) {
    switch (bin) {
        case TimeBin::Minute: return start + kMinute;
        case TimeBin::Hour: return start + kHour;
        case TimeBin::Day: return start + kDay;
        case TimeBin::Week: return start + kWeek;
        case TimeBin::Month:
        case TimeBin::Year: break;
    }
    int64_t y = 0;
    unsigned m = 0, d = 0;
    CivilFromDays(FloorDiv(start, kDay), y, m, d);
    if (bin == TimeBin::Year) return DaysFromCivil(y + 1, 1, 1) * kDay;
    return m == 12 ? DaysFromCivil(y + 1, 1, 1) * kDay : DaysFromCivil(y, m + 1, 1) * kDay;
}

UnixSeconds BinFloor(UnixSeconds t, TimeBin bin, const TimeZone& zone) {
    if (zone.IsUtc()) return BinFloor(t, bin);
    switch (bin) {
        case TimeBin::Minute: return ZoneFloor(t, CalendarUnit::Fixed, kMinute, zone);
        case TimeBin::Hour: return ZoneFloor(t, CalendarUnit::Fixed, kHour, zone);
        case TimeBin::Day: return ZoneFloor(t, CalendarUnit::Fixed, kDay, zone);
        case TimeBin::Week: return ZoneFloor(t, CalendarUnit::IsoWeek, 0, zone);
        case TimeBin::Month: return ZoneFloor(t, CalendarUnit::Month, 0, zone);
        case TimeBin::Year: break;
    }
    return ZoneFloor(t, CalendarUnit::Year, 0, zone);
}

UnixSeconds BinNext(UnixSeconds start, TimeBin bin, const TimeZone& zone) {
    if (zone.IsUtc()) return BinNext(start, bin);
    switch (bin) {
        case TimeBin::Minute: return ZoneNext(start, CalendarUnit::Fixed, kMinute, zone);
        case TimeBin::Hour: return ZoneNext(start, CalendarUnit::Fixed, kHour, zone);
        case TimeBin::Day: return ZoneNext(start, CalendarUnit::Fixed, kDay, zone);
        case TimeBin::Week: return ZoneNext(start, CalendarUnit::IsoWeek, 0, zone);
        case TimeBin::Month: return ZoneNext(start, CalendarUnit::Month, 0, zone);
        case TimeBin::Year: break;
    }
    return ZoneNext(start, CalendarUnit::Year, 0, zone);
}

TimeSeries CountByTime(const Dataset& ds, const Selection& rows, TimeBin bin, UnixSeconds first, UnixSeconds last) {
    return CountByTime(ds, rows, bin, first, last, TimeZone());
}

TimeSeries CountByTime(const Dataset& ds, const Selection& rows, TimeBin bin) {
    return CountByTime(ds, rows, bin, TimeZone());
}

TimeSeries CountByTime(const Dataset& ds, const Selection& rows, TimeBin bin, UnixSeconds first, UnixSeconds last,
                       const TimeZone& zone) {
    assert(rows.Rows() == ds.Posts());
    TimeSeries out = EmptySeries(bin, first, last, zone);
    if (out.counts.empty()) return out;
    if (rows.IsAll()) {
        CountSorted(ds, out);
        return out;
    }
    std::vector<ValueCounter> none;
    RowPass(ds, rows, Amplification::Both, none, &out);
    return out;
}

TimeSeries CountByTime(const Dataset& ds, const Selection& rows, TimeBin bin, const TimeZone& zone) {
    const SortedTimesView sorted = ds.SortedTimes();
    if (sorted.empty()) {
        TimeSeries out;
        out.bin = bin;
        out.zone = zone;
        out.no_time = rows.Count();
        return out;
    }
    return CountByTime(ds, rows, bin, sorted.front(), sorted.back(), zone);
}

TimeSeries CountByTime(const Dataset& ds, std::span<const RowId> in_time_order, uint64_t posts, TimeBin bin,
                       const TimeZone& zone) {
    const SortedTimesView sorted = ds.SortedTimes();
    TimeSeries out = sorted.empty() ? EmptySeries(bin, kNoTime, kNoTime, zone)
                                    : EmptySeries(bin, sorted.front(), sorted.back(), zone);
    out.no_time = posts - in_time_order.size();
    if (out.counts.empty()) return out;
    const PostTimes& times = ds.TimeColumn();
    auto before = [&times](RowId row, UnixSeconds t) { return times[row] < t; };
    auto lo = std::lower_bound(in_time_order.begin(), in_time_order.end(), out.edges.front(), before);
    out.outside = static_cast<uint64_t>(lo - in_time_order.begin());
    for (size_t i = 0; i < out.counts.size(); ++i) {
        auto hi = GallopLowerBound(lo, in_time_order.end(), out.edges[i + 1], before);
        out.counts[i] = static_cast<uint64_t>(hi - lo);
        lo = hi;
    }
    out.outside += static_cast<uint64_t>(in_time_order.end() - lo);
    return out;
}

}  // namespace chorus::core
