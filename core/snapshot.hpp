// Snapshot: a loaded Dataset saved as a `.chorus` file, and read back without parsing a dump again.
//
// A snapshot holds everything a Dataset holds: every column, the dictionaries (in id order, so ids
// are the same after reloading), the post id column and every file's IngestReport with its listed
// problems. A reloaded dataset gives byte-identical SummaryJson and identical query and aggregate
// results. Several snapshots (or snapshots and dumps) load into one Dataset with the de-duplication
// of files loaded together (COUNTING.md, "Snapshots").
//
//   std::string bytes = Snapshot::Write(dataset);              // or Snapshot::Save(dataset, "a.chorus")
//   SnapshotStatus status = Snapshot::Read(bytes, other);     // or Snapshot::Load("a.chorus", other)
//   if (!status.ok()) std::puts(status.message.c_str());      // never throws, never crashes
//
// File layout, version 3 (version 1 lacked hashtag spellings, emoji and clients; version 2, read as
// well, lacks ENGA: its posts' engagement counts are all not given). Integers are little-endian; the file
// starts with a 32-byte header:
//
//   offset size  field
//   0      8     magic 0x89 'C' 'H' 'O' 'R' 'U' 'S' '\n' (0x89 cannot start a UTF-8 text dump)
//   8      4     version (kVersion)
//   12     4     number of sections (kSections)
//   16     8     payload bytes: everything after the header
//   24     8     checksum of the payload (Snapshot::Checksum)
//   32     ...   the sections, in the order below
//
// Each section is a u32 tag (four ASCII bytes, e.g. "TIME"), a u32 zero, a u64 length, `length`
// bytes, then zero bytes up to a multiple of 8. With n posts:
//
//   FILE  file reports: u32 count, then per file: str name, str format, u64 bytes, lines, posts,
//         duplicates, skipped, u8 cancelled, u32 k, k x (u8 problem, u64 count), u32 m,
//         m x (u8 problem, u64 line, u64 item, str detail). str = u32 length + UTF-8 bytes.
//   TIME  i64[n] times (INT64_MIN: none)       TYPE  u8[n] PostType
//   AUTH  u32[n] author ids (0xFFFFFFFF none)  LANG  u32[n] language ids (0xFFFFFFFF none)
//   PSID  u64[n] post id keys (Dataset::kNoPostId none; top bit set: index in DPID)
//   HTOF u32[n+1] + HTID u32[] hashtags, MNOF + MNID mentions, LKOF + LKID links, DMOF + DMID domains
//         (offsets: the ids of post r are ids[of[r] .. of[r+1]))
//   TXOF  u64[n+1] text offsets                TEXT  the text arena
//   DHTG DMEN DAUT DLNK DDOM DLNG DNAM DPID   dictionaries (hashtags, mentions, authors, links,
//         domains, languages, screen names, text post ids): u32 count, u32 zero,
//         u64[count+1] offsets, the strings' bytes
//   ANAM  u32[authors] per author: its screen name's id in DNAM (0xFFFFFFFF: none)
//   DHSP  dictionary of hashtag spellings as written (rule 50); HSPT u32[spellings] each one's hashtag
//         id in DHTG; HSPC u32[spellings] the posts that used it (a hashtag shows its most used one)
//   EMOF u32[n+1] + EMID u32[] emoji (rule 51), DEMJ their dictionary
//   CLNT  u32[n] client ids (0xFFFFFFFF none; rule 52), DCLI their dictionary
//   ENGA  engagement counts (rules 91-93): EngagementColumn::Encode (engagement.cpp)
//
// Invariants checked on reading (anything else is SnapshotError::Corrupt): every column has n rows,
// offsets start at 0, never decrease and end at their list's size, every id is inside its
// dictionary, dictionary strings are distinct, post ids are distinct, the files' posts sum to n.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"

namespace chorus::core {

enum class SnapshotError : uint8_t {
    None,
    CannotRead,          // the file could not be opened or read (message: the path and the system's reason)
    CannotWrite,         // the file could not be created or written
    NotASnapshot,        // the first 8 bytes are not the .chorus magic
    UnsupportedVersion,  // a .chorus file of another version (message: which)
    Truncated,           // fewer bytes than the header announces (or not even a header)
    ChecksumMismatch,    // the payload's checksum differs from the header's: the file was damaged
    Corrupt,             // checksum right, content inconsistent (a section out of order, an id out of range)
    TooLarge,            // the reader's TextPlacement refused it: not enough memory (nothing else was read)
};
const char* SnapshotErrorName(SnapshotError error);  // stable machine name, e.g. "checksum_mismatch"

struct SnapshotStatus {
    SnapshotError error = SnapshotError::None;
    std::string message;  // for a person: what is wrong, with the path when there is one
    bool ok() const { return error == SnapshotError::None; }
};

// The bytes of a snapshot handed out in order, for a reader that is neither memory nor a FILE (the page
// pulls them from the chunks of a File the browser has already read, so the file is never copied whole
// into the module's memory).
class SnapshotSource {
public:
    virtual ~SnapshotSource() = default;
    // Copies the next n bytes to dst; false when they cannot be had (the read is then CannotRead).
    virtual bool Take(void* dst, uint64_t n) = 0;
    // How many of the next bytes Take can hand over now: a source still being read (the page reads a file
    // while it opens it) says how far it got, and SnapshotOpen::Step waits for more rather than take past it.
    virtual uint64_t Ready() const { return ~uint64_t{0}; }
};

// A snapshot's bytes in memory, handed out in order; the bytes must outlive it and not move.
class BytesSource : public SnapshotSource {
public:
    explicit BytesSource(std::span<const char> bytes) : m_bytes(bytes) {}
    bool Take(void* dst, uint64_t n) override {
        if (n > m_bytes.size()) return false;
        std::memcpy(dst, m_bytes.data(), static_cast<size_t>(n));
        m_bytes = m_bytes.subspan(static_cast<size_t>(n));
        return true;
    }

private:
    std::span<const char> m_bytes;
};

class Snapshot {
    struct AppendState;  // AppendRows a piece at a time (snapshot_merge.cpp)

public:
    static constexpr uint32_t kVersion = 3;
    static constexpr uint32_t kSections = 34;
    static constexpr uint32_t kSectionsVersion2 = 33;  // version 2 is read too (no ENGA)
    static constexpr size_t kHeaderBytes = 32;
    static constexpr std::string_view kMagic{
        "\x89"
        "CHORUS\n",
        8};

    // True when `bytes` start with the magic (8 bytes suffice): detection by content, not by name.
    static bool IsSnapshot(std::span<const char> bytes);
    static bool IsSnapshotFile(const std::string& path);

    // The dataset as .chorus bytes.
    static std::string Write(const Dataset& dataset);
    static SnapshotStatus Save(const Dataset& dataset, const std::string& path);

    // Adds the snapshot's posts and file reports to `into`. An empty `into` (no file begun) takes the
    // snapshot as it is; otherwise the posts are merged as by Merge(). On any error `into` is unchanged.
    // Asked, when the TEXT section is reached, with the text's bytes and the snapshot's other bytes: Disk leaves
    // the posts' text in the file (TextStore::KeepOnDisk, COUNTING.md rule 84; only when `into` is empty,
    // otherwise it counts as Refuse), Refuse stops the read (TooLarge). Without it the text is read into memory.
    enum class TextPlace : uint8_t { Memory, Disk, Refuse };
    using TextOnDisk = std::function<TextPlace(uint64_t text_bytes, uint64_t other_bytes)>;
    static SnapshotStatus Read(std::span<const char> bytes, Dataset& into, const TextOnDisk& text_on_disk = {});
    static SnapshotStatus Load(const std::string& path, Dataset& into);
    // As Read, pulling the `total` bytes of a snapshot from `source`.
    static SnapshotStatus ReadFrom(SnapshotSource& source, uint64_t total, Dataset& into,
                                   const TextOnDisk& text_on_disk = {});

    // Appends `from`'s file reports and posts to `into`, refusing posts whose id `into` already holds,
    // exactly as if from's files had been loaded after into's (COUNTING.md, rule S3).
    static void Merge(const Dataset& from, Dataset& into);

    // Appends `part`, one range of a file read in ranges (ingest_range.hpp; `part` holds one file): the
    // first range (continues false) as a new file, the others to the file `into` holds last. One report,
    // problems' lines moved down by `line_offset` (the lines of the ranges before it), posts de-duplicated
    // exactly as in a sequential read in the same load (COUNTING.md, rule 70).
    static void MergeRange(const Dataset& part, Dataset& into, uint64_t line_offset, bool continues = true);
    // MergeRange a piece at a time, so a page merges a worker's range between frames: each Step appends up to
    // `units` more of part's rows (then its hashtag spellings), or as many as fit in `budget`; true once done,
    // `into` then exactly as MergeRange leaves it. `part` and `into` must outlive it and not change in between.
    //   Snapshot::RangeMerge merge(part, into, lines_before, true);
    //   while (!merge.Step(std::chrono::milliseconds(10))) DrawAFrame();
    class RangeMerge {
    public:
        RangeMerge(const Dataset& part, Dataset& into, uint64_t line_offset, bool continues);
        ~RangeMerge();
        RangeMerge(const RangeMerge&) = delete;
        RangeMerge& operator=(const RangeMerge&) = delete;
        bool Step(size_t units);
        bool Step(std::chrono::microseconds budget);
        void Run() { Step(SIZE_MAX); }
        bool Done() const;
        double Fraction() const;  // of the rows appended, 0..1

    private:
        const Dataset& m_part;
        Dataset& m_into;
        uint64_t m_line_offset;
        std::vector<bool> m_refused;  // per part row: refused as a duplicate
        std::vector<bool> m_drop;     // per part problem entry: not listed (its post was refused)
        std::unique_ptr<AppendState> m_append;
        size_t m_scan_row = 0, m_time_entry = 0, m_author_entry = 0;  // the problem entries' scan
        bool m_done = false;
    };
    // True when MergeRange(part, into, ...) leaves `into` exactly as a sequential read of part's lines would,
    // to the byte of its snapshot: no post of `part` is already in `into`, and each of part's authors with a
    // name has one (its names interned in the order its authors first came). Else the range is best read
    // again in place (Ingest::ContinueLastFile), as rule 70's exceptions are then possible.
    static bool MergesExactly(const Dataset& part, const Dataset& into);

    // The checksum of the header: four 64-bit lanes over 32-byte stripes, then the tail bytes.
    static uint64_t Checksum(std::span<const uint8_t> bytes);

private:
    friend class SnapshotOpen;  // snapshot_open.hpp: the reading, a piece at a time
    static void Swap(Dataset& a, Dataset& b);
    // Appends from's rows; those of from's file f count in into's file base + f. Rows refused as duplicates
    // are flagged in `refused` when given.
    static void AppendRows(const Dataset& from, Dataset& into, size_t base, std::vector<bool>* refused);
};

}  // namespace chorus::core
