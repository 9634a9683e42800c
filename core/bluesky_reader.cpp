#include "bluesky_reader.hpp"

namespace chorus::core {
namespace {

constexpr std::string_view kPostCollection = "app.bsky.feed.post";
constexpr std::string_view kRepostCollection = "app.bsky.feed.repost";

// indexedAt (when the network saw the post) over createdAt (what the client claims).
UnixSeconds PostTime(std::string_view indexed_at, json::object record) {
    UnixSeconds t = ParseIsoTime(indexed_at);
    return t != kNoTime ? t : ParseIsoTime(json::Str(record, "createdAt"));
}

}  // namespace

void BlueskyReader::ReadRecord(json::object record, PostRecord& r, bool set_type) {
    r.text = json::Str(record, "text");
    json::array list;
    if (json::Arr(record, "langs", list)) {
        for (json::element lang : list) {
            r.lang = json::Str(lang);
            break;
        }
    }
    if (set_type) {
        json::object embed;
        std::string_view embed_type = json::Obj(record, "embed", embed) ? json::Str(embed, "$type") : "";
        if (embed_type == "app.bsky.embed.record" || embed_type == "app.bsky.embed.recordWithMedia") {
            r.type = PostType::Quote;
        } else if (json::Truthy(record, "reply")) {
            r.type = PostType::Reply;
        }
    }
    if (json::Arr(record, "facets", list)) {
        for (json::element facet_element : list) {
            json::object facet, index;
            json::array features;
            if (!json::Obj(facet_element, facet) || !json::Arr(facet, "features", features)) continue;
            for (json::element feature_element : features) {
                json::object feature;
                if (!json::Obj(feature_element, feature)) continue;
                std::string_view type = json::Str(feature, "$type");
                if (type == "app.bsky.richtext.facet#tag") {
                    if (!json::Str(feature, "tag").empty()) r.hashtags.push_back(json::Str(feature, "tag"));
                } else if (type == "app.bsky.richtext.facet#link") {
                    if (!json::Str(feature, "uri").empty()) r.links.push_back(json::Str(feature, "uri"));
                } else if (type == "app.bsky.richtext.facet#mention") {
                    // The handle as written at the facet's byte range ("@name.bsky.social"), else the DID.
                    std::string_view mention = json::Str(feature, "did");
                    int64_t start = -1, end = -1;
                    json::element e;
                    if (json::Obj(facet, "index", index) && json::Get(index, "byteStart", e) &&
                        !e.get_int64().get(start) && json::Get(index, "byteEnd", e) && !e.get_int64().get(end) &&
                        start >= 0 && end > start + 1 && static_cast<uint64_t>(end) <= r.text.size() &&
                        r.text[static_cast<size_t>(start)] == '@')
                        mention = r.text.substr(static_cast<size_t>(start) + 1, static_cast<size_t>(end - start - 1));
                    if (!mention.empty()) r.mentions.push_back(mention);
                }
            }
        }
    }
    if (json::Arr(record, "tags", list)) {  // extra hashtags the post carries outside its text
        for (json::element tag : list)
            if (!json::Str(tag).empty()) r.hashtags.push_back(json::Str(tag));
    }
}

void BlueskyReader::ReadView(json::object view, const RecordPlace& place, Dataset& dataset, size_t file) {
    json::object post = view, reason;
    bool feed_item = json::Obj(view, "post", post);
    bool repost = feed_item && json::Obj(view, "reason", reason) &&
                  json::Str(reason, "$type") == "app.bsky.feed.defs#reasonRepost";
    json::object record, author;
    if (!json::Obj(post, "record", record)) {
        dataset.Report(file).Add(Problem::NotAPost, place, "a Bluesky view without its post record");
        return;
    }
    PostRecord& r = m_post.Begin();
    ReadRecord(record, r, !repost);
    if (repost) {
        // The repost is a post of its own, by the reposter, at the time of the repost.
        r.type = PostType::Retweet;
        json::object by;
        if (json::Obj(reason, "by", by)) {
            r.author_id = json::Str(by, "did");
            r.author_name = json::Str(by, "handle");
        }
        r.time = ParseIsoTime(json::Str(reason, "indexedAt"));
        r.id = json::Str(reason, "uri");
        if (r.id.empty() && !r.author_id.empty() && !json::Str(post, "uri").empty()) {
            std::string& id = m_post.Slot();
            id.assign("repost:").append(r.author_id).append(":").append(json::Str(post, "uri"));
            r.id = id;
        }
    } else {
        r.id = json::Str(post, "uri");
        r.time = PostTime(json::Str(post, "indexedAt"), record);
        // A repost's view carries the reposted post's counts, not the repost's: read for posts only (rule 92).
        r.engagement[CountKind::Likes] = json::CountOf(post, "likeCount");
        r.engagement[CountKind::Reposts] = json::CountOf(post, "repostCount");
        r.engagement[CountKind::Replies] = json::CountOf(post, "replyCount");
        r.engagement[CountKind::Quotes] = json::CountOf(post, "quoteCount");
        if (json::Obj(post, "author", author)) {
            r.author_id = json::Str(author, "did");
            r.author_name = json::Str(author, "handle");
        }
    }
    m_post.Emit(dataset, file, place);
}

void BlueskyReader::ReadCommit(std::string_view did, std::string_view collection, std::string_view rkey,
                               std::string_view operation, const json::object* record, UnixSeconds seen,
                               const RecordPlace& place, Dataset& dataset, size_t file) {
    if (operation != "create" || (collection != kPostCollection && collection != kRepostCollection) || !record) {
        dataset.Report(file).Add(Problem::NotAPost, place,
                                 "a Bluesky `" + std::string(operation.substr(0, 20)) + "` of " +
                                     std::string(collection.substr(0, 60)) + ", not a new post");
        return;
    }
    PostRecord& r = m_post.Begin();
    std::string& id = m_post.Slot();
    id.assign("at://").append(did).append("/").append(collection).append("/").append(rkey);
    r.id = rkey.empty() || did.empty() ? std::string_view{} : std::string_view(id);
    r.author_id = did;
    if (collection == kPostCollection) {
        ReadRecord(*record, r, true);
    } else {
        r.type = PostType::Retweet;  // the reposted post is named by URI only: no text, no tags
    }
    r.time = seen != kNoTime ? seen : ParseIsoTime(json::Str(*record, "createdAt"));
    m_post.Emit(dataset, file, place);
}

void BlueskyReader::ReadJetstream(json::object event, const RecordPlace& place, Dataset& dataset, size_t file) {
    json::object commit, record;
    if (json::Str(event, "kind") != "commit" || !json::Obj(event, "commit", commit)) {
        dataset.Report(file).Add(
            Problem::NotAPost, place,
            "a Jetstream `" + std::string(json::Str(event, "kind").substr(0, 20)) + "` event, not a post");
        return;
    }
    bool has_record = json::Obj(commit, "record", record);
    json::element time_us;
    UnixSeconds seen = kNoTime;
    int64_t us = 0;
    if (json::Get(event, "time_us", time_us) && !time_us.get_int64().get(us) && us > 0) seen = us / 1000000;
    ReadCommit(json::Str(event, "did"), json::Str(commit, "collection"), json::Str(commit, "rkey"),
               json::Str(commit, "operation"), has_record ? &record : nullptr, seen, place, dataset, file);
}

void BlueskyReader::ReadTap(json::object event, const RecordPlace& place, Dataset& dataset, size_t file) {
    json::object change, record;
    if (json::Str(event, "type") != "record" || !json::Obj(event, "record", change)) {
        dataset.Report(file).Add(
            Problem::NotAPost, place,
            "a Tap `" + std::string(json::Str(event, "type").substr(0, 20)) + "` event, not a post");
        return;
    }
    bool has_record = json::Obj(change, "record", record);
    ReadCommit(json::Str(change, "did"), json::Str(change, "collection"), json::Str(change, "rkey"),
               json::Str(change, "action"), has_record ? &record : nullptr, kNoTime, place, dataset, file);
}

}  // namespace chorus::core
