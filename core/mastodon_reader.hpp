// MastodonReader: Mastodon as an account export's ActivityPub outbox (Create / Announce
// activities, with actor.json) and as REST API Status objects (COUNTING.md, rule 26).
// Internal to core.
#pragma once

#include <string>
#include <unordered_map>

#include "json_dom.hpp"
#include "post_builder.hpp"

namespace chorus::core {

class MastodonReader {
public:
    void ReadActivity(json::object activity, const RecordPlace& place, Dataset& dataset, size_t file);
    void ReadStatus(json::object status, const RecordPlace& place, Dataset& dataset, size_t file);
    // actor.json: a context record; its handle names the actor's posts read after it.
    void ReadActor(json::object actor, const RecordPlace& place, Dataset& dataset, size_t file);

private:
    void ReadNote(json::object note, PostRecord& r);
    std::string_view HandleOf(std::string_view actor_url, json::object note);

    PostBuilder m_post;
    std::unordered_map<std::string, std::string> m_actor_names;  // actor URL -> "user@host"
};

}  // namespace chorus::core
