#include "postings.hpp"

#include <algorithm>
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
    PostingListsBuilder builder(dataset, field);
    builder.Step(SIZE_MAX);
    *this = builder.Take();
}

PostingListsBuilder::PostingListsBuilder(const Dataset& dataset, EntityField field)
    : m_dataset(dataset),
      m_field(field),
      m_ids(EntityDictionary(dataset, field).Size()),
      m_rows(static_cast<RowId>(dataset.Posts())),
      m_words_per_list((size_t{m_rows} + 63) / 64),
      m_length(m_ids, 0),
      m_last(m_ids, kNoRow),
      m_gap_bytes(m_ids, 0) {}

size_t PostingListsBuilder::PhaseSize() const {
    return m_phase == Phase::Count || m_phase == Phase::Fill ? size_t{m_rows} : m_ids;
}

size_t PostingListsBuilder::WorkDone() const {
    const size_t before[] = {0, m_rows, size_t{m_rows} + m_ids, size_t{m_rows} + 2 * m_ids, Work()};
    return before[static_cast<size_t>(m_phase)] + (m_phase == Phase::Done ? 0 : m_next);
}

bool PostingListsBuilder::Step(size_t work) {
    while (work > 0 && m_phase != Phase::Done) {
        const size_t n = std::min(work, PhaseSize() - m_next);
        Run(m_next, m_next + n);
        m_next += n;
        work -= n;
        if (m_next == PhaseSize()) {
            EndPhase();
            m_next = 0;
        }
    }
    return Done();
}

// Rows (Count, Fill) or ids (Starts, Heads) [from, to) of the current phase.
void PostingListsBuilder::Run(size_t from, size_t to) {
    PostingLists& out = m_lists;
    switch (m_phase) {
        case Phase::Count:  // each list's length and the bytes its gaps take
            VisitEntities(m_dataset, m_field, [&](auto ids_of) {
                for (auto r = static_cast<RowId>(from); r < to; ++r)
                    for (uint32_t id : ids_of(r)) {
                        m_gap_bytes[id] += VarintBytes(m_last[id] == kNoRow ? r : r - m_last[id]);
                        m_last[id] = r;
                        ++m_length[id];
                    }
            });
            break;
        case Phase::Starts:  // each list takes the smaller form; lay the entries out
            for (size_t id = from; id < to; ++id) {
                const bool bitmap = m_length[id] > 0 && m_words_per_list * 8 < m_gap_bytes[id];
                const uint64_t head = uint64_t{m_length[id]} << 1 | bitmap;
                m_start[id + 1] = m_start[id] + VarintBytes(head) + (bitmap ? VarintBytes(m_bitmaps) : m_gap_bytes[id]);
                m_bitmaps += bitmap;
                out.m_entries += m_length[id];
            }
            break;
        case Phase::Heads:  // heads; m_length becomes where each list's next gap goes (or its bitmap's index)
            // The entries of ids [from, to) take bytes [m_start[from], m_start[to]): their room (reserved at
            // once) is zeroed here, a piece at a time, and a bitmap's words as it gets them.
            out.m_bytes.resize(out.m_start[to]);
            for (size_t id = from; id < to; ++id) {
                const bool bitmap = m_length[id] > 0 && m_words_per_list * 8 < m_gap_bytes[id];
                uint8_t* p = WriteVarint(out.m_bytes.data() + out.m_start[id], uint64_t{m_length[id]} << 1 | bitmap);
                m_is_bitmap[id] = bitmap;
                m_last[id] = kNoRow;
                if (bitmap) {
                    out.m_words.resize(out.m_words.size() + m_words_per_list);
                    WriteVarint(p, m_bitmaps);
                    m_length[id] = static_cast<uint32_t>(m_bitmaps++);
                } else {
                    m_length[id] = static_cast<uint32_t>(p - out.m_bytes.data());
                }
            }
            break;
        case Phase::Fill:  // the rows
            VisitEntities(m_dataset, m_field, [&](auto ids_of) {
                std::vector<uint32_t>& cursor = m_length;
                for (auto r = static_cast<RowId>(from); r < to; ++r)
                    for (uint32_t id : ids_of(r)) {
                        if (m_is_bitmap[id]) {
                            out.m_words[cursor[id] * m_words_per_list + (r >> 6)] |= uint64_t{1} << (r & 63);
                            continue;
                        }
                        uint8_t* p = out.m_bytes.data() + cursor[id];
                        cursor[id] = static_cast<uint32_t>(WriteVarint(p, m_last[id] == kNoRow ? r : r - m_last[id]) -
                                                           out.m_bytes.data());
                        m_last[id] = r;
                    }
            });
            break;
        case Phase::Done: break;
    }
}

void PostingListsBuilder::EndPhase() {
    PostingLists& out = m_lists;
    switch (m_phase) {
        case Phase::Count:
            m_start.assign(m_ids + 1, 0);
            out.m_entries = 0;
            m_phase = Phase::Starts;
            break;
        case Phase::Starts:
            // Offsets are u32: posting lists over 4 GiB would need ~1 billion entries (over 30x the target dumps).
            assert(m_start[m_ids] < std::numeric_limits<uint32_t>::max());
            out.m_rows = m_rows;
            out.m_start.assign(m_start.begin(), m_start.end());
            std::vector<uint64_t>().swap(m_start);
            out.m_bytes.clear();
            out.m_bytes.reserve(out.m_start[m_ids]);  // filled in the Heads phase: no frame zeroes it all
            out.m_words.clear();
            out.m_words.reserve(m_bitmaps * m_words_per_list);
            m_is_bitmap.assign(m_ids, false);
            m_bitmaps = 0;
            m_phase = Phase::Heads;
            break;
        case Phase::Heads:
            std::vector<uint64_t>().swap(m_gap_bytes);
            m_phase = Phase::Fill;
            break;
        case Phase::Fill:
            std::vector<uint32_t>().swap(m_length);
            std::vector<uint32_t>().swap(m_last);
            std::vector<bool>().swap(m_is_bitmap);
            m_phase = Phase::Done;
            break;
        case Phase::Done: break;
    }
}

PostingLists PostingListsBuilder::Take() {
    assert(Done());
    return std::move(m_lists);
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
