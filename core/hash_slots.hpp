// Hash slots: the shared arithmetic of the core's open-addressing tables (Dictionary, PostIdIndex).
//
// A table of 2^k four-byte slots holds entries numbered below 2^k - 1 (an id, a row). The number needs only
// k bits, so the slot's other 32 - k bits keep a few bits of the entry's hash (its tag): a probe that
// meets another entry tells it apart by the tag, without reading the entry's string or id, in most cases.
// The empty slot is all ones, which no packed entry can be (its number is below 2^k - 1).
//
//   HashSlots s(slot_count);                     // a power of two
//   uint32_t packed = s.Pack(id, hash);          // store in slot hash & s.Mask()
//   if (s.TagMatches(packed, hash)) ...          // then compare the real keys of s.Entry(packed)
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace chorus::core {

class HashSlots {
public:
    static constexpr uint32_t kEmpty = 0xFFFFFFFFu;

    explicit HashSlots(size_t slot_count)
        : m_mask(slot_count - 1), m_bits(static_cast<unsigned>(std::countr_zero(slot_count))) {}
    size_t Mask() const { return m_mask; }
    uint32_t Pack(uint32_t entry, uint64_t hash) const { return entry | (Tag(hash) << Shift()); }
    uint32_t Entry(uint32_t packed) const { return m_bits >= 32 ? packed : packed & ((1u << m_bits) - 1); }
    bool TagMatches(uint32_t packed, uint64_t hash) const { return m_bits >= 32 || (packed >> m_bits) == Tag(hash); }

private:
    unsigned Shift() const { return m_bits >= 32 ? 0 : m_bits; }
    // The tag comes from the hash's top bits; the slot number from its low bits.
    uint32_t Tag(uint64_t hash) const { return m_bits >= 32 ? 0 : static_cast<uint32_t>(hash >> 32) >> m_bits; }
    size_t m_mask;
    unsigned m_bits;
};

// A string hash of our own: eight bytes at a time through a multiply and shift, the length mixed in, then
// a final mix so that the low bits (the slot) and the top bits (the tag) depend on every byte.
inline uint64_t HashText(std::string_view text) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = 0x243F6A8885A308D3ull ^ (text.size() * kMul);
    const char* p = text.data();
    size_t left = text.size();
    for (; left >= 8; p += 8, left -= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * kMul;
        h ^= h >> 29;
    }
    if (left > 0) {
        uint64_t word = 0;
        std::memcpy(&word, p, left);
        h = (h ^ word) * kMul;
        h ^= h >> 29;
    }
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    h *= kMul;
    return h ^ (h >> 29);
}

}  // namespace chorus::core
