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
// cut in pieces at word boundaries of the bitmap, the lists ranked in pieces of values, then, when the selected
// rows are not already in time order, a stable merge sort by time (blocks sorted one per piece, then merged
// pass by pass, each merge resumable). No piece is a pass over a whole array (rule 113).
// A selection of more than half the rows is counted the other way round (rule 115): the lists' counters start
// from every row's counts (the index's posting-list lengths) and the rows not selected are taken off, so the
// work is that of the smaller side; the summary and the time order still read the selected rows.
struct SelectionCount::State {
    enum class Phase : uint8_t { Done, Zero, Base, Rows, Rank, Copy, Collect, SortBlocks, Merge };
    static constexpr size_t kBlock = 4096;

    Phase phase = Phase::Done;
    const Dataset* ds = nullptr;
    QueryIndex* index = nullptr;
    bool complement = false;     // the counters count down from every row's counts (rule 115)
    size_t rows = 0;             // the dataset's rows at Start()
    size_t selected = 0;         // of them selected
    uint64_t reassignments = 0;  // the dataset's Reassignments() at Start()
    size_t base_counter = 0;     // Base: the scanned counter given its every-row counts next, and its next id
    uint32_t base_id = 0;
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
    // The selected rows with a time in time order, given by the caller (`has_given`): the rows pass keeps only
    // the rows without one (`timed` counts the others), then the given rows are copied after them.
    bool has_given = false;
    std::span<const RowId> given;
    size_t timed = 0, copy_at = 0;
    UnixSeconds last_time = kNoTime;
    size_t zero_counter = 0, zero_at = 0;  // Zero: the counter and the position in its `seen` zeroed next
    size_t rank_field = 0, rank_at = 0;    // Rank: the request's field ranked next, the next of its values
    TopChooser chooser;                    // Rank: the field's best values so far
    // Sorting.
    std::vector<RowId> buffer;
    size_t block = 0, width = 0, lo = 0, i = 0, j = 0, out = 0;

    // The counter of a field (zeroed by the Zero phase before the rows are counted).
    ValueCounter& CounterFor(EntityField field) {
        for (ValueCounter& c : counters)
            if (c.field == field) return c;
        return counters.emplace_back(*ds, field);
    }

    // A count of the selection in `words` from its start: the counters zeroed first, then (rule 115) given
    // every row's counts when `down`, then the rows.
    void Begin(bool down) {
        complement = down;
        word = 0;
        summary = Summary{};
        summary.duplicates = ds->Duplicates();
        summary.skipped = ds->Skipped();
        author_seen.assign(ds->Authors().Size(), false);
        counted = 0;
        zero_counter = zero_at = rank_field = rank_at = base_counter = timed = copy_at = 0;
        base_id = 0;
        order.clear();
        order.reserve(selected);
        in_order = true;
        last_time = kNoTime;
        phase = Phase::Zero;
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
        if (zero_counter == counters.size()) phase = complement ? Phase::Base : Phase::Rows;
        return done;
    }

    // Rule 115: each scanned counter set to every row's counts of its values (the lengths of the index's posting
    // lists, which hold each row once per value as IdsOf does), `work` values a piece.
    size_t Base(size_t work) {
        size_t done = 0;
        while (done < work && base_counter < scanned.size()) {
            ValueCounter& c = counters[scanned[base_counter]];
            const auto size = static_cast<uint32_t>(c.counts.size());
            const auto end = static_cast<uint32_t>(std::min<size_t>(size, base_id + (work - done)));
            done += end - base_id + 1;
            for (; base_id < end; ++base_id) {
                const size_t n = index->Postings(c.field, base_id).size();
                if (n == 0) continue;
                c.counts[base_id] = static_cast<uint32_t>(n);
                c.seen.push_back(base_id);
            }
            if (base_id < size) break;
            ++base_counter;
            base_id = 0;
        }
        if (base_counter == scanned.size()) phase = Phase::Rows;
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
        bool held = true;  // rule 115: every row taken off was in the counts
        for (; word < words.size() && done < work; ++word) {
            if (complement) {
                const size_t first = word << 6;
                uint64_t rest = ~words[word];
                if (rows - first < 64) rest &= (uint64_t{1} << (rows - first)) - 1;
                while (rest != 0) {
                    const auto r = static_cast<RowId>(first | static_cast<unsigned>(std::countr_zero(rest)));
                    rest &= rest - 1;
                    ++done;
                    for (size_t s : scanned)
                        held = counters[s].Remove(IdsOf(*ds, counters[s].field, r)) && held;
                }
            }
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
                if (!has_given) {
                    in_order = in_order && t >= last_time;
                    last_time = t;
                    order.push_back(r);
                } else if (t == kNoTime) {
                    order.push_back(r);  // the posts without a time come first, by row
                } else {
                    ++timed;
                }
                if (!every_type && !counts_type[types[r]]) continue;
                ++counted;
                if (complement) continue;
                for (size_t s : scanned)
                    counters[s].Add(IdsOf(*ds, counters[s].field, r));
            }
        }
        if (!held) Begin(false);  // the counts were not every row's: counted again, the selected rows only
        return done;
    }

    // The top lists, `work` values a piece (a field's values offered to a chooser that keeps the best k: a
    // million authors ranked at once took tens of milliseconds).
    size_t Rank(size_t work) {
        size_t done = 0;
        while (done < work && rank_field < request.fields.size()) {
            const size_t f = rank_field;
            if (counter_of[f] == SIZE_MAX) {
                ++rank_field;
                continue;
            }
            const ValueCounter& c = counters[counter_of[f]];
            if (rank_at == 0) chooser = TopChooser(*ds, c.field, counted == 0 ? 0 : request.k);
            const size_t end = std::min(c.seen.size(), rank_at + (work - done));
            done += end - rank_at + 1;
            for (; rank_at < end; ++rank_at)
                chooser.Offer(c.seen[rank_at], c.counts[c.seen[rank_at]]);
            if (rank_at < c.seen.size()) break;
            overview.tops[f] = TopList{chooser.Take(), counted};
            rank_at = 0;
            ++rank_field;
        }
        if (rank_field == request.fields.size()) FinishRanks();
        return done;
    }

    void FinishRanks() {
        if (has_given) {
            if (timed == given.size()) {
                phase = Phase::Copy;
                return;
            }
            // Not the selection's rows with a time: every selected row collected again and sorted here.
            has_given = false;
            order.clear();
            word = 0;
            in_order = true;
            last_time = kNoTime;
            phase = Phase::Collect;
            return;
        }
        if (in_order || order.size() < 2) {
            phase = Phase::Done;
            return;
        }
        buffer.resize(order.size());
        block = 0;
        phase = Phase::SortBlocks;
    }

    // The given rows after those without a time, `work` rows a piece.
    size_t Copy(size_t work) {
        const size_t end = std::min(given.size(), copy_at + work);
        order.insert(order.end(), given.begin() + static_cast<std::ptrdiff_t>(copy_at),
                     given.begin() + static_cast<std::ptrdiff_t>(end));
        const size_t done = end - copy_at + 1;
        copy_at = end;
        if (copy_at == given.size()) phase = Phase::Done;
        return done;
    }

    // Every selected row in `order`, ascending, a word of the bitmap at a time; then sorted as when none is given.
    size_t Collect(size_t work) {
        const PostTimes& times = ds->TimeColumn();
        size_t done = 0;
        for (; word < words.size() && done < work; ++word) {
            for (uint64_t bits = words[word]; bits != 0; bits &= bits - 1) {
                const auto r = static_cast<RowId>((word << 6) | static_cast<unsigned>(std::countr_zero(bits)));
                in_order = in_order && times[r] >= last_time;
                last_time = times[r];
                order.push_back(r);
                ++done;
            }
        }
        if (word >= words.size()) FinishRanks();
        return done + 1;
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
    s.index = &index;
    s.rows = ds.Posts();
    s.selected = rows.Count();
    s.reassignments = ds.Reassignments();
    s.has_given = false;
    s.given = {};
    s.request = request;
    s.request.bin.reset();
    std::span<const uint64_t> words = rows.Words();
    s.words.assign(words.begin(), words.end());
    for (int t = 0; t < kPostTypeCount; ++t)
        s.counts_type[static_cast<size_t>(t)] = CountsToward(static_cast<PostType>(t), request.amplification);
    s.overview.tops.assign(request.fields.size(), TopList{});
    s.overview.series = TimeSeries{};
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
    // Rule 115: more than half the rows, every one counted, and the index has every list's values of every row.
    bool complement = !s.scanned.empty() && request.amplification == Amplification::Both && s.selected > s.rows / 2;
    for (size_t c : s.scanned)
        complement = complement && index.HasPostings(s.counters[c].field);
    s.Begin(complement);
}

void SelectionCount::Start(QueryIndex& index, const Selection& rows, const OverviewRequest& request,
                           std::span<const RowId> timed_in_order) {
    Start(index, rows, request);
    m->has_given = true;
    m->given = timed_in_order;
}

bool SelectionCount::Step(size_t work) {
    State& s = *m;
    // Rows came in since the start (a load), or an author's posts moved: every row's counts are no longer the
    // index's (rule 115).
    if (s.complement && s.phase != State::Phase::Done &&
        (s.ds->Posts() != s.rows || s.ds->Reassignments() != s.reassignments))
        s.Begin(false);
    while (work > 0 && s.phase != State::Phase::Done) {
        size_t done = 0;
        switch (s.phase) {
            case State::Phase::Zero: done = s.Zero(work); break;
            case State::Phase::Base: done = s.Base(work); break;
            case State::Phase::Rows:
                done = s.CountWords(work);
                if (s.word >= s.words.size()) s.phase = State::Phase::Rank;
                break;
            case State::Phase::Rank: done = s.Rank(work); break;
            case State::Phase::Copy: done = s.Copy(work); break;
            case State::Phase::Collect: done = s.Collect(work); break;
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
        case State::Phase::Base:
        case State::Phase::Rank:
        case State::Phase::Rows:
        case State::Phase::Collect:
            return s.words.empty() ? 0 : 0.5 * static_cast<double>(s.word) / static_cast<double>(s.words.size());
        case State::Phase::Copy:
            return 0.5 +
                   0.5 * static_cast<double>(s.copy_at) / static_cast<double>(std::max<size_t>(1, s.given.size()));
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
