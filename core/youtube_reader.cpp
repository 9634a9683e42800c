#include "youtube_reader.hpp"

#include "text_entities.hpp"

namespace chorus::core {

void YouTubeReader::ReadComment(json::object comment, bool reply, const RecordPlace& place, Dataset& dataset,
                                size_t file, int64_t replies) {
    PostRecord& r = m_post.Begin();
    r.id = json::Str(comment, "id");
    json::object snippet, channel;
    if (json::Obj(comment, "snippet", snippet)) {
        r.time = ParseIsoTime(json::Str(snippet, "publishedAt"));
        if (json::Obj(snippet, "authorChannelId", channel)) r.author_id = json::Str(channel, "value");
        r.author_name = json::Str(snippet, "authorDisplayName");
        r.text = json::Str(snippet, "textOriginal");
        if (r.text.empty()) {
            std::string& text = m_post.Slot();
            HtmlToText(json::Str(snippet, "textDisplay"), text);
            r.text = text;
        }
        reply = reply || json::Truthy(snippet, "parentId");
        r.engagement[CountKind::Likes] = json::CountOf(snippet, "likeCount");
    }
    r.type = reply ? PostType::Reply : PostType::Original;
    r.engagement[CountKind::Replies] = replies;
    HashtagsInText(r.text, r.hashtags);
    MentionsInText(r.text, r.mentions);
    LinksInText(r.text, r.links);
    m_post.Emit(dataset, file, place);
}

void YouTubeReader::Read(json::object resource, const RecordPlace& place, Dataset& dataset, size_t file) {
    std::string_view kind = json::Str(resource, "kind");
    if (kind == "youtube#comment") return ReadComment(resource, false, place, dataset, file);
    json::object snippet, top, replies;
    if (kind != "youtube#commentThread" || !json::Obj(resource, "snippet", snippet) ||
        !json::Obj(snippet, "topLevelComment", top)) {
        dataset.Report(file).Add(Problem::NotAPost, place,
                                 "a YouTube `" + std::string(kind.substr(0, 40)) + "` resource, not a comment");
        return;
    }
    ReadComment(top, false, place, dataset, file, json::CountOf(snippet, "totalReplyCount"));
    json::array list;
    if (json::Obj(resource, "replies", replies) && json::Arr(replies, "comments", list)) {
        for (json::element item : list) {
            json::object comment;
            if (json::Obj(item, comment)) ReadComment(comment, true, place, dataset, file);
        }
    }
}

void YouTubeReader::ReadScraped(json::object comment, const RecordPlace& place, Dataset& dataset, size_t file) {
    PostRecord& r = m_post.Begin();
    std::string storage, unusable;
    json::element id;
    if (json::Get(comment, "id", id)) r.id = m_post.Keep(json::IdText(id, storage, unusable));
    if (r.id.empty() && !unusable.empty()) r.unusable_id = m_post.Keep(unusable);
    r.author_id = r.author_name = json::Str(comment, "author");
    r.text = json::Str(comment, "text");
    r.type =
        json::Bool(comment, "is_reply") || json::Truthy(comment, "parent_id") ? PostType::Reply : PostType::Original;
    HashtagsInText(r.text, r.hashtags);
    MentionsInText(r.text, r.mentions);
    LinksInText(r.text, r.links);
    m_post.Emit(dataset, file, place);
}

}  // namespace chorus::core
