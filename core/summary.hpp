// Summary: the headline numbers of a dataset, as shown on the page and printed
// by `chorus summary --json` (the two must agree byte for byte).
//
//   chorus::core::Summary s = Summarize(dataset);
//   std::string json = SummaryJson(dataset);   // the stable JSON interface
//
// JSON fields (stable, relied on by tests and outside checks):
//   posts, duplicates, skipped, types{original,retweet,quote,reply}, authors,
//   first, last (UTC, "YYYY-MM-DDTHH:MM:SSZ", null when no post has a time),
//   top_hashtags [[tag, n]...] (10, by count then tag), files [{name, format,
//   posts, ...}], errors [{file, line, reason}...] (at most 100).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "dataset.hpp"
#include "selection.hpp"
#include "top_counts.hpp"

namespace chorus::core {

struct Summary {
    uint64_t posts = 0;
    uint64_t duplicates = 0;
    uint64_t skipped = 0;
    std::array<uint64_t, kPostTypeCount> types{};  // indexed by PostType
    uint64_t authors = 0;                          // distinct author ids among the posts
    UnixSeconds first = kNoTime, last = kNoTime;
    uint64_t no_time = 0;  // posts without a usable time
};

Summary Summarize(const Dataset& dataset);
// The same numbers for the selected posts only (duplicates and skipped stay the dataset's).
Summary Summarize(const Dataset& dataset, const Selection& rows);
std::string SummaryJson(const Dataset& dataset);

inline constexpr size_t kMaxListedErrors = 100;

}  // namespace chorus::core
