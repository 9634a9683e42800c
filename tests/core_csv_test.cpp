// CSV files and text encodings (COUNTING.md, rules 36-38), on fixtures written for these tests.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "csv_reader.hpp"
#include "encoding.hpp"
#include "test_support.hpp"

using chorus::test::LoadSummary;

namespace {

const chorus::core::IngestReport& OnlyFile(const chorus::core::Dataset& ds) {
    REQUIRE(ds.Files().size() == 1);
    return ds.Files()[0];
}

uint64_t Count(const chorus::core::IngestReport& report, chorus::core::Problem problem) {
    auto it = report.counts.find(problem);
    return it == report.counts.end() ? 0 : it->second;
}

}  // namespace

TEST_CASE("csv: quoted fields keep line breaks and doubled quotes; a scientific-notation id is no id") {
    chorus::core::Dataset ds;
    nlohmann::json s = LoadSummary(ds, {"csv_quoted.csv"});
    const auto& report = OnlyFile(ds);
    CHECK(report.format == "twitter-csv");
    CHECK(s["posts"] == 3);
    CHECK(s["types"]["retweet"] == 1);
    CHECK(s["types"]["reply"] == 1);
    CHECK(s["authors"] == 2);
    CHECK(s["first"] == "2020-05-01T10:00:00Z");
    CHECK(s["top_hashtags"][0][0] == "Alpha");
    CHECK(ds.TextOf(0) == "line one\r\nline two with \"quotes\", #Alpha");
    CHECK(Count(report, chorus::core::Problem::NoId) == 1);
}

TEST_CASE("csv: a Python bytes literal b'...' is decoded as UTF-8") {
    CHECK(chorus::core::DecodeBytesLiteral("b'caf\\xc3\\xa9 it\\'s\\nnew'") == "caf\xC3\xA9 it's\nnew");
    CHECK(chorus::core::DecodeBytesLiteral("b\"a\\\\b\"") == "a\\b");
    CHECK(chorus::core::DecodeBytesLiteral("plain \\x80") == "plain \\x80");
    chorus::core::Dataset ds;
    nlohmann::json s = LoadSummary(ds, {"csv_bytes_literal.csv"});
    CHECK(s["posts"] == 1);
    CHECK(s["first"] == "2019-02-21T11:23:23Z");
    CHECK(s["top_hashtags"][0][0] == "Caf\xC3\xA9");
    CHECK(Count(OnlyFile(ds), chorus::core::Problem::NoId) == 1);
}

TEST_CASE("csv: a record that is not UTF-8 is read as Windows-1252; M/D/YY times are 20YY in UTC") {
    chorus::core::Dataset ds;
    nlohmann::json s = LoadSummary(ds, {"csv_cp1252.csv"});
    const auto& report = OnlyFile(ds);
    CHECK(s["posts"] == 1);
    CHECK(s["first"] == "2017-11-29T23:59:00Z");
    CHECK(ds.TextOf(0) == "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D #MeToo");
    CHECK(Count(report, chorus::core::Problem::TranscodedCp1252) == 1);
    CHECK(report.skipped == 0);
}

TEST_CASE("encoding: a UTF-16 file with a byte order mark is transcoded as it streams") {
    chorus::core::Dataset ds;
    nlohmann::json s = LoadSummary(ds, {"csv_utf16.csv"});
    const auto& report = OnlyFile(ds);
    CHECK(report.format == "twitter-archive-csv");
    CHECK(s["posts"] == 1);
    CHECK(s["first"] == "2013-03-25T00:16:47Z");
    CHECK(s["top_hashtags"][0][0] == "\xC3\x89t\xC3\xA9");
    CHECK(ds.TextOf(0) == "\xC3\xA9t\xC3\xA9 #\xC3\x89t\xC3\xA9 \xF0\x9F\x98\x80");

    std::string out;
    chorus::core::Utf16Decoder split(false);
    const char bytes[] = {'\x3D', '\xD8', '\x00', '\xDE', 'A'};  // U+1F600, then an odd byte
    for (char b : bytes)
        split.Feed(&b, 1, out);
    split.Finish(out);
    CHECK(out == "\xF0\x9F\x98\x80\xEF\xBF\xBD");
    CHECK(split.Replaced() == 1);
}

TEST_CASE("csv: a header without a text or time column skips every row as csv_unmapped, listed once") {
    chorus::core::Dataset ds;
    nlohmann::json s = LoadSummary(ds, {"csv_unmapped.csv"});
    const auto& report = OnlyFile(ds);
    CHECK(s["posts"] == 0);
    CHECK(s["skipped"] == 2);
    CHECK(Count(report, chorus::core::Problem::CsvUnmapped) == 2);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].detail.find("id, message, when") != std::string::npos);
}

TEST_CASE("csv: a caller's column mapping reads a file whose names are unknown") {
    chorus::core::Dataset ds;
    chorus::core::Ingest ingest(ds);
    chorus::core::CsvColumns columns;
    columns.id = 0;
    columns.text = 1;
    columns.time = 2;
    ingest.SetCsvColumns(columns);
    chorus::test::FeedInSlices(ingest, "mapped.csv", "id,message,when\n1,hello #x,2020-01-01T00:00:00Z\n", 5);
    CHECK(ds.Posts() == 1);
    CHECK(ds.Files()[0].skipped == 0);
}

TEST_CASE("encoding: UTF-8 validity and Windows-1252") {
    CHECK(chorus::core::IsValidUtf8("caf\xC3\xA9"));
    CHECK_FALSE(chorus::core::IsValidUtf8("caf\xE9"));
    CHECK_FALSE(chorus::core::IsValidUtf8("\xED\xA0\x80"));  // a surrogate
    CHECK_FALSE(chorus::core::IsValidUtf8("\xC0\xAF"));      // overlong
    std::string out;
    chorus::core::Cp1252ToUtf8("\x80\x81", out);
    CHECK(out == "\xE2\x82\xAC\xEF\xBF\xBD");
}

TEST_CASE("csv: Excel-wrapped records are read again, and one left open goes on in the next") {
    chorus::core::Dataset ds;
    nlohmann::json s = LoadSummary(ds, {"csv_excel_wrapped.csv"});
    CHECK(s["posts"] == 2);
    CHECK(s["types"]["retweet"] == 1);
    CHECK(s["authors"] == 2);
    CHECK(s["first"] == "2017-11-29T23:58:00Z");
    CHECK(s["last"] == "2017-11-29T23:59:00Z");
    CHECK(ds.TextOf(1) == "broken by Excel:\n second line #Two");
    CHECK(Count(OnlyFile(ds), chorus::core::Problem::NoId) == 2);
}

TEST_CASE("csv: tweepy rows without a header (a time, then b'...') are read from the first line") {
    chorus::core::Dataset ds;
    nlohmann::json s = LoadSummary(ds, {"csv_tweepy_noheader.csv"});
    CHECK(OnlyFile(ds).format == "twitter-csv");
    CHECK(s["posts"] == 2);
    CHECK(s["types"]["retweet"] == 1);  // no type column: RT @ decides
    CHECK(ds.TextOf(0) == "RT @a: one #X\xE2\x80\xA6");
    CHECK(ds.TextOf(1) == "it's two");
}

TEST_CASE("csv: any slicing of the bytes reads the same posts, UTF-16 included") {
    for (const char* name : {"csv_quoted.csv", "csv_utf16.csv", "csv_excel_wrapped.csv"}) {
        std::ifstream in(chorus::test::Fixture(name), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        chorus::core::Dataset whole;
        nlohmann::json want = LoadSummary(whole, {name});
        for (size_t slice : {size_t{1}, size_t{2}, size_t{7}}) {
            chorus::core::Dataset ds;
            chorus::core::Ingest ingest(ds);
            chorus::test::FeedInSlices(ingest, name, bytes, slice);
            CHECK(nlohmann::json::parse(chorus::core::SummaryJson(ds))["posts"] == want["posts"]);
            CHECK(ds.Files()[0].format == whole.Files()[0].format);
        }
    }
}
