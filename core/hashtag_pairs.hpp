// Hashtag pairs: which hashtags are used together, over a Selection (`chorus top --field cohashtags`).
//
//   PairList pairs = TopHashtagPairs(dataset, rows, 10, Amplification::Both);
//   for (const HashtagPair& p : pairs.items) ... p.first, p.second, p.count ...
//
// A post with n distinct hashtags adds one to each of its n(n-1)/2 pairs, once per post; a pair is
// unordered (its key is the two dictionary ids, smaller first) and shown with its texts in byte
// order. Order: count descending, then first text, then second text. Rule A5 in COUNTING.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate.hpp"

namespace chorus::core {

struct HashtagPair {
    std::string first, second;  // normalised tags, first < second (byte order)
    uint64_t count = 0;         // selected posts holding both
};

struct PairList {
    std::vector<HashtagPair> items;  // at most k
    uint64_t posts = 0;              // selected posts the toggle let through
};

PairList TopHashtagPairs(const Dataset& dataset, const Selection& rows, size_t k,
                         Amplification amplification = Amplification::Both);

// {"query", "field": "cohashtags", "include", "posts", "items": [[first, second, count]...]}
std::string PairListJson(const PairList& pairs, Amplification include, std::string_view query);

}  // namespace chorus::core
