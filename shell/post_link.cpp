#include "post_link.hpp"

#include <algorithm>
#include <string_view>

namespace chorus::shell {
namespace {

// The format of the file that added `row`: files add their posts one after another, so the rows
// of file i follow those of the files before it. "" when the report does not account for every row.
std::string_view FormatOf(const core::Dataset& dataset, core::RowId row) {
    uint64_t first = 0;
    const auto& files = dataset.Files();
    uint64_t total = 0;
    for (const core::IngestReport& file : files)
        total += file.posts;
    if (total != dataset.Posts()) return {};
    for (const core::IngestReport& file : files) {
        if (row < first + file.posts) return file.format;
        first += file.posts;
    }
    return {};
}

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

PostLink LinkToPost(const core::Dataset& dataset, core::RowId row) {
    if (row >= dataset.Posts()) return {"", "no such post"};
    const std::string id = dataset.PostIdOf(row);
    if (id.empty()) return {"", "the dataset holds no id for this post"};
    const std::string_view v = id;
    if (v.starts_with("https://") || v.starts_with("http://")) return {id, ""};
    constexpr std::string_view kBluesky = "at://";
    constexpr std::string_view kBlueskyPost = "/app.bsky.feed.post/";
    if (v.starts_with(kBluesky)) {
        const size_t at = v.find(kBlueskyPost);
        if (at == std::string_view::npos || at <= kBluesky.size())
            return {"", "a Bluesky repost or record with no page of its own"};
        const std::string_view did = v.substr(kBluesky.size(), at - kBluesky.size());
        const std::string_view rkey = v.substr(at + kBlueskyPost.size());
        return {"https://bsky.app/profile/" + std::string(did) + "/post/" + std::string(rkey), ""};
    }
    if (v.starts_with("t3_") && v.size() > 3) return {"https://www.reddit.com/comments/" + id.substr(3), ""};
    if (v.starts_with("t1_"))
        return {"", "the dataset keeps no address for Reddit comments (their thread is not kept)"};
    const std::string_view format = FormatOf(dataset, row);
    if (AllDigits(v) && format.starts_with("twitter")) return {"https://twitter.com/i/web/status/" + id, ""};
    if (format.empty()) return {"", "the dataset does not say which platform this post is from"};
    return {"", "no address can be built for a post of " + std::string(format) + " from what the dataset holds"};
}

}  // namespace chorus::shell
