// libFuzzer target: zstd files (rule 39), decoded inside Ingest (core/zstd_stream.*) as the page
// feeds them: the input's first byte gives the slice length, the rest is the file, which must start
// with zstd's magic to reach the decoder (run.sh's seeds do). Seeds: the .zst fixtures, and zstd
// frames of other fixtures made by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    ingest.SetDocumentLimit(chorus::fuzz::kFuzzDocumentLimit);
    uint8_t cut = static_cast<uint8_t>(data[0] | 0x0f);  // slices of 16..256 bytes
    chorus::fuzz::FeedSliced(ingest, data + 1, size - 1, &cut, 1);
    return 0;
}
