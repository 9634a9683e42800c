// What aggregate.cpp and selection_count.cpp share: reading a row's ids of an entity field and counting
// them. Internal to core (no public header includes it).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "aggregate.hpp"
#include "dataset.hpp"
#include "entity_field.hpp"

namespace chorus::core {

inline RowIds IdsOf(const Dataset& ds, EntityField field, RowId r) {
    switch (field) {
        case EntityField::Hashtag: return ds.HashtagsOf(r);
        case EntityField::Mention: return ds.MentionsOf(r);
        case EntityField::Domain: return ds.DomainsOf(r);
        case EntityField::Link: return ds.LinksOf(r);
        case EntityField::Emoji: return ds.EmojiOf(r);
        case EntityField::Client: return RowIds(ds.ClientOf(r));
        case EntityField::Author: {
            std::span<const uint32_t> column = ds.AuthorColumn();
            return column[r] == Dataset::kNoAuthor ? column.subspan(r, 0) : column.subspan(r, 1);
        }
        case EntityField::Language: break;
    }
    return RowIds(ds.LangOf(r));
}

// Counts the values of one field: dense counters by id plus the ids seen, so picking the top
// never walks the whole dictionary when few values occur.
struct ValueCounter {
    EntityField field;
    std::vector<uint32_t> counts;
    std::vector<uint32_t> seen;

    ValueCounter(const Dataset& ds, EntityField f) : field(f), counts(EntityDictionary(ds, f).Size(), 0) {}
    void Add(const RowIds& ids) {
        for (uint32_t id : ids)
            if (counts[id]++ == 0) seen.push_back(id);
    }
    // Takes a row's values off counts that held it (counting down from every row's counts); false when a
    // count was already zero (the counts did not hold the row: left at zero).
    bool Remove(const RowIds& ids) {
        bool held = true;
        for (uint32_t id : ids) {
            if (counts[id] == 0)
                held = false;
            else
                --counts[id];
        }
        return held;
    }
};

// The first k values in list order (count descending, text ascending, id ascending) of values offered one at a
// time, keeping only k: a counter's values can be ranked a piece at a time.
//
//   TopChooser top(ds, EntityField::Hashtag, 10);
//   for (uint32_t id : counter.seen) top.Offer(id, counter.counts[id]);
//   std::vector<TopItem> items = top.Take();
class TopChooser {
public:
    TopChooser() = default;
    TopChooser(const Dataset& ds, EntityField field, size_t k) : m_ds(&ds), m_field(field), m_k(k) {}
    // A value with a count of zero is not offered: it is not in the list.
    void Offer(uint32_t id, uint64_t count);
    // The chosen values in list order; the chooser is empty after.
    std::vector<TopItem> Take();

private:
    bool Before(const std::pair<uint32_t, uint64_t>& a, const std::pair<uint32_t, uint64_t>& b) const;
    const Dataset* m_ds = nullptr;
    EntityField m_field = EntityField::Hashtag;
    size_t m_k = 0;
    std::vector<std::pair<uint32_t, uint64_t>> m_heap;  // the k best so far; the front is the last of them
};

// The top k of a counter's values (count descending, text ascending, id), out of `posts` counted posts.
TopList Finish(const Dataset& ds, const ValueCounter& counter, size_t k, uint64_t posts);

}  // namespace chorus::core
