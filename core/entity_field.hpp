// EntityField: the per-post lists a query can look up and an aggregate can count.
//
//   VisitEntities(dataset, EntityField::Hashtag, [&](auto ids_of) {
//       for (uint32_t id : ids_of(row)) ...;   // ids in EntityDictionary(dataset, field)
//   });
//
// Every field reads as "the ids of row r": hashtags, mentions, links, domains and emoji
// are lists (each id once per post); the author, the language and the client are one
// id, or none (kNoAuthor / kNoLang / kNoClient give an empty list). VisitEntities picks the column
// once, outside the caller's loop, so the per-row access stays a plain span.
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

// Calls body(ids_of) once, where ids_of(RowId) -> std::span<const uint32_t> reads the field.
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
            std::span<const uint32_t> column = ds.ClientColumn();
            return body([column](RowId r) {
                return column[r] == Dataset::kNoClient ? column.subspan(r, 0) : column.subspan(r, 1);
            });
        }
        case EntityField::Language: break;
    }
    std::span<const uint32_t> column = ds.LangColumn();
    return body(
        [column](RowId r) { return column[r] == Dataset::kNoLang ? column.subspan(r, 0) : column.subspan(r, 1); });
}

}  // namespace chorus::core
