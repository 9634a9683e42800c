// RecordReader: one record (a JSON line, or one record of a JSON document) to posts, by the
// reader of its format (internal to core; Ingest is its only user).
//
// A file's format is chosen by its first record of a known shape (COUNTING.md, rule 22): the
// shape's keys, never the file name. Twitter records then take the fast path (TweetReader, no
// second parse); records of every other format are parsed whole (simdjson DOM) and read by
// the reader of their platform.
//
//   RecordReader records(dataset);
//   records.BeginFile(file, {.document = true, .list_key = "orderedItems"});
//   records.Read(json, size, readable, {line, item});   // json[size .. readable): padding
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "dataset.hpp"

namespace chorus::core {

struct FileLayout {
    bool document = false;    // the records come from one JSON document (not JSON lines)
    bool root_array = false;  // ... the elements of its root array
    std::string list_key;     // ... the elements of this list of its root object ("" otherwise)
    std::string script_name;  // the document is a JavaScript assignment to this name ("" otherwise)
};

class RecordReader {
public:
    explicit RecordReader(Dataset& dataset);
    ~RecordReader();
    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;

    void BeginFile(size_t file, FileLayout layout);
    // Reads one record; `json[size .. readable)` must be readable (at least 64 bytes).
    void Read(const char* json, size_t size, size_t readable, const RecordPlace& place);

    // A JSON-lines file read in ranges (ingest_range.hpp): the format the file's records chose, as a seed a
    // later range's reader starts from (BeginContinuation). 0 while none is chosen, or when the format's
    // reader carries state from record to record (a Twitter archive's owner, Mastodon actors' names).
    uint8_t ContinuationSeed() const;
    void BeginContinuation(size_t file, uint8_t seed);

private:
    struct Readers;  // simdjson and the platform readers, kept out of this header
    Dataset& m_dataset;
    std::unique_ptr<Readers> m_readers;
};

}  // namespace chorus::core
