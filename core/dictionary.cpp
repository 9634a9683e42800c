#include "dictionary.hpp"

#include <cstring>
#include <utility>

namespace chorus::core {

uint32_t Dictionary::Intern(std::string_view text) {
    auto it = m_index.find(text);
    if (it != m_index.end()) return it->second;
    std::string_view stored = Store(text);
    auto id = static_cast<uint32_t>(m_texts.size());
    m_texts.push_back(stored);
    m_index.emplace(stored, id);
    return id;
}

uint32_t Dictionary::Find(std::string_view text) const {
    auto it = m_index.find(text);
    return it == m_index.end() ? kNotFound : it->second;
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
           m_index.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void*));
}

void Dictionary::Reserve(size_t count) {
    m_texts.reserve(count);
    m_index.reserve(count);
}

void Dictionary::Swap(Dictionary& other) noexcept {
    m_blocks.swap(other.m_blocks);
    std::swap(m_block_used, other.m_block_used);
    m_texts.swap(other.m_texts);
    m_index.swap(other.m_index);
}

}  // namespace chorus::core
