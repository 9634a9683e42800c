// Ranges: one JSON-lines file read as byte ranges apart (the browser's workers), then merged into one
// Dataset that is the same, to the byte, as a sequential load of the file (COUNTING.md, rule 70).
//
// A range [begin, end) of the file is moved to line ends: a range that does not start at 0 starts after
// the first '\n' at or after begin - 1, and every range ends through the end of the line that holds its
// byte end - 1 (or the end of the file). Consecutive ranges therefore share no line and miss none.
//
//   RangeCutter cut(begin, end);                    // read the file from cut.ReadFrom() on
//   std::string_view mine = cut.Take(data, size);   // feed `mine` to an Ingest; stop once cut.Done()
//
// RangeReader does this for an Ingest, as the page's workers (web/src/ingest_worker.cpp) and the tests do.
//
// The first range is read with Ingest::BeginFile; once its Ingest::ContinuationSeed() is nonzero the
// others are read with Ingest::BeginContinuation(name, seed). When the first range ends before its seed
// is known it grows (ExtendEnd) a line at a time until the seed is known; the second range starts where
// it ended (without a seed by the end of the file, the first range is the whole file). Each part travels
// as snapshot bytes and is merged in file order: the first with Snapshot::Read, the others with Snapshot::MergeRange,
// given the lines (Ingest::Lines()) of the ranges before it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::core {

class Ingest;

class RangeCutter {
public:
    RangeCutter(uint64_t begin, uint64_t end) : m_begin(begin), m_end(end), m_at(ReadFrom()) {}

    // The first byte of the file to read.
    uint64_t ReadFrom() const { return m_begin == 0 ? 0 : m_begin - 1; }
    // The next `size` bytes read (from ReadFrom() on, in order): the part of them that belongs to the range.
    std::string_view Take(const char* data, size_t size);
    // The range's last line has ended: nothing more belongs to it.
    bool Done() const { return m_done; }
    // The file offset of the next byte Take() expects.
    uint64_t Position() const { return m_at; }
    // Moves the range's end forward: it then ends through the first '\n' at or after `end` - 1 (at or after
    // Position() when end - 1 < Position()). The first range grows so while its format is still undecided.
    void ExtendEnd(uint64_t end) {
        m_end = end;
        m_done = false;
    }

private:
    uint64_t m_begin, m_end;
    uint64_t m_at;           // file offset of the next byte read
    bool m_started = false;  // past the line the range starts inside of
    bool m_done = false;
};

// One range read into an Ingest, as a worker reads it: the first range (begin 0) begins the file and
// grows, a line at a time, until its seed is known; the others continue from the seed.
//
//   RangeReader range(ingest, "a.jsonl", begin, end, seed);   // read the file from range.ReadFrom() on
//   while (!range.Feed(data, n)) ...;                           // data[n .. n + Ingest::kPadding) readable
//   ingest.EndFile();                                           // then range.Seed(), range.Next()
class RangeReader {
public:
    RangeReader(Ingest& ingest, std::string name, uint64_t begin, uint64_t end, uint8_t seed);
    uint64_t ReadFrom() const { return m_cut.ReadFrom(); }
    // Posts note where their text sits in the whole file (Ingest::KeepTextPlaces, rule 101). Before Feed.
    void KeepTextPlaces();
    // Feeds the range's part of the next bytes read; true once the range is complete (read no more).
    bool Feed(const char* data, size_t size);
    // The first range: the seed of the others once known (0 before, and at the end when there is none: the
    // first range was then the whole file), and where the second range starts.
    uint8_t Seed() const { return m_seed; }
    uint64_t Next() const { return m_next; }

private:
    Ingest& m_ingest;
    RangeCutter m_cut;
    uint64_t m_end;
    bool m_first;
    bool m_grown = false;
    bool m_places = false;  // KeepTextPlaces: still to tell the Ingest where the range's first byte is
    uint8_t m_seed = 0;
    uint64_t m_next = 0;
};

}  // namespace chorus::core
