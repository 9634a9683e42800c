// Aggregates over a Selection: top-k lists of an entity field and time series.
//
//   Selection rows = index.Select(ParseQuery("#metoo").query);
//   TopList top = TopK(index, rows, EntityField::Hashtag, 20, Amplification::Both);
//   TimeSeries days = CountByTime(dataset, rows, TimeBin::Day);   // the dataset's whole span
//   Overview view = CountOverview(index, rows, {{EntityField::Hashtag, EntityField::Author}, 10,
//                                               Amplification::Both, TimeBin::Day});  // all at once
//
// Top lists: a value counts once per post (lists hold each id once per post), in
// the posts the Amplification toggle lets through; order is count descending,
// then text ascending (byte order), then id. Time series: every selected post
// with a time counts once, in half-open bins [start, next start) aligned to the
// calendar in UTC or a given zone (weeks start on Monday), zero-filled. Rules: COUNTING.md,
// "Aggregates".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "entity_field.hpp"
#include "query.hpp"
#include "selection.hpp"
#include "summary.hpp"
#include "time_zone.hpp"
#include "top_counts.hpp"

namespace chorus::core {

// Which selected posts count toward entity lists (top-k). Time series count every selected post.
enum class Amplification : uint8_t {
    Both,               // every selected post
    OriginalsOnly,      // originals and replies: what authors wrote themselves
    AmplificationOnly,  // retweets and quotes: posts that pass on another post
};
const char* AmplificationName(Amplification a);  // "both", "originals", "amplification"
bool ParseAmplification(std::string_view name, Amplification& out);
bool CountsToward(PostType type, Amplification a);

struct TopList {
    std::vector<TopItem> items;  // at most k; TopItem.text as EntityText() gives it
    uint64_t posts = 0;          // selected posts the toggle let through (the denominator of a share)
};

// Counts row by row: cost grows with the number of selected rows.
TopList TopK(const Dataset& dataset, const Selection& rows, EntityField field, size_t k,
             Amplification amplification = Amplification::Both);
// The same list, read off the index's posting lists when that is cheaper: for a selection of at
// least 1/8 of the rows, values are counted most frequent first, and counting stops as soon as no
// value left can enter the top k. Smaller selections, and lists that would cost more than the row
// scan, are counted row by row.
TopList TopK(QueryIndex& index, const Selection& rows, EntityField field, size_t k,
             Amplification amplification = Amplification::Both);

enum class TimeBin : uint8_t { Minute, Hour, Day, Week, Month, Year };
const char* TimeBinName(TimeBin bin);  // "minute", "hour", "day", "week", "month", "year"
bool ParseTimeBin(std::string_view name, TimeBin& out);
// Start of the bin holding t (UTC; a week starts on Monday 00:00), and the start of the next bin.
UnixSeconds BinFloor(UnixSeconds t, TimeBin bin);
UnixSeconds BinNext(UnixSeconds start, TimeBin bin);
// The same on a zone's local calendar (COUNTING.md, rule 46); UTC gives the functions above.
UnixSeconds BinFloor(UnixSeconds t, TimeBin bin, const TimeZone& zone);
UnixSeconds BinNext(UnixSeconds start, TimeBin bin, const TimeZone& zone);

struct TimeSeries {
    TimeBin bin = TimeBin::Day;
    std::vector<UnixSeconds> edges;  // counts.size() + 1 bin edges: bin i is [edges[i], edges[i + 1])
    std::vector<uint64_t> counts;    // selected posts per bin, zeros included
    uint64_t outside = 0;            // selected posts with a time outside the bins
    uint64_t no_time = 0;            // selected posts without a time
    TimeZone zone;                   // whose local calendar the bins follow (UTC by default)
};

// Bins from the one holding `first` to the one holding `last` (both included).
TimeSeries CountByTime(const Dataset& dataset, const Selection& rows, TimeBin bin, UnixSeconds first, UnixSeconds last);
// Over the dataset's whole span (its first to its last post), so series of different queries line up.
// No bins when no post has a time.
TimeSeries CountByTime(const Dataset& dataset, const Selection& rows, TimeBin bin);
// Both, with bins on a zone's local calendar (edges stay UTC instants).
TimeSeries CountByTime(const Dataset& dataset, const Selection& rows, TimeBin bin, UnixSeconds first, UnixSeconds last,
                       const TimeZone& zone);
TimeSeries CountByTime(const Dataset& dataset, const Selection& rows, TimeBin bin, const TimeZone& zone);
// The same series of `posts` selected rows given by `in_time_order` (those with a time, by time: as
// SortedTimes() orders them; the other posts - posts minus its size - have none): one binary search per edge.
TimeSeries CountByTime(const Dataset& dataset, std::span<const RowId> in_time_order, uint64_t posts, TimeBin bin,
                       const TimeZone& zone);

// Everything a view shows at once: the top lists of several fields and, when a bin is given, the
// time series over the dataset's span. The results equal separate TopK / CountByTime calls, but the
// rows that must be read are read once for all of them (with millions of rows, reading a row's
// columns costs more than counting them).
struct OverviewRequest {
    std::vector<EntityField> fields;
    size_t k = 10;
    Amplification amplification = Amplification::Both;  // for the top lists
    std::optional<TimeBin> bin;                         // no time series when empty
};
struct Overview {
    std::vector<TopList> tops;  // one per requested field, in order
    TimeSeries series;          // empty unless a bin was asked for
};
Overview CountOverview(QueryIndex& index, const Selection& rows, const OverviewRequest& request);

// The numbers a view shows for a selection, counted a piece at a time so that a front end can spread
// the work over frames and keep drawing: Summarize(dataset, rows), the top lists of CountOverview (no
// time series) and the selected rows in time order (posts without a time first, equal times by row).
// The finished results equal those calls (and a stable sort of the rows by time) exactly.
//
//   SelectionCount count;
//   count.Start(index, rows, {fields, 20, Amplification::Both, std::nullopt});
//   while (!count.Step(50000)) DrawAFrame();   // about 50,000 rows of work per call
//   use(count.summary(), count.overview().tops, count.time_order());
//
// Start() copies what it needs of `rows`; `index` and its dataset must outlive the count or the next
// Start(). Buffers are kept from one count to the next (no allocation when sizes stay the same).
class SelectionCount {
public:
    SelectionCount();
    ~SelectionCount();
    SelectionCount(const SelectionCount&) = delete;
    SelectionCount& operator=(const SelectionCount&) = delete;

    void Start(QueryIndex& index, const Selection& rows, const OverviewRequest& request);
    // The same, given the selected rows that have a time in time order (equal times by row: as SortedTimes()
    // orders them), e.g. a run of a query's rows in time order: nothing is sorted, the time order is the rows
    // without a time (by row) then these. They must stay valid until Done() or the next Start(); given rows
    // that are not as many as the selected rows with a time are not used (the rows are sorted instead).
    void Start(QueryIndex& index, const Selection& rows, const OverviewRequest& request,
               std::span<const RowId> timed_in_order);
    // Does about `work` rows of counting (or of sorting); true once every result is complete.
    bool Step(size_t work);
    bool Done() const;
    double Progress() const;  // 0..1, of the work known so far
    void Cancel();            // Done() until the next Start(); results are left unspecified

    // The results, complete once Done() after a Start(). The caller may move or swap them away.
    Summary& summary();
    Overview& overview();
    std::vector<RowId>& time_order();

private:
    struct State;
    std::unique_ptr<State> m;
};

}  // namespace chorus::core
