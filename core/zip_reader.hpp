// ZipReader: the central directory of a ZIP archive (ZIP64 included), read from a file we can seek in.
//
// Finds the end-of-central-directory record (and, when a field overflows, the ZIP64 locator and
// record), then lists every entry with its method, sizes and where its local header is. Reading
// an entry's bytes is the caller's (zlib natively; DecompressionStream('deflate-raw') in the
// browser, whose JavaScript reader follows the same steps). COUNTING.md, rule 39.
//
//   std::vector<chorus::core::ZipEntry> entries;
//   std::string error = chorus::core::ReadZipDirectory(file_size, read_at, entries);
//   uint64_t start = chorus::core::ZipDataOffset(entries[0], file_size, read_at, error);
//
// Nothing here allocates more than the directory itself; every offset is checked against the file size,
// so a damaged archive yields an error string, never a read outside the file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus::core {

struct ZipEntry {
    std::string name;            // the path inside the archive, as stored ('/' separated)
    uint64_t header_offset = 0;  // where the entry's local header starts
    uint64_t compressed_size = 0;
    uint64_t size = 0;    // the entry's size once inflated
    uint16_t method = 0;  // 0 stored, 8 deflate; anything else is not read (reported)
    uint16_t flags = 0;   // general purpose flags; bit 0: encrypted
    uint32_t crc = 0;     // CRC-32 of the inflated bytes

    bool Encrypted() const { return (flags & 1) != 0; }
    // Directories and macOS resource forks (__MACOSX/) hold no posts: they are skipped without a word.
    bool Skipped() const;
};

// Reads `size` bytes at `offset` into `out`; false when the file cannot give them.
using ZipReadAt = std::function<bool(uint64_t offset, size_t size, std::string& out)>;

// Fills `entries` in directory order. Returns "" or why the archive cannot be read.
std::string ReadZipDirectory(uint64_t file_size, const ZipReadAt& read_at, std::vector<ZipEntry>& entries);

// Where the entry's data starts (past its local header). Returns 0 with `error` set when the local
// header is missing or the data would run past the end of the file.
uint64_t ZipDataOffset(const ZipEntry& entry, uint64_t file_size, const ZipReadAt& read_at, std::string& error);

// "deflate", "bzip2", ... for messages; "method N" for the rest.
std::string ZipMethodName(uint16_t method);

}  // namespace chorus::core
