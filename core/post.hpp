// Post: the one shape every reader produces, whatever the source format.
//
// A reader fills a PostRecord per top-level record and hands it to a PostSink
// (in practice the Dataset). Strings in a PostRecord are views into the
// reader's parse buffer: the sink copies what it keeps before returning.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engagement.hpp"
#include "text_span.hpp"

namespace chorus::core {

// Exactly one type per post, decided in this order of precedence
// (docs: COUNTING.md, "Type").
enum class PostType : uint8_t { Original = 0, Retweet = 1, Quote = 2, Reply = 3 };
inline constexpr int kPostTypeCount = 4;
const char* PostTypeName(PostType type);  // "original", "retweet", "quote", "reply"

// Seconds since 1970-01-01T00:00:00Z; kNoTime when the record has no usable time.
using UnixSeconds = int64_t;
inline constexpr UnixSeconds kNoTime = INT64_MIN;

struct PostRecord {
    std::string_view id;           // the platform's post id, as text ("" when none)
    std::string_view unusable_id;  // when id is "": the id as written, if it could not be used
    UnixSeconds time = kNoTime;    // creation time of this record (a retweet: when retweeted)
    PostType type = PostType::Original;
    std::string_view author_id;    // account id ("" when none)
    std::string_view author_name;  // screen name / handle, for display
    std::string_view lang;         // language code as given ("" when none)
    std::string_view client;       // the app posted with, as the source gives it ("" when none; rule 52)
    std::string_view text;         // full text (a retweet: the original's full text)
    // The bytes of the record `text` was decoded from, when it is exactly their decoding (text_span.hpp).
    std::string_view text_source;
    SpanCoding text_coding = SpanCoding::Plain;
    // Raw entity texts as the source gives them; the sink normalises them.
    std::vector<std::string_view> hashtags;  // without the leading '#'
    std::vector<std::string_view> mentions;  // without the leading '@'
    std::vector<std::string_view> links;     // expanded URLs
    Engagement engagement;                   // counts as of collection; kNotGiven when absent (rule 91)

    void Clear() {
        id = unusable_id = author_id = author_name = lang = client = text = text_source = {};
        time = kNoTime;
        type = PostType::Original;
        hashtags.clear();
        mentions.clear();
        links.clear();
        engagement = {};
    }
};

}  // namespace chorus::core
