// Ingest: turns the bytes of a dump, fed in slices of any size, into posts.
//
// The caller streams each file through BeginFile / Feed / EndFile. The first bytes decide how
// the file holds its records (COUNTING.md, rule 18): JSON lines are read as they arrive, line by
// line across slice boundaries; one JSON document (an array, a pretty-printed object, a Twitter
// archive's `window.YTD.tweets.part0 = [...]`) is kept whole, up to DocumentLimit() bytes, and
// read at EndFile. Each record goes to the reader of its format (rule 22) and lands in the
// Dataset; everything else lands in the file's IngestReport. The browser feeds one reused buffer
// per slice, the CLI reads with stdio.
//
//   chorus::core::Dataset ds;
//   chorus::core::Ingest ingest(ds);
//   ingest.BeginFile("a.jsonl");
//   ingest.Feed(buf, n);   // buf[n .. n + Ingest::kPadding) must be readable
//   ingest.EndFile();
//
// Formats read here (COUNTING.md, rule 22): Twitter v1.1 (JSONL, search responses, Gnip
// original and Activity Streams), twarc2 (pages, stream lines, flattened lines), Twitter
// archives (tweets.js, tweet.js, Grailbird), Mastodon (outbox.json + actor.json, REST
// statuses), Bluesky (PostView / FeedViewPost, feed and search responses, Jetstream, Tap),
// Reddit (Pushshift), YouTube (commentThreads, scraped comments), Zeeschuimer (X, TikTok,
// Instagram), tweet and post CSVs (rules 36-38). Files starting with a UTF-16 byte order mark
// are transcoded to UTF-8 as they stream (rule 36); files starting with zstd's magic are decoded
// as they stream (rule 39, zstd_stream.hpp), in the CLI and in the page alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "csv_reader.hpp"
#include "dataset.hpp"

namespace chorus::core {

enum class Container : uint8_t;  // format_detect.hpp

class Ingest {
public:
    // Bytes past the end of each slice that Feed() may read (never writes).
    static constexpr size_t kPadding = 64;
    // The largest JSON document (and the longest JSON line) read; beyond it the report says
    // `too_large` and the rest of the document (or line) is not read.
    static constexpr size_t kDocumentLimit = size_t{512} << 20;

    explicit Ingest(Dataset& dataset);
    ~Ingest();
    Ingest(const Ingest&) = delete;
    Ingest& operator=(const Ingest&) = delete;

    void BeginFile(std::string name);
    void Feed(const char* data, size_t size);
    // Reads the last line if the file did not end in a newline, or the whole JSON document.
    void EndFile();
    // Stops the current file: what was read stays, the report says "cancelled".
    void CancelFile();

    // Adds a problem that belongs to the whole current file (a damaged archive, Problem::Archive).
    void ReportProblem(Problem problem, std::string detail);

    // A JSON-lines file read in ranges apart (ingest_range.hpp). ContinuationSeed(): nonzero once the
    // current file reads JSON lines (not UTF-16) in a format a later range can continue from.
    // BeginContinuation: begins a file that goes on from a line start of such a file (lines, no
    // detection, no byte order mark). Lines(): lines of the current (or last) file, blank ones included.
    uint8_t ContinuationSeed() const;
    void BeginContinuation(std::string name, uint8_t seed);
    // As BeginContinuation, but goes on with the dataset's last file (its report), counting lines after
    // `lines`: a range read in place after the ranges before it (parallel_ingest.hpp).
    void ContinueLastFile(uint8_t seed, uint64_t lines);
    uint64_t Lines() const { return m_line; }
    // The current file's bytes are the file's own, from byte `base` on (the page's File, not a decompressed
    // stream): each post notes where its text sits in them (Dataset::Spans, text_span.hpp, rule 101), unless
    // the file turns out to be zstd or UTF-16. Call after BeginFile / BeginContinuation; ends with the file.
    void KeepTextPlaces(uint64_t base);
    bool ReadsCsv() const;  // the current file was told to be a CSV file (rule 36)

    bool InFile() const { return m_file != kNoFile; }
    uint64_t FileBytes() const { return m_file_bytes; }

    // CSV files begun from now on use these columns instead of the header's names (a mapping chosen
    // by the user); std::nullopt goes back to mapping by name.
    void SetCsvColumns(std::optional<CsvColumns> columns);

    size_t DocumentLimit() const { return m_document_limit; }
    void SetDocumentLimit(size_t bytes) { m_document_limit = bytes; }  // tests use small limits

private:
    void StartFile(size_t file);
    void Continue(uint8_t seed);
    void FeedPacked(const char* data, size_t size);
    void FeedUnpacked(const char* data, size_t size);
    void FinishZstd();
    void FeedText(const char* data, size_t size);
    bool DecideCsv(bool at_end);
    void FinishUtf16();
    void FeedLines(const char* data, size_t size);
    void ConsumeLine(const char* line, size_t size, size_t readable, uint64_t offset);
    void FeedCsv(const char* data, size_t size, uint64_t offset);
    bool SpansOn() const;
    void StartContainer(Container container);
    void ReadDocument();
    void LineTooLarge();

    static constexpr size_t kNoFile = static_cast<size_t>(-1);
    Dataset& m_dataset;
    size_t m_file = kNoFile;
    uint64_t m_file_bytes = 0;
    uint64_t m_line = 0;           // lines seen in this file, blank ones included
    std::string m_carry;           // the unfinished line of the previous slice
    uint64_t m_fed = 0;            // bytes handed to the lines or CSV reader (their offset in the file, rule 101)
    uint64_t m_carry_at = 0;       // offset of m_carry's first byte
    bool m_transcoded = false;     // the file is zstd or UTF-16: its text is not the file's bytes
    bool m_skipping_line = false;  // the current line is too long: skipped up to its end
    bool m_continuation = false;   // the file goes on from another range's lines (BeginContinuation)
    size_t m_document_limit = kDocumentLimit;
    struct Reader;  // detection, the document buffer and the record readers, kept out of this header
    std::unique_ptr<Reader> m_reader;
};

// Loads a file from disk through Ingest (CLI, tests, benchmarks). A gzip, zip or zstd file is told
// by its first bytes and unpacked (container.hpp; a zip archive becomes one file per entry).
// Returns false with `error` set when the file cannot be opened or read.
bool LoadFile(Ingest& ingest, const std::string& path, std::string& error);

}  // namespace chorus::core
