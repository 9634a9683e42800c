// Container: a dump that arrives compressed or archived, told by its first bytes, never its name
// (COUNTING.md, rule 39): gzip (1f 8b), zip (PK 03 04, or PK 05 06 for an empty archive), zstd
// (28 b5 2f fd). Natively, LoadFile() streams gzip through zlib and reads each zip entry as a file
// of its own, named `archive.zip/inner/path.jsonl`; the browser decompresses gzip and zip in
// JavaScript and feeds Ingest plain bytes. zstd is decoded inside Ingest (zstd_stream.hpp), so the
// CLI and the page both feed it the raw file.
//
//   chorus::core::Packing packing = chorus::core::SniffPacking(first_bytes, n);
//   if (packing == chorus::core::Packing::Gzip) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace chorus::core {

class Ingest;

enum class Packing : uint8_t {
    Plain,  // anything else: Ingest reads it as text
    Gzip,
    Zip,
    Zstd,
};

// The largest zstd window read (2^30 bytes): a frame that needs more is reported, not read.
inline constexpr int kZstdWindowLog = 30;

// Needs up to 4 bytes; fewer decide Plain.
Packing SniffPacking(const void* data, size_t size);
const char* PackingName(Packing packing);  // "gzip", "zip", "zstd", "plain"

// Whether this build can read the packing (zlib natively only; zstd everywhere).
bool CanUnpack(Packing packing);

// Reads `file` (positioned at its start) through Ingest as `name`: a gzip stream as one file, a
// zip archive as one file per entry, a zstd file as one file (raw bytes in: Ingest decodes them).
// Damage, encryption and unsupported methods become problems in the report (Problem::Archive);
// false with `error` only when the file itself cannot be read.
bool LoadPacked(Ingest& ingest, std::FILE* file, const std::string& name, Packing packing, std::string& error);

}  // namespace chorus::core
