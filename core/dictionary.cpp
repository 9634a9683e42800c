#include "dictionary.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "hash_slots.hpp"

namespace chorus::core {

size_t Dictionary::Slot(std::string_view text, uint64_t hash) const {
    HashSlots slots(m_slots.size());
    for (size_t i = hash & slots.Mask();; i = (i + 1) & slots.Mask()) {
        uint32_t packed = m_slots[i];
        if (packed == kNotFound) return i;
        if (slots.TagMatches(packed, hash) && m_texts[slots.Entry(packed)] == text) return i;
    }
}

void Dictionary::Grow(size_t slot_count) {
    std::vector<uint32_t> slots(slot_count, kNotFound);
    m_slots.swap(slots);
    HashSlots packing(m_slots.size());
    for (uint32_t id = 0; id < m_texts.size(); ++id) {
        uint64_t hash = HashText(m_texts[id]);
        size_t i = hash & packing.Mask();
        while (m_slots[i] != kNotFound)  // the texts are distinct: the first empty slot is the one
            i = (i + 1) & packing.Mask();
        m_slots[i] = packing.Pack(id, hash);
    }
}

uint32_t Dictionary::Intern(std::string_view text) {
    if ((m_texts.size() + 1) * 4 > m_slots.size() * 3) Grow(std::max<size_t>(16, m_slots.size() * 2));
    uint64_t hash = HashText(text);
    size_t slot = Slot(text, hash);
    HashSlots packing(m_slots.size());
    if (m_slots[slot] != kNotFound) return packing.Entry(m_slots[slot]);
    auto id = static_cast<uint32_t>(m_texts.size());
    m_texts.push_back(Store(text));
    m_slots[slot] = packing.Pack(id, hash);
    return id;
}

uint32_t Dictionary::Find(std::string_view text) const {
    if (m_slots.empty()) return kNotFound;
    uint32_t packed = m_slots[Slot(text, HashText(text))];
    return packed == kNotFound ? kNotFound : HashSlots(m_slots.size()).Entry(packed);
}

std::string_view Dictionary::Store(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > kBlockSize / 4) {
        // Long strings get a block of their own so small blocks stay dense.
        auto block = std::make_unique<char[]>(text.size());
        std::memcpy(block.get(), text.data(), text.size());
        std::string_view stored(block.get(), text.size());
        m_blocks.insert(m_blocks.end() - (m_blocks.empty() ? 0 : 1), std::move(block));
        return stored;
    }
    if (m_block_used + text.size() > kBlockSize) {
        m_blocks.push_back(std::make_unique<char[]>(kBlockSize));
        m_block_used = 0;
    }
    char* dst = m_blocks.back().get() + m_block_used;
    std::memcpy(dst, text.data(), text.size());
    m_block_used += text.size();
    return {dst, text.size()};
}

size_t Dictionary::MemoryBytes() const {
    return m_blocks.size() * kBlockSize + m_texts.capacity() * sizeof(std::string_view) +
           m_slots.capacity() * sizeof(uint32_t);
}

void Dictionary::Reserve(size_t count) {
    m_texts.reserve(count);
    size_t slots = 16;
    while (count * 4 > slots * 3)
        slots *= 2;
    if (slots > m_slots.size()) Grow(slots);
}

void Dictionary::Swap(Dictionary& other) noexcept {
    m_blocks.swap(other.m_blocks);
    std::swap(m_block_used, other.m_block_used);
    m_texts.swap(other.m_texts);
    m_slots.swap(other.m_slots);
}

}  // namespace chorus::core
