// CSV exports of what the explorer shows: a top list and the timeline's bins, as files that open
// correctly in Excel (and read back in LibreOffice, pandas, R) with nothing lost.
//
//   std::string csv = TopListCsv(dataset, EntityField::Hashtag, explorer_list);
//   std::string bins = TimelineCsv(selected_bins, all_bins);
//   std::string name = ExportFileName("hashtags", "#metoo lang:fr", "csv");  // chorus-hashtags-metoo-lang-fr.csv
//
// Conventions (every CSV written here):
// - UTF-8 with a byte-order mark (EF BB BF): without it Excel reads the file as the system's
//   ANSI code page and turns every non-ASCII name into mojibake.
// - CRLF after every record, the last one included (RFC 4180).
// - A cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled (RFC 4180); a
//   newline inside a post stays inside its cell.
// - Ids, and text that consists of digits only (a hashtag "2017", a numeric handle), start with a
//   TAB: Excel would otherwise read them as numbers, printing an 18-digit id as 1.23457E+17 and
//   losing its last digits, or dropping a leading zero. A leading tab makes Excel keep the cell as
//   text and shows nothing; the digits are intact after trimming whitespace in any other tool. We
//   chose it over `="123"` because that is a formula: other tools read it literally, and it is exactly
//   what the formula guard below exists to prevent.
// - Formula guard (CSV injection): a text cell that starts with = + - or @ gets a leading single
//   quote ('), so a hashtag or a name like "=HYPERLINK(...)" is shown, never evaluated. The quote is
//   visible in the cell; it marks the value as changed. Numbers we compute are never guarded.
#pragma once

#include <string>
#include <string_view>

#include "aggregate.hpp"
#include "dataset.hpp"
#include "entity_field.hpp"
#include "timeline.hpp"

namespace chorus::shell {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

enum class CsvCell : uint8_t {
    Text,    // free text: formula-guarded; digits-only text kept as text
    Id,      // an identifier: always kept as text (leading tab)
    Number,  // a number we computed: written as is
};

// One cell, quoted and guarded as the conventions above say.
std::string CsvField(std::string_view value, CsvCell kind = CsvCell::Text);

// Builds a CSV file: the BOM, then records of cells.
class CsvWriter {
public:
    CsvWriter() : m_out(kUtf8Bom) {}
    CsvWriter& Cell(std::string_view value, CsvCell kind = CsvCell::Text);
    CsvWriter& EndRecord();
    const std::string& Bytes() const { return m_out; }
    std::string Take() { return std::move(m_out); }

private:
    std::string m_out;
    bool m_first = true;  // no cell yet in the current record
};

// rank, <item>, [author id,] posts, share of selection: one row per item of the list, as the explorer
// shows it. The share is the item's posts over the posts the list counted (TopList::posts), in [0, 1].
std::string TopListCsv(const core::Dataset& dataset, core::EntityField field, const core::TopList& list);
// The same for a list of plain values (words, bigrams), `item_header` naming the value column.
std::string TopListCsv(std::string_view item_header, const core::TopList& list);
// The list's rows in `order` (indices of list.items) as tab-separated lines after a header (rank, `item_header`,
// posts, share of selection as in TopListCsv), for the clipboard: a spreadsheet pastes it as columns.
std::string ListClipboardText(std::string_view item_header, const core::TopList& list,
                              const std::vector<size_t>& order);

// bin start (UTC), bin end (UTC), posts in selection, posts in all: one row per bin of the timeline.
// `selected` and `all` are the same bins (start, step, count); `all` may be empty (then it repeats
// `selected`: no query).
// Bin edges are written on the zone's clock with their offset ("2017-11-05T00:00:00-04:00"; "...Z" in UTC).
std::string TimelineCsv(const core::TimeBins& selected, const core::TimeBins& all, const core::TimeZone& zone = {});

// "chorus-<what>-<query>.<extension>": the query reduced to lower-case ASCII letters, digits and
// dashes (at most 60), "all" for an empty query, "query" when nothing of it is left.
std::string ExportFileName(std::string_view what, std::string_view query, std::string_view extension);

}  // namespace chorus::shell
