// OffsetColumn: the n + 1 ascending offsets of n variable-length lists (row r's items are at
// [At(r), At(r + 1)) of an id array), in about 2 bytes a row instead of 4.
//
// Rows go in blocks of 64: one u32 base per block (the offset at its first row) and one u16 per row
// (its offset minus the block's base). A block whose offsets span more than 65,535 items (64 posts
// with over a thousand items each) turns the whole column wide: plain u32 offsets, no value lost.
//
//   OffsetColumn offsets;          // holds the leading 0
//   offsets.push_back(ids.size()); // after each row's ids
//   ids[offsets[r]] .. ids[offsets[r + 1]]
//
// Invariants: size() >= 1; every value pushed or assigned reads back as it was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace chorus::core {

class OffsetColumn {
public:
    OffsetColumn() { push_back(0); }

    uint32_t operator[](size_t i) const { return m_wide_mode ? m_wide[i] : m_base[i >> kShift] + m_rel[i]; }
    size_t size() const { return m_wide_mode ? m_wide.size() : m_rel.size(); }
    uint32_t back() const { return (*this)[size() - 1]; }

    void push_back(uint32_t value) {
        if (m_wide_mode) {
            m_wide.push_back(value);
            return;
        }
        size_t i = m_rel.size();
        if ((i & kMask) == 0) m_base.push_back(value);
        uint32_t rel = value - m_base[i >> kShift];  // wraps (and widens) when below the base
        if (rel > 0xFFFFu) {
            Widen();
            m_wide.push_back(value);
            return;
        }
        m_rel.push_back(static_cast<uint16_t>(rel));
    }
    // Replaces every offset (a snapshot's array, as read: not yet checked to ascend).
    void Assign(std::span<const uint32_t> values) {
        *this = OffsetColumn(Empty{});
        m_rel.reserve(values.size());
        m_base.reserve(values.size() / 64 + 1);
        for (uint32_t v : values)
            push_back(v);
    }
    std::vector<uint32_t> ToVector() const {
        std::vector<uint32_t> out(size());
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = (*this)[i];
        return out;
    }
    bool wide() const { return m_wide_mode; }

    size_t SizeBytes() const { return m_rel.size() * 2 + m_base.size() * 4 + m_wide.size() * 4; }
    size_t CapacityBytes() const { return m_rel.capacity() * 2 + m_base.capacity() * 4 + m_wide.capacity() * 4; }
    void shrink_to_fit() {
        m_rel.shrink_to_fit();
        m_base.shrink_to_fit();
        m_wide.shrink_to_fit();
    }
    void swap(OffsetColumn& other) noexcept {
        m_base.swap(other.m_base);
        m_rel.swap(other.m_rel);
        m_wide.swap(other.m_wide);
        std::swap(m_wide_mode, other.m_wide_mode);
    }

private:
    struct Empty {};
    explicit OffsetColumn(Empty) {}
    void Widen() {
        m_wide = ToVector();
        m_wide_mode = true;
        std::vector<uint32_t>().swap(m_base);
        std::vector<uint16_t>().swap(m_rel);
    }

    static constexpr unsigned kShift = 6;
    static constexpr size_t kMask = (size_t{1} << kShift) - 1;
    std::vector<uint32_t> m_base;  // per block of 64 rows: its first offset
    std::vector<uint16_t> m_rel;   // per offset: minus its block's base
    std::vector<uint32_t> m_wide;  // every offset, once wide
    bool m_wide_mode = false;
};

}  // namespace chorus::core
