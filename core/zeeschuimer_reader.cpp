#include "zeeschuimer_reader.hpp"

#include "html_entities.hpp"
#include "instagram_reader.hpp"
#include "text_entities.hpp"

namespace chorus::core {
namespace {

// A GraphQL tweet result, unwrapped from TweetWithVisibilityResults when needed.
bool TweetResult(json::object data, json::object& tweet) {
    tweet = data;
    json::object inner;
    if (json::Str(data, "__typename") == "TweetWithVisibilityResults" && json::Obj(data, "tweet", inner)) tweet = inner;
    json::object legacy;
    return json::Obj(tweet, "legacy", legacy);
}

// The note_tweet of a long post: {text, entity_set}.
bool NoteTweet(json::object tweet, json::object& note) {
    json::object outer, results;
    return json::Obj(tweet, "note_tweet", outer) && json::Obj(outer, "note_tweet_results", results) &&
           json::Obj(results, "result", note);
}

bool IsTwitter(std::string_view platform) {
    return platform == "twitter.com" || platform == "x.com";
}

}  // namespace

bool ZeeschuimerReader::ReadTweet(json::object data, PostRecord& r) {
    json::object tweet, legacy;
    if (!TweetResult(data, tweet) || !json::Obj(tweet, "legacy", legacy)) return false;
    r.id = json::Str(legacy, "id_str");
    if (r.id.empty()) r.id = json::Str(tweet, "rest_id");
    r.time = ParseTwitterTime(json::Str(legacy, "created_at"));
    r.lang = json::Str(legacy, "lang");
    // The record's own legacy counts, a retweet's too (rule 92).
    r.engagement[CountKind::Likes] = json::CountOf(legacy, "favorite_count");
    r.engagement[CountKind::Reposts] = json::CountOf(legacy, "retweet_count");
    r.engagement[CountKind::Replies] = json::CountOf(legacy, "reply_count");
    r.engagement[CountKind::Quotes] = json::CountOf(legacy, "quote_count");
    json::object core, user_results, user, user_legacy, user_core;
    if (json::Obj(tweet, "core", core) && json::Obj(core, "user_results", user_results) &&
        json::Obj(user_results, "result", user)) {
        r.author_id = json::Str(user, "rest_id");
        if (json::Obj(user, "legacy", user_legacy)) r.author_name = json::Str(user_legacy, "screen_name");
        if (r.author_name.empty() && json::Obj(user, "core", user_core))
            r.author_name = json::Str(user_core, "screen_name");
    }
    if (r.author_id.empty()) r.author_id = json::Str(legacy, "user_id_str");
    // Text and entities: a retweet's come from the original; a long post's from its note_tweet.
    json::object source = tweet, source_legacy = legacy, retweeted, original, original_legacy;
    if (json::Obj(legacy, "retweeted_status_result", retweeted) && json::Obj(retweeted, "result", original) &&
        TweetResult(original, original) && json::Obj(original, "legacy", original_legacy)) {
        r.type = PostType::Retweet;
        source = original;
        source_legacy = original_legacy;
    } else if (json::Truthy(tweet, "quoted_status_result") || json::Bool(legacy, "is_quote_status")) {
        r.type = PostType::Quote;
    } else if (json::Truthy(legacy, "in_reply_to_status_id_str")) {
        r.type = PostType::Reply;
    }
    json::object note, entities;
    if (NoteTweet(source, note)) {
        r.text = json::Str(note, "text");
        if (json::Obj(note, "entity_set", entities)) json::TwitterEntities(entities, r);
    } else {
        r.text = json::Str(source_legacy, "full_text");
        if (json::Obj(source_legacy, "entities", entities)) json::TwitterEntities(entities, r);
    }
    return true;
}

void ZeeschuimerReader::ReadTikTok(json::object data, PostRecord& r) {
    std::string_view id = json::Str(data, "id");
    if (!id.empty()) {
        std::string& full = m_post.Slot();
        full.assign("tiktok:").append(id);
        r.id = full;
    }
    r.time = json::EpochSeconds(data, "createTime");
    json::object author;
    if (json::Obj(data, "author", author)) {
        r.author_id = json::Str(author, "id");
        r.author_name = json::Str(author, "uniqueId");
    }
    r.text = json::Str(data, "desc");
    json::object stats;
    if (json::Obj(data, "stats", stats)) {
        r.engagement[CountKind::Likes] = json::CountOf(stats, "diggCount");
        r.engagement[CountKind::Replies] = json::CountOf(stats, "commentCount");
    }
    json::array extra;
    if (json::Arr(data, "textExtra", extra)) {  // TikTok's own entity list
        for (json::element item : extra) {
            json::object o;
            if (!json::Obj(item, o)) continue;
            if (!json::Str(o, "hashtagName").empty()) r.hashtags.push_back(json::Str(o, "hashtagName"));
            if (!json::Str(o, "userUniqueId").empty()) r.mentions.push_back(json::Str(o, "userUniqueId"));
        }
    } else {
        HashtagsInText(r.text, r.hashtags);
        MentionsInText(r.text, r.mentions);
    }
    LinksInText(r.text, r.links);
}

void ZeeschuimerReader::Read(json::object item, const RecordPlace& place, Dataset& dataset, size_t file) {
    std::string_view platform = json::Str(item, "source_platform");
    json::object data;
    json::Obj(item, "data", data);
    PostRecord& r = m_post.Begin();
    if (IsTwitter(platform)) {
        if (!ReadTweet(data, r)) {
            dataset.Report(file).Add(Problem::NotAPost, place, "a Zeeschuimer X item without a tweet (`legacy`)");
            return;
        }
        UndoTextEntities(r, m_post.Slot());  // rule 110
    } else if (platform == "tiktok.com") {
        ReadTikTok(data, r);
    } else if (platform == "instagram.com") {
        InstagramReader::ReadMedia(data, m_post);
    } else {
        dataset.Report(file).Add(
            Problem::NotAPost, place,
            "a Zeeschuimer item from " + std::string(platform.substr(0, 40)) + ": this platform is not read yet");
        return;
    }
    m_post.Emit(dataset, file, place);
}

}  // namespace chorus::core
