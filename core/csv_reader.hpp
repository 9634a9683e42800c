// CsvReader: tweet and post CSV files (RFC 4180) to posts (COUNTING.md, rules 36-38).
//
// A file is CSV when its first line is a header naming known columns (DetectCsvHeader). The
// columns are then mapped by name (twarc-csv, rtweet/twitteR, Kaggle tweet CSVs, the old Twitter
// archive tweets.csv, twitwi's Bluesky export); a caller may give its own mapping instead
// (CsvColumns, e.g. from a mapping UI). Records are read as the bytes arrive: quoted fields may
// hold the delimiter, doubled quotes and line breaks.
//
//   CsvHeader h;
//   if (DetectCsvHeader(first_line, h)) {
//       CsvReader csv(dataset);
//       csv.BeginFile(file, h, std::nullopt);   // or the caller's CsvColumns
//       csv.Feed(bytes, n); ... csv.EndFile();
//   }
#pragma once

#include <array>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_split.hpp"
#include "dataset.hpp"
#include "post_builder.hpp"

namespace chorus::core {

// Column indices (0-based) of one CSV file; -1: not in the file.
struct CsvColumns {
    int id = -1;           // post id: digits (Twitter) or an at:// URI (Bluesky)
    int time = -1;         // creation time (rule 37)
    int text = -1;         // the post's text
    int author_id = -1;    // account id
    int author_name = -1;  // screen name / handle (also the id when there is no id column)
    int lang = -1;
    int client = -1;             // source / statusSource: the client, an HTML anchor or its name (rule 52)
    int type = -1;               // twarc-csv `type`: retweeted, quoted, replied_to
    int referenced = -1;         // twarc-csv `referenced_tweets` (JSON)
    int retweet = -1;            // set: a retweet (isRetweet, retweeted_status_id, repost_by_user_did)
    int quote = -1;              // set: a quote (quoted_status_id, quoted_uri)
    int reply = -1;              // set: a reply (replyToSID, in_reply_to_status_id, to_post_uri)
    int hashtags = -1;           // hashtags column: JSON entity list or `|`-separated tags
    int retweeter_id = -1;       // Bluesky repost_by_user_did: the retweet's author
    int retweeter_name = -1;     // Bluesky repost_by_user_handle
    bool archive_owner = false;  // Twitter archive tweets.csv: posts by the archive's owner (rule 24)
    std::array<int, kCountKinds> counts{-1, -1, -1, -1};  // likes, reposts, replies, quotes (rule 91)
    // Text and time are needed; without them every row is skipped as csv_unmapped.
    bool Usable() const { return text >= 0 && time >= 0; }
};

// A mapping as text (its column numbers, comma-separated) and back: how the page hands a mapping chosen
// in its explorer to the ingest workers. False when `text` is not such a list.
std::string CsvColumnsText(const CsvColumns& columns);
bool CsvColumnsFromText(std::string_view text, CsvColumns& columns);

// Maps a header row by its names (case-insensitive).
CsvColumns MapCsvColumns(const std::vector<std::string>& header);

struct CsvHeader {
    char delimiter = ',';
    bool wrapped = false;     // every record is one quoted field (Excel re-save), read again as a record
    bool headerless = false;  // tweepy's `time,b'text'` rows: no header, the first line is a record
    std::vector<std::string> names;
    std::string format;  // the report's format name
};
// True when `line` (the file's first line, without its line break) is a CSV header: at least two
// cells, each a short name without JSON brackets, one of them a known column name.
bool DetectCsvHeader(std::string_view line, CsvHeader& header);

// The header names listed by a `csv_unmapped` problem's detail, in column order (for a mapping UI).
std::vector<std::string> CsvUnmappedNames(std::string_view detail);

// Cuts one complete CSV record (no trailing line break needed) into fields.
std::vector<std::string> SplitCsvRecord(std::string_view record, char delimiter);

// A Python bytes literal b'...' / b"..." decoded (\xNN \n \r \t \\ \' \"), else the text unchanged.
std::string DecodeBytesLiteral(std::string_view cell);

class CsvReader : private CsvSplitter::Sink {
public:
    explicit CsvReader(Dataset& dataset) : m_dataset(dataset) {}
    void BeginFile(size_t file, const CsvHeader& header, std::optional<CsvColumns> columns);
    void Feed(const char* data, size_t size);
    void EndFile();

private:
    void Record(const std::vector<std::string_view>& cells, uint64_t line) override;
    void ReadRow(uint64_t line);  // the record in m_row

    Dataset& m_dataset;
    size_t m_file = 0;
    CsvHeader m_header;
    CsvColumns m_columns;
    bool m_header_done = false;
    bool m_rt_prefix = false;  // no type columns: text starting "RT @" is a retweet
    CsvSplitter m_split;
    std::vector<std::string_view> m_row;   // the record's cells (views valid during ReadRow)
    std::deque<std::string> m_recoded;     // cells read as Windows-1252
    std::vector<std::string> m_unwrapped;  // wrapped: the record read again
    std::string m_pending;                 // wrapped: a record whose quote is still open, waiting for the next one
    size_t m_pending_parts = 0;
    uint64_t m_pending_line = 0;
    bool m_pending_recoded = false;
    bool m_flushing = false;
    PostBuilder m_post;
};

}  // namespace chorus::core
