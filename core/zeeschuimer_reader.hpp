// ZeeschuimerReader: items captured by Zeeschuimer (4CAT's browser extension), one per line:
// an envelope {item_id, source_platform, timestamp_collected, data} around the platform's own
// object. Read: X / Twitter (GraphQL Tweet), TikTok, Instagram (COUNTING.md, rule 31).
// Internal to core.
#pragma once

#include "json_dom.hpp"
#include "post_builder.hpp"

namespace chorus::core {

class ZeeschuimerReader {
public:
    void Read(json::object item, const RecordPlace& place, Dataset& dataset, size_t file);

private:
    bool ReadTweet(json::object data, PostRecord& r);
    void ReadTikTok(json::object data, PostRecord& r);

    PostBuilder m_post;
};

}  // namespace chorus::core
