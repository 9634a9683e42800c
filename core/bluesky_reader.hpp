// BlueskyReader: Bluesky posts as the AppView returns them (PostView, FeedViewPost: arrays,
// JSON lines, getAuthorFeed / searchPosts responses) and as repository events (Jetstream,
// Tap) (COUNTING.md, rule 27). Internal to core.
#pragma once

#include "json_dom.hpp"
#include "post_builder.hpp"

namespace chorus::core {

class BlueskyReader {
public:
    // A PostView ({uri, author, record, indexedAt}) or a FeedViewPost ({post, reason?, reply?}).
    void ReadView(json::object view, const RecordPlace& place, Dataset& dataset, size_t file);
    // A Jetstream event ({did, time_us, kind, commit}).
    void ReadJetstream(json::object event, const RecordPlace& place, Dataset& dataset, size_t file);
    // A Tap event ({id, type: "record", record: {did, collection, rkey, action, record}}).
    void ReadTap(json::object event, const RecordPlace& place, Dataset& dataset, size_t file);

private:
    // The parts every shape shares: the app.bsky.feed.post record (text, facets, langs, embed, reply).
    void ReadRecord(json::object record, PostRecord& r, bool set_type);
    void ReadCommit(std::string_view did, std::string_view collection, std::string_view rkey,
                    std::string_view operation, const json::object* record, UnixSeconds seen, const RecordPlace& place,
                    Dataset& dataset, size_t file);

    PostBuilder m_post;
};

}  // namespace chorus::core
