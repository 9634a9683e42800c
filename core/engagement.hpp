// Engagement: a post's likes, reposts, replies and quotes as the source gave them when it was
// collected (COUNTING.md, rules 91-93), kept compactly for millions of posts, and the reader's orders.
//
//   Engagement e;                                  // every count "not given"
//   e[CountKind::Likes] = ParseCount("12");            // a reader fills what its format carries
//   column.Add(e);                                 // Dataset::Add: one call per added post
//   int64_t likes = column.CountOf(row, CountKind::Likes);  // kNotGiven when the source had none
//   SortPosts(dataset, rows, PostOrder::Likes);    // the post reader's and `chorus posts --sort` order
//
// Unknown is not zero: a count the record does not carry is kNotGiven, never 0. Counts are signed (a
// Reddit score can be below zero).
//
// Storage (EngagementColumn): most posts of a real dump have every count zero or absent, and which
// counts a format gives rarely changes from one post to the next. So the column keeps (a) runs of rows
// sharing one "given" mask (a run starts where the mask changes) and (b) per count, only the rows
// whose count is given and not zero, ascending, each with a 16-bit value; a value outside 1..65534
// (larger, or below zero) is kept whole in an overflow list. A post with all counts zero or absent
// costs nothing beyond its run; one with a single non-zero count costs 6 bytes.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::core {

using RowId = uint32_t;
class Dataset;

// The counts a post can carry, in the order they are stored and written.
enum class CountKind : uint8_t { Likes = 0, Reposts = 1, Replies = 2, Quotes = 3 };
inline constexpr int kCountKinds = 4;
inline constexpr int64_t kNotGiven = INT64_MIN;
const char* CountName(CountKind count);  // "likes", "reposts", "replies", "quotes"

struct Engagement {
    std::array<int64_t, kCountKinds> counts{kNotGiven, kNotGiven, kNotGiven, kNotGiven};

    int64_t& operator[](CountKind c) { return counts[static_cast<size_t>(c)]; }
    int64_t operator[](CountKind c) const { return counts[static_cast<size_t>(c)]; }
    bool Given(CountKind c) const { return (*this)[c] != kNotGiven; }
    // The sum of the given counts; kNotGiven when none is given.
    int64_t Total() const;
};

// A count written as text: optional '-', digits, optionally ".0..." ("12", "-3", "12.0" from a
// spreadsheet). Anything else ("", "n/a", "1.5", "1.2K") is kNotGiven.
int64_t ParseCount(std::string_view text);

class EngagementColumn {
public:
    // Appends the counts of the next row (row Rows()).
    void Add(const Engagement& e);
    size_t Rows() const { return m_rows; }
    int64_t CountOf(RowId row, CountKind c) const;
    Engagement Of(RowId row) const;

    // Reads rows in ascending order in amortised constant time each (for scans over a selection).
    class Scan {
    public:
        explicit Scan(const EngagementColumn& column) : m_column(column) {}
        Engagement At(RowId row);  // rows must not decrease from one call to the next

    private:
        const EngagementColumn& m_column;
        size_t m_run = 0;
        std::array<size_t, kCountKinds> m_at{};
    };

    size_t MemoryBytes() const;  // capacities
    void ShrinkToFit();
    void Swap(EngagementColumn& other) noexcept;

    // The column as bytes for a snapshot, and back. Decode checks every invariant and leaves the
    // column unchanged (returning false) when the bytes are not a valid column of `rows` rows.
    std::string Encode() const;
    bool Decode(std::span<const char> bytes, size_t rows);

private:
    uint8_t MaskOf(RowId row) const;
    int64_t ValueAt(int kind, size_t index) const;

    static constexpr uint16_t kOverflow = 0xFFFF;
    uint32_t m_rows = 0;
    std::vector<uint32_t> m_run_start;  // ascending; m_run_start[0] == 0 once a row exists
    std::vector<uint8_t> m_run_mask;    // bit k: count k is given in the run's rows
    struct Sparse {
        std::vector<uint32_t> rows;       // ascending rows whose count is given and not zero
        std::vector<uint16_t> values;     // the count, or kOverflow
        std::vector<uint32_t> big_at;     // ascending indexes (into rows) of overflowed values
        std::vector<int64_t> big_values;  // their counts
    };
    std::array<Sparse, kCountKinds> m_sparse;
};

// The orders of the post reader (and `chorus posts --sort`).
enum class PostOrder : uint8_t { TimeAscending, TimeDescending, Likes, Reposts, Engagement };
const char* PostOrderName(PostOrder order);  // "time", "time-desc", "likes", "reposts", "engagement"
bool ParsePostOrder(std::string_view name, PostOrder& out);

// Reorders `rows` (any order, each once). By time: ascending or descending, posts without a time
// first (ascending) or last (descending), ties by row. By likes, reposts or engagement (the total of
// the given counts): highest first, ties by time (earliest first) then row; posts whose count is not
// given come after every post that has one (COUNTING.md, rule 93).
void SortPosts(const Dataset& dataset, std::vector<RowId>& rows, PostOrder order);

}  // namespace chorus::core
