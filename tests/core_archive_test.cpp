// A Twitter archive's owner names its tweets whatever the order account.js comes in (COUNTING.md, rule 41).
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "container.hpp"
#include "ingest.hpp"
#include "test_support.hpp"

#if CHORUS_HAVE_ZLIB
#include <zlib.h>
#endif

using chorus::core::Dataset;
using chorus::test::Fixture;
using chorus::test::LoadSummary;
using chorus::test::ReadAll;
using json = nlohmann::json;

namespace {

std::string AuthorIdOf(const Dataset& ds, chorus::core::RowId row) {
    uint32_t a = ds.AuthorOf(row);
    return a == Dataset::kNoAuthor ? "" : std::string(ds.Authors().Text(a));
}

std::string AuthorNameOf(const Dataset& ds, chorus::core::RowId row) {
    uint32_t a = ds.AuthorOf(row);
    return a == Dataset::kNoAuthor ? "" : std::string(ds.AuthorName(a));
}

}  // namespace

TEST_CASE("archive: account.js read after tweets.js gives the owner the tweets before it (rule 41)") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_archive_tweets.js", "fmt_archive_account.js"});
    CHECK(s["posts"] == 3);
    CHECK(s["authors"] == 1);
    for (chorus::core::RowId row = 0; row < 3; ++row) {
        CHECK(AuthorIdOf(ds, row) == "14159265");
        CHECK(AuthorNameOf(ds, row) == "jdsmith");
    }
    CHECK(s["files"][1]["problems"]["context"] == 1);
    // The same account read again, and its tweets again (all duplicates): still one author.
    json again = LoadSummary(ds, {"fmt_archive_account.js", "fmt_archive_tweets.js"});
    CHECK(again["authors"] == 1);
    CHECK(again["posts"] == 3);
}

TEST_CASE("archive: tweets by the placeholder merge into the owner's posts when the owner already has some") {
    Dataset ds;
    chorus::core::PostRecord by_owner;
    by_owner.id = "1";
    by_owner.author_id = "14159265";
    by_owner.author_name = "old_name";
    size_t file = ds.BeginFile("a");
    ds.Add(by_owner, file, uint64_t{1});
    chorus::core::PostRecord by_placeholder;
    by_placeholder.id = "2";
    by_placeholder.author_id = "(archive owner)";
    by_placeholder.author_name = "(archive owner)";
    ds.Add(by_placeholder, file, uint64_t{2});
    CHECK(ds.ReassignAuthor("(archive owner)", "14159265", "jdsmith") == 1);
    CHECK(ds.AuthorOf(0) == ds.AuthorOf(1));
    CHECK(AuthorNameOf(ds, 1) == "jdsmith");
    CHECK(ds.ReassignAuthor("(archive owner)", "14159265", "jdsmith") == 0);  // nothing left to move
    CHECK(ds.ReassignAuthor("nobody", "14159265", "jdsmith") == 0);
    CHECK(LoadSummary(ds, {})["authors"] == 1);
}

#if CHORUS_HAVE_ZLIB

namespace {

void Put16(std::string& out, uint32_t v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void Put32(std::string& out, uint32_t v) {
    Put16(out, v & 0xFFFF);
    Put16(out, v >> 16);
}

// A zip archive of stored entries, in the order given (a minimal writer: local headers, directory, end).
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out, directory;
    for (const auto& [name, data] : entries) {
        auto crc = static_cast<uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        auto offset = static_cast<uint32_t>(out.size()), size = static_cast<uint32_t>(data.size());
        Put32(out, 0x04034b50);
        for (uint32_t v : {20u, 0u, 0u, 0u, 0u})
            Put16(out, v);  // version, flags, method (stored), time, date
        Put32(out, crc);
        Put32(out, size);
        Put32(out, size);
        Put16(out, static_cast<uint32_t>(name.size()));
        Put16(out, 0);
        out += name;
        out += data;
        Put32(directory, 0x02014b50);
        for (uint32_t v : {20u, 20u, 0u, 0u, 0u, 0u})
            Put16(directory, v);
        Put32(directory, crc);
        Put32(directory, size);
        Put32(directory, size);
        Put16(directory, static_cast<uint32_t>(name.size()));
        for (uint32_t v : {0u, 0u, 0u, 0u})
            Put16(directory, v);  // extra, comment, disk, internal attributes
        Put32(directory, 0);
        Put32(directory, offset);
        directory += name;
    }
    auto directory_offset = static_cast<uint32_t>(out.size());
    out += directory;
    Put32(out, 0x06054b50);
    Put16(out, 0);
    Put16(out, 0);
    Put16(out, static_cast<uint32_t>(entries.size()));
    Put16(out, static_cast<uint32_t>(entries.size()));
    Put32(out, static_cast<uint32_t>(directory.size()));
    Put32(out, directory_offset);
    Put16(out, 0);
    return out;
}

json LoadZipSummary(Dataset& ds, const std::string& bytes) {
    std::filesystem::path path = std::filesystem::temp_directory_path() / "chorus_archive_test.zip";
    std::FILE* f = std::fopen(path.string().c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
    std::fclose(f);
    chorus::core::Ingest ingest(ds);
    std::string error;
    bool ok = chorus::core::LoadFile(ingest, path.string(), error);
    std::filesystem::remove(path);
    REQUIRE_MESSAGE(ok, error);
    return json::parse(chorus::core::SummaryJson(ds));
}

}  // namespace

TEST_CASE("archive: a zip with data/account.js after data/tweets.js names the owner (rule 41)") {
    std::string tweets = ReadAll(Fixture("fmt_archive_tweets.js")),
                account = ReadAll(Fixture("fmt_archive_account.js"));
    for (std::string folder : {"", "twitter-2022-11-01/"}) {
        CAPTURE(folder);
        Dataset ds;
        json s = LoadZipSummary(ds, StoredZip({{folder + "data/tweets.js", tweets},
                                               {folder + "data/like.js", "window.YTD.like.part0 = []"},
                                               {folder + "data/account.js", account}}));
        CHECK(s["posts"] == 3);
        CHECK(s["authors"] == 1);
        CHECK(AuthorIdOf(ds, 0) == "14159265");
        CHECK(AuthorNameOf(ds, 2) == "jdsmith");
        REQUIRE(s["files"].size() == 3);
        CHECK(s["files"][0]["name"] == "chorus_archive_test.zip/" + folder + "data/account.js");  // read first
        CHECK(s["files"][1]["name"] == "chorus_archive_test.zip/" + folder + "data/tweets.js");   // then in order
        CHECK(s["files"][2]["name"] == "chorus_archive_test.zip/" + folder + "data/like.js");
    }
    // Another file named account.js elsewhere keeps its place.
    Dataset other;
    json s = LoadZipSummary(other, StoredZip({{"data/tweets.js", tweets}, {"old/account.js", account}}));
    CHECK(s["files"][0]["name"] == "chorus_archive_test.zip/data/tweets.js");
    CHECK(s["authors"] == 1);
    CHECK(AuthorIdOf(other, 0) == "14159265");  // still the owner: its account record came later (the rename)
}

#endif  // CHORUS_HAVE_ZLIB
