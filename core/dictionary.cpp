#include "dictionary.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace chorus::core {

namespace {

// FNV-1a, then a final mix so the low bits (the slot) depend on every byte.
uint64_t Hash(std::string_view text) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text)
        h = (h ^ c) * 1099511628211ull;
    h ^= h >> 32;
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

}  // namespace

size_t Dictionary::Slot(std::string_view text, uint64_t hash) const {
    size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        uint32_t id = m_slots[i];
        if (id == kNotFound || m_texts[id] == text) return i;
    }
}

void Dictionary::Grow(size_t slot_count) {
    std::vector<uint32_t> slots(slot_count, kNotFound);
    m_slots.swap(slots);
    for (uint32_t id = 0; id < m_texts.size(); ++id)
        m_slots[Slot(m_texts[id], Hash(m_texts[id]))] = id;
}

uint32_t Dictionary::Intern(std::string_view text) {
    if ((m_texts.size() + 1) * 4 > m_slots.size() * 3) Grow(std::max<size_t>(16, m_slots.size() * 2));
    size_t slot = Slot(text, Hash(text));
    if (m_slots[slot] != kNotFound) return m_slots[slot];
    auto id = static_cast<uint32_t>(m_texts.size());
    m_texts.push_back(Store(text));
    m_slots[slot] = id;
    return id;
}

uint32_t Dictionary::Find(std::string_view text) const {
    if (m_slots.empty()) return kNotFound;
    return m_slots[Slot(text, Hash(text))];
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
