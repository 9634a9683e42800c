// Compressed and archived dumps (COUNTING.md, rule 39): told by content, unpacked natively with zlib.
#include <doctest/doctest.h>

#include "container.hpp"
#include "ingest.hpp"
#include "test_support.hpp"
#include "zip_reader.hpp"
#include "zstd_stream.hpp"

using chorus::core::Dataset;
using chorus::core::Packing;
using chorus::core::SniffPacking;
using chorus::test::Fixture;
using chorus::test::LoadSummary;
using chorus::test::ReadAll;
using json = nlohmann::json;

namespace {

std::vector<chorus::core::ZipEntry> Directory(const std::string& bytes, std::string& error) {
    chorus::core::ZipReadAt read_at = [&](uint64_t offset, size_t size, std::string& out) {
        if (offset > bytes.size() || size > bytes.size() - offset) return false;
        out = bytes.substr(static_cast<size_t>(offset), size);
        return true;
    };
    std::vector<chorus::core::ZipEntry> entries;
    error = chorus::core::ReadZipDirectory(bytes.size(), read_at, entries);
    return entries;
}

// The summary without the per-file part, which names the files differently.
json Counts(json summary) {
    summary.erase("files");
    summary.erase("errors");
    return summary;
}

}  // namespace

TEST_CASE("containers: told by their first bytes, never by their name") {
    CHECK(SniffPacking("\x1f\x8b\x08\x00", 4) == Packing::Gzip);
    CHECK(SniffPacking("PK\x03\x04", 4) == Packing::Zip);
    CHECK(SniffPacking("PK\x05\x06", 4) == Packing::Zip);  // an empty archive
    CHECK(SniffPacking("\x28\xb5\x2f\xfd", 4) == Packing::Zstd);
    CHECK(SniffPacking("{\"id\"", 5) == Packing::Plain);
    CHECK(SniffPacking("PK", 2) == Packing::Plain);
    CHECK(SniffPacking("", 0) == Packing::Plain);
}

TEST_CASE("zip: the central directory lists entries, ZIP64 fields included") {
    std::string error;
    auto entries = Directory(ReadAll(Fixture("container_dumps.zip")), error);
    CHECK(error.empty());
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].Skipped());  // dumps/
    CHECK(entries[1].name == "dumps/v1_mixed.jsonl");
    CHECK(entries[1].method == 8);
    CHECK(entries[1].size == 5109);
    CHECK(entries[2].method == 0);
    CHECK(entries[3].Skipped());  // __MACOSX/

    auto zip64 = Directory(ReadAll(Fixture("container_zip64.zip")), error);
    CHECK(error.empty());
    REQUIRE(zip64.size() == 1);
    CHECK(zip64[0].name == "v1_mixed.jsonl");
    CHECK(zip64[0].size == 5109);
    CHECK(zip64[0].header_offset == 0);

    Directory(ReadAll(Fixture("container_corrupt.zip")), error);
    CHECK(error.find("no end of central directory") != std::string::npos);
    std::string cut = ReadAll(Fixture("container_dumps.zip"));
    cut.erase(cut.size() - 30, 8);  // a hole in the last central header
    Directory(cut, error);
    CHECK(!error.empty());
}

#if CHORUS_HAVE_ZLIB

TEST_CASE("gzip: a .gz dump counts the same as the plain file") {
    Dataset plain, packed;
    json want = LoadSummary(plain, {"v1_mixed.jsonl"});
    json got = LoadSummary(packed, {"container_v1_mixed.jsonl.gz"});
    CHECK(Counts(got) == Counts(want));
    REQUIRE(got["files"].size() == 1);
    CHECK(got["files"][0]["name"] == "container_v1_mixed.jsonl.gz");
    CHECK(got["files"][0]["format"] == want["files"][0]["format"]);
    CHECK(got["files"][0]["bytes"] == want["files"][0]["bytes"]);  // bytes of text, once unpacked
}

TEST_CASE("gzip: a truncated stream keeps what came before and says so") {
    Dataset ds;
    json s = LoadSummary(ds, {"container_truncated.jsonl.gz"});
    CHECK(s["posts"] > 0);
    CHECK(s["posts"] < 6);
    CHECK(s["files"][0]["problems"]["archive"] == 1);
    bool said = false;
    for (const json& error : s["errors"])
        said |=
            error["kind"] == "archive" && error["reason"].get<std::string>().find("ends early") != std::string::npos;
    CHECK(said);
}

TEST_CASE("zip: each entry is a file of its own; directories and __MACOSX are skipped") {
    Dataset plain, packed;
    json want = LoadSummary(plain, {"v1_mixed.jsonl", "fmt_reddit.jsonl"});
    json got = LoadSummary(packed, {"container_dumps.zip"});
    CHECK(Counts(got) == Counts(want));
    REQUIRE(got["files"].size() == 2);
    CHECK(got["files"][0]["name"] == "container_dumps.zip/dumps/v1_mixed.jsonl");
    CHECK(got["files"][1]["name"] == "container_dumps.zip/dumps/fmt_reddit.jsonl");
    CHECK(got["files"][1]["format"] == want["files"][1]["format"]);
}

TEST_CASE("zip: a ZIP64 archive reads like any other") {
    Dataset plain, packed;
    json want = LoadSummary(plain, {"v1_mixed.jsonl"});
    json got = LoadSummary(packed, {"container_zip64.zip"});
    CHECK(Counts(got) == Counts(want));
    CHECK(got["files"][0]["name"] == "container_zip64.zip/v1_mixed.jsonl");
}

TEST_CASE("zip: unsupported, encrypted and damaged entries are reported, never dropped") {
    Dataset ds;
    json s = LoadSummary(ds, {"container_odd.zip"});
    REQUIRE(s["files"].size() == 3);
    for (const json& file : s["files"])
        CHECK(file["problems"]["archive"] == 1);
    CHECK(s["files"][0]["posts"] == 0);
    CHECK(s["files"][1]["posts"] == 0);
    CHECK(s["files"][2]["posts"] == 5);  // read as it is (fmt_reddit.jsonl); the CRC says it changed
    std::string details;
    for (const json& error : s["errors"])
        if (error["kind"] == "archive") details += error["reason"].get<std::string>() + "\n";
    CHECK(details.find("bzip2 compression is not supported") != std::string::npos);
    CHECK(details.find("encrypted") != std::string::npos);
    CHECK(details.find("CRC-32") != std::string::npos);
}

TEST_CASE("zip: a corrupt archive is named in the report with why") {
    Dataset ds;
    json s = LoadSummary(ds, {"container_corrupt.zip", "v1_mixed.jsonl"});
    CHECK(s["posts"] == 6);  // the next file still loads
    REQUIRE(s["files"].size() == 2);
    CHECK(s["files"][0]["name"] == "container_corrupt.zip");
    CHECK(s["files"][0]["problems"]["archive"] == 1);
}

#else

TEST_CASE("containers: a build without zlib names the file and says it cannot unpack it") {
    Dataset ds;
    json s = LoadSummary(ds, {"container_v1_mixed.jsonl.gz", "v1_mixed.jsonl"});
    CHECK(s["posts"] == 6);
    CHECK(s["files"][0]["posts"] == 0);
    CHECK(s["files"][0]["problems"]["archive"] == 1);
}

#endif  // CHORUS_HAVE_ZLIB

// zstd: decoded inside Ingest in every build (libzstd natively, zstd's decoder built from source in WASM).

TEST_CASE("zstd: a .zst dump counts the same as the plain file") {
    Dataset plain, packed;
    json want = LoadSummary(plain, {"v1_mixed.jsonl"});
    json got = LoadSummary(packed, {"container_v1_mixed.jsonl.zst"});
    CHECK(Counts(got) == Counts(want));
    CHECK(got["files"][0]["bytes"] == want["files"][0]["bytes"]);
    CHECK(got["errors"].size() == want["errors"].size());
}

TEST_CASE("zstd: a cut stream keeps what came before; a window over 2^30 is named") {
    Dataset ds;
    json s = LoadSummary(ds, {"container_truncated.jsonl.zst", "container_window31.zst"});
    REQUIRE(s["files"].size() == 2);
    CHECK(s["files"][0]["problems"]["archive"] == 1);
    CHECK(s["files"][1]["problems"]["archive"] == 1);
    CHECK(s["files"][1]["posts"] == 0);
    std::string details;
    for (const json& error : s["errors"])
        if (error["kind"] == "archive") details += error["reason"].get<std::string>() + "\n";
    CHECK(details.find("ends early") != std::string::npos);
    CHECK(details.find("larger than 2^30 bytes (1 GiB)") != std::string::npos);
}

TEST_CASE("zstd: the decoder reads the raw file in slices of any size, even 1 byte") {
    std::string packed = ReadAll(Fixture("container_v1_mixed.jsonl.zst"));
    std::string plain = ReadAll(Fixture("v1_mixed.jsonl"));
    std::string text;
    chorus::core::ZstdStream zstd;
    for (size_t at = 0; at < packed.size(); at += 5)
        CHECK(zstd.Feed(packed.data() + at, std::min<size_t>(5, packed.size() - at),
                        [&](const char* data, size_t size) { text.append(data, size); }));
    CHECK(zstd.Finish().empty());
    CHECK(text == plain);
    CHECK(zstd.Produced() == plain.size());

    Dataset want_ds;
    json want = LoadSummary(want_ds, {"v1_mixed.jsonl"});
    for (size_t slice : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{4096}}) {
        Dataset ds;
        chorus::core::Ingest ingest(ds);
        chorus::test::FeedInSlices(ingest, "v1_mixed.jsonl.zst", packed, slice);
        json got = nlohmann::json::parse(chorus::core::SummaryJson(ds));
        CHECK_MESSAGE(Counts(got) == Counts(want), "slices of " << slice);
        CHECK(got["files"][0]["bytes"] == want["files"][0]["bytes"]);
    }
}

TEST_CASE("zstd: damage is named and what came before stays; short files that look like the magic are text") {
    // Two frames: the second one's block is damaged.
    std::string packed = ReadAll(Fixture("container_v1_mixed.jsonl.zst"));
    std::string damaged = packed + packed;
    damaged[packed.size() + 20] = static_cast<char>(damaged[packed.size() + 20] ^ 0x55);
    damaged[packed.size() + 21] = static_cast<char>(damaged[packed.size() + 21] ^ 0x55);
    Dataset ds;
    chorus::core::Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, "twice.zst", damaged, 1000);
    json s = nlohmann::json::parse(chorus::core::SummaryJson(ds));
    CHECK(s["posts"] >= 6);  // the first frame's posts (the second frame's repeat them: duplicates)
    CHECK(s["files"][0]["problems"]["archive"] == 1);
    std::string reason;
    for (const json& error : s["errors"])
        if (error["kind"] == "archive") reason = error["reason"];
    CHECK(reason.find("damaged after") != std::string::npos);

    // A frame header that declares a 2^31 window (window descriptor 0xA8: exponent 21 + 10) and one raw block.
    std::string big("\x28\xB5\x2F\xFD\x00\xA8", 6);
    big += std::string("\x19\x00\x00", 3) + "abc";  // last block, raw, 3 bytes
    chorus::core::ZstdStream window;
    CHECK_FALSE(window.Feed(big.data(), big.size(), [](const char*, size_t) {}));
    CHECK(window.Finish().find("larger than 2^30 bytes (1 GiB)") != std::string::npos);

    // The same header with a 2^30 window (0xA0) reads.
    big[5] = '\xA0';
    std::string text;
    chorus::core::ZstdStream fits;
    CHECK(fits.Feed(big.data(), big.size(), [&](const char* data, size_t size) { text.append(data, size); }));
    CHECK(fits.Finish().empty());
    CHECK(text == "abc");

    Dataset short_ds;
    chorus::core::Ingest short_ingest(short_ds);
    chorus::test::FeedInSlices(short_ingest, "paren.txt", "(\xB5", 1);  // starts like the magic, ends early
    json t = nlohmann::json::parse(chorus::core::SummaryJson(short_ds));
    CHECK(t["files"][0]["bytes"] == 2);
    CHECK(t["files"][0]["problems"].value("archive", 0) == 0);
}
