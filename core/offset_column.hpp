// OffsetColumn: the n + 1 ascending offsets of n variable-length lists (row r's items are at
// [At(r), At(r + 1)) of an id array), in about 1 byte a row instead of 4.
//
// Rows go in blocks of 32: one u32 base per block (the offset at its first row) and one u8 per row
// (its offset minus the block's base). A block whose offsets span more than 255 items (32 posts
// with 8 items each) turns the column to u16 a row; one spanning more than 65,535 items (32 posts
// with over two thousand items each) turns it wide: plain u32 offsets. No value is lost either way.
//
//   OffsetColumn offsets;          // holds the leading 0
//   offsets.push_back(ids.size()); // after each row's ids
//   ids[offsets[r]] .. ids[offsets[r + 1]]
//
// Invariants: size() >= 1; every value pushed or assigned reads back as it was; the width only grows.
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

    uint32_t operator[](size_t i) const {
        switch (m_mode) {
            case Mode::Byte: return m_base[i >> kShift] + m_rel8[i];
            case Mode::Short: return m_base[i >> kShift] + m_rel16[i];
            case Mode::Wide: break;
        }
        return m_wide[i];
    }
    size_t size() const {
        return m_mode == Mode::Byte ? m_rel8.size() : m_mode == Mode::Short ? m_rel16.size() : m_wide.size();
    }
    uint32_t back() const { return (*this)[size() - 1]; }

    void push_back(uint32_t value) {
        if (m_mode == Mode::Wide) {
            m_wide.push_back(value);
            return;
        }
        size_t i = size();
        if ((i & kMask) == 0) m_base.push_back(value);
        uint32_t rel = value - m_base[i >> kShift];  // wraps (and widens) when below the base
        if (m_mode == Mode::Byte && rel > 0xFFu) {
            if (rel > 0xFFFFu) {
                Widen();
                m_wide.push_back(value);
                return;
            }
            ToShort();
        }
        if (m_mode == Mode::Byte) {
            m_rel8.push_back(static_cast<uint8_t>(rel));
        } else if (rel <= 0xFFFFu) {
            m_rel16.push_back(static_cast<uint16_t>(rel));
        } else {
            Widen();
            m_wide.push_back(value);
        }
    }
    // Replaces every offset (a snapshot's array, as read: not yet checked to ascend).
    void Assign(std::span<const uint32_t> values) {
        *this = OffsetColumn(Empty{});
        m_rel8.reserve(values.size());
        m_base.reserve(values.size() / (kMask + 1) + 1);
        for (uint32_t v : values)
            push_back(v);
    }
    std::vector<uint32_t> ToVector() const {
        std::vector<uint32_t> out(size());
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = (*this)[i];
        return out;
    }
    bool wide() const { return m_mode == Mode::Wide; }
    unsigned RowBytes() const { return m_mode == Mode::Byte ? 1 : m_mode == Mode::Short ? 2 : 4; }

    size_t SizeBytes() const { return m_rel8.size() + m_rel16.size() * 2 + m_base.size() * 4 + m_wide.size() * 4; }
    size_t CapacityBytes() const {
        return m_rel8.capacity() + m_rel16.capacity() * 2 + m_base.capacity() * 4 + m_wide.capacity() * 4;
    }
    void shrink_to_fit() {
        m_rel8.shrink_to_fit();
        m_rel16.shrink_to_fit();
        m_base.shrink_to_fit();
        m_wide.shrink_to_fit();
    }
    void swap(OffsetColumn& other) noexcept {
        m_base.swap(other.m_base);
        m_rel8.swap(other.m_rel8);
        m_rel16.swap(other.m_rel16);
        m_wide.swap(other.m_wide);
        std::swap(m_mode, other.m_mode);
    }

private:
    enum class Mode : uint8_t { Byte, Short, Wide };
    struct Empty {};
    explicit OffsetColumn(Empty) {}
    // Same bases, wider rows: every u8 is its u16.
    void ToShort() {
        m_rel16.reserve(m_rel8.capacity());
        m_rel16.assign(m_rel8.begin(), m_rel8.end());
        std::vector<uint8_t>().swap(m_rel8);
        m_mode = Mode::Short;
    }
    void Widen() {
        m_wide = ToVector();
        m_mode = Mode::Wide;
        std::vector<uint32_t>().swap(m_base);
        std::vector<uint8_t>().swap(m_rel8);
        std::vector<uint16_t>().swap(m_rel16);
    }

    static constexpr unsigned kShift = 5;
    static constexpr size_t kMask = (size_t{1} << kShift) - 1;
    std::vector<uint32_t> m_base;   // per block of 32 rows: its first offset
    std::vector<uint8_t> m_rel8;    // per offset: minus its block's base (Byte)
    std::vector<uint16_t> m_rel16;  // the same, once a block spans over 255 items (Short)
    std::vector<uint32_t> m_wide;   // every offset, once a block spans over 65,535 (Wide)
    Mode m_mode = Mode::Byte;
};

}  // namespace chorus::core
