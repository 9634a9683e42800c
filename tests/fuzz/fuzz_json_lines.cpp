// libFuzzer target: JSON lines (Twitter v1.1 and v2, Gnip, Reddit, Jetstream, Zeeschuimer...).
// Seeds: the .jsonl/.ndjson fixtures. The input is read twice in one dataset, as two files, so
// duplicate handling across files runs too.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    ingest.SetDocumentLimit(chorus::fuzz::kFuzzDocumentLimit);
    chorus::fuzz::FeedWhole(ingest, data, size);
    chorus::fuzz::FeedWhole(ingest, data, size);
    return 0;
}
