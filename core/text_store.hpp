// TextStore: the text of every post, in memory (one arena) or, past a budget, left in the file it came from.
//
// In memory, the text of row r is one slice of an arena. "On disk", the first DiskRows() rows keep only where
// their text sits in one file (a snapshot's TEXT section: byte DiskBase() + offset); the page reads it back
// (File.slice) when a post is shown (Remember) or a word query scans it (TextScan, text_scan.hpp). Rows added
// later (another file in the same collection) go to the arena as usual (COUNTING.md, rules 84-85).
// Rows of a plain dump may also stay on disk one by one (MoveToDisk, rules 101-102): each keeps the span of its
// file its text was decoded from (text_span.hpp), read back and decoded the same way.
//
//   TextStore store;
//   store.Append("hello");                    // row 0, in memory
//   store.Has(0); store.TextOf(0);            // true, "hello"
//   // on disk: store.PlaceOf(r) -> bytes to read; store.Remember(r, text) once read
//
// Invariants: Rows() is the number of rows appended (or read from a snapshot); TextOf(r) is "" for a row on
// disk not read yet (Has(r) false). A view from TextOf stays valid until the next Append, Remember or Clear.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text_span.hpp"

namespace chorus::core {

class Snapshot;

class TextStore {
public:
    void Append(std::string_view text);
    size_t Rows() const { return m_offsets.size() - 1; }

    // Rows [0, DiskRows()) keep their text in DiskFile() (a snapshot); 0 when none does.
    size_t DiskRows() const { return m_disk_rows; }
    bool OnDisk() const { return m_disk_rows != 0 || m_span_disk != 0; }
    const std::string& DiskFile() const { return m_disk_file; }
    uint64_t DiskBase() const { return m_disk_base; }
    // Any row on disk, a snapshot's or a dump's; rows on disk lie below DiskEnd(), and DiskCount() of them.
    bool OnDiskRow(size_t row) const;
    size_t DiskEnd() const { return m_span_disk != 0 ? m_span_end : m_disk_rows; }
    size_t DiskCount() const { return m_disk_rows + m_span_disk; }
    // Bytes holding the text of on-disk rows: of DiskFile() (file kSnapshotFile) for the snapshot's rows
    // [first, end), or of the dataset's file `file` for a dump's row, decoded as `coding`.
    struct Place {
        uint64_t offset = 0;
        uint64_t length = 0;
        uint32_t file = kSnapshotFile;
        SpanCoding coding = SpanCoding::Plain;
    };
    static constexpr uint32_t kSnapshotFile = TextSpan::kNone;
    Place PlaceOf(size_t first, size_t end) const;
    Place PlaceOf(size_t row) const;
    // Rows [first, Rows()) whose `spans[row - first]` is known leave the arena: their text stays in their file.
    void MoveToDisk(size_t first, const std::vector<TextSpan>& spans);

    // True when the text of `row` can be read now (in memory, or on disk and already read back).
    bool Has(size_t row) const;
    std::string_view TextOf(size_t row) const;
    // Keeps the text read back for on-disk `row`, decoded (at most kCacheRows rows: the oldest half goes when full).
    void Remember(size_t row, std::string_view text);
    size_t Remembered() const { return m_cache.size(); }
    // A view showed on-disk `row` without its text: the platform reads the rows asked for (TakeWanted) and
    // hands each to Remember. Each row is asked for once until remembered (or ForgetAsked: a read failed).
    void Want(size_t row) const;
    std::vector<uint32_t> TakeWanted();
    void ForgetAsked() { m_asked.clear(); }
    static constexpr size_t kCacheRows = 4096;

    // Makes every row held so far "on disk": their text is the `text_bytes` bytes at `base` of `file`, split
    // by the offsets already held (Offsets()), and the arena is dropped. Rows appended later stay in memory.
    void KeepOnDisk(std::string file, uint64_t base);
    // The file changed or could not be read: its text is gone for good (rule 85). The reason stays.
    void MarkUnreadable(std::string why) { m_unreadable = std::move(why); }
    const std::string& Unreadable() const { return m_unreadable; }

    // Row offsets (Rows() + 1 of them, from 0) and the arena, for snapshots.
    const std::vector<uint64_t>& Offsets() const { return m_offsets; }
    const std::vector<char>& Arena() const { return m_arena; }
    size_t MemoryBytes() const;
    void ShrinkToFit();
    void Swap(TextStore& other);

private:
    friend class Snapshot;
    friend class SnapshotOpen;

    std::vector<uint64_t> m_offsets{0};  // text of row r: [m_offsets[r], m_offsets[r + 1])
    std::vector<char> m_arena;           // rows >= m_disk_rows, from offset m_arena_base
    size_t m_disk_rows = 0;
    uint64_t m_arena_base = 0;
    std::string m_disk_file;
    uint64_t m_disk_base = 0;
    // A dump's rows on disk (rule 102): row m_span_first + i is on disk when m_spans[i].file != kNone.
    std::vector<TextSpan> m_spans;
    size_t m_span_first = 0;
    size_t m_span_end = 0;   // one past the last of them
    size_t m_span_disk = 0;  // how many
    std::unordered_map<uint32_t, std::string> m_cache;
    std::vector<uint32_t> m_cache_order;  // rows in the order they were remembered
    std::string m_unreadable;
    mutable std::vector<uint32_t> m_wanted;
    std::vector<uint32_t> m_asked;  // taken, not remembered yet
};

}  // namespace chorus::core
