#include "post_id_index.hpp"

#include <cassert>

namespace chorus::core {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser: ids are sequential, the slots must not be
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

}  // namespace

uint32_t PostIdIndex::Find(uint64_t id, const std::vector<uint64_t>& ids) const {
    if (m_slots.empty()) return kNone;
    size_t mask = m_slots.size() - 1;
    for (size_t i = Mix(id) & mask;; i = (i + 1) & mask) {
        uint32_t row = m_slots[i];
        if (row == kNone || ids[row] == id) return row;
    }
}

void PostIdIndex::Insert(uint32_t row, const std::vector<uint64_t>& ids) {
    if ((m_count + 1) * 10 > m_slots.size() * 7) Grow(ids);
    size_t mask = m_slots.size() - 1;
    size_t i = Mix(ids[row]) & mask;
    while (m_slots[i] != kNone)
        i = (i + 1) & mask;
    m_slots[i] = row;
    ++m_count;
}

void PostIdIndex::Reserve(size_t count) {
    assert(m_count == 0);
    size_t slots = 1024;
    while (slots * 7 < (count + 1) * 10)
        slots *= 2;
    m_slots.assign(slots, kNone);
}

void PostIdIndex::Grow(const std::vector<uint64_t>& ids) {
    std::vector<uint32_t> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, kNone);
    size_t mask = m_slots.size() - 1;
    for (uint32_t row : old) {
        if (row == kNone) continue;
        size_t i = Mix(ids[row]) & mask;
        while (m_slots[i] != kNone)
            i = (i + 1) & mask;
        m_slots[i] = row;
    }
}

}  // namespace chorus::core
