// GnipReader: Twitter as Gnip's Activity Streams (COUNTING.md, rule 25), one activity per record.
// Internal to core.
#pragma once

#include "json_dom.hpp"
#include "post_builder.hpp"

namespace chorus::core {

class GnipReader {
public:
    void Read(json::object activity, const RecordPlace& place, Dataset& dataset, size_t file);

private:
    PostBuilder m_post;
};

}  // namespace chorus::core
