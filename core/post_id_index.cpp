#include "post_id_index.hpp"

#include <cassert>

#include "hash_slots.hpp"

namespace chorus::core {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser: ids are sequential, the slots must not be
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// Puts `row` (hash `hash`) in the first empty slot of its run.
void Place(std::vector<uint32_t>& slots, uint32_t row, uint64_t hash) {
    HashSlots packing(slots.size());
    size_t i = hash & packing.Mask();
    while (slots[i] != PostIdIndex::kNone)
        i = (i + 1) & packing.Mask();
    slots[i] = packing.Pack(row, hash);
}

}  // namespace

uint32_t PostIdIndex::Find(uint64_t id, const std::vector<uint64_t>& ids) const {
    if (m_slots.empty()) return kNone;
    HashSlots packing(m_slots.size());
    uint64_t hash = Mix(id);
    for (size_t i = hash & packing.Mask();; i = (i + 1) & packing.Mask()) {
        uint32_t packed = m_slots[i];
        if (packed == kNone) return kNone;
        if (!packing.TagMatches(packed, hash)) continue;  // another id: told apart without reading it
        uint32_t row = packing.Entry(packed);
        if (ids[row] == id) return row;
    }
}

void PostIdIndex::Insert(uint32_t row, const std::vector<uint64_t>& ids) {
    // A packed row needs fewer bits than the slot count has (hash_slots.hpp): rows without an id are not
    // inserted, so a row can pass the count of ids.
    while ((m_count + 1) * 10 > m_slots.size() * 7 || size_t{row} + 1 >= m_slots.size())
        Grow(ids);
    Place(m_slots, row, Mix(ids[row]));
    ++m_count;
}

namespace {

// A power of two with room for `count` ids at most 70% full.
size_t SlotsFor(size_t count) {
    size_t slots = 1024;
    while (slots * 7 < (count + 1) * 10)
        slots *= 2;
    return slots;
}

}  // namespace

void PostIdIndex::Reserve(size_t count) {
    assert(m_count == 0);
    m_slots.assign(SlotsFor(count), kNone);
}

bool PostIdIndex::ReserveStep(size_t count, size_t slots) {
    assert(m_count == 0);
    const size_t want = SlotsFor(count);
    if (m_slots.capacity() != want && m_slots.size() < want) {  // first call: the room, untouched
        std::vector<uint32_t> room;
        room.reserve(want);
        m_slots.swap(room);
    }
    m_slots.resize(std::min(want, m_slots.size() + std::max<size_t>(slots, 1)), kNone);
    return m_slots.size() == want;
}

void PostIdIndex::Grow(const std::vector<uint64_t>& ids) {
    std::vector<uint32_t> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, kNone);
    HashSlots packing(old.size());
    for (uint32_t packed : old)
        if (packed != kNone) {
            uint32_t row = packing.Entry(packed);
            Place(m_slots, row, Mix(ids[row]));
        }
}

}  // namespace chorus::core
