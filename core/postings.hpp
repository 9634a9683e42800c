// PostingLists: for every id of one entity field, the rows whose field holds it, compressed.
//
// A list is kept whichever way takes fewer bytes: the gaps between its rows as variable-length
// integers (7 bits a byte: most gaps of a frequent value take one byte, of a rare one two or three)
// or a bitmap of every row (Rows() / 8 bytes, for the values on a large part of the posts, like a
// language). Lists are read in row order; a bitmap also counts its rows in a selection with
// popcounts, and joins a union word by word.
//
//   PostingLists lists;
//   lists.Build(dataset, EntityField::Hashtag);
//   lists.Of(id).ForEach([](RowId r) { ... });   // ascending rows
//   lists.Of(id).size();                          // its length, without decoding it
//
// Invariants: after Build, Of(id) holds exactly the rows r with id in the field's ids of r, each
// once, ascending; the lists stay valid until the next Build.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "entity_field.hpp"
#include "selection.hpp"

namespace chorus::core {

class PostingLists {
public:
    // One id's rows (a view into the PostingLists).
    class List {
    public:
        size_t size() const { return m_size; }
        bool empty() const { return m_size == 0; }
        template <class F>
        void ForEach(F&& f) const {
            if (!m_words.empty()) {
                for (size_t w = 0; w < m_words.size(); ++w)
                    for (uint64_t bits = m_words[w]; bits != 0; bits &= bits - 1)
                        f(static_cast<RowId>((w << 6) | static_cast<unsigned>(std::countr_zero(bits))));
                return;
            }
            const uint8_t* p = m_gaps;
            RowId row = 0;
            for (size_t i = 0; i < m_size; ++i) {
                row += static_cast<RowId>(ReadVarint(p));
                f(row);
            }
        }
        // How many of the rows `selection` holds.
        uint64_t CountIn(const Selection& selection) const;
        // Adds the rows to `out` (a selection over the same rows).
        void AddTo(Selection& out) const;
        std::vector<RowId> ToRows() const;
        bool IsBitmap() const { return !m_words.empty(); }

    private:
        friend class PostingLists;
        size_t m_size = 0;
        size_t m_rows = 0;
        const uint8_t* m_gaps = nullptr;    // m_size gaps (the first from row 0)
        std::span<const uint64_t> m_words;  // or a bitmap of every row
    };

    void Build(const Dataset& dataset, EntityField field);
    List Of(uint32_t id) const;
    size_t Ids() const { return m_start.empty() ? 0 : m_start.size() - 1; }
    size_t Entries() const { return m_entries; }
    size_t MemoryBytes() const {
        return m_start.capacity() * sizeof(uint32_t) + m_bytes.capacity() + m_words.capacity() * sizeof(uint64_t);
    }

    PostingLists() = default;
    PostingLists(PostingLists&&) = default;
    PostingLists& operator=(PostingLists&&) = default;

    static uint64_t ReadVarint(const uint8_t*& p) {
        uint64_t v = 0;
        for (unsigned shift = 0;; shift += 7) {
            uint8_t b = *p++;
            v |= static_cast<uint64_t>(b & 0x7Fu) << shift;
            if ((b & 0x80u) == 0) return v;
        }
    }

private:
    friend class PostingListsBuilder;
    // Id i's entry starts at m_bytes[m_start[i]]: a varint (length << 1 | is_bitmap), then the
    // bitmap's index in m_words (in words of Rows() bits each) or the gaps.
    std::vector<uint32_t> m_start;
    std::vector<uint8_t> m_bytes;
    std::vector<uint64_t> m_words;
    size_t m_rows = 0;
    size_t m_entries = 0;
};

// Builds the PostingLists of one field a piece at a time (a frame's share at 10 million posts), exactly
// as PostingLists::Build does at once: two passes over the rows and two over the ids. The dataset must
// keep at least the rows and ids it had when the builder was made, unchanged, until Take().
//
//   PostingListsBuilder builder(dataset, EntityField::Hashtag);
//   while (!builder.Step(4096)) {}            // or one Step per frame
//   PostingLists lists = builder.Take();
class PostingListsBuilder {
public:
    PostingListsBuilder(const Dataset& dataset, EntityField field);
    // Does about `work` units of work (a row or an id each); true once the lists are complete.
    bool Step(size_t work);
    bool Done() const { return m_phase == Phase::Done; }
    // Units done and in all (two passes over the rows and two over the ids).
    size_t WorkDone() const;
    size_t Work() const { return 2 * (size_t{m_rows} + m_ids); }
    // The lists, once Done() (the builder is spent).
    PostingLists Take();

private:
    enum class Phase : uint8_t { Count, Starts, Heads, Fill, Done };
    size_t PhaseSize() const;
    void Run(size_t from, size_t to);
    void EndPhase();

    const Dataset& m_dataset;
    EntityField m_field;
    size_t m_ids = 0;
    RowId m_rows = 0;
    size_t m_words_per_list = 0;
    Phase m_phase = Phase::Count;
    size_t m_next = 0;                       // the phase's next row or id
    std::vector<uint32_t> m_length, m_last;  // m_length is each list's cursor from Heads on
    std::vector<uint64_t> m_gap_bytes, m_start;
    std::vector<bool> m_is_bitmap;
    size_t m_bitmaps = 0;
    PostingLists m_lists;
};

}  // namespace chorus::core
