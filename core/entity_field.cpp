#include "entity_field.hpp"

namespace chorus::core {

const char* EntityFieldName(EntityField field) {
    switch (field) {
        case EntityField::Hashtag: return "hashtags";
        case EntityField::Mention: return "mentions";
        case EntityField::Author: return "authors";
        case EntityField::Domain: return "domains";
        case EntityField::Link: return "links";
        case EntityField::Language: return "languages";
        case EntityField::Emoji: return "emoji";
        case EntityField::Client: return "clients";
    }
    return "?";
}

bool ParseEntityField(std::string_view name, EntityField& out) {
    for (int f = 0; f < kEntityFieldCount; ++f) {
        auto field = static_cast<EntityField>(f);
        if (name == EntityFieldName(field)) {
            out = field;
            return true;
        }
    }
    return false;
}

const Dictionary& EntityDictionary(const Dataset& ds, EntityField field) {
    switch (field) {
        case EntityField::Hashtag: return ds.Hashtags();
        case EntityField::Mention: return ds.Mentions();
        case EntityField::Author: return ds.Authors();
        case EntityField::Domain: return ds.Domains();
        case EntityField::Link: return ds.Links();
        case EntityField::Emoji: return ds.Emoji();
        case EntityField::Client: return ds.Clients();
        case EntityField::Language: break;
    }
    return ds.Languages();
}

std::string_view EntityText(const Dataset& ds, EntityField field, uint32_t id) {
    if (field == EntityField::Author) return ds.AuthorName(id);
    if (field == EntityField::Hashtag) return ds.HashtagDisplay(id);
    return EntityDictionary(ds, field).Text(id);
}

}  // namespace chorus::core
