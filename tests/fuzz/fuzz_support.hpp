// Shared by the libFuzzer targets: feed one input through Ingest as a browser or the CLI would.
//
// Every target goes through Ingest, so format detection chooses the reader; the targets differ
// in their seeds (fixtures of the kind they read, chosen by tests/fuzz/run.sh) and in how they cut or frame the bytes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "container.hpp"
#include "dataset.hpp"
#include "ingest.hpp"

namespace chorus::fuzz {

// Documents and lines past this are `too_large`: small enough that the fuzzer reaches that path.
inline constexpr size_t kFuzzDocumentLimit = size_t{1} << 16;

// Feeds `size` bytes in slices of the given lengths (cycled), each copied into its own padded
// buffer so that ASan sees any read past kPadding.
inline void FeedSliced(core::Ingest& ingest, const uint8_t* data, size_t size, const uint8_t* cuts, size_t cut_count) {
    ingest.BeginFile("fuzz");
    size_t at = 0;
    size_t cut = 0;
    while (at < size) {
        size_t n = size - at;
        if (cut_count > 0) {
            n = std::min(n, size_t{cuts[cut % cut_count]} + 1);
            ++cut;
        }
        std::string buffer(reinterpret_cast<const char*>(data) + at, n);
        buffer.append(core::Ingest::kPadding, '\0');
        ingest.Feed(buffer.data(), n);
        at += n;
    }
    ingest.EndFile();
}

inline void FeedWhole(core::Ingest& ingest, const uint8_t* data, size_t size) {
    FeedSliced(ingest, data, size, nullptr, 0);
}

// Loads the bytes as a packed file (`name`, of that packing) the way the CLI loads one: from a FILE*.
inline void LoadPackedBytes(const uint8_t* data, size_t size, const char* name, core::Packing packing) {
    if (size == 0) return;
    std::FILE* file = fmemopen(const_cast<uint8_t*>(data), size, "rb");
    if (!file) return;
    core::Dataset dataset;
    core::Ingest ingest(dataset);
    ingest.SetDocumentLimit(kFuzzDocumentLimit);
    std::string error;
    core::LoadPacked(ingest, file, name, packing, error);
    std::fclose(file);
}

}  // namespace chorus::fuzz
