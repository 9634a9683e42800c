// libFuzzer target: zip archives (core/zip_reader.*, rule 39). The central directory is read from
// memory, each entry's data placed; then the archive is loaded as the CLI loads it (each entry
// stored or inflated by zlib into Ingest). Seeds: the .zip fixtures, and zips of other fixtures made
// by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "container.hpp"
#include "fuzz_support.hpp"
#include "zip_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    chorus::core::ZipReadAt read_at = [&](uint64_t offset, size_t n, std::string& out) {
        if (offset > size || n > size - offset) return false;
        out.assign(reinterpret_cast<const char*>(data) + offset, n);
        return true;
    };
    std::vector<chorus::core::ZipEntry> entries;
    if (chorus::core::ReadZipDirectory(size, read_at, entries).empty()) {
        for (const chorus::core::ZipEntry& entry : entries) {
            std::string error;
            uint64_t start = chorus::core::ZipDataOffset(entry, size, read_at, error);
            // Data that would run past the end of the file must be an error (0), never an offset.
            if (start != 0 && (start > size || entry.compressed_size > size - start)) std::abort();
        }
    }
    chorus::fuzz::LoadPackedBytes(data, size, "fuzz.zip", chorus::core::Packing::Zip);
    return 0;
}
