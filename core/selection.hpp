// Selection: a set of rows (posts) of one Dataset, as a bitmap of 64-bit words.
//
// Filters produce a Selection instead of copying rows; aggregates run over it.
//
//   Selection s = Selection::All(dataset.Posts());
//   s.And(other);                                    // intersection, in place
//   s.ForEach([&](RowId row) { ... });               // ascending row order
//
// Invariants: a Selection covers rows [0, Rows()); bits at and above Rows() in
// the last word are always zero; Count() is the number of selected rows and is
// kept exact by every operation. Combining two selections needs the same Rows().
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace chorus::core {

using RowId = uint32_t;

class Selection {
public:
    Selection() = default;
    // No row selected, out of `rows`.
    explicit Selection(size_t rows);
    static Selection None(size_t rows) { return Selection(rows); }
    static Selection All(size_t rows);
    // The given rows (any order, repeats allowed), each < rows.
    static Selection FromRows(size_t rows, std::span<const RowId> selected);
    // A bitmap built word by word (bit (row & 63) of word (row >> 6)); bits past `rows` are ignored.
    static Selection FromWords(size_t rows, std::vector<uint64_t> words);

    size_t Rows() const { return m_rows; }
    size_t Count() const { return m_count; }
    bool Empty() const { return m_count == 0; }
    bool IsAll() const { return m_count == m_rows; }
    bool Contains(RowId row) const { return (m_words[row >> 6] >> (row & 63)) & 1u; }

    void Add(RowId row);
    void Remove(RowId row);
    // Adds many rows (any order, repeats allowed), recounting once at the end.
    void AddRows(std::span<const RowId> rows);
    // In-place set operations; `other` must cover the same Rows().
    Selection& And(const Selection& other);
    Selection& Or(const Selection& other);
    Selection& AndNot(const Selection& other);  // this minus other
    Selection& Not();                           // complement within [0, Rows())

    // Calls f(row) for every selected row, ascending.
    template <class F>
    void ForEach(F&& f) const {
        for (size_t w = 0; w < m_words.size(); ++w) {
            uint64_t bits = m_words[w];
            while (bits != 0) {
                auto bit = static_cast<unsigned>(std::countr_zero(bits));
                f(static_cast<RowId>((w << 6) | bit));
                bits &= bits - 1;
            }
        }
    }
    std::vector<RowId> ToRows() const;
    // The bitmap: bit (row & 63) of word (row >> 6).
    std::span<const uint64_t> Words() const { return m_words; }
    size_t MemoryBytes() const { return m_words.capacity() * sizeof(uint64_t); }

    friend bool operator==(const Selection& a, const Selection& b) {
        return a.m_rows == b.m_rows && a.m_words == b.m_words;
    }

private:
    void Recount();
    void ClearTail();

    size_t m_rows = 0;
    size_t m_count = 0;
    std::vector<uint64_t> m_words;
};

}  // namespace chorus::core
