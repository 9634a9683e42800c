// TextScans: word and phrase query terms over text kept on disk (text_store.hpp), answered by a streaming scan.
//
// A query term whose words are not scanned yet asks for a scan (Matches returns nullptr: the on-disk rows count as
// not matching until it ends, and views say a scan runs). The platform then reads the text piece by piece, in
// row order, and feeds it; when the last piece is fed the term's rows are known and Finished() moves on, so views
// evaluate their queries again (COUNTING.md, rule 85). A dump's rows on disk (rule 102) are read as the spans of
// their file, each piece one stretch of one file, decoded before they are matched.
//
//   TextScans::Piece piece;
//   while (scans.Next(store, 8 << 20, piece)) scans.Feed(store, piece, ReadBytes(piece.place));
//   scans.Matches(store, words);   // bits of the on-disk rows whose text holds the words
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "text_store.hpp"

namespace chorus::core {

class TextScans {
public:
    // One bit per row below DiskEnd() (row r: bit r % 64 of word r / 64), set when its text holds `words` (folded, as
    // WordMatcher takes them). nullptr while the scan of these words has not ended; the scan is then queued.
    // When the store's file is unreadable, every scan ends with no row matching (rule 85).
    const std::vector<uint64_t>* Matches(const TextStore& store, const std::vector<std::string>& words);

    // The next piece to read for the first queued scan: on-disk rows [first, end), at most about `max_bytes`
    // (at least one row). False when no scan waits.
    struct Piece {
        size_t first = 0, end = 0;
        TextStore::Place place;
    };
    bool Next(const TextStore& store, uint64_t max_bytes, Piece& piece);
    // Tests the rows of `piece` (its bytes, as read from the file) for every queued scan that waits for them.
    void Feed(const TextStore& store, const Piece& piece, std::string_view bytes);
    // Ends every queued scan with none of the on-disk rows matching (the file could not be read: rule 85).
    void Abandon();

    bool Scanning() const;
    // Share of the on-disk rows the running scans have read, 0..1 (1 when none runs).
    double Progress(const TextStore& store) const;
    // Scans ended so far: a view whose query holds text terms evaluates it again when this changes.
    uint64_t Finished() const { return m_finished; }
    void Clear() { *this = TextScans(); }

private:
    struct Scan {
        std::vector<std::string> words;
        std::vector<uint64_t> bits;
        size_t next_row = 0;
        bool done = false;
    };
    std::map<std::string, Scan> m_scans;
    std::vector<std::string> m_order;  // keys, in the order the scans were asked for
    uint64_t m_finished = 0;
};

}  // namespace chorus::core
