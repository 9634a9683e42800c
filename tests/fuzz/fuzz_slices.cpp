// libFuzzer target: slice boundaries. The input's first bytes give the slice lengths, the rest is
// the file; it is read whole, then in those slices, and both reads must give the same summary
// (COUNTING.md, rule 18: any slicing of the bytes reads the same posts). Seeds: every fixture.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "summary.hpp"

namespace {

std::string Read(const uint8_t* data, size_t size, const uint8_t* cuts, size_t cut_count) {
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    ingest.SetDocumentLimit(chorus::fuzz::kFuzzDocumentLimit);
    chorus::fuzz::FeedSliced(ingest, data, size, cuts, cut_count);
    return chorus::core::SummaryJson(dataset);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    constexpr size_t kCuts = 4;
    if (size < kCuts) return 0;
    const uint8_t* file = data + kCuts;
    size_t file_size = size - kCuts;
    std::string whole = Read(file, file_size, nullptr, 0);
    std::string sliced = Read(file, file_size, data, kCuts);
    if (whole != sliced) {
        std::fprintf(stderr, "slicing changed the summary\n--- whole\n%s\n--- sliced\n%s\n", whole.c_str(),
                     sliced.c_str());
        std::abort();
    }
    return 0;
}
