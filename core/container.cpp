#include "container.hpp"

#include <sys/types.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "ingest.hpp"
#include "zip_reader.hpp"

#if CHORUS_HAVE_ZLIB
#include <zlib.h>
#endif

namespace chorus::core {

Packing SniffPacking(const void* data, size_t size) {
    const auto* b = static_cast<const unsigned char*>(data);
    if (size >= 2 && b[0] == 0x1f && b[1] == 0x8b) return Packing::Gzip;
    if (size >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6)))
        return Packing::Zip;
    if (size >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) return Packing::Zstd;
    return Packing::Plain;
}

const char* PackingName(Packing packing) {
    switch (packing) {
        case Packing::Plain: return "plain";
        case Packing::Gzip: return "gzip";
        case Packing::Zip: return "zip";
        case Packing::Zstd: return "zstd";
    }
    return "plain";
}

bool CanUnpack(Packing packing) {
    bool can = false;
#if CHORUS_HAVE_ZLIB
    can |= packing == Packing::Gzip || packing == Packing::Zip;
#endif
    can |= packing == Packing::Zstd;  // zstd_stream.cpp: libzstd natively, zstd's decoder built in WASM
    return can && packing != Packing::Plain;
}

namespace {

// A file that is only a problem: the archive (or entry) is named in the report with why it was not read.
void ReportOnly(Ingest& ingest, const std::string& name, const std::string& detail) {
    ingest.BeginFile(name);
    ingest.ReportProblem(Problem::Archive, detail);
    ingest.EndFile();
}

#if CHORUS_HAVE_ZLIB

constexpr size_t kInput = size_t{256} << 10;
constexpr size_t kOutput = size_t{1} << 20;

bool Seek(std::FILE* file, uint64_t offset) {
    return fseeko(file, static_cast<off_t>(offset), SEEK_SET) == 0;
}

struct Streamed {
    std::string problem;  // "" when the stream ended cleanly
    bool read_error = false;
    uint32_t crc = 0;
};

// Streams up to `limit` bytes of `file`, from where it stands, through zlib into Ingest's current file.
// gzip: one member after another (concatenated .gz files); raw deflate (a zip entry): one stream.
Streamed Inflate(std::FILE* file, uint64_t limit, bool gzip, Ingest& ingest) {
    Streamed result;
    z_stream zs{};
    if (inflateInit2(&zs, gzip ? 16 + MAX_WBITS : -MAX_WBITS) != Z_OK) {
        result.problem = "zlib could not start";
        return result;
    }
    std::vector<unsigned char> in(kInput);
    std::vector<unsigned char> out(kOutput + Ingest::kPadding, ' ');
    uLong crc = crc32(0, nullptr, 0);
    uint64_t left = limit;
    uint64_t produced = 0;
    bool eof = false;
    bool ended = false;
    const char* what = gzip ? "the gzip stream" : "the entry's deflate data";
    for (;;) {
        if (zs.avail_in == 0 && !eof) {
            size_t want = static_cast<size_t>(std::min<uint64_t>(kInput, left));
            size_t n = want > 0 ? std::fread(in.data(), 1, want, file) : 0;
            if (n < want && std::ferror(file)) {
                result.read_error = true;
                break;
            }
            if (n < want || n == 0) eof = true;
            left -= n;
            zs.next_in = in.data();
            zs.avail_in = static_cast<uInt>(n);
        }
        if (ended) {
            if (zs.avail_in == 0 && eof) break;
            if (!gzip) break;  // a zip entry holds one deflate stream; its size came from the directory
            inflateReset(&zs);
            ended = false;
        }
        zs.next_out = out.data();
        zs.avail_out = static_cast<uInt>(kOutput);
        int status = inflate(&zs, Z_NO_FLUSH);
        size_t n = kOutput - zs.avail_out;
        if (n > 0) {
            crc = crc32(crc, out.data(), static_cast<uInt>(n));
            produced += n;
            ingest.Feed(reinterpret_cast<const char*>(out.data()), n);
        }
        if (status == Z_STREAM_END) {
            ended = true;
            continue;
        }
        if (status == Z_OK || status == Z_BUF_ERROR) {
            if (n == 0 && zs.avail_in == 0 && eof) {
                result.problem = std::string(what) + " ends early after " + std::to_string(produced) +
                                 " bytes of text (a truncated file?): the rest was not read";
                break;
            }
            continue;
        }
        result.problem = std::string(what) + " is damaged after " + std::to_string(produced) + " bytes of text (" +
                         (zs.msg ? zs.msg : "zlib error " + std::to_string(status)) + "): the rest was not read";
        break;
    }
    inflateEnd(&zs);
    result.crc = static_cast<uint32_t>(crc);
    return result;
}

Streamed CopyStored(std::FILE* file, uint64_t size, Ingest& ingest) {
    Streamed result;
    std::vector<char> buffer(kOutput + Ingest::kPadding, ' ');
    uLong crc = crc32(0, nullptr, 0);
    while (size > 0) {
        size_t want = static_cast<size_t>(std::min<uint64_t>(kOutput, size));
        size_t n = std::fread(buffer.data(), 1, want, file);
        if (n < want) {
            result.read_error = true;
            break;
        }
        crc = crc32(crc, reinterpret_cast<const Bytef*>(buffer.data()), static_cast<uInt>(n));
        ingest.Feed(buffer.data(), n);
        size -= n;
    }
    result.crc = static_cast<uint32_t>(crc);
    return result;
}

bool LoadZip(Ingest& ingest, std::FILE* file, const std::string& name, std::string& error) {
    if (fseeko(file, 0, SEEK_END) != 0) {
        error = "cannot seek in " + name;
        return false;
    }
    off_t end = ftello(file);
    if (end < 0) {
        error = "cannot seek in " + name;
        return false;
    }
    auto file_size = static_cast<uint64_t>(end);
    ZipReadAt read_at = [&](uint64_t offset, size_t size, std::string& out) {
        out.resize(size);
        return Seek(file, offset) && std::fread(out.data(), 1, size, file) == size;
    };
    std::vector<ZipEntry> entries;
    std::string directory_error = ReadZipDirectory(file_size, read_at, entries);
    if (!directory_error.empty()) {
        ReportOnly(ingest, name, "not read as a zip archive: " + directory_error);
        return true;
    }
    // A Twitter archive's data/account.js is read first, whatever its place in the archive (rule 41).
    std::stable_partition(entries.begin(), entries.end(), [](const ZipEntry& entry) {
        return entry.name == "data/account.js" || entry.name.ends_with("/data/account.js");
    });
    size_t read = 0;
    for (const ZipEntry& entry : entries) {
        if (entry.Skipped()) continue;
        ++read;
        std::string entry_name = name + "/" + entry.name;
        if (entry.Encrypted()) {
            ReportOnly(ingest, entry_name, "an encrypted zip entry: not read");
            continue;
        }
        if (entry.method != 0 && entry.method != 8) {
            ReportOnly(ingest, entry_name, ZipMethodName(entry.method) + " compression is not supported: not read");
            continue;
        }
        std::string place_error;
        uint64_t start = ZipDataOffset(entry, file_size, read_at, place_error);
        if (start == 0 || !Seek(file, start)) {
            ReportOnly(ingest, entry_name,
                       "not read: " + (place_error.empty() ? std::string("cannot seek to the entry") : place_error));
            continue;
        }
        ingest.BeginFile(entry_name);
        Streamed streamed = entry.method == 0 ? CopyStored(file, entry.compressed_size, ingest)
                                              : Inflate(file, entry.compressed_size, false, ingest);
        if (streamed.read_error) {
            ingest.EndFile();
            error = "read error in " + name;
            return false;
        }
        if (!streamed.problem.empty())
            ingest.ReportProblem(Problem::Archive, streamed.problem);
        else if (streamed.crc != entry.crc)
            ingest.ReportProblem(Problem::Archive, "the entry's CRC-32 does not match: its bytes are damaged");
        ingest.EndFile();
    }
    if (read == 0) ReportOnly(ingest, name, "a zip archive with no files in it");
    return true;
}

#endif  // CHORUS_HAVE_ZLIB

}  // namespace

bool LoadPacked(Ingest& ingest, std::FILE* file, const std::string& name, Packing packing, std::string& error) {
    if (packing == Packing::Zstd) {  // Ingest decodes zstd itself (zstd_stream.hpp): the raw bytes go in
        ingest.BeginFile(name);
        constexpr size_t kSlice = size_t{1} << 20;
        std::vector<char> buffer(kSlice + Ingest::kPadding, ' ');
        size_t n;
        while ((n = std::fread(buffer.data(), 1, kSlice, file)) > 0)
            ingest.Feed(buffer.data(), n);
        bool read_error = std::ferror(file) != 0;
        ingest.EndFile();
        if (read_error) error = "read error in " + name;
        return !read_error;
    }
#if CHORUS_HAVE_ZLIB
    if (packing == Packing::Zip) return LoadZip(ingest, file, name, error);
    if (packing == Packing::Gzip) {
        ingest.BeginFile(name);
        Streamed streamed = Inflate(file, UINT64_MAX, true, ingest);
        if (!streamed.problem.empty()) ingest.ReportProblem(Problem::Archive, streamed.problem);
        ingest.EndFile();
        if (streamed.read_error) {
            error = "read error in " + name;
            return false;
        }
        return true;
    }
#else
    (void)file;
    (void)error;
#endif
    ReportOnly(ingest, name, std::string(PackingName(packing)) + "-compressed: this build cannot unpack it");
    return true;
}

}  // namespace chorus::core
