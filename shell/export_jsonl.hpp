// JSON lines export of selected posts, produced in chunks so that millions of posts never make one
// giant string: the platform appends each chunk to its file (a Blob's parts in the browser).
//
//   PostsJsonl posts(dataset, rows);
//   std::string chunk;
//   while (posts.Next(chunk)) file.append(chunk);
//
// One object per line, in `rows` order:
//   {"id":"123","time":"2017-10-16T14:00:00Z","type":"retweet","author_id":"42","author":"alice",
//    "lang":"en","text":"...","hashtags":["metoo"],"mentions":["bob"],"links":["https://..."],
//    "likes":12,"reposts":3,"replies":null,"quotes":null}
// Counts are as the source gave them when collected; null when it gave none (COUNTING.md, rule 91).
// Ids are strings (a JavaScript number would lose digits past 2^53); a missing time, author or
// language is null, a missing id is "". Text that is not valid UTF-8 gets U+FFFD in its place.
// The dataset must outlive the producer and not change while it runs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dataset.hpp"

namespace chorus::shell {

class PostsJsonl {
public:
    PostsJsonl(const core::Dataset& dataset, std::vector<core::RowId> rows)
        : m_dataset(dataset), m_rows(std::move(rows)) {}
    // Replaces `chunk` with the next whole lines, about `target_bytes` of them (at least one line);
    // false, with `chunk` empty, when every row was written.
    bool Next(std::string& chunk, size_t target_bytes = size_t{1} << 20);
    size_t Rows() const { return m_rows.size(); }

private:
    const core::Dataset& m_dataset;
    std::vector<core::RowId> m_rows;
    size_t m_next = 0;
};

// One post's line, with its '\n'.
std::string PostJsonLine(const core::Dataset& dataset, core::RowId row);

}  // namespace chorus::shell
