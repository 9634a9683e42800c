#include "summary.hpp"

#include <nlohmann/json.hpp>

#include "time_utc.hpp"

namespace chorus::core {

Summary Summarize(const Dataset& ds) {
    Summary s;
    s.posts = ds.Posts();
    s.duplicates = ds.Duplicates();
    s.skipped = ds.Skipped();
    for (RowId r = 0; r < ds.Posts(); ++r) {
        ++s.types[static_cast<size_t>(ds.TypeOf(r))];
        if (ds.TimeOf(r) == kNoTime) ++s.no_time;
    }
    s.authors = DistinctCount(ds, Field::Author);
    const auto& times = ds.SortedTimes();
    if (!times.empty()) {
        s.first = times.front();
        s.last = times.back();
    }
    return s;
}

Summary Summarize(const Dataset& ds, const Selection& rows) {
    Summary s;
    s.duplicates = ds.Duplicates();
    s.skipped = ds.Skipped();
    std::vector<bool> seen(ds.Authors().Size());
    rows.ForEach([&](RowId row) {
        ++s.posts;
        ++s.types[static_cast<size_t>(ds.TypeOf(row))];
        uint32_t author = ds.AuthorOf(row);
        if (author != Dataset::kNoAuthor && !seen[author]) {
            seen[author] = true;
            ++s.authors;
        }
        UnixSeconds t = ds.TimeOf(row);
        if (t == kNoTime) {
            ++s.no_time;
            return;
        }
        if (s.first == kNoTime || t < s.first) s.first = t;
        if (s.last == kNoTime || t > s.last) s.last = t;
    });
    return s;
}

std::string SummaryJson(const Dataset& ds) {
    using nlohmann::ordered_json;
    Summary s = Summarize(ds);
    ordered_json j;
    j["posts"] = s.posts;
    j["duplicates"] = s.duplicates;
    j["skipped"] = s.skipped;
    ordered_json types;
    for (int t = 0; t < kPostTypeCount; ++t)
        types[PostTypeName(static_cast<PostType>(t))] = s.types[static_cast<size_t>(t)];
    j["types"] = types;
    j["authors"] = s.authors;
    j["first"] = s.first == kNoTime ? ordered_json(nullptr) : ordered_json(FormatIsoUtc(s.first));
    j["last"] = s.last == kNoTime ? ordered_json(nullptr) : ordered_json(FormatIsoUtc(s.last));
    j["no_time"] = s.no_time;
    ordered_json top = ordered_json::array();
    for (const TopItem& item : TopCounts(ds, Field::Hashtag, 10))
        top.push_back({item.text, item.count});
    j["top_hashtags"] = top;
    ordered_json files = ordered_json::array();
    ordered_json errors = ordered_json::array();
    for (const IngestReport& f : ds.Files()) {
        ordered_json counts = ordered_json::object();
        for (const auto& [problem, n] : f.counts)
            counts[ProblemName(problem)] = n;
        files.push_back({{"name", f.name},
                         {"format", f.format.empty() ? "unknown" : f.format},
                         {"posts", f.posts},
                         {"records", f.lines},
                         {"duplicates", f.duplicates},
                         {"skipped", f.skipped},
                         {"bytes", f.bytes},
                         {"cancelled", f.cancelled},
                         {"problems", counts}});
        for (const ProblemEntry& p : f.problems) {
            if (errors.size() >= kMaxListedErrors) break;
            ordered_json error = {{"file", f.name}, {"line", p.line}};
            if (p.item > 0) error["item"] = p.item;  // a JSON document's record, by its place in the list
            error["kind"] = ProblemName(p.problem);
            error["reason"] = p.detail;
            errors.push_back(std::move(error));
        }
    }
    j["files"] = files;
    j["errors"] = errors;
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace chorus::core
