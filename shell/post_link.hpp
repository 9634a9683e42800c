// The address of a post on its platform, built only from what the dataset holds: the post's id
// (PostIdOf) and the format of the file it came from. Nothing is guessed: when the dataset lacks
// what an address needs, `url` is empty and `why_not` says what is missing.
//
//   PostLink link = LinkToPost(dataset, row);
//   if (!link.url.empty()) platform.OpenInNewTab(link.url);   // only when the user asks
#pragma once

#include <string>

#include "dataset.hpp"

namespace chorus::shell {

struct PostLink {
    std::string url;      // "https://twitter.com/i/web/status/123", or "" when it cannot be built
    std::string why_not;  // when url is empty: what the dataset lacks, in the user's words
};

// Tweets (a numeric id from a twitter-* file): https://twitter.com/i/web/status/ID. Bluesky posts
// (at://DID/app.bsky.feed.post/RKEY): https://bsky.app/profile/DID/post/RKEY. Reddit submissions
// (t3_ID): https://www.reddit.com/comments/ID. Mastodon and any other post whose id is an http(s)
// address: that address.
PostLink LinkToPost(const core::Dataset& dataset, core::RowId row);

}  // namespace chorus::shell
