#include "mastodon_reader.hpp"

#include "text_entities.hpp"

namespace chorus::core {
namespace {

bool IsPostObject(std::string_view type) {
    return type == "Note" || type == "Question" || type == "Article" || type == "Page";
}

std::string_view HostOf(std::string_view url) {
    size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    return rest.substr(0, rest.find('/'));
}

// A quote post: FEP-044f `quote`, or the older `quoteUri` / `quoteUrl` / `_misskey_quote`.
bool IsQuote(json::object note) {
    return json::Truthy(note, "quote") || json::Truthy(note, "quoteUri") || json::Truthy(note, "quoteUrl") ||
           json::Truthy(note, "_misskey_quote");
}

}  // namespace

std::string_view MastodonReader::HandleOf(std::string_view actor_url, json::object note) {
    if (auto it = m_actor_names.find(std::string(actor_url)); it != m_actor_names.end()) return it->second;
    // Without actor.json: the handle in the post's own URL, "https://host/@name/123" -> "name@host".
    std::string_view url = json::Str(note, "url");
    size_t at = url.find("/@");
    if (at == std::string_view::npos) return {};
    std::string_view name = url.substr(at + 2);
    name = name.substr(0, name.find('/'));
    if (name.empty()) return {};
    std::string& handle = m_post.Slot();
    handle.assign(name).append("@").append(HostOf(url));
    return handle;
}

void MastodonReader::ReadNote(json::object note, PostRecord& r) {
    std::string& text = m_post.Slot();
    HtmlToText(json::Str(note, "content"), text);
    r.text = text;
    json::object content_map;
    if (json::Obj(note, "contentMap", content_map)) {
        for (auto field : content_map) {
            r.lang = field.key;
            break;
        }
    }
    json::array tags;
    if (json::Arr(note, "tag", tags)) {
        for (json::element item : tags) {
            json::object tag;
            if (!json::Obj(item, tag)) continue;
            std::string_view type = json::Str(tag, "type"), name = json::Str(tag, "name");
            if (name.empty()) continue;
            if (type == "Hashtag") {
                r.hashtags.push_back(name);
            } else if (type == "Mention") {
                r.mentions.push_back(name.substr(name.starts_with('@') ? 1 : 0));  // "@user@host" -> "user@host"
            }
        }
    }
    LinksInText(r.text, r.links);
}

void MastodonReader::ReadActivity(json::object activity, const RecordPlace& place, Dataset& dataset, size_t file) {
    std::string_view type = json::Str(activity, "type");
    if (type != "Create" && type != "Announce") {
        dataset.Report(file).Add(Problem::NotAPost, place,
                                 "an ActivityPub `" + std::string(type.substr(0, 40)) + "` activity, not a post");
        return;
    }
    json::object note;
    bool has_note = json::Obj(activity, "object", note);
    if (type == "Create" && (!has_note || !IsPostObject(json::Str(note, "type")))) {
        dataset.Report(file).Add(Problem::NotAPost, place, "a Create activity whose object is not a post");
        return;
    }
    PostRecord& r = m_post.Begin();
    r.author_id = json::Str(activity, "actor");
    if (type == "Create") {
        r.id = json::Str(note, "id");
        r.time = ParseIsoTime(json::Str(note, "published"));
        if (r.author_id.empty()) r.author_id = json::Str(note, "attributedTo");
        r.type = IsQuote(note)                     ? PostType::Quote
                 : json::Truthy(note, "inReplyTo") ? PostType::Reply
                                                   : PostType::Original;
    } else {
        r.id = json::Str(activity, "id");
        r.type = PostType::Retweet;  // a boost
    }
    if (r.id.empty()) r.id = json::Str(activity, "id");
    if (r.time == kNoTime) r.time = ParseIsoTime(json::Str(activity, "published"));
    if (has_note) {
        ReadNote(note, r);  // an Announce usually names the boosted post by URL only: no text, no tags
        r.author_name = HandleOf(r.author_id, note);
    } else if (auto it = m_actor_names.find(std::string(r.author_id)); it != m_actor_names.end()) {
        r.author_name = it->second;
    }
    m_post.Emit(dataset, file, place);
}

void MastodonReader::ReadStatus(json::object status, const RecordPlace& place, Dataset& dataset, size_t file) {
    PostRecord& r = m_post.Begin();
    r.id = json::Str(status, "uri");
    if (r.id.empty()) r.id = json::Str(status, "id");
    r.time = ParseIsoTime(json::Str(status, "created_at"));
    json::object account;
    if (json::Obj(status, "account", account)) {
        r.author_id = json::Str(account, "id");
        r.author_name = json::Str(account, "acct");
    }
    r.engagement[CountKind::Likes] = json::CountOf(status, "favourites_count");  // the status's own (rule 92)
    r.engagement[CountKind::Reposts] = json::CountOf(status, "reblogs_count");
    r.engagement[CountKind::Replies] = json::CountOf(status, "replies_count");
    r.engagement[CountKind::Quotes] = json::CountOf(status, "quotes_count");
    json::object reblog;
    bool boost = json::Obj(status, "reblog", reblog);
    json::object source = boost ? reblog : status;  // a boost carries the boosted post's text and tags
    if (boost) {
        r.type = PostType::Retweet;
    } else if (json::Truthy(status, "quote")) {
        r.type = PostType::Quote;
    } else if (json::Truthy(status, "in_reply_to_id")) {
        r.type = PostType::Reply;
    }
    r.lang = json::Str(source, "language");
    json::object application;  // the boost's own client, not the boosted post's
    if (json::Obj(status, "application", application)) r.client = json::Str(application, "name");
    std::string& text = m_post.Slot();
    HtmlToText(json::Str(source, "content"), text);
    r.text = text;
    json::array list;
    if (json::Arr(source, "tags", list)) {
        for (json::element item : list) {
            json::object tag;
            if (json::Obj(item, tag) && !json::Str(tag, "name").empty()) r.hashtags.push_back(json::Str(tag, "name"));
        }
    }
    if (json::Arr(source, "mentions", list)) {
        for (json::element item : list) {
            json::object mention;
            if (json::Obj(item, mention) && !json::Str(mention, "acct").empty())
                r.mentions.push_back(json::Str(mention, "acct"));
        }
    }
    LinksInText(r.text, r.links);
    m_post.Emit(dataset, file, place);
}

void MastodonReader::ReadActor(json::object actor, const RecordPlace& place, Dataset& dataset, size_t file) {
    std::string_view id = json::Str(actor, "id"), name = json::Str(actor, "preferredUsername");
    if (!id.empty() && !name.empty())
        m_actor_names[std::string(id)] = std::string(name) + "@" + std::string(HostOf(id));
    dataset.Report(file).Add(Problem::Context, place, "a Mastodon actor (account): names its posts, not a post");
}

}  // namespace chorus::core
