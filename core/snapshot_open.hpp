// SnapshotOpen: a .chorus snapshot (snapshot.hpp) opened a piece at a time, so a page can open a 10M-post
// snapshot without holding the browser for seconds.
//
// The open holds the whole reading state: the sections are copied and hashed a few MB at a time, the checks
// over the columns, their packing and the post-id check run a block of rows at a time. The dataset it opens
// into stays exactly as it was until the last step, which swaps the new posts in (or merges them, in one
// piece). Every outcome is the one of Snapshot::ReadFrom, which runs these steps to the end: same dataset,
// same error and message, for any size of piece or step.
//
//   SnapshotOpen open(source, total_bytes, dataset);        // nothing read yet
//   while (!open.Step(std::chrono::milliseconds(10)))       // at least one piece a step
//       YieldToTheBrowser();                                // open.Fraction() for a progress bar
//                                                           // (or wait for more bytes while open.Waiting())
//   if (!open.Status().ok()) Show(open.Status().message);   // the dataset is then unchanged
//
// Cancelling is destroying the open before it finished: the dataset is unchanged.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "snapshot.hpp"

namespace chorus::core {

// The size of one piece of a SnapshotOpen: bytes copied from the source, rows checked or packed.
// A piece takes about a millisecond in the page: 1 MB copied and hashed, 32K rows checked or packed.
struct SnapshotPieces {
    uint64_t bytes = uint64_t{1} << 20;
    size_t rows = size_t{1} << 15;
};

class SnapshotOpen {
public:
    using Pieces = SnapshotPieces;

    // Reads the `total` bytes of a snapshot from `source`, which (like `into`) must outlive the open.
    SnapshotOpen(SnapshotSource& source, uint64_t total, Dataset& into, Snapshot::TextOnDisk text_on_disk = {},
                 Pieces pieces = {});
    ~SnapshotOpen();
    SnapshotOpen(const SnapshotOpen&) = delete;
    SnapshotOpen& operator=(const SnapshotOpen&) = delete;

    // Runs pieces until `budget` has passed (at least one, unless Waiting()). True once finished: Status() says
    // how.
    bool Step(std::chrono::microseconds budget);
    // The next piece needs bytes the source has not got yet (SnapshotSource::Ready): Step returns without
    // running it; step again once more came.
    bool Waiting() const;
    SnapshotStatus Run();  // every step to the end, not waiting: bytes the source lacks are a read error
    bool Finished() const;
    const SnapshotStatus& Status() const;
    double Fraction() const;  // of the work done, from 0 to 1

private:
    struct State;
    void RunPiece();
    void Plan();
    std::unique_ptr<State> m;
};

}  // namespace chorus::core
