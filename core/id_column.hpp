// IdColumn: one dictionary id (or none) per row, as narrow as the dictionary allows.
//
// Rows hold a u8 while every id is below 255, a u16 while every id is below 65,535, a u32
// otherwise; the widest value of each width means "none" (kNone). An id too wide for the current
// width widens the whole column first (one copy), so no id is ever lost: a language column stays
// at 1 byte a post, a client column at 1 or 2.
//
//   IdColumn langs;
//   langs.push_back(id);          // or IdColumn::kNone
//   uint32_t id = langs[row];     // as pushed
//
// Invariants: every value pushed or assigned reads back as it was; Width() only grows (Assign
// and Clear start over at 1).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

namespace chorus::core {

class IdColumn {
public:
    static constexpr uint32_t kNone = 0xFFFFFFFFu;

    uint32_t operator[](size_t i) const {
        switch (m_width) {
            case 1: {
                uint8_t v = m_bytes[i];
                return v == 0xFFu ? kNone : v;
            }
            case 2: {
                uint16_t v;
                std::memcpy(&v, m_bytes.data() + 2 * i, 2);
                return v == 0xFFFFu ? kNone : v;
            }
            default: {
                uint32_t v;
                std::memcpy(&v, m_bytes.data() + 4 * i, 4);
                return v;
            }
        }
    }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    unsigned Width() const { return m_width; }  // bytes a row: 1, 2 or 4

    void push_back(uint32_t id) {
        if (id != kNone && id >= Limit(m_width)) Widen(id < Limit(2) ? 2 : 4);
        Put(id);
    }
    void Assign(std::span<const uint32_t> ids) {
        uint32_t widest = 0;
        for (uint32_t id : ids)
            if (id != kNone && id > widest) widest = id;
        Restart(widest, ids.size());
        for (uint32_t id : ids)
            Put(id);
    }
    // Empty again, at the width `widest` (an id, not kNone) needs, with room for `rows`: as Assign, pushed after.
    void Restart(uint32_t widest, size_t rows) {
        std::vector<uint8_t>().swap(m_bytes);
        m_size = 0;
        m_width = widest < Limit(1) ? 1 : widest < Limit(2) ? 2 : 4;
        m_bytes.reserve(rows * m_width);
    }
    std::vector<uint32_t> ToVector() const {
        std::vector<uint32_t> out(m_size);
        for (size_t i = 0; i < m_size; ++i)
            out[i] = (*this)[i];
        return out;
    }
    void reserve(size_t rows) { m_bytes.reserve(rows * m_width); }
    size_t SizeBytes() const { return m_bytes.size(); }
    size_t CapacityBytes() const { return m_bytes.capacity(); }
    void shrink_to_fit() { m_bytes.shrink_to_fit(); }
    void swap(IdColumn& other) noexcept {
        m_bytes.swap(other.m_bytes);
        std::swap(m_size, other.m_size);
        std::swap(m_width, other.m_width);
    }

private:
    // Ids below Limit(w) fit width w; Limit(w) itself is the width's "none".
    static constexpr uint32_t Limit(unsigned width) { return width == 1 ? 0xFFu : width == 2 ? 0xFFFFu : kNone; }
    void Put(uint32_t id) {
        size_t at = m_bytes.size();
        m_bytes.resize(at + m_width);
        uint32_t v = id == kNone ? Limit(m_width) : id;
        if (m_width == 1) {
            m_bytes[at] = static_cast<uint8_t>(v);
        } else if (m_width == 2) {
            auto narrow = static_cast<uint16_t>(v);
            std::memcpy(m_bytes.data() + at, &narrow, 2);
        } else {
            std::memcpy(m_bytes.data() + at, &v, 4);
        }
        ++m_size;
    }
    void Widen(unsigned width) {
        IdColumn wide;
        wide.m_width = width;
        wide.m_bytes.reserve(std::max(m_bytes.capacity() / m_width, m_size + 1) * width);
        for (size_t i = 0; i < m_size; ++i)
            wide.Put((*this)[i]);
        swap(wide);
    }

    std::vector<uint8_t> m_bytes;  // m_size values of m_width bytes each
    size_t m_size = 0;
    unsigned m_width = 1;
};

}  // namespace chorus::core
