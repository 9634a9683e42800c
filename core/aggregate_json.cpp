#include "aggregate_json.hpp"

#include <nlohmann/json.hpp>

#include "time_utc.hpp"
#include "time_zone.hpp"

namespace chorus::core {
namespace {

using nlohmann::ordered_json;

std::string Dump(const ordered_json& j) {
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string TimeSeriesJson(const TimeSeries& series, uint64_t selected_posts, std::string_view query) {
    ordered_json j;
    j["query"] = std::string(query);
    j["bin"] = TimeBinName(series.bin);
    j["tz"] = series.zone.Name();
    j["posts"] = selected_posts;
    j["no_time"] = series.no_time;
    j["outside"] = series.outside;
    ordered_json bins = ordered_json::array();
    for (size_t i = 0; i < series.counts.size(); ++i)
        if (series.zone.IsUtc()) {
            bins.push_back({FormatIsoUtc(series.edges[i]), series.counts[i]});
        } else {  // in a zone: [local start with its offset, count, UTC start]
            bins.push_back(
                {FormatIsoLocal(series.edges[i], series.zone), series.counts[i], FormatIsoUtc(series.edges[i])});
        }
    j["bins"] = std::move(bins);
    return Dump(j);
}

std::string TopListJson(const TopList& top, EntityField field, Amplification include, std::string_view query) {
    return TopListJson(top, std::string_view(EntityFieldName(field)), include, query);
}

std::string TopListJson(const TopList& top, std::string_view field, Amplification include, std::string_view query) {
    ordered_json j;
    j["query"] = std::string(query);
    j["field"] = std::string(field);
    j["include"] = AmplificationName(include);
    j["posts"] = top.posts;
    ordered_json items = ordered_json::array();
    for (const TopItem& item : top.items)
        items.push_back({item.text, item.count});
    j["items"] = std::move(items);
    return Dump(j);
}

std::string PostJson(const Dataset& ds, RowId row) {
    ordered_json j;
    j["row"] = row;
    UnixSeconds t = ds.TimeOf(row);
    j["time"] = t == kNoTime ? ordered_json(nullptr) : ordered_json(FormatIsoUtc(t));
    j["type"] = PostTypeName(ds.TypeOf(row));
    uint32_t author = ds.AuthorOf(row);
    j["author"] =
        author == Dataset::kNoAuthor ? ordered_json(nullptr) : ordered_json(std::string(ds.AuthorName(author)));
    uint32_t lang = ds.LangOf(row);
    j["lang"] = lang == Dataset::kNoLang ? ordered_json(nullptr) : ordered_json(std::string(ds.Languages().Text(lang)));
    j["text"] = ds.Text().Has(row) ? ordered_json(std::string(ds.TextOf(row))) : ordered_json(nullptr);  // rule 84
    const Engagement counts = ds.EngagementCounts().Of(row);
    for (int k = 0; k < kCountKinds; ++k) {
        const int64_t c = counts.counts[static_cast<size_t>(k)];
        j[CountName(static_cast<CountKind>(k))] = c == kNotGiven ? ordered_json(nullptr) : ordered_json(c);
    }
    return Dump(j);
}

}  // namespace chorus::core
