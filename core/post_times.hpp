// PostTimes: the time of every post, in 4 bytes a post while every time fits.
//
// Times are kept as u32 seconds after a base set from the first known time (base = that time
// minus 2^31, so the column holds the 136 years around it: 1949-2085 for a dump of 2017); the
// largest u32 stands for kNoTime (unknown). A time outside the span (a date before 1902 next to
// one of 2017, say) turns the whole column wide first: plain int64 times, nothing lost.
//
//   PostTimes times;
//   times.push_back(t);            // any UnixSeconds, kNoTime included
//   UnixSeconds t = times[row];    // as pushed
//
// Invariants: every value pushed or assigned reads back as it was.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "post.hpp"

namespace chorus::core {

class PostTimes {
public:
    UnixSeconds operator[](size_t i) const {
        if (m_wide_mode) return m_wide[i];
        uint32_t v = m_rel[i];
        return v == kUnknown ? kNoTime : m_base + static_cast<UnixSeconds>(v);
    }
    size_t size() const { return m_wide_mode ? m_wide.size() : m_rel.size(); }
    bool empty() const { return size() == 0; }
    bool wide() const { return m_wide_mode; }

    void push_back(UnixSeconds t) {
        if (m_wide_mode) {
            m_wide.push_back(t);
            return;
        }
        if (t == kNoTime) {
            m_rel.push_back(kUnknown);
            return;
        }
        if (!m_has_base) {
            m_base = t >= kNoTime + kHalf + 1 ? t - kHalf : t;
            m_has_base = true;
        }
        // Unsigned difference: exact once t >= m_base, whatever their signs.
        if (t < m_base || static_cast<uint64_t>(t) - static_cast<uint64_t>(m_base) >= kUnknown) {
            Widen();
            m_wide.push_back(t);
            return;
        }
        m_rel.push_back(static_cast<uint32_t>(static_cast<uint64_t>(t) - static_cast<uint64_t>(m_base)));
    }
    void Assign(std::span<const UnixSeconds> times) {
        PostTimes fresh;
        fresh.m_rel.reserve(times.size());
        for (UnixSeconds t : times)
            fresh.push_back(t);
        swap(fresh);
    }
    std::vector<UnixSeconds> ToVector() const {
        if (m_wide_mode) return m_wide;
        std::vector<UnixSeconds> out(size());
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = (*this)[i];
        return out;
    }
    void reserve(size_t rows) { m_wide_mode ? m_wide.reserve(rows) : m_rel.reserve(rows); }
    size_t SizeBytes() const { return m_rel.size() * 4 + m_wide.size() * 8; }
    size_t CapacityBytes() const { return m_rel.capacity() * 4 + m_wide.capacity() * 8; }
    void shrink_to_fit() {
        m_rel.shrink_to_fit();
        m_wide.shrink_to_fit();
    }
    void swap(PostTimes& other) noexcept {
        m_rel.swap(other.m_rel);
        m_wide.swap(other.m_wide);
        std::swap(m_base, other.m_base);
        std::swap(m_has_base, other.m_has_base);
        std::swap(m_wide_mode, other.m_wide_mode);
    }

private:
    static constexpr uint32_t kUnknown = 0xFFFFFFFFu;  // kNoTime
    static constexpr UnixSeconds kHalf = UnixSeconds{1} << 31;
    void Widen() {
        m_wide = ToVector();
        m_wide_mode = true;
        std::vector<uint32_t>().swap(m_rel);
    }

    std::vector<uint32_t> m_rel;      // per row: seconds after m_base, or kUnknown
    std::vector<UnixSeconds> m_wide;  // every time, once wide
    UnixSeconds m_base = 0;
    bool m_has_base = false;
    bool m_wide_mode = false;
};

}  // namespace chorus::core
