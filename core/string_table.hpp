// A flat open-addressing set of byte strings, each given an id in order of first insertion, its bytes
// kept in one arena: no allocation per string. For hot counting loops (words.cpp, stop_words.hpp).
//
//   StringTable t;
//   uint32_t id = t.Insert("metoo", StringTable::Hash("metoo"));  // 0, and 0 again for the same bytes
//   t.Text(id);                                                     // "metoo"
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::core {

class StringTable {
public:
    static constexpr uint32_t kNotFound = UINT32_MAX;

    static uint64_t Hash(std::string_view s) {
        const char* p = s.data();
        const size_t n = s.size();
        uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t v = 0;
            std::memcpy(&v, p + i, 8);
            h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 31;
        }
        uint64_t v = 0;
        if (i < n) std::memcpy(&v, p + i, n - i);
        h = (h ^ v) * 0x94D049BB133111EBull;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ull;
        return h ^ (h >> 32);
    }

    size_t Size() const { return m_entries.size(); }
    std::string_view Text(uint32_t id) const {
        const Entry& e = m_entries[id];
        return std::string_view(m_arena.data() + e.offset, e.length);
    }

    uint32_t Find(std::string_view s, uint64_t hash) const {
        if (m_slots.empty()) return kNotFound;
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.id == kNotFound) return kNotFound;
            if (slot.hash == hash && SlotText(slot) == s) return slot.id;
        }
    }

    // The id of `s` (hash: Hash(s)), inserting it when new (then its id is Size() - 1).
    uint32_t Insert(std::string_view s, uint64_t hash) {
        if ((m_entries.size() + 1) * 2 > m_slots.size()) Grow();
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.id == kNotFound) {
                slot = Slot{hash, m_arena.size(), static_cast<uint32_t>(s.size()),
                            static_cast<uint32_t>(m_entries.size())};
                m_entries.push_back(Entry{m_arena.size(), static_cast<uint32_t>(s.size())});
                m_arena.append(s);
                return slot.id;
            }
            if (slot.hash == hash && SlotText(slot) == s) return slot.id;
        }
    }

private:
    // The slot repeats its string's place so a lookup reads the slot and the bytes only.
    struct Slot {
        uint64_t hash = 0;
        size_t offset = 0;
        uint32_t length = 0;
        uint32_t id = kNotFound;
    };
    struct Entry {
        size_t offset;
        uint32_t length;
    };

    std::string_view SlotText(const Slot& slot) const {
        return std::string_view(m_arena.data() + slot.offset, slot.length);
    }

    void Grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        m_mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.id == kNotFound) continue;
            size_t i = s.hash & m_mask;
            while (m_slots[i].id != kNotFound)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    std::vector<Entry> m_entries;
    std::string m_arena;
};

}  // namespace chorus::core
