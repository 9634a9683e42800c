// YouTubeReader: YouTube Data API comments (commentThreads.list / comments.list items) and the
// scraped-comment lines of YoutubeRedditCrawler-style tools (COUNTING.md, rules 29 and 30).
// Internal to core.
#pragma once

#include "json_dom.hpp"
#include "post_builder.hpp"

namespace chorus::core {

class YouTubeReader {
public:
    // An API resource: youtube#commentThread (its top-level comment and any included replies)
    // or youtube#comment.
    void Read(json::object resource, const RecordPlace& place, Dataset& dataset, size_t file);
    // {id, text, author, url, is_reply, parent_id}: one comment, no time.
    void ReadScraped(json::object comment, const RecordPlace& place, Dataset& dataset, size_t file);

private:
    // `replies`: a thread's totalReplyCount, for its top-level comment (kNotGiven for the others).
    void ReadComment(json::object comment, bool reply, const RecordPlace& place, Dataset& dataset, size_t file,
                     int64_t replies = kNotGiven);

    PostBuilder m_post;
};

}  // namespace chorus::core
