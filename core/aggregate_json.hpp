// JSON forms of query results, shared by the page and `chorus ... --format json` so both print the
// same numbers.
//
//   std::string j = TopListJson(TopK(ds, rows, EntityField::Hashtag, 10), EntityField::Hashtag,
//                               Amplification::Both, "#metoo");
//
// Shapes (stable; times are UTC, "YYYY-MM-DDTHH:MM:SSZ"):
//   TimeSeriesJson: {"query", "bin", "tz": "UTC", "posts", "no_time", "outside",
//                    "bins": [[start, count]...]}            posts = selected posts
//                   in another zone "tz" names it and bins are [[local start with offset, count, UTC start]...]
//                   ("2017-11-05T00:00:00-04:00", 2, "2017-11-05T04:00:00Z")
//   TopListJson:    {"query", "field", "include", "posts", "items": [[text, count]...]}
//   PostJson:       {"row", "time" (null when none), "type", "author", "lang", "text",
//                    "likes", "reposts", "replies", "quotes" (null when not given, rule 91)}   one line
// Invalid UTF-8 in a text is written as U+FFFD.
#pragma once

#include <string>
#include <string_view>

#include "aggregate.hpp"

namespace chorus::core {

std::string TimeSeriesJson(const TimeSeries& series, uint64_t selected_posts, std::string_view query);
std::string TopListJson(const TopList& top, EntityField field, Amplification include, std::string_view query);
// The same for a list named otherwise ("words", "bigrams").
std::string TopListJson(const TopList& top, std::string_view field, Amplification include, std::string_view query);
std::string PostJson(const Dataset& dataset, RowId row);

}  // namespace chorus::core
