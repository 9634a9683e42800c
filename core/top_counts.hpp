// Top counts: the most frequent hashtags, mentions or authors of a dataset.
//
//   auto top = TopCounts(dataset, Field::Hashtag, 20);
//   for (const auto& item : top) printf("%s %llu\n", item.text.c_str(), item.count);
//
// Order: count descending, then text ascending (byte order), so ties are
// stable and the same everywhere. A hashtag or mention counts once per post.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dataset.hpp"

namespace chorus::core {

enum class Field : uint8_t { Hashtag, Mention, Author };

struct TopItem {
    uint32_t id;       // id in the field's dictionary
    std::string text;  // normalised tag, lower-case handle, or author display name
    uint64_t count;
};

// Counts over every post; `k` = how many to return.
std::vector<TopItem> TopCounts(const Dataset& dataset, Field field, size_t k);
// How many distinct values the field has among the posts.
uint64_t DistinctCount(const Dataset& dataset, Field field);

}  // namespace chorus::core
