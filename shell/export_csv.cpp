#include "export_csv.hpp"

#include <algorithm>
#include <cstdio>

#include "time_utc.hpp"

namespace chorus::shell {
namespace {

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const char* ItemHeader(core::EntityField field) {
    switch (field) {
        case core::EntityField::Hashtag: return "hashtag";
        case core::EntityField::Mention: return "mention";
        case core::EntityField::Author: return "author";
        case core::EntityField::Domain: return "domain";
        case core::EntityField::Link: return "link";
        case core::EntityField::Language: return "language";
        case core::EntityField::Emoji: return "emoji";
        case core::EntityField::Client: return "client";
    }
    return "item";
}

// A count's share of the posts the list counted (rule 116), six decimals: "0.517000".
std::string ShareText(uint64_t count, uint64_t posts) {
    char share[32];
    std::snprintf(share, sizeof share, "%.6f", posts ? static_cast<double>(count) / static_cast<double>(posts) : 0.0);
    return share;
}

}  // namespace

std::string CsvField(std::string_view value, CsvCell kind) {
    std::string cell;
    if (kind == CsvCell::Id || (kind == CsvCell::Text && AllDigits(value))) {
        cell = "\t";
    } else if (kind == CsvCell::Text && !value.empty() &&
               (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
        cell = "'";
    }
    cell += value;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

CsvWriter& CsvWriter::Cell(std::string_view value, CsvCell kind) {
    if (!m_first) m_out += ',';
    m_out += CsvField(value, kind);
    m_first = false;
    return *this;
}

CsvWriter& CsvWriter::EndRecord() {
    m_out += "\r\n";
    m_first = true;
    return *this;
}

std::string TopListCsv(const core::Dataset& dataset, core::EntityField field, const core::TopList& list) {
    const bool author = field == core::EntityField::Author;
    CsvWriter csv;
    csv.Cell("rank").Cell(ItemHeader(field));
    if (author) csv.Cell("author id");
    csv.Cell("posts").Cell("share of selection").EndRecord();
    for (size_t i = 0; i < list.items.size(); ++i) {
        const core::TopItem& item = list.items[i];
        csv.Cell(std::to_string(i + 1), CsvCell::Number).Cell(item.text);
        if (author) {
            csv.Cell(item.id < dataset.Authors().Size() ? dataset.Authors().Text(item.id) : std::string_view(),
                     CsvCell::Id);
        }
        csv.Cell(std::to_string(item.count), CsvCell::Number)
            .Cell(ShareText(item.count, list.posts), CsvCell::Number)
            .EndRecord();
    }
    return csv.Take();
}

std::string TopListCsv(std::string_view item_header, const core::TopList& list) {
    CsvWriter csv;
    csv.Cell("rank").Cell(item_header).Cell("posts").Cell("share of selection").EndRecord();
    for (size_t i = 0; i < list.items.size(); ++i) {
        const core::TopItem& item = list.items[i];
        csv.Cell(std::to_string(i + 1), CsvCell::Number).Cell(item.text);
        csv.Cell(std::to_string(item.count), CsvCell::Number)
            .Cell(ShareText(item.count, list.posts), CsvCell::Number)
            .EndRecord();
    }
    return csv.Take();
}

std::string TimelineCsv(const core::TimeBins& selected, const core::TimeBins& all, const core::TimeZone& zone) {
    CsvWriter csv;
    const std::string in = " (" + zone.Name() + ")";  // " (UTC)", " (America/New_York)"
    csv.Cell("bin start" + in).Cell("bin end" + in).Cell("posts in selection").Cell("posts in all").EndRecord();
    auto format = [&](core::UnixSeconds t) {
        return zone.IsUtc() ? core::FormatIsoUtc(t) : core::FormatIsoLocal(t, zone);
    };
    const bool has_edges = selected.edges.size() == selected.counts.size() + 1;
    for (size_t i = 0; i < selected.counts.size(); ++i) {
        // The bin's edges (a zone's 23- and 25-hour days); bins made without edges are `step` wide.
        core::UnixSeconds start =
            has_edges ? selected.edges[i] : selected.start + static_cast<int64_t>(i) * selected.step;
        core::UnixSeconds end = has_edges ? selected.edges[i + 1] : start + selected.step;
        uint64_t in_all = all.counts.empty() ? selected.counts[i] : (i < all.counts.size() ? all.counts[i] : 0);
        csv.Cell(format(start))
            .Cell(format(end))
            .Cell(std::to_string(selected.counts[i]), CsvCell::Number)
            .Cell(std::to_string(in_all), CsvCell::Number)
            .EndRecord();
    }
    return csv.Take();
}

std::string ExportFileName(std::string_view what, std::string_view query, std::string_view extension) {
    std::string slug;
    for (char c : query) {
        if (slug.size() >= 60) break;
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
            keep = true;
        }
        if (keep) {
            slug += c;
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    if (slug.empty()) slug = query.find_first_not_of(" \t") == std::string_view::npos ? "all" : "query";
    return "chorus-" + std::string(what) + "-" + slug + "." + std::string(extension);
}

std::string ListClipboardText(std::string_view item_header, const core::TopList& list,
                              const std::vector<size_t>& order) {
    std::string out = "rank\t" + std::string(item_header) + "\tposts\tshare of selection\n";
    for (size_t i : order) {
        if (i >= list.items.size()) continue;
        out += std::to_string(i + 1) + "\t" + list.items[i].text + "\t" + std::to_string(list.items[i].count) + "\t" +
               ShareText(list.items[i].count, list.posts) + "\n";
    }
    return out;
}

}  // namespace chorus::shell
