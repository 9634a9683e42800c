#include "selection.hpp"

#include <cassert>

namespace chorus::core {

Selection::Selection(size_t rows) : m_rows(rows), m_words((rows + 63) / 64, 0) {}

Selection Selection::All(size_t rows) {
    Selection s(rows);
    for (uint64_t& w : s.m_words)
        w = ~uint64_t{0};
    s.ClearTail();
    s.m_count = rows;
    return s;
}

Selection Selection::FromRows(size_t rows, std::span<const RowId> selected) {
    Selection s(rows);
    s.AddRows(selected);
    return s;
}

void Selection::Add(RowId row) {
    assert(row < m_rows);
    uint64_t& w = m_words[row >> 6];
    uint64_t bit = uint64_t{1} << (row & 63);
    m_count += (w & bit) == 0;
    w |= bit;
}

Selection Selection::FromWords(size_t rows, std::vector<uint64_t> words) {
    assert(words.size() == (rows + 63) / 64);
    Selection s;
    s.m_rows = rows;
    s.m_words = std::move(words);
    s.ClearTail();
    s.Recount();
    return s;
}

void Selection::AddRows(std::span<const RowId> rows) {
    for (RowId r : rows) {
        assert(r < m_rows);
        m_words[r >> 6] |= uint64_t{1} << (r & 63);
    }
    Recount();
}

void Selection::Remove(RowId row) {
    assert(row < m_rows);
    uint64_t& w = m_words[row >> 6];
    uint64_t bit = uint64_t{1} << (row & 63);
    m_count -= (w & bit) != 0;
    w &= ~bit;
}

// The count is recomputed in the same pass as the operation: one popcount per word is far
// cheaper than the memory traffic of the pass itself.
Selection& Selection::And(const Selection& other) {
    assert(other.m_rows == m_rows);
    size_t count = 0;
    for (size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] &= other.m_words[i];
        count += static_cast<size_t>(std::popcount(m_words[i]));
    }
    m_count = count;
    return *this;
}

Selection& Selection::Or(const Selection& other) {
    assert(other.m_rows == m_rows);
    size_t count = 0;
    for (size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] |= other.m_words[i];
        count += static_cast<size_t>(std::popcount(m_words[i]));
    }
    m_count = count;
    return *this;
}

Selection& Selection::AndNot(const Selection& other) {
    assert(other.m_rows == m_rows);
    size_t count = 0;
    for (size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] &= ~other.m_words[i];
        count += static_cast<size_t>(std::popcount(m_words[i]));
    }
    m_count = count;
    return *this;
}

Selection& Selection::Not() {
    for (uint64_t& w : m_words)
        w = ~w;
    ClearTail();
    m_count = m_rows - m_count;
    return *this;
}

std::vector<RowId> Selection::ToRows() const {
    std::vector<RowId> rows;
    rows.reserve(m_count);
    ForEach([&](RowId r) { rows.push_back(r); });
    return rows;
}

void Selection::Recount() {
    size_t count = 0;
    for (uint64_t w : m_words)
        count += static_cast<size_t>(std::popcount(w));
    m_count = count;
}

void Selection::ClearTail() {
    if (size_t used = m_rows & 63; used != 0) m_words.back() &= (uint64_t{1} << used) - 1;
}

}  // namespace chorus::core
