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
};

// The top k of a counter's values (count descending, text ascending, id), out of `posts` counted posts.
TopList Finish(const Dataset& ds, const ValueCounter& counter, size_t k, uint64_t posts);

}  // namespace chorus::core
