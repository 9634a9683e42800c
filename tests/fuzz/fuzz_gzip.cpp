// libFuzzer target: gzip files (rule 39), loaded as the CLI loads them: zlib inflates member after
// member into Ingest; a cut or damaged stream becomes an `archive` problem. Seeds: the .gz fixtures,
// and gzips of other fixtures made by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>

#include "container.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    chorus::fuzz::LoadPackedBytes(data, size, "fuzz.gz", chorus::core::Packing::Gzip);
    return 0;
}
