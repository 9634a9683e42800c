#include "export_jsonl.hpp"

#include <nlohmann/json.hpp>

#include "time_utc.hpp"

namespace chorus::shell {
namespace {

nlohmann::json Texts(const core::Dictionary& dictionary, std::span<const uint32_t> ids) {
    nlohmann::json list = nlohmann::json::array();
    for (uint32_t id : ids)
        list.push_back(std::string(dictionary.Text(id)));
    return list;
}

}  // namespace

std::string PostJsonLine(const core::Dataset& ds, core::RowId row) {
    nlohmann::ordered_json post;
    post["id"] = ds.PostIdOf(row);
    core::UnixSeconds t = ds.TimeOf(row);
    post["time"] = t == core::kNoTime ? nlohmann::ordered_json() : nlohmann::ordered_json(core::FormatIsoUtc(t));
    post["type"] = core::PostTypeName(ds.TypeOf(row));
    uint32_t author = ds.AuthorOf(row);
    if (author == core::Dataset::kNoAuthor) {
        post["author_id"] = nullptr;
        post["author"] = nullptr;
    } else {
        post["author_id"] = std::string(ds.Authors().Text(author));
        post["author"] = std::string(ds.AuthorName(author));
    }
    uint32_t lang = ds.LangOf(row);
    post["lang"] = lang == core::Dataset::kNoLang ? nlohmann::ordered_json()
                                                  : nlohmann::ordered_json(std::string(ds.Languages().Text(lang)));
    // Text left on disk and not read back (COUNTING.md, rule 84) is null, never an empty text.
    post["text"] = ds.Text().Has(row) ? nlohmann::ordered_json(std::string(ds.TextOf(row))) : nlohmann::ordered_json();
    post["hashtags"] = Texts(ds.Hashtags(), ds.HashtagsOf(row));
    post["mentions"] = Texts(ds.Mentions(), ds.MentionsOf(row));
    post["links"] = Texts(ds.Links(), ds.LinksOf(row));
    const core::Engagement counts = ds.EngagementCounts().Of(row);
    for (int k = 0; k < core::kCountKinds; ++k) {
        const int64_t c = counts.counts[static_cast<size_t>(k)];
        post[core::CountName(static_cast<core::CountKind>(k))] =
            c == core::kNotGiven ? nlohmann::ordered_json() : nlohmann::ordered_json(c);
    }
    return post.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool PostsJsonl::Next(std::string& chunk, size_t target_bytes) {
    chunk.clear();
    while (m_next < m_rows.size() && (chunk.empty() || chunk.size() < target_bytes)) {
        core::RowId row = m_rows[m_next++];
        if (row < m_dataset.Posts()) chunk += PostJsonLine(m_dataset, row);
    }
    return !chunk.empty();
}

}  // namespace chorus::shell
