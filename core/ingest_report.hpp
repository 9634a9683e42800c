// IngestReport: what a load did with every record of one file.
//
// Nothing is dropped without a count: each record ends as a post, a duplicate,
// or a skipped record with a reason. The first kMaxProblems problems keep
// their place (line) so a user can find them in the file.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace chorus::core {

// Why a record was skipped or is incomplete. Documented in COUNTING.md.
enum class Problem : uint8_t {
    InvalidJson,       // the line is not valid JSON (includes a truncated last line)
    NotAPost,          // valid JSON, but not a post of a known shape
    DeleteNotice,      // Twitter stream `delete` notice: skipped, not an error
    LimitNotice,       // Twitter stream `limit` notice: skipped, not an error
    ApiError,          // a line holding only API `errors[]` (twarc2): no post in it
    ApiNote,           // a page's `errors[]` beside its posts (e.g. a deleted referenced post): listed, nothing skipped
    NoId,              // a post without a usable id: kept, not de-duplicated
    NoTime,            // a post without a usable time: kept, out of timelines
    NoAuthor,          // a post without an author id: kept, not in author counts
    Cancelled,         // the user cancelled the load: the rest of the file was not read
    TooLarge,          // a JSON document (or one line) above Ingest's size limit: not read, nothing else lost
    Context,           // a record read for context only (an archive's account, a Mastodon actor): counted, not listed
    CsvUnmapped,       // a CSV file whose header names no text or no time column: every row skipped (listed once)
    TranscodedCp1252,  // a CSV record that was not valid UTF-8, read as Windows-1252: kept, counted, not listed
    InvalidUtf16,      // a UTF-16 file's unpaired surrogate (or odd last byte), replaced by U+FFFD: counted, not listed
    Archive,           // a compressed file or archive entry that could not be read on (truncated, damaged, encrypted,
                       // an unsupported method): what came before stays (rule 39)
};
const char* ProblemName(Problem problem);  // stable machine name, e.g. "invalid_json"
bool ProblemSkipsRecord(Problem problem);  // true when the record was not added as a post
bool ProblemIsNotice(Problem problem);     // stream notices and context records: counted, not listed as errors

// Where a record is in its file. JSON lines: the line. A JSON document: the line where the
// record starts and its 1-based position in the document's list of records (COUNTING.md, rule 19).
struct RecordPlace {
    uint64_t line = 0;  // 1-based line number (0 when unknown)
    uint64_t item = 0;  // 1-based position in a document's list; 0 for JSON lines
};

struct ProblemEntry {
    Problem problem;
    uint64_t line;       // 1-based line number in the file (0 when not line-based)
    std::string detail;  // human-readable reason (starts with "item N: " for a document's records)
    uint64_t item = 0;   // 1-based position in a document's list of records; 0 for JSON lines
};

struct IngestReport {
    std::string name;    // file name as the user gave it
    std::string format;  // detected format, e.g. "twitter-v1.1-jsonl"
    uint64_t bytes = 0;
    uint64_t lines = 0;  // records read: non-blank lines, or the records of a JSON document
    uint64_t posts = 0;  // posts added
    uint64_t duplicates = 0;
    uint64_t skipped = 0;  // records not added (notices + errors)
    bool cancelled = false;
    std::map<Problem, uint64_t> counts;  // every problem, counted
    std::vector<ProblemEntry> problems;  // the first kMaxProblems non-notice problems

    static constexpr size_t kMaxProblems = 100;
    void Add(Problem problem, uint64_t line, std::string detail);
    void Add(Problem problem, const RecordPlace& place, std::string detail);
};

}  // namespace chorus::core
