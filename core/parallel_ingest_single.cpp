// LoadFileInRanges where there are no threads (the WASM build of the CLI and of the core tests): the file is
// read in one piece, as LoadFile reads it. The page reads ranges in Web Workers instead (rule 70).
#include "ingest.hpp"
#include "parallel_ingest.hpp"

namespace chorus::core {

bool LoadFileInRanges(Ingest& ingest, Dataset&, const std::string& path, const ParallelOptions&, std::string& error) {
    return LoadFile(ingest, path, error);
}

}  // namespace chorus::core
