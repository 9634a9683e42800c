#include "aggregate.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <optional>
#include <queue>

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

RowIds IdsOf(const Dataset& ds, EntityField field, RowId r) {
    switch (field) {
        case EntityField::Hashtag: return ds.HashtagsOf(r);
        case EntityField::Mention: return ds.MentionsOf(r);
        case EntityField::Domain: return ds.DomainsOf(r);
        case EntityField::Link: return ds.LinksOf(r);
        case EntityField::Emoji: return ds.EmojiOf(r);
        case EntityField::Client: return RowIds(ds.ClientOf(r));
        case EntityField::Author: {
            std::span<const uint32_t> column = ds.AuthorColumn();
            return column[r] == Dataset::kNoAuthor ? column.subspan(r, 0) : column.subspan(r, 1);
        }
        case EntityField::Language: break;
    }
    return RowIds(ds.LangOf(r));
}

// Counts the values of one field: dense counters by id plus the ids seen, so picking the top
// never walks the whole dictionary when few values occur.
struct ValueCounter {
    EntityField field;
    std::vector<uint32_t> counts;
    std::vector<uint32_t> seen;

    ValueCounter(const Dataset& ds, EntityField f) : field(f), counts(EntityDictionary(ds, f).Size(), 0) {}
    void Add(const RowIds& ids) {
        for (uint32_t id : ids)
            if (counts[id]++ == 0) seen.push_back(id);
    }
};

// The k first of (id, count) pairs in list order: count descending, text ascending, id ascending.
std::vector<TopItem> PickTop(const Dataset& ds, EntityField field, std::vector<std::pair<uint32_t, uint64_t>>& found,
                             size_t k) {
    auto before = [&](const std::pair<uint32_t, uint64_t>& a, const std::pair<uint32_t, uint64_t>& b) {
        if (a.second != b.second) return a.second > b.second;
        std::string_view ta = EntityText(ds, field, a.first), tb = EntityText(ds, field, b.first);
        return ta != tb ? ta < tb : a.first < b.first;
    };
    size_t n = std::min(k, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(), before);
    std::vector<TopItem> items;
    items.reserve(n);
    for (size_t i = 0; i < n; ++i)
        items.push_back({found[i].first, std::string(EntityText(ds, field, found[i].first)), found[i].second});
    return items;
}

TopList Finish(const Dataset& ds, const ValueCounter& counter, size_t k, uint64_t posts) {
    std::vector<std::pair<uint32_t, uint64_t>> found;
    found.reserve(counter.seen.size());
    for (uint32_t id : counter.seen)
        found.emplace_back(id, counter.counts[id]);
    return TopList{PickTop(ds, counter.field, found, k), posts};
}

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
        auto hi = std::lower_bound(lo, sorted.end(), out.edges[i + 1]);
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

// SelectionCount: the row pass of Summarize and CountOverview cut in pieces at word boundaries of the
// bitmap, then, when the selected rows are not already in time order, a stable merge sort by time
// (blocks sorted one per piece, then merged pass by pass, each merge resumable).
struct SelectionCount::State {
    enum class Phase : uint8_t { Done, Rows, SortBlocks, Merge };
    static constexpr size_t kBlock = 4096;

    Phase phase = Phase::Done;
    const Dataset* ds = nullptr;
    OverviewRequest request;
    std::vector<uint64_t> words;  // the selection's bitmap
    size_t word = 0;              // next word to count
    std::array<bool, kPostTypeCount> counts_type{};
    std::vector<ValueCounter> counters;  // kept between counts (their counts zeroed through `seen`)
    std::vector<size_t> scanned;         // fields counted row by row: index of its counter per field
    std::vector<size_t> counter_of;      // request field -> counter, for the scanned fields
    uint64_t counted = 0;                // selected rows the toggle lets through
    std::vector<bool> author_seen;
    Summary summary;
    Overview overview;
    std::vector<RowId> order;  // selected rows, ascending, then in time order
    bool in_order = true;
    UnixSeconds last_time = kNoTime;
    // Sorting.
    std::vector<RowId> buffer;
    size_t block = 0, width = 0, lo = 0, i = 0, j = 0, out = 0;

    ValueCounter& CounterFor(EntityField field) {
        for (ValueCounter& c : counters) {
            if (c.field != field) continue;
            for (uint32_t id : c.seen)
                c.counts[id] = 0;
            c.seen.clear();
            c.counts.resize(EntityDictionary(*ds, field).Size(), 0);
            return c;
        }
        return counters.emplace_back(*ds, field);
    }

    size_t CountWords(size_t work) {
        std::span<const uint8_t> types = ds->TypeColumn();
        const PostTimes& times = ds->TimeColumn();
        std::span<const uint32_t> authors = ds->AuthorColumn();
        const bool every_type = request.amplification == Amplification::Both;
        // Posts may be added between two steps (a load in progress), and a post's author may change
        // (rule 41): ids can grow past the sizes taken at Start().
        author_seen.resize(ds->Authors().Size(), false);
        for (size_t s : scanned)
            counters[s].counts.resize(EntityDictionary(*ds, counters[s].field).Size(), 0);
        size_t done = 0;
        for (; word < words.size() && done < work; ++word) {
            uint64_t bits = words[word];
            while (bits != 0) {
                const auto r = static_cast<RowId>((word << 6) | static_cast<unsigned>(std::countr_zero(bits)));
                bits &= bits - 1;
                ++done;
                ++summary.posts;
                ++summary.types[types[r]];
                const uint32_t author = authors[r];
                if (author != Dataset::kNoAuthor && !author_seen[author]) {
                    author_seen[author] = true;
                    ++summary.authors;
                }
                const UnixSeconds t = times[r];
                if (t == kNoTime) {
                    ++summary.no_time;
                } else {
                    if (summary.first == kNoTime || t < summary.first) summary.first = t;
                    if (summary.last == kNoTime || t > summary.last) summary.last = t;
                }
                in_order = in_order && t >= last_time;
                last_time = t;
                order.push_back(r);
                if (!every_type && !counts_type[types[r]]) continue;
                ++counted;
                for (size_t s : scanned)
                    counters[s].Add(IdsOf(*ds, counters[s].field, r));
            }
        }
        return done;
    }

    void FinishRows() {
        for (size_t f = 0; f < request.fields.size(); ++f) {
            if (counter_of[f] == SIZE_MAX) continue;
            overview.tops[f] = request.k == 0 || counted == 0
                                   ? TopList{{}, counted}
                                   : Finish(*ds, counters[counter_of[f]], request.k, counted);
        }
        if (in_order || order.size() < 2) {
            phase = Phase::Done;
            return;
        }
        buffer.resize(order.size());
        block = 0;
        phase = Phase::SortBlocks;
    }

    bool Before(RowId a, RowId b) const { return ds->TimeOf(a) < ds->TimeOf(b); }

    size_t SortBlocks(size_t work) {
        size_t done = 0;
        while (done < work && block * kBlock < order.size()) {
            auto first = order.begin() + static_cast<std::ptrdiff_t>(block * kBlock);
            auto last = order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), (block + 1) * kBlock));
            std::stable_sort(first, last, [this](RowId a, RowId b) { return Before(a, b); });
            done += static_cast<size_t>(last - first) * 4;
            ++block;
        }
        if (block * kBlock >= order.size()) {
            width = kBlock;
            lo = i = out = 0;
            j = std::min(order.size(), width);
            phase = width >= order.size() ? Phase::Done : Phase::Merge;
        }
        return done;
    }

    // Merges runs [lo, lo + width) and [lo + width, lo + 2 width) of `order` into `buffer`, pair after
    // pair; a pass over every pair doubles the width. Ties take the left run first: stable.
    size_t Merge(size_t work) {
        const size_t n = order.size();
        size_t done = 0;
        while (done < work && phase == Phase::Merge) {
            const size_t mid = std::min(n, lo + width), hi = std::min(n, lo + 2 * width);
            while (out < hi && done < work) {
                if (j >= hi || (i < mid && !Before(order[j], order[i])))
                    buffer[out++] = order[i++];
                else
                    buffer[out++] = order[j++];
                ++done;
            }
            if (out < hi) break;
            lo = hi;
            if (lo >= n) {
                order.swap(buffer);
                width *= 2;
                lo = 0;
                if (width >= n) phase = Phase::Done;
            }
            i = out = lo;
            j = std::min(n, lo + width);
        }
        return done;
    }
};

SelectionCount::SelectionCount() : m(std::make_unique<State>()) {}
SelectionCount::~SelectionCount() = default;

void SelectionCount::Start(QueryIndex& index, const Selection& rows, const OverviewRequest& request) {
    State& s = *m;
    const Dataset& ds = index.Data();
    assert(rows.Rows() == ds.Posts());
    s.ds = &ds;
    s.request = request;
    s.request.bin.reset();
    std::span<const uint64_t> words = rows.Words();
    s.words.assign(words.begin(), words.end());
    s.word = 0;
    for (int t = 0; t < kPostTypeCount; ++t)
        s.counts_type[static_cast<size_t>(t)] = CountsToward(static_cast<PostType>(t), request.amplification);
    s.summary = Summary{};
    s.summary.duplicates = ds.Duplicates();
    s.summary.skipped = ds.Skipped();
    s.author_seen.assign(ds.Authors().Size(), false);
    s.overview.tops.assign(request.fields.size(), TopList{});
    s.overview.series = TimeSeries{};
    s.counted = 0;
    s.scanned.clear();
    s.counter_of.assign(request.fields.size(), SIZE_MAX);
    // Every row selected and counted: the lists come off the posting lists at once (as CountOverview's).
    const bool whole = rows.IsAll() && request.amplification == Amplification::Both;
    for (size_t f = 0; f < request.fields.size(); ++f) {
        if (whole) {
            s.overview.tops[f] = TopK(index, rows, request.fields[f], request.k, request.amplification);
            continue;
        }
        ValueCounter& counter = s.CounterFor(request.fields[f]);
        const auto c = static_cast<size_t>(&counter - s.counters.data());
        s.counter_of[f] = c;
        if (std::find(s.scanned.begin(), s.scanned.end(), c) == s.scanned.end()) s.scanned.push_back(c);
    }
    s.order.clear();
    s.order.reserve(rows.Count());
    s.in_order = true;
    s.last_time = kNoTime;
    s.phase = State::Phase::Rows;
}

bool SelectionCount::Step(size_t work) {
    State& s = *m;
    while (work > 0 && s.phase != State::Phase::Done) {
        size_t done = 0;
        switch (s.phase) {
            case State::Phase::Rows:
                done = s.CountWords(work);
                if (s.word >= s.words.size()) s.FinishRows();
                break;
            case State::Phase::SortBlocks: done = s.SortBlocks(work); break;
            case State::Phase::Merge: done = s.Merge(work); break;
            case State::Phase::Done: break;
        }
        work -= std::min(work, std::max<size_t>(done, 1));
    }
    return s.phase == State::Phase::Done;
}

bool SelectionCount::Done() const {
    return m->phase == State::Phase::Done;
}

double SelectionCount::Progress() const {
    const State& s = *m;
    switch (s.phase) {
        case State::Phase::Done: return 1;
        case State::Phase::Rows:
            return s.words.empty() ? 0 : 0.5 * static_cast<double>(s.word) / static_cast<double>(s.words.size());
        case State::Phase::SortBlocks:
            return 0.5 + 0.1 * static_cast<double>(s.block * State::kBlock) / static_cast<double>(s.order.size());
        case State::Phase::Merge: break;
    }
    const double passes = std::log2(static_cast<double>(s.order.size()) / State::kBlock);
    return 0.6 + 0.4 * std::log2(static_cast<double>(s.width) / State::kBlock) / std::max(1.0, passes);
}

void SelectionCount::Cancel() {
    m->phase = State::Phase::Done;
}

Summary& SelectionCount::summary() {
    return m->summary;
}

Overview& SelectionCount::overview() {
    return m->overview;
}

std::vector<RowId>& SelectionCount::time_order() {
    return m->order;
}

}  // namespace chorus::core
