// Snapshots (core/COUNTING.md, "Snapshots"): a dataset saved as .chorus bytes and read back gives the
// same summary, queries and aggregates; damaged bytes give an error value; snapshots merge with the
// de-duplication of files loaded together.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "aggregate.hpp"
#include "query.hpp"
#include "snapshot.hpp"
#include "test_support.hpp"

using namespace chorus::core;

namespace {

// Every fixture of a format with problems, no-id posts, no-time posts and text ids, loaded together.
const std::vector<std::string> kMixed = {"query_posts.jsonl", "v1_mixed.jsonl",         "v1_truncated.jsonl",
                                         "v2_twarc2.jsonl",   "fmt_bluesky_posts.json", "fmt_mastodon_statuses.json"};

std::string Snap(const std::vector<std::string>& fixtures) {
    Dataset ds;
    chorus::test::LoadSummary(ds, fixtures);
    return Snapshot::Write(ds);
}

std::vector<std::string> Items(const TopList& top) {
    std::vector<std::string> out;
    for (const TopItem& item : top.items)
        out.push_back(item.text + "=" + std::to_string(item.count));
    return out;
}

// Everything a front end reads, compared between two datasets.
void CheckSame(const Dataset& a, const Dataset& b) {
    CHECK(SummaryJson(a) == SummaryJson(b));
    REQUIRE(a.Posts() == b.Posts());
    for (RowId r = 0; r < a.Posts(); ++r) {
        CHECK(a.PostIdOf(r) == b.PostIdOf(r));
        CHECK(a.TextOf(r) == b.TextOf(r));
        CHECK(a.TimeOf(r) == b.TimeOf(r));
        CHECK(std::string(a.AuthorName(a.AuthorOf(r))) == std::string(b.AuthorName(b.AuthorOf(r))));
    }
    QueryIndex ia(a), ib(b);
    for (const char* q : {"", "#metoo", "me too", "lang:fr OR has:link", "-type:retweet", "domain:example.org"}) {
        ParsedQuery parsed = ParseQuery(q);
        REQUIRE(parsed.ok());
        Selection sa = ia.Select(parsed.query), sb = ib.Select(parsed.query);
        CHECK_MESSAGE(sa == sb, q);
        for (int f = 0; f < kEntityFieldCount; ++f) {
            auto field = static_cast<EntityField>(f);
            CHECK(Items(TopK(ia, sa, field, 20)) == Items(TopK(ib, sb, field, 20)));
        }
        CHECK(CountByTime(a, sa, TimeBin::Hour).counts == CountByTime(b, sb, TimeBin::Hour).counts);
    }
}

SnapshotError ReadError(const std::string& bytes) {
    Dataset ds;
    SnapshotStatus status = Snapshot::Read(bytes, ds);
    CHECK(ds.Posts() == 0);  // on error the dataset is unchanged
    CHECK(ds.Files().empty());
    CHECK((status.ok() || !status.message.empty()));
    return status.error;
}

// Replaces the header's checksum by the payload's, so a deliberate change is read as content.
void Reseal(std::string& bytes) {
    uint64_t sum = Snapshot::Checksum(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()) + Snapshot::kHeaderBytes,
                                 bytes.size() - Snapshot::kHeaderBytes));
    std::memcpy(bytes.data() + 24, &sum, 8);
}

}  // namespace

TEST_CASE("snapshot S1: a reloaded snapshot gives the same summary, queries and aggregates") {
    Dataset original;
    chorus::test::LoadSummary(original, kMixed);
    REQUIRE(original.Posts() > 10);
    REQUIRE(!original.Files()[2].problems.empty());  // v1_truncated lists an invalid line
    std::string bytes = Snapshot::Write(original);
    CHECK(Snapshot::IsSnapshot(bytes));
    Dataset reloaded;
    SnapshotStatus status = Snapshot::Read(bytes, reloaded);
    REQUIRE_MESSAGE(status.ok(), status.message);
    CheckSame(original, reloaded);
    CHECK(Snapshot::Write(reloaded) == bytes);  // writing is deterministic
}

TEST_CASE("snapshot S1: an empty dataset round-trips") {
    Dataset empty;
    Dataset reloaded;
    REQUIRE(Snapshot::Read(Snapshot::Write(empty), reloaded).ok());
    CHECK(SummaryJson(reloaded) == SummaryJson(empty));
}

TEST_CASE("snapshot S1: a snapshot saved to disk loads by path, detected by its first bytes") {
    Dataset original;
    chorus::test::LoadSummary(original, {"query_posts.jsonl"});
    // Any name: detection reads the magic bytes.
    std::string path = (std::filesystem::temp_directory_path() / "chorus_snapshot_test.dat").string();
    REQUIRE(Snapshot::Save(original, path).ok());
    CHECK(Snapshot::IsSnapshotFile(path));
    CHECK_FALSE(Snapshot::IsSnapshotFile(chorus::test::Fixture("query_posts.jsonl")));
    Dataset reloaded;
    REQUIRE(Snapshot::Load(path, reloaded).ok());
    CHECK(SummaryJson(reloaded) == SummaryJson(original));
    std::remove(path.c_str());
    SnapshotStatus missing = Snapshot::Load(path, reloaded);
    CHECK(missing.error == SnapshotError::CannotRead);
    CHECK(missing.message.find(path) != std::string::npos);
}

// Hands out a snapshot's bytes as a page does: from chunks of an odd size, failing after `fail_after` bytes.
class ChunkSource : public SnapshotSource {
public:
    ChunkSource(const std::string& bytes, size_t chunk, size_t fail_after = SIZE_MAX)
        : m_bytes(bytes), m_chunk(chunk), m_fail_after(fail_after) {}
    bool Take(void* dst, uint64_t n) override {
        char* out = static_cast<char*>(dst);
        while (n > 0) {  // at most one chunk at a time, as a reader of separate buffers would copy
            if (m_at >= m_fail_after || m_at >= m_bytes.size()) return false;
            size_t take = std::min<size_t>({m_chunk - m_at % m_chunk, static_cast<size_t>(n), m_bytes.size() - m_at});
            std::memcpy(out, m_bytes.data() + m_at, take);
            out += take;
            m_at += take;
            n -= take;
            ++takes;
        }
        return true;
    }
    size_t takes = 0;

private:
    const std::string& m_bytes;
    size_t m_chunk, m_fail_after, m_at = 0;
};

TEST_CASE("snapshot S1: a snapshot pulled from a source in chunks reads as from memory") {
    Dataset original;
    chorus::test::LoadSummary(original, kMixed);
    std::string bytes = Snapshot::Write(original);
    for (size_t chunk : {size_t{7}, size_t{4096}, bytes.size()}) {
        CAPTURE(chunk);
        ChunkSource source(bytes, chunk);
        Dataset reloaded;
        SnapshotStatus status = Snapshot::ReadFrom(source, bytes.size(), reloaded);
        REQUIRE_MESSAGE(status.ok(), status.message);
        CheckSame(original, reloaded);
        CHECK(source.takes > 25);  // pulled section by section, never as one copy of the file
    }
    ChunkSource failing(bytes, 4096, bytes.size() / 2);
    Dataset held;
    chorus::test::LoadSummary(held, {"query_posts.jsonl"});
    std::string before = SummaryJson(held);
    CHECK(Snapshot::ReadFrom(failing, bytes.size(), held).error == SnapshotError::CannotRead);
    CHECK(SummaryJson(held) == before);
    ChunkSource shorter(bytes, 4096);
    Dataset other;
    CHECK(Snapshot::ReadFrom(shorter, bytes.size() - 8, other).error == SnapshotError::Truncated);
}

TEST_CASE("snapshot S2: wrong, truncated, damaged and inconsistent bytes give an error value") {
    const std::string good = Snap({"query_posts.jsonl", "v1_truncated.jsonl"});
    CHECK(ReadError("") == SnapshotError::NotASnapshot);
    CHECK(ReadError("{\"id_str\":\"1\"}\n") == SnapshotError::NotASnapshot);
    CHECK(ReadError(good.substr(0, 8)) == SnapshotError::Truncated);
    // Cut anywhere: never a crash, always Truncated.
    for (size_t cut = 8; cut < good.size(); cut += 1 + cut / 16)
        CHECK_MESSAGE(ReadError(good.substr(0, cut)) == SnapshotError::Truncated, cut);

    std::string version = good;
    version[8] = 1;  // version 1 had no hashtag spellings
    CHECK(ReadError(version) == SnapshotError::UnsupportedVersion);
    Dataset old;
    CHECK(Snapshot::Read(version, old).message == "snapshot version 1, this build reads versions 2 to 3");

    // Any flipped byte of the payload is caught by the checksum.
    for (size_t at = Snapshot::kHeaderBytes; at < good.size(); at += 1 + at / 8) {
        std::string flipped = good;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
        CHECK_MESSAGE(ReadError(flipped) == SnapshotError::ChecksumMismatch, at);
    }

    // Resealed damage (a crafted file): the content checks catch it. Each single byte changed, no crash.
    size_t corrupt = 0, accepted = 0;
    for (size_t at = Snapshot::kHeaderBytes; at < good.size(); ++at) {
        std::string changed = good;
        changed[at] = static_cast<char>(changed[at] ^ 0xFF);
        Reseal(changed);
        Dataset ds;
        SnapshotStatus status = Snapshot::Read(changed, ds);
        if (status.ok()) {
            ++accepted;  // a byte of text, a time or a count: still a consistent dataset
            (void)SummaryJson(ds);
        } else {
            CHECK(status.error == SnapshotError::Corrupt);
            ++corrupt;
        }
    }
    CHECK(corrupt > 0);
    CHECK(accepted > 0);

    std::string trailing = good + std::string(8, '\0');
    CHECK(ReadError(trailing) == SnapshotError::Corrupt);  // checksum covers the announced payload only
}

TEST_CASE("snapshot S2: on error a dataset that already holds posts is left unchanged") {
    Dataset ds;
    chorus::test::LoadSummary(ds, {"query_posts.jsonl"});
    std::string before = SummaryJson(ds);
    std::string bad = Snap({"v1_mixed.jsonl"});
    bad[bad.size() - 1] = static_cast<char>(bad.back() ^ 1);
    CHECK(Snapshot::Read(bad, ds).error == SnapshotError::ChecksumMismatch);
    CHECK(SummaryJson(ds) == before);
}

TEST_CASE("snapshot S3: merged snapshots de-duplicate as files loaded together, keeping every file report") {
    Dataset together;
    chorus::test::LoadSummary(together, {"v1_dup_a.jsonl", "v1_dup_b.jsonl", "query_posts.jsonl", "v1_dup_a.jsonl"});
    Dataset merged;
    for (const char* name : {"v1_dup_a.jsonl", "v1_dup_b.jsonl", "query_posts.jsonl", "v1_dup_a.jsonl"})
        REQUIRE(Snapshot::Read(Snap({name}), merged).ok());
    CHECK(merged.Files().size() == 4);
    CHECK(merged.Duplicates() == together.Duplicates());
    CHECK(merged.Files()[1].duplicates == 1);
    CheckSame(together, merged);
    // A snapshot of two files merged after a dump: same again.
    Dataset mixed;
    chorus::test::LoadSummary(mixed, {"v1_dup_a.jsonl"});
    REQUIRE(Snapshot::Read(Snap({"v1_dup_b.jsonl", "query_posts.jsonl"}), mixed).ok());
    REQUIRE(Snapshot::Read(Snap({"v1_dup_a.jsonl"}), mixed).ok());
    CheckSame(together, mixed);
}

TEST_CASE("snapshot S3: a duplicate's no_time and no_author counts go, as when loading together") {
    Dataset one;
    size_t f = one.BeginFile("a");
    PostRecord rec;
    rec.id = "7";
    rec.text = "no time, no author";
    one.Add(rec, f, 1);
    std::string bytes = Snapshot::Write(one);
    Dataset together;
    for (const char* name : {"a", "b"}) {
        size_t file = together.BeginFile(name);
        together.Add(rec, file, 1);
    }
    Dataset merged;
    REQUIRE(Snapshot::Read(bytes, merged).ok());
    REQUIRE(Snapshot::Read(bytes, merged).ok());
    CHECK(merged.Files()[1].counts.empty());
    CHECK(merged.Files()[1].posts == 0);
    CHECK(merged.Files()[1].duplicates == 1);
    CHECK(merged.Files()[1].counts == together.Files()[1].counts);
}
