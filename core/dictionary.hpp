// Dictionary: every distinct string stored once, named by a dense 32-bit id.
//
// Columns of the dataset hold ids; the text lives here.
//
//   chorus::core::Dictionary tags;
//   uint32_t id = tags.Intern("metoo");   // same id for every later "metoo"
//   std::string_view s = tags.Text(id);   // "metoo"
//
// Invariants: ids are 0..Size()-1 in order of first appearance; a string_view
// returned by Text() stays valid until the dictionary is destroyed (strings
// live in fixed blocks that never move).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace chorus::core {

class Dictionary {
public:
    Dictionary() = default;
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    // Returns the id of `text`, adding it on first sight.
    uint32_t Intern(std::string_view text);
    // Returns the id of `text`, or kNotFound.
    uint32_t Find(std::string_view text) const;
    std::string_view Text(uint32_t id) const { return m_texts[id]; }
    uint32_t Size() const { return static_cast<uint32_t>(m_texts.size()); }
    // Bytes held by the strings and the index, for memory reports.
    size_t MemoryBytes() const;
    // Exchanges the contents of two dictionaries; ids and views stay valid (they follow their strings).
    void Swap(Dictionary& other) noexcept;
    // Makes room for `count` strings in all (a snapshot knows how many it will intern).
    void Reserve(size_t count);

    static constexpr uint32_t kNotFound = 0xFFFFFFFFu;

private:
    std::string_view Store(std::string_view text);
    // The slot holding `text`'s id, or the empty slot where it would go.
    size_t Slot(std::string_view text, uint64_t hash) const;
    void Grow(size_t slot_count);  // re-inserts every id into `slot_count` slots

    static constexpr size_t kBlockSize = 1 << 16;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    size_t m_block_used = kBlockSize;
    std::vector<std::string_view> m_texts;
    // Open addressing: ids packed with a tag of their hash (hash_slots.hpp; kNotFound when empty), a
    // power-of-two count of slots at most 3/4 full; the strings are compared through m_texts only when the
    // tags agree, so a slot costs 4 bytes where a hash map node cost ~40.
    std::vector<uint32_t> m_slots;
};

}  // namespace chorus::core
