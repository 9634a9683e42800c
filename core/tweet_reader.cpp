#include "tweet_reader.hpp"

#include <utility>

#include "html_entities.hpp"
#include "time_utc.hpp"

namespace chorus::core {

using simdjson::error_code;
using simdjson::SUCCESS;
namespace od = simdjson::ondemand;

namespace {

bool AllDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string_view TrimRight(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t' ||
                          s.back() == ',' || s.back() == '}' || s.back() == ']'))
        s.remove_suffix(1);
    return s;
}

// A string, or a number's text, or empty for null / anything else.
error_code Scalar(od::value v, std::string_view& out) {
    out = {};
    od::json_type type;
    if (auto e = v.type().get(type)) return e;
    if (type == od::json_type::string) return v.get_string().get(out);
    if (type == od::json_type::number) out = TrimRight(v.raw_json_token());
    return SUCCESS;
}

// True unless the value is null, false, or an empty string.
error_code Present(od::value v, bool& out) {
    od::json_type type;
    if (auto e = v.type().get(type)) return e;
    if (type == od::json_type::null) {
        out = false;
    } else if (type == od::json_type::boolean) {
        return v.get_bool().get(out);
    } else if (type == od::json_type::string) {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return e;
        out = !s.empty();
    } else {
        out = true;
    }
    return SUCCESS;
}

bool IsNoticeKey(od::raw_json_string key) {
    return key == "scrub_geo" || key == "status_withheld" || key == "user_withheld" || key == "disconnect" ||
           key == "warning" || key == "event" || key == "friends";
}

}  // namespace

void TweetReader::Fields::Clear() {
    id = id_from_number = created_at = timestamp_ms = author_id = author_name = lang = source = retweeted_id = {};
    text = full_text = original_text = {};
    counts = {};
    retweet = quote = reply = has_user = has_text = has_full_entities = has_original = false;
    tags.clear();
    mentions.clear();
    full_tags.clear();
    full_mentions.clear();
    original_tags.clear();
    original_mentions.clear();
    urls.clear();
    full_urls.clear();
    original_urls.clear();
}

error_code TweetReader::ReadEntities(od::value value, std::vector<std::string_view>& tags,
                                     std::vector<std::string_view>& mentions, std::vector<std::string_view>& urls) {
    od::object entities;
    if (value.get_object().get(entities)) return SUCCESS;  // null or odd: no entities
    for (auto field_result : entities) {
        od::field field;
        if (auto e = std::move(field_result).get(field)) return e;
        od::raw_json_string key = field.key();
        bool is_tags = key == "hashtags";
        bool is_mentions = key == "user_mentions" || key == "mentions";
        bool is_urls = key == "urls";
        if (!is_tags && !is_mentions && !is_urls) continue;
        od::array list;
        if (field.value().get_array().get(list)) continue;
        for (auto item_result : list) {
            od::object item;
            if (auto e = item_result.get_object().get(item)) return e;
            std::string_view short_url, expanded_url;
            for (auto inner_result : item) {
                od::field inner;
                if (auto e = std::move(inner_result).get(inner)) return e;
                od::raw_json_string k = inner.key();
                if (is_urls) {
                    if (k == "expanded_url") {
                        if (auto e = Scalar(inner.value(), expanded_url)) return e;
                    } else if (k == "url") {
                        if (auto e = Scalar(inner.value(), short_url)) return e;
                    }
                    continue;
                }
                // v1.1: hashtags[].text, user_mentions[].screen_name; v2: hashtags[].tag, mentions[].username
                if (is_tags && (k == "text" || k == "tag")) {
                    std::string_view s;
                    if (auto e = Scalar(inner.value(), s)) return e;
                    if (!s.empty()) tags.push_back(s);
                } else if (is_mentions && (k == "screen_name" || k == "username")) {
                    std::string_view s;
                    if (auto e = Scalar(inner.value(), s)) return e;
                    if (!s.empty()) mentions.push_back(s);
                }
            }
            if (is_urls && (!expanded_url.empty() || !short_url.empty()))
                urls.push_back(expanded_url.empty() ? short_url : expanded_url);
        }
    }
    return SUCCESS;
}

error_code TweetReader::ReadUser(od::value value, Fields& f) {
    od::object user;
    if (value.get_object().get(user)) return SUCCESS;
    f.has_user = true;
    std::string_view id_number;
    for (auto field_result : user) {
        od::field field;
        if (auto e = std::move(field_result).get(field)) return e;
        od::raw_json_string key = field.key();
        if (key == "id_str") {
            if (auto e = Scalar(field.value(), f.author_id)) return e;
        } else if (key == "id") {
            if (auto e = Scalar(field.value(), id_number)) return e;
        } else if (key == "screen_name" || key == "username") {
            if (auto e = Scalar(field.value(), f.author_name)) return e;
        }
    }
    if (f.author_id.empty() && AllDigits(id_number)) f.author_id = id_number;
    return SUCCESS;
}

error_code TweetReader::ReadReferenced(od::value value, Fields& f, int depth) {
    od::array list;
    if (value.get_array().get(list)) return SUCCESS;
    for (auto item_result : list) {
        od::object item;
        if (auto e = item_result.get_object().get(item)) return e;
        Fields& ref = m_nested;
        ref.Clear();
        std::string_view type;
        for (auto field_result : item) {
            od::field field;
            if (auto e = std::move(field_result).get(field)) return e;
            if (field.key() == "type") {
                if (auto e = Scalar(field.value(), type)) return e;
            } else {
                if (auto e = ReadTweetField(field.key(), field.value(), ref, depth + 1)) return e;
            }
        }
        if (type == "retweeted") {
            f.retweet = true;
            f.retweeted_id = ref.id.empty() ? ref.id_from_number : ref.id;
            if (ref.has_text) {  // flattened: the original is expanded in place
                f.has_original = true;
                f.original_tags = ref.BestTags();
                f.original_mentions = ref.BestMentions();
                f.original_urls = ref.BestUrls();
                f.original_text = ref.BestText();
            }
        } else if (type == "quoted") {
            f.quote = true;
        } else if (type == "replied_to") {
            f.reply = true;
        }
    }
    return SUCCESS;
}

error_code TweetReader::ReadTweetField(od::raw_json_string key, od::value value, Fields& f, int depth) {
    if (key == "id_str") return Scalar(value, f.id);
    if (key == "id") return Scalar(value, f.id_from_number);
    if (key == "created_at") return Scalar(value, f.created_at);
    if (key == "text" || key == "full_text") {
        f.has_text = true;
        std::string_view s;
        if (auto e = TextScalar(value, s)) return e;
        if (key == "full_text") {
            f.full_text = s;  // extended mode: the whole text
        } else if (f.text.empty()) {
            f.text = s;
        }
        return SUCCESS;
    }
    if (key == "entities") return ReadEntities(value, f.tags, f.mentions, f.urls);
    if (key == "extended_tweet" || key == "note_tweet") {
        od::object ext;
        if (value.get_object().get(ext)) return SUCCESS;
        for (auto field_result : ext) {
            od::field field;
            if (auto e = std::move(field_result).get(field)) return e;
            if (field.key() == "entities") {
                f.has_full_entities = true;
                if (auto e = ReadEntities(field.value(), f.full_tags, f.full_mentions, f.full_urls)) return e;
            } else if (field.key() == "full_text" || field.key() == "text") {
                if (auto e = TextScalar(field.value(), f.full_text)) return e;
            }
        }
        return SUCCESS;
    }
    if (depth > 0) return SUCCESS;  // embedded records: only their entities matter
    if (key == "user" || key == "author") return ReadUser(value, f);
    if (key == "author_id") {
        f.has_user = true;
        return Scalar(value, f.author_id);
    }
    if (key == "timestamp_ms") return Scalar(value, f.timestamp_ms);
    // Counts (rule 92): the record's own, top level only; v1.1 and archives name them flat, v2 in public_metrics.
    if (key == "favorite_count") return Scalar(value, f.counts[static_cast<size_t>(CountKind::Likes)]);
    if (key == "retweet_count") return Scalar(value, f.counts[static_cast<size_t>(CountKind::Reposts)]);
    if (key == "reply_count") return Scalar(value, f.counts[static_cast<size_t>(CountKind::Replies)]);
    if (key == "quote_count") return Scalar(value, f.counts[static_cast<size_t>(CountKind::Quotes)]);
    if (key == "public_metrics") {
        od::object metrics;
        if (value.get_object().get(metrics)) return SUCCESS;
        for (auto field_result : metrics) {
            od::field field;
            if (auto e = std::move(field_result).get(field)) return e;
            od::raw_json_string k = field.key();
            CountKind c = k == "like_count"      ? CountKind::Likes
                          : k == "retweet_count" ? CountKind::Reposts
                          : k == "reply_count"   ? CountKind::Replies
                          : k == "quote_count"   ? CountKind::Quotes
                                                 : static_cast<CountKind>(kCountKinds);
            if (c != static_cast<CountKind>(kCountKinds))
                if (auto e = Scalar(field.value(), f.counts[static_cast<size_t>(c)])) return e;
        }
        return SUCCESS;
    }
    if (key == "lang") return Scalar(value, f.lang);
    if (key == "source") return Scalar(value, f.source);
    if (key == "retweeted_status") {
        od::object original;
        if (value.get_object().get(original)) return SUCCESS;  // null: not a retweet
        f.retweet = true;
        f.has_original = true;
        Fields& o = m_nested;
        o.Clear();
        if (auto e = ReadTweet(original, o, depth + 1)) return e;
        f.original_tags = o.BestTags();
        f.original_mentions = o.BestMentions();
        f.original_urls = o.BestUrls();
        f.original_text = o.BestText();
        return SUCCESS;
    }
    if (key == "quoted_status" || key == "quoted_status_id_str" || key == "is_quote_status") {
        bool present = false;
        if (auto e = Present(value, present)) return e;
        f.quote = f.quote || present;
        return SUCCESS;
    }
    if (key == "in_reply_to_status_id_str" || key == "in_reply_to_status_id") {
        bool present = false;
        if (auto e = Present(value, present)) return e;
        f.reply = f.reply || present;
        return SUCCESS;
    }
    if (key == "referenced_tweets") return ReadReferenced(value, f, depth);
    return SUCCESS;
}

error_code TweetReader::TextScalar(od::value value, std::string_view& out) {
    const std::string_view token = value.raw_json_token();  // a peek: the value is still to be read
    if (auto e = Scalar(value, out)) return e;
    if (!out.empty() && token.starts_with('"')) m_literals.push_back({out, JsonLiteralInside(token)});
    return SUCCESS;
}

error_code TweetReader::ReadTweet(od::object object, Fields& f, int depth) {
    for (auto field_result : object) {
        od::field field;
        if (auto e = std::move(field_result).get(field)) return e;
        if (auto e = ReadTweetField(field.key(), field.value(), f, depth)) return e;
    }
    return SUCCESS;
}

error_code TweetReader::ReadIncludes(od::value value) {
    od::object includes;
    if (value.get_object().get(includes)) return SUCCESS;
    for (auto field_result : includes) {
        od::field field;
        if (auto e = std::move(field_result).get(field)) return e;
        bool tweets = field.key() == "tweets";
        bool users = field.key() == "users";
        if (!tweets && !users) continue;
        od::array list;
        if (field.value().get_array().get(list)) continue;
        for (auto item_result : list) {
            od::object item;
            if (auto e = item_result.get_object().get(item)) return e;
            Fields& o = m_nested;
            o.Clear();
            if (tweets) {
                if (auto e = ReadTweet(item, o, 1)) return e;
                if (o.id.empty()) o.id = o.id_from_number;
                Original& stored = m_originals[std::string(o.id)];
                stored.tags.assign(o.BestTags().begin(), o.BestTags().end());
                stored.mentions.assign(o.BestMentions().begin(), o.BestMentions().end());
                stored.urls.assign(o.BestUrls().begin(), o.BestUrls().end());
                stored.text = o.BestText();
            } else {
                std::string_view id, name;
                for (auto inner_result : item) {
                    od::field inner;
                    if (auto e = std::move(inner_result).get(inner)) return e;
                    if (inner.key() == "id") {
                        if (auto e = Scalar(inner.value(), id)) return e;
                    } else if (inner.key() == "username") {
                        if (auto e = Scalar(inner.value(), name)) return e;
                    }
                }
                if (!id.empty()) m_user_names[std::string(id)] = std::string(name);
            }
        }
    }
    return SUCCESS;
}

const char* TweetReader::FormatName(bool page, const Fields& f) {
    if (page) return "twitter-v2-twarc2-pages";
    if (ParseTwitterTime(f.created_at) != kNoTime || !f.id.empty()) return "twitter-v1.1-jsonl";  // v1.1 has id_str
    return "twitter-v2-flat-jsonl";
}

void TweetReader::Emit(const Fields& f, bool page, Dataset& dataset, size_t file, const RecordPlace& place) {
    PostRecord& r = m_record;
    r.Clear();
    IngestReport& report = dataset.Report(file);
    if (!f.id.empty()) {
        r.id = f.id;
    } else if (AllDigits(f.id_from_number)) {
        r.id = f.id_from_number;
    } else {
        r.unusable_id = f.id_from_number;
    }
    r.time = ParseTwitterTime(f.created_at);
    if (r.time == kNoTime) r.time = ParseIsoTime(f.created_at);
    if (r.time == kNoTime) r.time = ParseEpochMillis(f.timestamp_ms);
    bool retweet = f.retweet || (m_archive && f.BestText().starts_with("RT @"));
    r.type = retweet ? PostType::Retweet : f.quote ? PostType::Quote : f.reply ? PostType::Reply : PostType::Original;
    r.author_id = f.author_id;
    r.author_name = f.author_name;
    if (m_archive && !f.has_user) {
        r.author_id = m_owner_id;
        r.author_name = m_owner_name;
    }
    if (r.author_name.empty() && page) {
        auto it = m_user_names.find(std::string(f.author_id));
        if (it != m_user_names.end()) r.author_name = it->second;
    }
    r.lang = f.lang;
    r.client = f.source;
    for (size_t k = 0; k < f.counts.size(); ++k)
        r.engagement.counts[k] = ParseCount(f.counts[k]);
    const Original* included = nullptr;
    if (f.retweet && !f.has_original && page) {
        auto it = m_originals.find(std::string(f.retweeted_id));
        if (it != m_originals.end()) included = &it->second;
    }
    if (included) {
        r.hashtags.assign(included->tags.begin(), included->tags.end());
        r.mentions.assign(included->mentions.begin(), included->mentions.end());
        r.links.assign(included->urls.begin(), included->urls.end());
        r.text = included->text;
    } else if (f.retweet && f.has_original) {
        r.hashtags = f.original_tags;
        r.mentions = f.original_mentions;
        r.links = f.original_urls;
        r.text = f.original_text;
    } else {
        r.hashtags = f.BestTags();
        r.mentions = f.BestMentions();
        r.links = f.BestUrls();
        r.text = f.BestText();
    }
    if (!included) {  // rule 101: the text is one literal of this record, decoded
        for (const Literal& literal : m_literals) {
            if (literal.text.data() != r.text.data() || literal.text.size() != r.text.size()) continue;
            r.text_source = literal.inside;
            r.text_coding = SpanCoding::JsonString;
            break;
        }
    }
    if (report.format.empty()) report.format = FormatName(page, f);
    UndoTextEntities(r, m_unescaped);  // rule 110: after the span's literal is known
    dataset.Add(r, file, place);
}

error_code TweetReader::ReadPageData(od::value value, Dataset& dataset, size_t file, const RecordPlace& place,
                                     uint64_t& posts) {
    od::json_type type;
    if (auto e = value.type().get(type)) return e;
    auto read_one = [&](od::object tweet) -> error_code {
        m_fields.Clear();
        if (auto e = ReadTweet(tweet, m_fields, 0)) return e;
        if (m_fields.id.empty()) m_fields.id = m_fields.id_from_number;  // v2 ids are strings in `id`
        m_page_tweets.push_back(m_fields);
        return SUCCESS;
    };
    if (type == od::json_type::object) {
        od::object tweet;
        if (auto e = value.get_object().get(tweet)) return e;
        if (auto e = read_one(tweet)) return e;
    } else if (type == od::json_type::array) {
        od::array list;
        if (auto e = value.get_array().get(list)) return e;
        for (auto item : list) {
            od::object tweet;
            if (auto e = item.get_object().get(tweet)) return e;
            if (auto e = read_one(tweet)) return e;
        }
    }
    // Only once the whole page parsed: a broken page adds nothing.
    for (const Fields& f : m_page_tweets) {
        Emit(f, true, dataset, file, place);
        ++posts;
    }
    return SUCCESS;
}

void TweetReader::ReadLine(const char* json, size_t size, size_t readable, Dataset& dataset, size_t file,
                           const RecordPlace& place) {
    IngestReport& report = dataset.Report(file);
    auto invalid = [&](error_code e) {
        report.Add(Problem::InvalidJson, place, std::string("invalid JSON: ") + simdjson::error_message(e));
    };
    od::document doc;
    if (auto e = m_parser.iterate(json, size, readable).get(doc)) return invalid(e);
    od::json_type type;
    if (auto e = doc.type().get(type)) return invalid(e);
    if (type == od::json_type::array) return report.Add(Problem::NotAPost, place, "a JSON array, not a post record");
    if (type != od::json_type::object) {
        return report.Add(Problem::InvalidJson, place, "invalid JSON: expected an object");
    }
    od::object top;
    if (auto e = doc.get_object().get(top)) return invalid(e);

    m_fields.Clear();
    m_originals.clear();
    m_literals.clear();
    m_user_names.clear();
    bool has_data = false, is_delete = false, is_limit = false, is_notice = false;
    uint64_t api_errors = 0;
    std::string api_error;
    for (auto field_result : top) {
        od::field field;
        if (auto e = std::move(field_result).get(field)) return invalid(e);
        od::raw_json_string key = field.key();
        error_code e = SUCCESS;
        if (key == "data") {
            has_data = true;
        } else if (key == "includes") {
            e = ReadIncludes(field.value());
        } else if (key == "errors") {
            od::array list;
            if (!field.value().get_array().get(list)) {
                for (auto item : list) {
                    od::object err;
                    if ((e = item.get_object().get(err))) break;
                    ++api_errors;
                    for (auto inner_result : err) {
                        od::field inner;
                        if ((e = std::move(inner_result).get(inner))) break;
                        std::string_view text;
                        if (api_error.empty() && (inner.key() == "detail" || inner.key() == "message") &&
                            !Scalar(inner.value(), text))
                            api_error = std::string(text.substr(0, 200));
                    }
                    if (e) break;
                }
            }
        } else if (key == "delete") {
            is_delete = true;
        } else if (key == "limit") {
            is_limit = true;
        } else if (IsNoticeKey(key)) {
            is_notice = true;
        } else if (m_archive && key == "tweet") {  // an archive's wrapper: the tweet is inside
            od::object inner;
            if (!field.value().get_object().get(inner)) e = ReadTweet(inner, m_fields, 0);
        } else {
            e = ReadTweetField(key, field.value(), m_fields, 0);
        }
        if (e) return invalid(e);
    }
    if (const char* rest = nullptr; !doc.current_location().get(rest)) {  // an error here means: at the end
        report.Add(Problem::InvalidJson, place, "invalid JSON: text after the end of the record");
        return;
    }

    if (has_data) {
        doc.rewind();
        od::value data;
        if (auto e = doc.find_field_unordered("data").get(data)) return invalid(e);
        m_page_tweets.clear();
        uint64_t posts = 0;
        if (auto e = ReadPageData(data, dataset, file, place, posts)) return invalid(e);
        if (api_errors > 0) {
            report.Add(posts > 0 ? Problem::ApiNote : Problem::ApiError, place,
                       std::to_string(api_errors) + " API error(s) in the page: " + api_error);
        } else if (posts == 0) {
            report.Add(Problem::NotAPost, place, "a page with no posts in `data`");
        }
        return;
    }
    if (is_delete) return report.Add(Problem::DeleteNotice, place, "delete notice");
    if (is_limit) return report.Add(Problem::LimitNotice, place, "limit notice");
    bool tweet_like = m_fields.has_user || ((!m_fields.id.empty() || !m_fields.id_from_number.empty()) &&
                                            (m_fields.has_text || !m_fields.created_at.empty()));
    if (tweet_like) return Emit(m_fields, false, dataset, file, place);
    if (api_errors > 0) return report.Add(Problem::ApiError, place, "API error: " + api_error);
    report.Add(Problem::NotAPost, place,
               is_notice ? "a stream notice, not a post" : "a JSON object that is not a post of a known shape");
}

}  // namespace chorus::core
