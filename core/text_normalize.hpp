// Text normalisation for entity keys (hashtags, mentions).
//
//   std::string key;
//   NormalizeHashtag("#MeToo", key);   // key == "metoo"
//   NormalizeHashtag("ＭｅＴｏｏ", key);  // key == "metoo" (NFKC folds full-width)
//
// Rules (COUNTING.md, "Hashtags"): strip one leading '#' (or '＃'), apply
// Unicode NFKC, then full case folding, then trim white space. Invalid UTF-8
// is replaced by U+FFFD first. ASCII input takes a fast path with the same result.
#pragma once

#include <string>
#include <string_view>

namespace chorus::core {

void NormalizeHashtag(std::string_view raw, std::string& out);
// A hashtag as written, for display: one leading '#' (or '＃') removed and ASCII white space trimmed;
// nothing else changes ("#MeToo " -> "MeToo"). A view into `raw`.
std::string_view HashtagSpelling(std::string_view raw);
// Mentions: strip one leading '@', ASCII lower-case (handles are ASCII on Twitter;
// other scripts go through the same NFKC + case fold as hashtags).
void NormalizeMention(std::string_view raw, std::string& out);

}  // namespace chorus::core
