// Post text kept on disk (core/text_store.hpp, core/text_scan.hpp; COUNTING.md, rules 84-85): a snapshot read
// with its text left in the file shows the same texts once read back, and word queries over it count the same
// as over text in memory once their streaming scan has ended.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "query.hpp"
#include "query_text.hpp"
#include "snapshot.hpp"
#include "test_support.hpp"

using namespace chorus::core;

namespace {

const std::vector<std::string> kFiles = {"query_posts.jsonl", "v1_mixed.jsonl", "v2_twarc2.jsonl",
                                         "fmt_mastodon_statuses.json"};

Snapshot::TextPlace OnDisk(uint64_t, uint64_t) {
    return Snapshot::TextPlace::Disk;
}

// Feeds every scan the dataset asked for, `max_bytes` at a time, from the snapshot's bytes.
void RunScans(const Dataset& ds, const std::string& bytes, uint64_t max_bytes) {
    TextScans::Piece piece;
    while (ds.Scans().Next(ds.Text(), max_bytes, piece))
        ds.Scans().Feed(ds.Text(), piece,
                        std::string_view(bytes).substr(static_cast<size_t>(piece.place.offset),
                                                       static_cast<size_t>(piece.place.length)));
}

size_t Count(const Dataset& ds, const std::string& query) {
    ParsedQuery parsed = ParseQuery(query);
    REQUIRE(parsed.ok());
    QueryIndex index(ds);
    return index.Select(parsed.query).Count();
}

}  // namespace

TEST_CASE("text store 84: a snapshot's text kept on disk shows the same posts once read back") {
    Dataset memory;
    chorus::test::LoadSummary(memory, kFiles);
    const std::string bytes = Snapshot::Write(memory);
    Dataset disk;
    REQUIRE(Snapshot::Read(bytes, disk, OnDisk).ok());
    REQUIRE(disk.Posts() == memory.Posts());
    CHECK(disk.Text().OnDisk());
    CHECK(disk.Text().DiskRows() == disk.Posts());
    CHECK(disk.MemoryBytes().text < memory.MemoryBytes().text);
    size_t nonempty = 0;
    for (RowId r = 0; r < disk.Posts(); ++r) {
        CHECK_FALSE(disk.Text().Has(r));
        CHECK(disk.TextOf(r).empty());  // a placeholder until read
        TextStore::Place place = disk.Text().PlaceOf(r);
        std::string read = bytes.substr(static_cast<size_t>(place.offset), static_cast<size_t>(place.length));
        CHECK(read == memory.TextOf(r));
        disk.Text().Remember(r, read);
        CHECK(disk.Text().Has(r));
        CHECK(disk.TextOf(r) == memory.TextOf(r));
        nonempty += read.empty() ? 0 : 1;
    }
    CHECK(nonempty > 10);

    // The reader's budget decides: the text's bytes and the rest are what it is asked with; Refuse reads nothing.
    uint64_t asked_text = 0, asked_other = 0;
    Dataset refused;
    SnapshotStatus status = Snapshot::Read(bytes, refused, [&](uint64_t text, uint64_t other) {
        asked_text = text;
        asked_other = other;
        return Snapshot::TextPlace::Refuse;
    });
    CHECK(status.error == SnapshotError::TooLarge);
    CHECK(refused.Posts() == 0);
    CHECK(asked_text == memory.Text().Offsets().back());
    CHECK(asked_text + asked_other == bytes.size() - Snapshot::kHeaderBytes);

    // Another snapshot opened into it merges as usual, its rows' text in memory (on disk it is refused: only a
    // snapshot opened alone keeps its text in its file).
    CHECK(Snapshot::Read(bytes, disk, OnDisk).error == SnapshotError::TooLarge);
    REQUIRE(Snapshot::Read(bytes, disk).ok());
    CHECK(disk.Text().DiskRows() == memory.Posts());
    for (RowId r = static_cast<RowId>(memory.Posts()); r < disk.Posts(); ++r)
        CHECK(disk.Text().Has(r));
}

TEST_CASE("text store 84: text read back is kept for the last rows asked, at most kCacheRows") {
    TextStore store;
    for (size_t i = 0; i < TextStore::kCacheRows + 10; ++i)
        store.Append("post " + std::to_string(i));
    store.KeepOnDisk("a.chorus", 100);
    CHECK(store.Arena().empty());
    CHECK(store.PlaceOf(1).offset == 100 + 6);
    CHECK(store.PlaceOf(1).length == 6);
    for (size_t i = 0; i < TextStore::kCacheRows + 10; ++i)
        store.Remember(i, "post " + std::to_string(i));
    CHECK(store.Remembered() <= TextStore::kCacheRows);
    CHECK(store.Has(TextStore::kCacheRows + 9));
    CHECK_FALSE(store.Has(0));
    store.Want(0);
    store.Want(0);
    store.Want(TextStore::kCacheRows + 9);  // already read: not asked for
    CHECK(store.TakeWanted() == std::vector<uint32_t>{0});
    store.Want(0);  // being read: not asked for again
    CHECK(store.TakeWanted().empty());
    store.Remember(0, "post 0");
    CHECK(store.TextOf(0) == "post 0");
    store.Append("in memory");  // a row after the on-disk ones
    CHECK(store.TextOf(TextStore::kCacheRows + 10) == "in memory");
}

TEST_CASE("text store 85: a phrase query over on-disk text counts the same as in memory once scanned") {
    Dataset memory;
    chorus::test::LoadSummary(memory, kFiles);
    const std::string bytes = Snapshot::Write(memory);
    Dataset disk;
    REQUIRE(Snapshot::Read(bytes, disk, OnDisk).ok());

    // A phrase of two words taken from a post, and a single word.
    std::vector<std::string> words;
    for (RowId r = 0; r < memory.Posts() && words.size() < 2; ++r)
        words = FoldedWords(memory.TextOf(r));
    REQUIRE(words.size() >= 2);
    const std::string phrase = "\"" + words[0] + " " + words[1] + "\"";
    // (query, whether it needs a scan: the third one's phrase was scanned for the first, and is not read again)
    const std::vector<std::pair<std::string, bool>> queries = {
        {phrase, true}, {words[0], true}, {phrase + " OR #metoo", false}, {"-" + words[1], true}};
    for (const auto& item : queries) {
        const std::string& q = item.first;
        const bool fresh = item.second;
        CAPTURE(q);
        const size_t expected = Count(memory, q);
        const uint64_t finished = disk.Scans().Finished();
        Count(disk, q);  // asks for the scan
        CHECK(disk.Scans().Scanning() == fresh);
        if (fresh) CHECK(disk.Scans().Progress(disk.Text()) < 1.0);
        RunScans(disk, bytes, 200);  // small pieces: many rows cross no piece's end
        CHECK_FALSE(disk.Scans().Scanning());
        CHECK((disk.Scans().Finished() > finished) == fresh);
        CHECK(Count(disk, q) == expected);
    }
    CHECK(Count(memory, phrase) > 0);

    // Rows merged in later are matched in memory, the on-disk ones from the scan.
    Dataset more;
    REQUIRE(Snapshot::Read(bytes, more, OnDisk).ok());
    REQUIRE(Snapshot::Read(Snapshot::Write(memory), more).ok());
    CHECK(more.Text().DiskRows() == memory.Posts());
    Dataset both;
    REQUIRE(Snapshot::Read(bytes, both).ok());
    REQUIRE(Snapshot::Read(bytes, both).ok());
    Count(more, phrase);
    RunScans(more, bytes, 1 << 20);
    CHECK(Count(more, phrase) == Count(both, phrase));
}

TEST_CASE("text store 85: text that can no longer be read matches no on-disk post, never a part of a scan") {
    Dataset memory;
    chorus::test::LoadSummary(memory, kFiles);
    const std::string bytes = Snapshot::Write(memory);
    Dataset disk;
    REQUIRE(Snapshot::Read(bytes, disk, OnDisk).ok());
    std::vector<std::string> words = FoldedWords(memory.TextOf(0));
    REQUIRE_FALSE(words.empty());
    const std::string query = words[0];
    Count(disk, query);
    TextScans::Piece piece;
    REQUIRE(disk.Scans().Next(disk.Text(), 64, piece));
    disk.Scans().Feed(disk.Text(), piece,
                      std::string_view(bytes).substr(static_cast<size_t>(piece.place.offset),
                                                     static_cast<size_t>(piece.place.length)));
    disk.Text().MarkUnreadable("the file changed");
    disk.Scans().Abandon();
    CHECK_FALSE(disk.Scans().Scanning());
    CHECK(Count(disk, query) == 0);
    CHECK(disk.Text().Unreadable() == "the file changed");
    // A scan asked for afterwards ends at once, with nothing.
    CHECK(disk.Scans().Matches(disk.Text(), {"zzz"}) != nullptr);
}
