// RedditReader: Pushshift dumps of Reddit submissions and comments, one per record
// (COUNTING.md, rule 28). Internal to core.
#pragma once

#include "json_dom.hpp"
#include "post_builder.hpp"

namespace chorus::core {

class RedditReader {
public:
    void Read(json::object thing, const RecordPlace& place, Dataset& dataset, size_t file);

private:
    PostBuilder m_post;
};

}  // namespace chorus::core
