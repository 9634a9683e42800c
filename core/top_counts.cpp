#include "top_counts.hpp"

#include <algorithm>

namespace chorus::core {
namespace {

std::vector<uint64_t> CountAll(const Dataset& ds, Field field) {
    std::vector<uint64_t> counts;
    auto rows = static_cast<RowId>(ds.Posts());
    switch (field) {
        case Field::Hashtag:
            counts.assign(ds.Hashtags().Size(), 0);
            for (RowId r = 0; r < rows; ++r)
                for (uint32_t id : ds.HashtagsOf(r))
                    ++counts[id];
            break;
        case Field::Mention:
            counts.assign(ds.Mentions().Size(), 0);
            for (RowId r = 0; r < rows; ++r)
                for (uint32_t id : ds.MentionsOf(r))
                    ++counts[id];
            break;
        case Field::Author:
            counts.assign(ds.Authors().Size(), 0);
            for (RowId r = 0; r < rows; ++r)
                if (uint32_t a = ds.AuthorOf(r); a != Dataset::kNoAuthor) ++counts[a];
            break;
    }
    return counts;
}

std::string TextOf(const Dataset& ds, Field field, uint32_t id) {
    switch (field) {
        case Field::Hashtag: return std::string(ds.HashtagDisplay(id));  // rule 50
        case Field::Mention: return std::string(ds.Mentions().Text(id));
        case Field::Author: return std::string(ds.AuthorName(id));
    }
    return {};
}

}  // namespace

std::vector<TopItem> TopCounts(const Dataset& dataset, Field field, size_t k) {
    std::vector<uint64_t> counts = CountAll(dataset, field);
    std::vector<TopItem> items;
    for (uint32_t id = 0; id < counts.size(); ++id)
        if (counts[id] > 0) items.push_back({id, TextOf(dataset, field, id), counts[id]});
    auto before = [](const TopItem& a, const TopItem& b) {
        return a.count != b.count ? a.count > b.count : a.text < b.text;
    };
    if (items.size() > k) {
        std::partial_sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(k), items.end(), before);
        items.resize(k);
    } else {
        std::sort(items.begin(), items.end(), before);
    }
    return items;
}

uint64_t DistinctCount(const Dataset& dataset, Field field) {
    std::vector<uint64_t> counts = CountAll(dataset, field);
    return static_cast<uint64_t>(std::count_if(counts.begin(), counts.end(), [](uint64_t c) { return c > 0; }));
}

}  // namespace chorus::core
