#include "hashtag_pairs.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace chorus::core {

PairList TopHashtagPairs(const Dataset& ds, const Selection& rows, size_t k, Amplification amplification) {
    PairList out;
    std::unordered_map<uint64_t, uint64_t> counts;
    rows.ForEach([&](RowId row) {
        if (!CountsToward(ds.TypeOf(row), amplification)) return;
        ++out.posts;
        std::span<const uint32_t> tags = ds.HashtagsOf(row);  // distinct ids (Dataset invariant)
        for (size_t i = 0; i < tags.size(); ++i)
            for (size_t j = i + 1; j < tags.size(); ++j) {
                uint32_t a = std::min(tags[i], tags[j]), b = std::max(tags[i], tags[j]);
                ++counts[uint64_t{a} << 32 | b];
            }
    });
    std::vector<HashtagPair> all;
    all.reserve(counts.size());
    for (const auto& [key, n] : counts) {
        std::string_view a = ds.Hashtags().Text(static_cast<uint32_t>(key >> 32));
        std::string_view b = ds.Hashtags().Text(static_cast<uint32_t>(key & 0xFFFFFFFFu));
        if (b < a) std::swap(a, b);
        all.push_back({std::string(a), std::string(b), n});
    }
    auto before = [](const HashtagPair& x, const HashtagPair& y) {
        if (x.count != y.count) return x.count > y.count;
        if (x.first != y.first) return x.first < y.first;
        return x.second < y.second;
    };
    size_t keep = std::min(k, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(), before);
    all.resize(keep);
    out.items = std::move(all);
    return out;
}

std::string PairListJson(const PairList& pairs, Amplification include, std::string_view query) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["query"] = std::string(query);
    j["field"] = "cohashtags";
    j["include"] = AmplificationName(include);
    j["posts"] = pairs.posts;
    ordered_json items = ordered_json::array();
    for (const HashtagPair& p : pairs.items)
        items.push_back({p.first, p.second, p.count});
    j["items"] = std::move(items);
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace chorus::core
