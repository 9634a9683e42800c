// SelectionCount (aggregate.hpp): the numbers of a selection counted a piece at a time.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>

#include "aggregate.hpp"
#include "aggregate_internal.hpp"

namespace chorus::core {

// SelectionCount: the previous count's values zeroed in pieces, the row pass of Summarize and CountOverview
// cut in pieces at word boundaries of the bitmap, the lists ranked a field per piece, then, when the selected
// rows are not already in time order, a stable merge sort by time (blocks sorted one per piece, then merged
// pass by pass, each merge resumable). No piece is a pass over a whole array (rule 113).
struct SelectionCount::State {
    enum class Phase : uint8_t { Done, Zero, Rows, Rank, SortBlocks, Merge };
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
    size_t zero_counter = 0, zero_at = 0;  // Zero: the counter and the position in its `seen` zeroed next
    size_t rank_field = 0;                 // Rank: the request's field ranked next
    // Sorting.
    std::vector<RowId> buffer;
    size_t block = 0, width = 0, lo = 0, i = 0, j = 0, out = 0;

    // The counter of a field (zeroed by the Zero phase before the rows are counted).
    ValueCounter& CounterFor(EntityField field) {
        for (ValueCounter& c : counters)
            if (c.field == field) return c;
        return counters.emplace_back(*ds, field);
    }

    // The previous counts back to zero, through the values they saw, `work` values a piece.
    size_t Zero(size_t work) {
        size_t done = 0;
        while (done < work && zero_counter < counters.size()) {
            ValueCounter& c = counters[zero_counter];
            const size_t end = std::min(c.seen.size(), zero_at + (work - done));
            done += end - zero_at + 1;
            for (; zero_at < end; ++zero_at)
                c.counts[c.seen[zero_at]] = 0;
            if (zero_at < c.seen.size()) break;
            c.seen.clear();
            c.counts.resize(EntityDictionary(*ds, c.field).Size(), 0);
            ++zero_counter;
            zero_at = 0;
        }
        if (zero_counter == counters.size()) phase = Phase::Rows;
        return done;
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

    // The top lists, a field a piece (its values ranked: about as much work as the values it saw).
    size_t Rank(size_t work) {
        size_t done = 0;
        for (; done < work && rank_field < request.fields.size(); ++rank_field) {
            const size_t f = rank_field;
            if (counter_of[f] == SIZE_MAX) continue;
            const ValueCounter& c = counters[counter_of[f]];
            overview.tops[f] =
                request.k == 0 || counted == 0 ? TopList{{}, counted} : Finish(*ds, c, request.k, counted);
            done += c.seen.size() + 1;
        }
        if (rank_field == request.fields.size()) FinishRanks();
        return done;
    }

    void FinishRanks() {
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
    s.zero_counter = s.zero_at = s.rank_field = 0;
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
    s.phase = State::Phase::Zero;
}

bool SelectionCount::Step(size_t work) {
    State& s = *m;
    while (work > 0 && s.phase != State::Phase::Done) {
        size_t done = 0;
        switch (s.phase) {
            case State::Phase::Zero: done = s.Zero(work); break;
            case State::Phase::Rows:
                done = s.CountWords(work);
                if (s.word >= s.words.size()) s.phase = State::Phase::Rank;
                break;
            case State::Phase::Rank: done = s.Rank(work); break;
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
        case State::Phase::Zero:
        case State::Phase::Rank:
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
