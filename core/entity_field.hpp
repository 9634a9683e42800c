// EntityField: the per-post lists a query can look up and an aggregate can count.
//
//   VisitEntities(dataset, EntityField::Hashtag, [&](auto ids_of) {
//       for (uint32_t id : ids_of(row)) ...;   // ids in EntityDictionary(dataset, field)
//   });
//
// Every field reads as "the ids of row r": hashtags, mentions, links, domains and emoji
// are lists (each id once per post); the author, the language and the client are one
// id, or none (kNoAuthor / kNoLang / kNoClient give an empty list). VisitEntities picks the column
// once, outside the caller's loop, so the per-row access stays a plain span (or one id).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "dataset.hpp"

namespace chorus::core {

enum class EntityField : uint8_t { Hashtag, Mention, Author, Domain, Link, Language, Emoji, Client };
inline constexpr int kEntityFieldCount = 8;

// "hashtags", "mentions", "authors", "domains", "links", "languages", "emoji", "clients".
const char* EntityFieldName(EntityField field);
// Reads the names above; false for anything else.
bool ParseEntityField(std::string_view name, EntityField& out);
const Dictionary& EntityDictionary(const Dataset& dataset, EntityField field);
// What a list shows for an id: the tag in its most used spelling (rule 50), the normalised handle, the author's latest
// screen name, the URL, the domain, the language code, the emoji or the client's name.
std::string_view EntityText(const Dataset& dataset, EntityField field, uint32_t id);

// The ids of one row: a span of an id list, or the one id (or none) of a column, held by value.
class RowIds {
public:
    RowIds(std::span<const uint32_t> ids) : m_data(ids.data()), m_size(ids.size()) {}
    explicit RowIds(uint32_t id) : m_one(id), m_size(id != IdColumn::kNone) {}
    const uint32_t* begin() const { return m_data ? m_data : &m_one; }
    const uint32_t* end() const { return begin() + m_size; }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    const uint32_t* m_data = nullptr;
    uint32_t m_one = 0;
    size_t m_size = 0;
};

// Calls body(ids_of) once, where ids_of(RowId) reads the field: a std::span<const uint32_t> for
// lists and the author, a RowIds for the language and the client.
template <class Body>
decltype(auto) VisitEntities(const Dataset& ds, EntityField field, Body&& body) {
    switch (field) {
        case EntityField::Hashtag: return body([&ds](RowId r) { return ds.HashtagsOf(r); });
        case EntityField::Mention: return body([&ds](RowId r) { return ds.MentionsOf(r); });
        case EntityField::Domain: return body([&ds](RowId r) { return ds.DomainsOf(r); });
        case EntityField::Link: return body([&ds](RowId r) { return ds.LinksOf(r); });
        case EntityField::Emoji: return body([&ds](RowId r) { return ds.EmojiOf(r); });
        case EntityField::Author: {
            std::span<const uint32_t> column = ds.AuthorColumn();
            return body([column](RowId r) {
                return column[r] == Dataset::kNoAuthor ? column.subspan(r, 0) : column.subspan(r, 1);
            });
        }
        case EntityField::Client: {
            const IdColumn& column = ds.ClientColumn();
            return body([&column](RowId r) { return RowIds(column[r]); });
        }
        case EntityField::Language: break;
    }
    const IdColumn& column = ds.LangColumn();
    return body([&column](RowId r) { return RowIds(column[r]); });
}

}  // namespace chorus::core
