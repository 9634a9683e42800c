#include "instagram_reader.hpp"

#include "text_entities.hpp"

namespace chorus::core {
namespace {

// Instagram media ids are numbers like Twitter's: written "instagram:<pk>" so the two never meet.
std::string_view PostId(std::string_view pk, PostBuilder& post) {
    if (pk.empty()) return {};
    std::string& id = post.Slot();
    id.assign("instagram:").append(pk);
    return id;
}

void TextEntities(PostRecord& r) {
    HashtagsInText(r.text, r.hashtags);
    MentionsInText(r.text, r.mentions);
    LinksInText(r.text, r.links);
}

}  // namespace

void InstagramReader::ReadMedia(json::object media, PostBuilder& post) {
    PostRecord& r = post.Record();
    std::string_view pk = json::Str(media, "pk");
    if (pk.empty()) pk = json::Str(media, "id").substr(0, json::Str(media, "id").find('_'));  // "<pk>_<owner>"
    r.id = PostId(pk, post);
    r.time = json::EpochSeconds(media, "taken_at");
    json::object user, caption;
    if (json::Obj(media, "user", user)) {
        r.author_id = json::Str(user, "pk");
        if (r.author_id.empty()) r.author_id = json::Str(user, "id");
        r.author_name = json::Str(user, "username");
    }
    if (json::Obj(media, "caption", caption)) r.text = json::Str(caption, "text");
    TextEntities(r);
}

void InstagramReader::Read(json::object flat, const RecordPlace& place, Dataset& dataset, size_t file) {
    PostRecord& r = m_post.Begin();
    std::string storage, unusable;
    json::element id;
    if (json::Get(flat, "id_", id)) r.id = PostId(json::IdText(id, storage, unusable), m_post);
    if (r.id.empty() && !unusable.empty()) r.unusable_id = m_post.Keep(unusable);
    r.time = json::EpochSeconds(flat, "taken_at_timestamp");
    r.author_id = json::Str(flat, "owner_id");
    r.author_name = json::Str(flat, "owner_username");
    if (r.author_id.empty()) r.author_id = r.author_name;
    r.text = json::Str(flat, "caption");
    TextEntities(r);
    m_post.Emit(dataset, file, place);
}

}  // namespace chorus::core
