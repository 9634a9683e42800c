#include "zip_reader.hpp"

#include <algorithm>

namespace chorus::core {

namespace {

constexpr size_t kEndRecord = 22;            // end of central directory, without its comment
constexpr size_t kMaxComment = 0xFFFF;       // the comment's length is a 16-bit field
constexpr size_t kZip64Locator = 20;         // ZIP64 end of central directory locator
constexpr size_t kZip64Record = 56;          // ZIP64 end of central directory record (fixed part)
constexpr size_t kCentralHeader = 46;        // one central directory header, without name/extra/comment
constexpr size_t kLocalHeader = 30;          // one local header, without name/extra
constexpr uint64_t kMaxDirectory = 1 << 30;  // a directory larger than this is not an archive we read

uint64_t Le(const std::string& bytes, size_t at, size_t width) {
    uint64_t value = 0;
    for (size_t i = 0; i < width; ++i)
        value |= uint64_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
    return value;
}

bool HasSignature(const std::string& bytes, size_t at, uint32_t signature) {
    return at + 4 <= bytes.size() && Le(bytes, at, 4) == signature;
}

}  // namespace

bool ZipEntry::Skipped() const {
    return name.empty() || name.back() == '/' || name.starts_with("__MACOSX/") ||
           name.find("/__MACOSX/") != std::string::npos;
}

std::string ZipMethodName(uint16_t method) {
    switch (method) {
        case 0: return "stored";
        case 8: return "deflate";
        case 9: return "deflate64";
        case 12: return "bzip2";
        case 14: return "lzma";
        case 93: return "zstd";
        case 95: return "xz";
        case 99: return "AES";
        default: return "method " + std::to_string(method);
    }
}

std::string ReadZipDirectory(uint64_t file_size, const ZipReadAt& read_at, std::vector<ZipEntry>& entries) {
    entries.clear();
    if (file_size < kEndRecord) return "too short to be a zip archive";
    uint64_t tail_size = std::min<uint64_t>(file_size, kEndRecord + kMaxComment);
    uint64_t tail_start = file_size - tail_size;
    std::string tail;
    if (!read_at(tail_start, static_cast<size_t>(tail_size), tail)) return "cannot read the end of the archive";
    // The last end record wins: a comment could hold the signature, the real record comes after it.
    size_t end = std::string::npos;
    for (size_t at = tail.size() - kEndRecord + 1; at-- > 0;) {
        if (HasSignature(tail, at, 0x06054b50)) {
            end = at;
            break;
        }
    }
    if (end == std::string::npos) return "no end of central directory record: not a zip archive, or cut short";
    uint64_t count = Le(tail, end + 10, 2);
    uint64_t directory_size = Le(tail, end + 12, 4);
    uint64_t directory_offset = Le(tail, end + 16, 4);
    uint64_t end_offset = tail_start + end;
    if (count == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF) {
        std::string locator;
        if (end_offset < kZip64Locator || !read_at(end_offset - kZip64Locator, kZip64Locator, locator) ||
            !HasSignature(locator, 0, 0x07064b50))
            return "a ZIP64 archive without its ZIP64 locator";
        uint64_t record_offset = Le(locator, 8, 8);
        std::string record;
        if (record_offset > file_size - kZip64Record || !read_at(record_offset, kZip64Record, record) ||
            !HasSignature(record, 0, 0x06064b50))
            return "the ZIP64 end of central directory record is missing";
        count = Le(record, 32, 8);
        directory_size = Le(record, 40, 8);
        directory_offset = Le(record, 48, 8);
        end_offset = record_offset;
    }
    if (directory_offset > end_offset || directory_size > end_offset - directory_offset)
        return "the central directory lies outside the archive";
    if (directory_size > kMaxDirectory) return "the central directory is larger than 1 GiB";
    std::string directory;
    if (!read_at(directory_offset, static_cast<size_t>(directory_size), directory))
        return "cannot read the central directory";
    size_t at = 0;
    for (uint64_t i = 0; i < count; ++i) {
        if (at + kCentralHeader > directory.size() || !HasSignature(directory, at, 0x02014b50))
            return "the central directory is damaged at entry " + std::to_string(i + 1);
        ZipEntry entry;
        entry.flags = static_cast<uint16_t>(Le(directory, at + 8, 2));
        entry.method = static_cast<uint16_t>(Le(directory, at + 10, 2));
        entry.crc = static_cast<uint32_t>(Le(directory, at + 16, 4));
        entry.compressed_size = Le(directory, at + 20, 4);
        entry.size = Le(directory, at + 24, 4);
        size_t name_size = static_cast<size_t>(Le(directory, at + 28, 2));
        size_t extra_size = static_cast<size_t>(Le(directory, at + 30, 2));
        size_t comment_size = static_cast<size_t>(Le(directory, at + 32, 2));
        entry.header_offset = Le(directory, at + 42, 4);
        size_t next = at + kCentralHeader + name_size + extra_size + comment_size;
        if (next > directory.size()) return "the central directory is damaged at entry " + std::to_string(i + 1);
        entry.name = directory.substr(at + kCentralHeader, name_size);
        // ZIP64 extended information: only the fields whose 32-bit value overflowed, in this order.
        size_t extra = at + kCentralHeader + name_size;
        size_t extra_end = extra + extra_size;
        while (extra + 4 <= extra_end) {
            uint64_t id = Le(directory, extra, 2);
            size_t size = static_cast<size_t>(Le(directory, extra + 2, 2));
            size_t field = extra + 4;
            if (field + size > extra_end) break;
            if (id == 0x0001) {
                size_t field_end = field + size;
                for (uint64_t* value : {&entry.size, &entry.compressed_size, &entry.header_offset}) {
                    if (*value != 0xFFFFFFFF) continue;
                    if (field + 8 > field_end) return "a damaged ZIP64 field in entry " + entry.name;
                    *value = Le(directory, field, 8);
                    field += 8;
                }
            }
            extra += 4 + size;
        }
        entries.push_back(std::move(entry));
        at = next;
    }
    return "";
}

uint64_t ZipDataOffset(const ZipEntry& entry, uint64_t file_size, const ZipReadAt& read_at, std::string& error) {
    std::string header;
    if (entry.header_offset > file_size - std::min<uint64_t>(file_size, kLocalHeader) ||
        !read_at(entry.header_offset, kLocalHeader, header) || !HasSignature(header, 0, 0x04034b50)) {
        error = "the entry's local header is missing";
        return 0;
    }
    uint64_t start = entry.header_offset + kLocalHeader + Le(header, 26, 2) + Le(header, 28, 2);
    if (start > file_size || entry.compressed_size > file_size - start) {
        error = "the entry runs past the end of the archive";
        return 0;
    }
    return start;
}

}  // namespace chorus::core
