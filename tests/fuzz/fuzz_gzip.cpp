// libFuzzer target: gzip files (rule 39), loaded as the CLI loads them: zlib inflates member after
// member into Ingest; a cut or damaged stream becomes an `archive` problem. Seeds: the .gz fixtures,
// and gzips of other fixtures made by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "container.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    std::FILE* file = fmemopen(const_cast<uint8_t*>(data), size, "rb");
    if (!file) return 0;
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    ingest.SetDocumentLimit(chorus::fuzz::kFuzzDocumentLimit);
    std::string error;
    chorus::core::LoadPacked(ingest, file, "fuzz.gz", chorus::core::Packing::Gzip, error);
    std::fclose(file);
    return 0;
}
