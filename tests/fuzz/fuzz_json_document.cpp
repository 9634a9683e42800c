// libFuzzer target: one JSON document (Twitter archives and search responses, Mastodon outbox and
// statuses, Bluesky feeds, YouTube threads...). Seeds: the .json/.js fixtures.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    ingest.SetDocumentLimit(chorus::fuzz::kFuzzDocumentLimit);
    chorus::fuzz::FeedWhole(ingest, data, size);
    return 0;
}
