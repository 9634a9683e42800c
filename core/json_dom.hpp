// Small accessors over simdjson's DOM for the readers of whole records (internal to core).
// Every accessor answers "absent" (empty view, false, kNoTime) for a missing key, a null or a
// value of another type: bad input is normal, never an error here.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#define SIMDJSON_EXCEPTIONS 0
#include <simdjson.h>

#include "post.hpp"
#include "time_utc.hpp"

namespace chorus::core::json {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

inline bool Get(object o, std::string_view key, element& out) {
    return !o.at_key(key).get(out) && !out.is_null();
}

inline std::string_view Str(element e) {
    std::string_view s;
    return e.get_string().get(s) ? std::string_view{} : s;
}

inline std::string_view Str(object o, std::string_view key) {
    element e;
    return Get(o, key, e) ? Str(e) : std::string_view{};
}

inline bool IsString(object o, std::string_view key) {
    element e;
    return Get(o, key, e) && e.is_string();
}

inline bool Obj(element e, object& out) {
    return !e.get_object().get(out);
}

inline bool Obj(object o, std::string_view key, object& out) {
    element e;
    return Get(o, key, e) && Obj(e, out);
}

inline bool Arr(object o, std::string_view key, array& out) {
    element e;
    return Get(o, key, e) && !e.get_array().get(out);
}

inline bool Has(object o, std::string_view key) {
    element e;
    return Get(o, key, e);
}

// True unless the key is absent, null, false, 0 or "".
inline bool Truthy(object o, std::string_view key) {
    element e;
    if (!Get(o, key, e)) return false;
    bool b;
    if (!e.get_bool().get(b)) return b;
    std::string_view s;
    if (!e.get_string().get(s)) return !s.empty();
    int64_t i;
    if (!e.get_int64().get(i)) return i != 0;
    double d;
    if (e.is_number() && !e.get_double().get(d)) return d != 0;
    return true;
}

inline bool Bool(object o, std::string_view key) {
    element e;
    bool b = false;
    return Get(o, key, e) && !e.get_bool().get(b) && b;
}

// An id as text: a string as given, or the digits of a JSON integer (written into `storage`).
// A number that is not an integer (1.1846E+18) is no id: `unusable` gets its text.
inline std::string_view IdText(element e, std::string& storage, std::string& unusable) {
    std::string_view s;
    if (!e.get_string().get(s)) return s;
    uint64_t u;
    if (!e.get_uint64().get(u)) {
        storage = std::to_string(u);
        return storage;
    }
    double d;
    if (!e.get_double().get(d)) unusable = std::to_string(d);
    return {};
}

// An engagement count (rule 91): a JSON integer, an integral number or a string of digits; kNotGiven
// for anything else (absent, null, "n/a").
inline int64_t CountOf(object o, std::string_view key) {
    element e;
    if (!Get(o, key, e)) return kNotGiven;
    int64_t i;
    if (!e.get_int64().get(i)) return i;
    double d;
    if (!e.get_double().get(d))
        return std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15 ? static_cast<int64_t>(d) : kNotGiven;
    return ParseCount(Str(e));
}

// Seconds since the epoch from a JSON number (fraction dropped) or a string of digits.
inline UnixSeconds EpochSeconds(element e) {
    int64_t i;
    if (!e.get_int64().get(i)) return i;
    double d;
    if (!e.get_double().get(d)) {
        if (!std::isfinite(d) || std::fabs(d) > 1e12) return kNoTime;
        return static_cast<UnixSeconds>(std::floor(d));
    }
    return ParseEpochSeconds(Str(e));
}

inline UnixSeconds EpochSeconds(object o, std::string_view key) {
    element e;
    return Get(o, key, e) ? EpochSeconds(e) : kNoTime;
}

// Twitter v1.1-style entities (Gnip `twitter_entities`, the GraphQL `legacy.entities` and
// `note_tweet` entity_set): hashtags[].text, user_mentions[].screen_name, urls[].expanded_url.
inline void TwitterEntities(object entities, PostRecord& r) {
    array list;
    if (Arr(entities, "hashtags", list)) {
        for (element item : list) {
            object o;
            if (!Obj(item, o)) continue;
            std::string_view tag = Str(o, "text");
            if (tag.empty()) tag = Str(o, "tag");
            if (!tag.empty()) r.hashtags.push_back(tag);
        }
    }
    if (Arr(entities, "user_mentions", list)) {
        for (element item : list) {
            object o;
            if (Obj(item, o) && !Str(o, "screen_name").empty()) r.mentions.push_back(Str(o, "screen_name"));
        }
    }
    if (Arr(entities, "urls", list)) {
        for (element item : list) {
            object o;
            if (!Obj(item, o)) continue;
            std::string_view url = Str(o, "expanded_url");
            if (url.empty()) url = Str(o, "url");
            if (!url.empty()) r.links.push_back(url);
        }
    }
}

}  // namespace chorus::core::json
