// Parallel ingest: one plain JSON-lines file on disk read natively by several threads in byte ranges
// (ingest_range.hpp), each range into a Dataset of its own, merged into the caller's Dataset strictly in
// file order with Snapshot::MergeRange, as the page's workers do; the parts are merged as Datasets, never
// through .chorus bytes. The result is a sequential read's, to the byte of its snapshot (COUNTING.md, rule
// 94): a part that could fall under rule 70's exceptions (Snapshot::MergesExactly: it holds a post read
// before, or an author under two names) is read again in place, after the parts before it, by the caller's
// Ingest (Ingest::ContinueLastFile). Native builds only (std::thread; the page has its Web Workers).
//
//   chorus::core::Dataset ds;
//   chorus::core::Ingest ingest(ds);
//   std::string error;
//   if (!chorus::core::LoadFileInRanges(ingest, ds, "big.jsonl", {}, error)) ...;   // as LoadFile
//
// Anything that cannot be read in ranges goes through LoadFile on the calling thread: one thread asked
// for, a pipe, a compressed file, a file whose first MiB does not settle a JSON-lines format a range can
// continue (a document, CSV, UTF-16), or a file no larger than one range.
#pragma once

#include <cstdint>
#include <string>

namespace chorus::core {

class Dataset;
class Ingest;

struct ParallelOptions {
    unsigned threads = 0;      // reading threads; 0: std::thread::hardware_concurrency()
    uint64_t range_bytes = 0;  // bytes per range; 0: the file split in 4 per thread, 64 KiB-16 MiB each
};

// Loads `path` like LoadFile(ingest, path, error); `ingest` must be an Ingest of `dataset`, between files.
// A read error after some ranges were merged keeps them (false, `error` says so).
bool LoadFileInRanges(Ingest& ingest, Dataset& dataset, const std::string& path, const ParallelOptions& options,
                      std::string& error);

}  // namespace chorus::core
