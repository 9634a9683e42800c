// Ingest: turns the bytes of a dump, fed in slices of any size, into posts.
//
// The caller streams each file through BeginFile / Feed / EndFile; lines are
// found across slice boundaries, each record is parsed (simdjson on-demand)
// and added to the Dataset, and everything else lands in the file's
// IngestReport. Nothing here blocks or reads the whole file: the browser
// feeds one reused buffer per slice, the CLI reads with stdio.
//
//   chorus::core::Dataset ds;
//   chorus::core::Ingest ingest(ds);
//   ingest.BeginFile("a.jsonl");
//   ingest.Feed(buf, n);   // buf[n .. n + Ingest::kPadding) must be readable
//   ingest.EndFile();
//
// Formats read here (COUNTING.md): Twitter API v1.1 JSONL (twarc 1.x, with
// `delete`/`limit` notices), twarc2 JSONL (API pages with data[] + includes,
// stream lines with a single data object, and flattened lines).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "dataset.hpp"

namespace chorus::core {

class Ingest {
public:
    // Bytes past the end of each slice that Feed() may read (never writes).
    static constexpr size_t kPadding = 64;

    explicit Ingest(Dataset& dataset);
    ~Ingest();
    Ingest(const Ingest&) = delete;
    Ingest& operator=(const Ingest&) = delete;

    void BeginFile(std::string name);
    void Feed(const char* data, size_t size);
    // Reads the last line if the file did not end in a newline.
    void EndFile();
    // Stops the current file: what was read stays, the report says "cancelled".
    void CancelFile();

    bool InFile() const { return m_file != kNoFile; }
    uint64_t FileBytes() const { return m_file_bytes; }

private:
    void ConsumeLine(const char* line, size_t size, size_t readable);

    static constexpr size_t kNoFile = static_cast<size_t>(-1);
    Dataset& m_dataset;
    size_t m_file = kNoFile;
    uint64_t m_file_bytes = 0;
    uint64_t m_line = 0;  // lines seen in this file, blank ones included
    std::string m_carry;  // the unfinished line of the previous slice
    struct Reader;        // the JSON side, kept out of this header
    std::unique_ptr<Reader> m_reader;
};

// Loads a file from disk through Ingest (CLI, tests, benchmarks).
// Returns false with `error` set when the file cannot be opened or read.
bool LoadFile(Ingest& ingest, const std::string& path, std::string& error);

}  // namespace chorus::core
