// A snapshot opened a piece at a time (core/snapshot_open.hpp): for any size of piece, down to one byte and one
// row, the stepped open gives the dataset the whole open gives (version 2 and 3, text in memory or left on disk,
// into an empty dataset or merged), the same error and message on damaged bytes, and leaves the dataset it opens
// into unchanged until its last step, on error and when cancelled.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "snapshot.hpp"
#include "snapshot_open.hpp"
#include "test_support.hpp"

using namespace chorus::core;

namespace {

const std::vector<std::string> kMixed = {"query_posts.jsonl", "v1_mixed.jsonl",         "v1_truncated.jsonl",
                                         "v2_twarc2.jsonl",   "fmt_bluesky_posts.json", "fmt_mastodon_statuses.json"};

Snapshot::TextPlace OnDisk(uint64_t, uint64_t) {
    return Snapshot::TextPlace::Disk;
}

// Opens `bytes` into `into` one piece a step (a zero budget), checking on the way that `into` stays as it was
// until the last step and that the fraction done only grows. Returns the status; `steps` counts the steps.
SnapshotStatus Stepped(const std::string& bytes, Dataset& into, SnapshotPieces pieces, size_t& steps,
                       const Snapshot::TextOnDisk& text_on_disk = {}) {
    const std::string before = SummaryJson(into);
    BytesSource source(bytes);
    SnapshotOpen open(source, bytes.size(), into, text_on_disk, pieces);
    double fraction = 0;
    steps = 0;
    while (!open.Step(std::chrono::microseconds(0))) {
        ++steps;
        CHECK(open.Fraction() >= fraction);
        CHECK(open.Fraction() <= 1);
        fraction = open.Fraction();
        if (steps % 97 == 0) REQUIRE(SummaryJson(into) == before);  // not yet swapped in
    }
    CHECK(open.Finished());
    CHECK(open.Fraction() == 1);
    if (!open.Status().ok()) CHECK(SummaryJson(into) == before);
    return open.Status();
}

// Everything the two datasets hold: the same snapshot bytes when their text is in memory, else the same texts' places.
void CheckSame(const Dataset& a, const Dataset& b) {
    REQUIRE(a.Posts() == b.Posts());
    CHECK(SummaryJson(a) == SummaryJson(b));
    CHECK(a.Text().OnDisk() == b.Text().OnDisk());
    if (!a.Text().OnDisk()) {
        CHECK(Snapshot::Write(a) == Snapshot::Write(b));
        return;
    }
    for (RowId r = 0; r < a.Posts(); ++r) {
        CHECK(a.Text().PlaceOf(r).offset == b.Text().PlaceOf(r).offset);
        CHECK(a.Text().PlaceOf(r).length == b.Text().PlaceOf(r).length);
    }
}

const SnapshotPieces kPieces[] = {{1, 1}, {3, 2}, {8, 7}, {100, 3}, {4096, 64}, {}};

}  // namespace

TEST_CASE("snapshot open: stepped a piece at a time, down to a byte and a row, it gives the whole open's dataset") {
    Dataset original;
    chorus::test::LoadSummary(original, kMixed);
    const std::string v3 = Snapshot::Write(original);
    const std::string v2 = chorus::test::AsVersion2(v3);
    for (const std::string* bytes : {&v3, &v2}) {
        Dataset whole;
        SnapshotStatus status = Snapshot::Read(*bytes, whole);
        REQUIRE_MESSAGE(status.ok(), status.message);
        Dataset whole_disk;
        REQUIRE(Snapshot::Read(*bytes, whole_disk, OnDisk).ok());
        REQUIRE(whole_disk.Text().OnDisk());
        for (const SnapshotPieces& pieces : kPieces) {
            CAPTURE(pieces.bytes);
            CAPTURE(pieces.rows);
            size_t steps = 0;
            Dataset memory;
            status = Stepped(*bytes, memory, pieces, steps);
            REQUIRE_MESSAGE(status.ok(), status.message);
            CheckSame(whole, memory);
            // One byte a piece (one value of an array): at least a step for every 8 bytes of the payload.
            if (pieces.bytes == 1) CHECK(steps >= (bytes->size() - Snapshot::kHeaderBytes) / 8);
            Dataset disk;
            REQUIRE(Stepped(*bytes, disk, pieces, steps, OnDisk).ok());
            CheckSame(whole_disk, disk);
        }
    }
}

TEST_CASE("snapshot open: merged into a dataset that holds posts, stepped equals whole; Load and Read agree") {
    const std::string a = [] {
        Dataset ds;
        chorus::test::LoadSummary(ds, {"v1_dup_b.jsonl", "query_posts.jsonl"});
        return Snapshot::Write(ds);
    }();
    Dataset whole;
    chorus::test::LoadSummary(whole, {"v1_dup_a.jsonl"});
    REQUIRE(Snapshot::Read(a, whole).ok());
    for (const SnapshotPieces& pieces : kPieces) {
        Dataset stepped;
        chorus::test::LoadSummary(stepped, {"v1_dup_a.jsonl"});
        size_t steps = 0;
        REQUIRE(Stepped(a, stepped, pieces, steps).ok());
        CheckSame(whole, stepped);
    }
    const std::string path = (std::filesystem::temp_directory_path() / "chorus_snapshot_open_test.chorus").string();
    Dataset source;
    chorus::test::LoadSummary(source, kMixed);
    REQUIRE(Snapshot::Save(source, path).ok());
    Dataset loaded, read;
    REQUIRE(Snapshot::Load(path, loaded).ok());
    REQUIRE(Snapshot::Read(Snapshot::Write(source), read).ok());
    CheckSame(read, loaded);
    std::filesystem::remove(path);
}

TEST_CASE("snapshot open: truncated, damaged and inconsistent bytes give the whole open's error at every piece size") {
    Dataset original;
    chorus::test::LoadSummary(original, {"query_posts.jsonl", "v1_truncated.jsonl"});
    const std::string good = Snapshot::Write(original);
    std::vector<std::string> bad = {"", good.substr(0, 8), good.substr(0, 31), good + std::string(8, '\0')};
    for (size_t cut = 40; cut < good.size(); cut += 1 + cut / 4)
        bad.push_back(good.substr(0, cut));
    std::string version = good;
    version[8] = 1;
    bad.push_back(version);
    for (size_t at = Snapshot::kHeaderBytes; at < good.size(); at += 1 + at / 4) {
        std::string changed = good;
        changed[at] = static_cast<char>(changed[at] ^ 0xFF);
        bad.push_back(changed);  // checksum mismatch
        uint64_t sum = Snapshot::Checksum(
            std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(changed.data()) + Snapshot::kHeaderBytes,
                                     changed.size() - Snapshot::kHeaderBytes));
        std::memcpy(changed.data() + 24, &sum, 8);
        bad.push_back(changed);  // resealed: corrupt content, or a consistent dataset
    }
    size_t corrupt = 0;
    for (const std::string& bytes : bad) {
        Dataset whole_into;
        const SnapshotStatus whole = Snapshot::Read(bytes, whole_into);
        corrupt += whole.error == SnapshotError::Corrupt;
        for (const SnapshotPieces& pieces : {SnapshotPieces{1, 1}, SnapshotPieces{5, 3}, SnapshotPieces{}}) {
            Dataset held;
            chorus::test::LoadSummary(held, {"v1_dup_a.jsonl"});
            size_t steps = 0;
            const SnapshotStatus stepped = Stepped(bytes, held, pieces, steps);
            CHECK(stepped.error == whole.error);
            CHECK(stepped.message == whole.message);
        }
    }
    CHECK(corrupt > 0);
}

TEST_CASE("snapshot open: refused text and a source that fails midway give the whole open's error") {
    Dataset original;
    chorus::test::LoadSummary(original, kMixed);
    const std::string bytes = Snapshot::Write(original);
    auto refuse = [](uint64_t, uint64_t) { return Snapshot::TextPlace::Refuse; };
    size_t steps = 0;
    Dataset empty;
    SnapshotStatus status = Stepped(bytes, empty, {16, 4}, steps, refuse);
    CHECK(status.error == SnapshotError::TooLarge);
    CHECK(status.message == "not enough memory for this snapshot");
    Dataset held;  // text on disk only for a snapshot opened alone
    chorus::test::LoadSummary(held, {"v1_dup_a.jsonl"});
    CHECK(Stepped(bytes, held, {16, 4}, steps, OnDisk).error == SnapshotError::TooLarge);

    const std::string half = bytes.substr(0, bytes.size() / 2);
    BytesSource failing(half);  // announces the whole file, fails halfway
    SnapshotOpen open(failing, bytes.size(), held, {}, {64, 8});
    while (!open.Step(std::chrono::microseconds(0))) {
    }
    CHECK(open.Status().error == SnapshotError::CannotRead);
    CHECK(open.Status().message == "read error");
    CHECK(held.Files().size() == 1);
}

TEST_CASE("snapshot open: cancelled at any step (the open destroyed), the dataset is unchanged") {
    Dataset original;
    chorus::test::LoadSummary(original, kMixed);
    const std::string bytes = Snapshot::Write(original);
    Dataset held;
    chorus::test::LoadSummary(held, {"v1_dup_a.jsonl"});
    const std::string before = SummaryJson(held);
    size_t total_steps = 0;
    {
        Dataset scratch;
        REQUIRE(Stepped(bytes, scratch, {256, 16}, total_steps).ok());
    }
    REQUIRE(total_steps > 20);
    for (size_t stop = 0; stop < total_steps; stop += 1 + stop / 3) {
        BytesSource source(bytes);
        {
            SnapshotOpen open(source, bytes.size(), held, {}, {256, 16});
            for (size_t i = 0; i < stop; ++i)
                REQUIRE_FALSE(open.Step(std::chrono::microseconds(0)));
        }
        CHECK(SummaryJson(held) == before);
    }
    // Then opened to the end, it merges as a whole open does.
    size_t steps = 0;
    REQUIRE(Stepped(bytes, held, {256, 16}, steps).ok());
    Dataset whole;
    chorus::test::LoadSummary(whole, {"v1_dup_a.jsonl"});
    REQUIRE(Snapshot::Read(bytes, whole).ok());
    CheckSame(whole, held);
}

namespace {

// A source still being read, as the page's is: it holds the first `received` bytes and fails a Take past them.
class ArrivingSource : public SnapshotSource {
public:
    explicit ArrivingSource(const std::string& bytes) : m_bytes(bytes) {}
    bool Take(void* dst, uint64_t n) override {
        if (n > Ready()) return false;
        std::memcpy(dst, m_bytes.data() + m_taken, static_cast<size_t>(n));
        m_taken += n;
        return true;
    }
    uint64_t Ready() const override { return m_received - m_taken; }
    void Receive(uint64_t n) { m_received = std::min<uint64_t>(m_bytes.size(), m_received + n); }
    bool Complete() const { return m_received == m_bytes.size(); }

private:
    const std::string& m_bytes;
    uint64_t m_received = 0, m_taken = 0;
};

}  // namespace

TEST_CASE(
    "snapshot open: from a source still being read it waits for bytes, never takes past them, and gives the "
    "whole open's dataset") {
    Dataset original;
    chorus::test::LoadSummary(original, kMixed);
    const std::string bytes = Snapshot::Write(original);
    Dataset whole;
    REQUIRE(Snapshot::Read(bytes, whole).ok());
    // Bytes arriving in slices smaller, about as large and larger than a piece.
    for (const uint64_t slice : {uint64_t{5}, uint64_t{64}, uint64_t{1000}, uint64_t{1} << 20}) {
        CAPTURE(slice);
        ArrivingSource source(bytes);
        Dataset into;
        SnapshotOpen open(source, bytes.size(), into, {}, {64, 16});
        size_t waits = 0;
        while (!open.Step(std::chrono::microseconds(0))) {
            if (!open.Waiting()) continue;
            REQUIRE_FALSE(source.Complete());  // it waits only for bytes still to come
            ++waits;
            source.Receive(slice);
        }
        REQUIRE_MESSAGE(open.Status().ok(), open.Status().message);
        CheckSame(whole, into);
        if (slice < bytes.size()) CHECK(waits > 0);
    }
    // Before anything arrived it waits, and a step then runs nothing.
    ArrivingSource idle(bytes);
    Dataset untouched;
    SnapshotOpen waiting(idle, bytes.size(), untouched);
    CHECK(waiting.Waiting());
    CHECK_FALSE(waiting.Step(std::chrono::microseconds(0)));
    CHECK(waiting.Fraction() == 0);
}
