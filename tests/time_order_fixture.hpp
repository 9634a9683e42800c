// Posts for the time-order tests (core_time_order_test.cpp, explorer_time_order_test.cpp): times out of row
// order, many equal times (four a hour over 2,000 hours), about 1 in 12 without a time, a burst (hour 1000)
// that makes peaks (by hour and by day), hashtags, authors and links whose shares move.
#pragma once

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "dataset.hpp"

namespace chorus::test {

inline constexpr core::UnixSeconds kOrderStart = 1704067200;  // 2024-01-01T00:00:00Z

inline void FillTimeOrderPosts(core::Dataset& ds, size_t posts, uint32_t seed = 7) {
    const size_t file = ds.BeginFile("time order");
    std::mt19937 rng(seed);
    std::vector<std::string> authors, tags, links;  // PostRecord holds views of these
    for (size_t k = 0; k < 40; ++k)
        authors.push_back("user" + std::to_string(k));
    for (size_t k = 0; k < 20; ++k)
        tags.push_back("tag" + std::to_string(k));
    for (size_t k = 0; k < 6; ++k)
        links.push_back("https://site" + std::to_string(k) + ".example/p");
    core::PostRecord r;
    for (size_t i = 0; i < posts; ++i) {
        r.Clear();
        const std::string id = std::to_string(5000000 + i), text = "post " + std::to_string(i % 13);
        r.id = id;
        const bool burst = rng() % 8 == 0;
        if (rng() % 12 != 0) {
            const core::UnixSeconds hour = burst ? 1000 : static_cast<core::UnixSeconds>(rng() % 2000);
            r.time = kOrderStart + hour * 3600 + static_cast<core::UnixSeconds>(rng() % 4) * 900;
        }
        r.type = static_cast<core::PostType>(rng() % core::kPostTypeCount);
        r.author_id = authors[burst ? rng() % 3 : rng() % authors.size()];
        r.author_name = r.author_id;
        r.lang = rng() % 3 ? "en" : "fr";
        r.text = text;
        if (burst) r.hashtags.push_back(tags[0]);
        for (size_t t = rng() % 3; t > 0; --t)
            r.hashtags.push_back(tags[rng() % tags.size()]);
        if (rng() % 2) r.links.push_back(links[burst ? 0 : rng() % links.size()]);
        REQUIRE(ds.Add(r, file, i + 1) == core::Dataset::AddResult::Added);
    }
}

// The selection's rows with a time, by time then row (as Dataset::SortedTimes() orders them).
inline std::vector<core::RowId> InTimeOrder(const core::Dataset& ds, const core::Selection& rows) {
    std::vector<core::RowId> out;
    const core::SortedTimesView sorted = ds.SortedTimes();
    for (size_t i = 0; i < sorted.size(); ++i)
        if (rows.Contains(sorted.RowAt(i))) out.push_back(sorted.RowAt(i));
    return out;
}

}  // namespace chorus::test
