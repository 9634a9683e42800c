#include "gnip_reader.hpp"

#include "html_entities.hpp"

namespace chorus::core {
namespace {

// "tag:search.twitter.com,2005:887453193294282752" -> "887453193294282752"; the id as given when
// its last part is not all digits.
std::string_view TwitterIdOf(std::string_view id) {
    size_t colon = id.rfind(':');
    std::string_view tail = colon == std::string_view::npos ? id : id.substr(colon + 1);
    if (tail.empty()) return id;
    for (char c : tail)
        if (c < '0' || c > '9') return id;
    return tail;
}

}  // namespace

void GnipReader::Read(json::object activity, const RecordPlace& place, Dataset& dataset, size_t file) {
    std::string_view verb = json::Str(activity, "verb");
    if (verb != "post" && verb != "share") {
        dataset.Report(file).Add(Problem::NotAPost, place,
                                 "an Activity Streams `" + std::string(verb.substr(0, 40)) + "` activity, not a post");
        return;
    }
    PostRecord& r = m_post.Begin();
    r.id = TwitterIdOf(json::Str(activity, "id"));
    r.time = ParseIsoTime(json::Str(activity, "postedTime"));
    json::object actor;
    if (json::Obj(activity, "actor", actor)) {
        r.author_id = TwitterIdOf(json::Str(actor, "id"));
        r.author_name = json::Str(actor, "preferredUsername");
    }
    r.lang = json::Str(activity, "twitter_lang");
    r.engagement[CountKind::Likes] = json::CountOf(activity, "favoritesCount");  // the activity's own (rule 92)
    r.engagement[CountKind::Reposts] = json::CountOf(activity, "retweetCount");
    json::object generator;
    if (json::Obj(activity, "generator", generator)) r.client = json::Str(generator, "displayName");
    json::object source = activity;  // a share carries the original's text and entities in `object`
    json::object original;
    if (verb == "share") {
        r.type = PostType::Retweet;
        if (json::Obj(activity, "object", original)) source = original;
    } else if (json::Truthy(activity, "twitter_quoted_status")) {
        r.type = PostType::Quote;
    } else if (json::Truthy(activity, "inReplyTo")) {
        r.type = PostType::Reply;
    }
    json::object long_object, entities;
    bool is_long = json::Obj(source, "long_object", long_object);
    r.text = json::Str(is_long ? long_object : source, "body");
    if (r.text.empty()) r.text = json::Str(source, "body");
    UndoTextEntities(r, m_post.Slot());  // rule 110
    if ((is_long && json::Obj(long_object, "twitter_entities", entities)) ||
        json::Obj(source, "twitter_entities", entities))
        json::TwitterEntities(entities, r);
    m_post.Emit(dataset, file, place);
}

}  // namespace chorus::core
