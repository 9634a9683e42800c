#include "postings.hpp"

#include <cassert>
#include <limits>

namespace chorus::core {
namespace {

constexpr uint32_t kNoRow = std::numeric_limits<uint32_t>::max();

size_t VarintBytes(uint64_t v) {
    size_t n = 1;
    for (; v >= 0x80u; v >>= 7)
        ++n;
    return n;
}

uint8_t* WriteVarint(uint8_t* p, uint64_t v) {
    for (; v >= 0x80u; v >>= 7)
        *p++ = static_cast<uint8_t>(v | 0x80u);
    *p++ = static_cast<uint8_t>(v);
    return p;
}

}  // namespace

uint64_t PostingLists::List::CountIn(const Selection& selection) const {
    assert(selection.Rows() == m_rows);
    uint64_t n = 0;
    if (IsBitmap()) {
        std::span<const uint64_t> other = selection.Words();
        for (size_t w = 0; w < m_words.size(); ++w)
            n += static_cast<uint64_t>(std::popcount(m_words[w] & other[w]));
        return n;
    }
    ForEach([&](RowId r) { n += selection.Contains(r); });
    return n;
}

void PostingLists::List::AddTo(Selection& out) const {
    assert(out.Rows() == m_rows);
    if (IsBitmap()) {
        out.Or(Selection::FromWords(m_rows, std::vector<uint64_t>(m_words.begin(), m_words.end())));
        return;
    }
    ForEach([&](RowId r) { out.Add(r); });
}

std::vector<RowId> PostingLists::List::ToRows() const {
    std::vector<RowId> rows;
    rows.reserve(m_size);
    ForEach([&](RowId r) { rows.push_back(r); });
    return rows;
}

void PostingLists::Build(const Dataset& dataset, EntityField field) {
    const size_t ids = EntityDictionary(dataset, field).Size();
    const auto rows = static_cast<RowId>(dataset.Posts());
    const size_t words_per_list = (size_t{rows} + 63) / 64;
    // Pass 1: each list's length and the bytes its gaps take.
    std::vector<uint32_t> length(ids, 0), last(ids, kNoRow);
    std::vector<uint64_t> gap_bytes(ids, 0);
    VisitEntities(dataset, field, [&](auto ids_of) {
        for (RowId r = 0; r < rows; ++r)
            for (uint32_t id : ids_of(r)) {
                gap_bytes[id] += VarintBytes(last[id] == kNoRow ? r : r - last[id]);
                last[id] = r;
                ++length[id];
            }
    });
    // Each list takes the smaller form; lay the entries out.
    std::vector<uint64_t> start(ids + 1, 0);
    size_t bitmaps = 0;
    m_entries = 0;
    for (size_t id = 0; id < ids; ++id) {
        const bool bitmap = length[id] > 0 && words_per_list * 8 < gap_bytes[id];
        const uint64_t head = uint64_t{length[id]} << 1 | bitmap;
        start[id + 1] = start[id] + VarintBytes(head) + (bitmap ? VarintBytes(bitmaps) : gap_bytes[id]);
        bitmaps += bitmap;
        m_entries += length[id];
    }
    // Offsets are u32: posting lists over 4 GiB would need ~1 billion entries (over 30x the target dumps).
    assert(start[ids] < std::numeric_limits<uint32_t>::max());
    m_rows = rows;
    m_start.assign(start.begin(), start.end());
    std::vector<uint64_t>().swap(start);
    m_bytes.assign(m_start[ids], 0);
    m_words.assign(bitmaps * words_per_list, 0);
    // Heads now; `cursor` is where each list's next gap goes (or its bitmap's first word).
    std::vector<uint32_t>& cursor = length;  // reused: a list's length is in its head from here on
    std::vector<bool> is_bitmap(ids, false);
    bitmaps = 0;
    for (size_t id = 0; id < ids; ++id) {
        const bool bitmap = length[id] > 0 && words_per_list * 8 < gap_bytes[id];
        uint8_t* p = WriteVarint(m_bytes.data() + m_start[id], uint64_t{length[id]} << 1 | bitmap);
        is_bitmap[id] = bitmap;
        last[id] = kNoRow;
        if (bitmap) {
            WriteVarint(p, bitmaps);
            cursor[id] = static_cast<uint32_t>(bitmaps++);
        } else {
            cursor[id] = static_cast<uint32_t>(p - m_bytes.data());
        }
    }
    std::vector<uint64_t>().swap(gap_bytes);
    // Pass 2: the rows.
    VisitEntities(dataset, field, [&](auto ids_of) {
        for (RowId r = 0; r < rows; ++r)
            for (uint32_t id : ids_of(r)) {
                if (is_bitmap[id]) {
                    m_words[cursor[id] * words_per_list + (r >> 6)] |= uint64_t{1} << (r & 63);
                    continue;
                }
                uint8_t* p = m_bytes.data() + cursor[id];
                cursor[id] =
                    static_cast<uint32_t>(WriteVarint(p, last[id] == kNoRow ? r : r - last[id]) - m_bytes.data());
                last[id] = r;
            }
    });
}

PostingLists::List PostingLists::Of(uint32_t id) const {
    List list;
    list.m_rows = m_rows;
    if (id + size_t{1} >= m_start.size()) return list;
    const uint8_t* p = m_bytes.data() + m_start[id];
    const uint64_t head = ReadVarint(p);
    list.m_size = static_cast<size_t>(head >> 1);
    if ((head & 1) != 0) {
        const size_t words = (m_rows + 63) / 64;
        list.m_words = std::span<const uint64_t>(m_words).subspan(static_cast<size_t>(ReadVarint(p)) * words, words);
    } else {
        list.m_gaps = p;
    }
    return list;
}

}  // namespace chorus::core
