#include "text_store.hpp"

#include <algorithm>
#include <cassert>

namespace chorus::core {

void TextStore::Append(std::string_view text) {
    m_arena.insert(m_arena.end(), text.begin(), text.end());
    m_offsets.push_back(m_arena_base + m_arena.size());
}

TextStore::Place TextStore::PlaceOf(size_t first, size_t end) const {
    assert(first <= end && end <= m_disk_rows);
    return {m_disk_base + m_offsets[first], m_offsets[end] - m_offsets[first]};
}

TextStore::Place TextStore::PlaceOf(size_t row) const {
    if (row < m_disk_rows) return PlaceOf(row, row + 1);
    assert(OnDiskRow(row));
    const TextSpan& span = m_spans[row - m_span_first];
    return {span.offset, span.length, span.file, span.coding};
}

bool TextStore::OnDiskRow(size_t row) const {
    if (row < m_disk_rows) return true;
    return row >= m_span_first && row - m_span_first < m_spans.size() && m_spans[row - m_span_first].Known();
}

void TextStore::MoveToDisk(size_t first, const std::vector<TextSpan>& spans) {
    assert(first >= m_disk_rows && first + spans.size() == Rows());
    if (m_spans.empty()) m_span_first = first;
    assert(first >= m_span_first);
    m_spans.resize(first - m_span_first);
    // The kept rows' bytes move down over the dropped ones, in order.
    uint64_t write = m_offsets[first];
    for (size_t i = 0; i < spans.size(); ++i) {
        const size_t row = first + i;
        const uint64_t begin = m_offsets[row], end = m_offsets[row + 1];
        m_offsets[row] = write;
        if (spans[i].Known()) {
            ++m_span_disk;
            m_span_end = row + 1;
        } else {
            std::copy(m_arena.begin() + static_cast<std::ptrdiff_t>(begin - m_arena_base),
                      m_arena.begin() + static_cast<std::ptrdiff_t>(end - m_arena_base),
                      m_arena.begin() + static_cast<std::ptrdiff_t>(write - m_arena_base));
            write += end - begin;
        }
        m_spans.push_back(spans[i]);
    }
    m_offsets.back() = write;
    m_arena.resize(static_cast<size_t>(write - m_arena_base));
}

bool TextStore::Has(size_t row) const {
    return !OnDiskRow(row) || m_cache.count(static_cast<uint32_t>(row)) != 0;
}

std::string_view TextStore::TextOf(size_t row) const {
    if (OnDiskRow(row)) {
        auto it = m_cache.find(static_cast<uint32_t>(row));
        return it == m_cache.end() ? std::string_view{} : std::string_view(it->second);
    }
    return {m_arena.data() + static_cast<size_t>(m_offsets[row] - m_arena_base),
            static_cast<size_t>(m_offsets[row + 1] - m_offsets[row])};
}

void TextStore::Remember(size_t row, std::string_view text) {
    if (!OnDiskRow(row)) return;
    if (m_cache.size() >= kCacheRows) {
        // Forget the older half: the reader asks again for what it still shows.
        const size_t drop = m_cache_order.size() / 2;
        for (size_t i = 0; i < drop; ++i)
            m_cache.erase(m_cache_order[i]);
        m_cache_order.erase(m_cache_order.begin(), m_cache_order.begin() + static_cast<std::ptrdiff_t>(drop));
    }
    m_asked.erase(std::remove(m_asked.begin(), m_asked.end(), static_cast<uint32_t>(row)), m_asked.end());
    auto [it, added] = m_cache.try_emplace(static_cast<uint32_t>(row), text);
    if (added) m_cache_order.push_back(static_cast<uint32_t>(row));
}

void TextStore::Want(size_t row) const {
    if (Has(row) || !m_unreadable.empty()) return;
    const auto r = static_cast<uint32_t>(row);
    if (std::find(m_wanted.begin(), m_wanted.end(), r) == m_wanted.end() &&
        std::find(m_asked.begin(), m_asked.end(), r) == m_asked.end())
        m_wanted.push_back(r);
}

std::vector<uint32_t> TextStore::TakeWanted() {
    std::vector<uint32_t> out;
    out.swap(m_wanted);
    if (m_asked.size() > 1024) m_asked.clear();  // rows never handed back (a read that failed) are asked again
    m_asked.insert(m_asked.end(), out.begin(), out.end());
    return out;
}

void TextStore::KeepOnDisk(std::string file, uint64_t base) {
    m_disk_rows = Rows();
    m_arena_base = m_offsets.back();
    m_disk_file = std::move(file);
    m_disk_base = base;
    std::vector<char>().swap(m_arena);
    m_cache.clear();
    m_cache_order.clear();
    m_wanted.clear();
    m_asked.clear();
}

size_t TextStore::MemoryBytes() const {
    size_t cached = 0;
    for (const auto& [row, text] : m_cache)
        cached += text.capacity() + 32;
    return m_arena.capacity() + m_offsets.capacity() * sizeof(uint64_t) + m_spans.capacity() * sizeof(TextSpan) +
           cached;
}

void TextStore::ShrinkToFit() {
    m_arena.shrink_to_fit();
    m_offsets.shrink_to_fit();
    m_spans.shrink_to_fit();
}

void TextStore::Swap(TextStore& other) {
    m_offsets.swap(other.m_offsets);
    m_arena.swap(other.m_arena);
    std::swap(m_disk_rows, other.m_disk_rows);
    std::swap(m_arena_base, other.m_arena_base);
    m_disk_file.swap(other.m_disk_file);
    std::swap(m_disk_base, other.m_disk_base);
    m_spans.swap(other.m_spans);
    std::swap(m_span_first, other.m_span_first);
    std::swap(m_span_end, other.m_span_end);
    std::swap(m_span_disk, other.m_span_disk);
    m_cache.swap(other.m_cache);
    m_cache_order.swap(other.m_cache_order);
    m_unreadable.swap(other.m_unreadable);
    m_wanted.swap(other.m_wanted);
    m_asked.swap(other.m_asked);
}

}  // namespace chorus::core
