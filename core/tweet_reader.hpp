// TweetReader: one Twitter record (a JSON line, or a record of a JSON document; v1.1 or v2) to PostRecords.
// Internal to core; simdjson on-demand, the fast path for the largest dumps (the other readers use its DOM).
#pragma once

#include <array>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dataset.hpp"

#define SIMDJSON_EXCEPTIONS 0
#include <simdjson.h>

namespace chorus::core {

class TweetReader {
public:
    // Reads one record. `json[size .. readable)` must hold at least SIMDJSON_PADDING bytes.
    void ReadLine(const char* json, size_t size, size_t readable, Dataset& dataset, size_t file,
                  const RecordPlace& place);

    // Twitter archives (COUNTING.md, rule 24): records may wrap the tweet (`{"tweet": {...}}`), a
    // text starting "RT @" marks a retweet, and a tweet without `user` is by the archive's owner.
    void SetArchive(bool archive) { m_archive = archive; }
    void SetArchiveOwner(std::string_view id, std::string_view name) {
        m_owner_id = id;
        m_owner_name = name;
    }
    static constexpr std::string_view kUnknownOwner = "(archive owner)";

private:
    // Everything a tweet object (v1.1 or v2) says that Chorus counts.
    struct Fields {
        std::string_view id;              // id_str (v1.1)
        std::string_view id_from_number;  // id: a number in v1.1, the id string in v2
        std::string_view created_at;
        std::string_view timestamp_ms;
        std::string_view author_id;
        std::string_view author_name;
        std::string_view lang;
        std::string_view source;           // the client: an HTML anchor (v1.1, archives) or its name (v2)
        std::string_view text, full_text;  // `text`/`full_text`; extended_tweet / note_tweet text
        bool retweet = false, quote = false, reply = false;
        bool has_user = false;                                              // v1.1 `user` or v2 `author_id`
        bool has_text = false;                                              // `text` or `full_text`
        bool has_full_entities = false;                                     // extended_tweet / note_tweet entities seen
        std::vector<std::string_view> tags, mentions, urls;                 // `entities`
        std::vector<std::string_view> full_tags, full_mentions, full_urls;  // extended_tweet / note_tweet
        std::string_view retweeted_id;                                      // v2 referenced retweeted id
        bool has_original = false;                                          // embedded original read
        std::vector<std::string_view> original_tags, original_mentions, original_urls;
        std::string_view original_text;
        std::array<std::string_view, kCountKinds> counts;  // this record's own likes, reposts, replies, quotes
        void Clear();
        const std::vector<std::string_view>& BestTags() const { return has_full_entities ? full_tags : tags; }
        const std::vector<std::string_view>& BestMentions() const {
            return has_full_entities ? full_mentions : mentions;
        }
        const std::vector<std::string_view>& BestUrls() const { return has_full_entities ? full_urls : urls; }
        std::string_view BestText() const { return full_text.empty() ? text : full_text; }
    };
    // The entity lists of an original tweet found in a v2 page's includes.
    struct Original {
        std::vector<std::string> tags, mentions, urls;
        std::string text;
    };

    simdjson::error_code ReadTweetField(simdjson::ondemand::raw_json_string key, simdjson::ondemand::value value,
                                        Fields& f, int depth);
    simdjson::error_code ReadTweet(simdjson::ondemand::object object, Fields& f, int depth);
    // Scalar() for a text field, noting the literal it was decoded from (text_span.hpp, rule 101).
    simdjson::error_code TextScalar(simdjson::ondemand::value value, std::string_view& out);
    simdjson::error_code ReadEntities(simdjson::ondemand::value value, std::vector<std::string_view>& tags,
                                      std::vector<std::string_view>& mentions, std::vector<std::string_view>& urls);
    simdjson::error_code ReadUser(simdjson::ondemand::value value, Fields& f);
    simdjson::error_code ReadReferenced(simdjson::ondemand::value value, Fields& f, int depth);
    simdjson::error_code ReadIncludes(simdjson::ondemand::value value);
    simdjson::error_code ReadPageData(simdjson::ondemand::value value, Dataset& dataset, size_t file,
                                      const RecordPlace& place, uint64_t& posts);
    void Emit(const Fields& f, bool page, Dataset& dataset, size_t file, const RecordPlace& place);
    static const char* FormatName(bool page, const Fields& f);

    simdjson::ondemand::parser m_parser;
    Fields m_fields, m_nested;
    std::vector<Fields> m_page_tweets;  // a page's posts, added once the page parsed whole
    PostRecord m_record;
    std::string m_id_text;
    struct Literal {
        std::string_view text;    // as decoded, in the parser's string buffer
        std::string_view inside;  // the literal between its quotes, in the record's bytes
    };
    std::vector<Literal> m_literals;                            // this record's text fields
    std::string m_unescaped;                                    // the text with its escapes undone (rule 110)
    std::unordered_map<std::string, Original> m_originals;      // v2 page includes.tweets
    std::unordered_map<std::string, std::string> m_user_names;  // v2 page includes.users
    bool m_archive = false;
    std::string m_owner_id{kUnknownOwner}, m_owner_name{kUnknownOwner};
};

}  // namespace chorus::core
