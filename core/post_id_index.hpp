// PostIdIndex: finds the row of a post id, for de-duplication across files.
//
// An open-addressing hash table of row numbers (4 bytes a slot, at most 70%
// full); the ids themselves live in the dataset's id column, so the table
// costs about 6 bytes a post where a std::unordered_set of ids cost ~40. Each
// row is packed with a tag of its id's hash (hash_slots.hpp), so a probe reads
// the id column only when the tags agree.
//
//   PostIdIndex index;
//   if (index.Find(key, ids) == PostIdIndex::kNone) { ids.push_back(key); index.Insert(row, ids); }
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace chorus::core {

class PostIdIndex {
public:
    static constexpr uint32_t kNone = 0xFFFFFFFFu;

    // The row whose id (ids[row]) equals `id`, or kNone.
    uint32_t Find(uint64_t id, const std::vector<uint64_t>& ids) const;
    // Adds `row`, whose id is ids[row] and not yet in the index.
    void Insert(uint32_t row, const std::vector<uint64_t>& ids);
    // Sizes an empty index for `count` ids, so inserting them never rehashes (a snapshot knows how many).
    void Reserve(size_t count);
    // Reserve a piece at a time: clears up to `slots` more slots a call (64 MB of them at 10 million ids would
    // take one frame); true once the index is sized for `count`. No Find or Insert before it says so.
    bool ReserveStep(size_t count, size_t slots);
    // Frees the table (a dataset rebuilds it from its id column when rows are added again).
    void Clear() {
        std::vector<uint32_t>().swap(m_slots);  // gives the memory back (`= {}` would keep it)
        m_count = 0;
    }
    size_t MemoryBytes() const { return m_slots.capacity() * sizeof(uint32_t); }

private:
    void Grow(const std::vector<uint64_t>& ids);
    std::vector<uint32_t> m_slots;
    size_t m_count = 0;
};

}  // namespace chorus::core
