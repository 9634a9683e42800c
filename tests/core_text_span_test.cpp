// Where each post's text sits in its plain file (core/text_span.hpp; COUNTING.md, rule 101): decoding the span
// noted for a post gives, byte for byte, the text read into memory, in every uncompressed format, at any slicing;
// a post whose text cannot be re-derived from one span of its file has none.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "query.hpp"
#include "query_evaluation.hpp"
#include "query_text.hpp"
#include "snapshot.hpp"
#include "test_support.hpp"

using namespace chorus::core;

namespace {

std::string ReadAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Reads `bytes` as one file with text places kept, in slices of `slice` bytes (each in its own padded buffer).
void LoadKeepingPlaces(Dataset& ds, const std::string& name, const std::string& bytes, size_t slice) {
    Ingest ingest(ds);
    ingest.BeginFile(name);
    ingest.KeepTextPlaces(0);
    for (size_t at = 0; at < bytes.size(); at += slice) {
        const size_t n = std::min(slice, bytes.size() - at);
        std::string buffer = bytes.substr(at, n);
        buffer.append(Ingest::kPadding, '\0');
        ingest.Feed(buffer.data(), n);
    }
    ingest.EndFile();
}

// Every post with a span decodes to its text from `bytes` (the file); returns how many have one.
size_t CheckSpans(const Dataset& ds, const std::string& bytes) {
    size_t known = 0;
    std::string decoded;
    for (RowId row = 0; row < ds.Posts(); ++row) {
        const TextSpan span = ds.Spans().Of(row);
        if (!span.Known()) continue;
        ++known;
        REQUIRE(span.offset + span.length <= bytes.size());
        INFO("row " << row << " at " << span.offset);
        REQUIRE(DecodeSpan(span.coding, std::string_view(bytes).substr(static_cast<size_t>(span.offset), span.length),
                           decoded));
        CHECK(decoded == ds.TextOf(row));
    }
    CHECK(known == ds.Spans().Known());
    return known;
}

}  // namespace

TEST_CASE("text span 101: each post's span decodes to its text, in every plain fixture, at any slicing") {
    // How many of a file's posts with text have a span: all; some (readers that build a post's text keep it in
    // memory: v2 includes, doubled quotes, Windows-1252); none (HTML or markdown turned to text, byte literals,
    // records Excel wrapped in quotes).
    enum class Expect { All, Some, None };
    struct Case {
        const char* file;
        Expect expect;
    };
    const std::vector<Case> cases = {{"v1_mixed.jsonl", Expect::All},
                                     {"v2_twarc2.jsonl", Expect::Some},
                                     {"query_posts.jsonl", Expect::All},
                                     {"emoji_clusters.jsonl", Expect::All},
                                     {"engage_posts.jsonl", Expect::All},
                                     {"tz_posts.jsonl", Expect::All},
                                     {"v1_truncated.jsonl", Expect::All},
                                     {"v1_dup_a.jsonl", Expect::All},
                                     {"clients_v1.jsonl", Expect::All},
                                     {"fmt_v1_search.json", Expect::All},
                                     {"fmt_archive_tweets.js", Expect::All},
                                     {"csv_quoted.csv", Expect::Some},
                                     {"clients.csv", Expect::All},
                                     {"csv_bytes_literal.csv", Expect::None},
                                     {"json_cp1252.jsonl", Expect::Some},
                                     {"csv_excel_wrapped.csv", Expect::None},
                                     {"fmt_mastodon_statuses.json", Expect::None},
                                     {"fmt_reddit.jsonl", Expect::None}};
    for (const Case& c : cases) {
        const std::string bytes = ReadAll(chorus::test::Fixture(c.file));
        for (size_t slice : {size_t{1} << 20, size_t{7}, size_t{64}}) {
            const std::string name = c.file;
            CAPTURE(name);
            CAPTURE(slice);
            Dataset ds;
            LoadKeepingPlaces(ds, c.file, bytes, slice);
            REQUIRE(ds.Posts() > 0);
            const size_t known = CheckSpans(ds, bytes);
            size_t with_text = 0;
            for (RowId row = 0; row < ds.Posts(); ++row)
                with_text += ds.TextOf(row).empty() ? 0 : 1;
            // A CSV record that crosses two slices is copied whole (rule 80): it keeps its text in memory.
            if (slice != size_t{1} << 20 && name.ends_with(".csv")) continue;
            if (c.expect == Expect::All) CHECK(known == with_text);
            if (c.expect == Expect::Some) CHECK((known > 0 && known < with_text));
            if (c.expect == Expect::None) CHECK(known == 0);
        }
    }
}

TEST_CASE("text span 101: JSON escapes, surrogate pairs, CSV line breaks in cells; doubled quotes stay in memory") {
    const std::string jsonl =
        R"({"id_str":"1","created_at":"Mon Jan 01 10:00:00 +0000 2024","user":{"id_str":"9","screen_name":"a"},)"
        R"("text":"line\nbreak \"quoted\" back\\slash \/ tab\t caf\u00e9 \ud83d\ude00 \u20ac"})"
        "\n"
        R"({"id_str":"2","created_at":"Mon Jan 01 10:00:00 +0000 2024","user":{"id_str":"9","screen_name":"a"},)"
        R"("text":"short","extended_tweet":{"full_text":"the full \"text\" \ud83c\udf89"}})"
        "\r\n"
        R"({"id_str":"3","created_at":"Mon Jan 01 10:00:00 +0000 2024","user":{"id_str":"9","screen_name":"a"},)"
        R"("text":"RT @b: cut","retweeted_status":{"id_str":"4","user":{"id_str":"8","screen_name":"b"},)"
        R"("created_at":"Mon Jan 01 09:00:00 +0000 2024","text":"the original, \u00fcber"}})"
        "\n";
    Dataset ds;
    LoadKeepingPlaces(ds, "escapes.jsonl", jsonl, 5);
    REQUIRE(ds.Posts() == 3);
    CHECK(CheckSpans(ds, jsonl) == 3);
    CHECK(ds.TextOf(0) == "line\nbreak \"quoted\" back\\slash / tab\t caf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x82\xAC");
    CHECK(ds.TextOf(1) == "the full \"text\" \xF0\x9F\x8E\x89");
    CHECK(ds.TextOf(2) ==
          "the original, \xC3\xBC"
          "ber");
    CHECK(ds.Spans().Of(0).coding == SpanCoding::JsonString);

    const std::string csv =
        "id,created_at,text,author_id\n"
        "10,2024-01-01T10:00:00Z,plain text,1\n"
        "11,2024-01-01T10:00:00Z,\"a cell, with a comma\nand a line break\",1\n"
        "12,2024-01-01T10:00:00Z,\"she said \"\"hi\"\"\",1\n";
    Dataset csv_ds;
    LoadKeepingPlaces(csv_ds, "cells.csv", csv, 1 << 20);
    REQUIRE(csv_ds.Posts() == 3);
    CHECK(CheckSpans(csv_ds, csv) == 2);
    CHECK(csv_ds.TextOf(1) == "a cell, with a comma\nand a line break");
    CHECK(csv_ds.Spans().Of(1).coding == SpanCoding::Plain);
    CHECK_FALSE(csv_ds.Spans().Of(2).Known());  // the doubled quotes were undone in a copy: kept in memory
    CHECK(csv_ds.TextOf(2) == "she said \"hi\"");
}

TEST_CASE("text span 101: decoding refuses what is not a JSON literal's inside") {
    std::string out;
    CHECK(DecodeSpan(SpanCoding::JsonString, R"(a\u00e9\ud83d\ude00)", out));
    CHECK(out == "a\xC3\xA9\xF0\x9F\x98\x80");
    CHECK_FALSE(DecodeSpan(SpanCoding::JsonString, R"(lone \ud83d here)", out));
    CHECK_FALSE(DecodeSpan(SpanCoding::JsonString, R"(low \ude00)", out));
    CHECK_FALSE(DecodeSpan(SpanCoding::JsonString, R"(bad \x escape)", out));
    CHECK_FALSE(DecodeSpan(SpanCoding::JsonString, "cut \\", out));
    CHECK_FALSE(DecodeSpan(SpanCoding::JsonString, R"(short \u12)", out));
    CHECK(JsonLiteralInside(R"("a\"b" , )") == R"(a\"b)");
    CHECK(JsonLiteralInside(R"("open)").empty());
}

TEST_CASE("text span 101: compressed and UTF-16 files, and files read without places, note no span") {
    for (const char* file : {"container_v1_mixed.jsonl.zst", "csv_utf16.csv"}) {
        CAPTURE(file);
        Dataset ds;
        LoadKeepingPlaces(ds, file, ReadAll(chorus::test::Fixture(file)), 4096);
        REQUIRE(ds.Posts() > 0);
        CHECK(ds.Spans().Known() == 0);
    }
    Dataset plain;
    chorus::test::LoadSummary(plain, {"v1_mixed.jsonl"});
    CHECK(plain.Spans().Known() == 0);
    CHECK_FALSE(plain.Spans().Of(0).Known());
}

TEST_CASE("text span 101: a range read on from a line start notes offsets in the whole file") {
    const std::string bytes = ReadAll(chorus::test::Fixture("v1_mixed.jsonl"));
    const size_t cut = bytes.find('\n', bytes.size() / 2) + 1;
    REQUIRE(cut > 0);
    Dataset ds;
    Ingest ingest(ds);
    ingest.BeginFile("v1_mixed.jsonl");
    ingest.KeepTextPlaces(0);
    std::string first = bytes.substr(0, cut);
    first.append(Ingest::kPadding, '\0');
    ingest.Feed(first.data(), cut);
    const uint8_t seed = ingest.ContinuationSeed();
    REQUIRE(seed != 0);
    const size_t rows_before = ds.Posts();
    ingest.BeginContinuation("v1_mixed.jsonl", seed);
    ingest.KeepTextPlaces(cut);
    std::string second = bytes.substr(cut);
    second.append(Ingest::kPadding, '\0');
    ingest.Feed(second.data(), bytes.size() - cut);
    ingest.EndFile();
    REQUIRE(ds.Posts() > rows_before);
    CHECK(ds.Spans().Of(ds.Posts() - 1).offset >= cut);
    CHECK(CheckSpans(ds, bytes) == ds.Posts());
}

namespace {

// A snapshot opened with its text on disk, then plain dumps whose rows' text moves to disk after each
// (rule 102), beside the same files read with every text in memory. `files` maps a dataset's file index to
// its bytes (kSnapshotFile: the snapshot).
struct TwoLoads {
    Dataset memory, disk;
    std::map<uint32_t, std::string> files;

    explicit TwoLoads(const std::vector<std::string>& dumps) {
        Dataset source;
        chorus::test::LoadSummary(source, {"query_posts.jsonl"});
        files[TextStore::kSnapshotFile] = Snapshot::Write(source);
        REQUIRE(Snapshot::Read(files[TextStore::kSnapshotFile], memory).ok());
        REQUIRE(Snapshot::Read(files[TextStore::kSnapshotFile], disk, [](uint64_t, uint64_t) {
                    return Snapshot::TextPlace::Disk;
                }).ok());
        for (const std::string& name : dumps) {
            const std::string bytes = ReadAll(chorus::test::Fixture(name));
            LoadKeepingPlaces(memory, name, bytes, 1 << 20);
            const size_t first = disk.Posts();
            LoadKeepingPlaces(disk, name, bytes, 1 << 20);
            std::vector<TextSpan> spans;
            for (size_t row = first; row < disk.Posts(); ++row)
                spans.push_back(disk.Spans().Of(row));
            disk.Text().MoveToDisk(first, spans);
            files[static_cast<uint32_t>(disk.Files().size() - 1)] = bytes;
        }
        REQUIRE(disk.Posts() == memory.Posts());
    }
    std::string Read(const TextStore::Place& place) {
        return files.at(place.file).substr(static_cast<size_t>(place.offset), static_cast<size_t>(place.length));
    }
};

size_t CountQuery(const Dataset& ds, const std::string& query) {
    ParsedQuery parsed = ParseQuery(query);
    REQUIRE(parsed.ok());
    QueryIndex index(ds);
    const size_t whole = index.Select(parsed.query).Count();
    // The explorer evaluates a query over frames (query_evaluation.hpp): the same rows, on-disk ones included.
    QueryEvaluation steps;
    steps.Start(index, parsed.query);
    while (!steps.Step(4096)) {
    }
    CHECK(steps.TakeResult().Count() == whole);
    return whole;
}

}  // namespace

TEST_CASE("text store 102: a dump's text on disk, beside a snapshot's, reads back the same posts") {
    TwoLoads loads({"v1_mixed.jsonl", "csv_quoted.csv", "v2_twarc2.jsonl"});
    Dataset& disk = loads.disk;
    CHECK(disk.Text().DiskRows() > 0);                             // the snapshot's
    CHECK(disk.Text().DiskCount() > disk.Text().DiskRows() + 10);  // and the dumps'
    CHECK(disk.Text().DiskCount() < disk.Posts());                 // some rows keep their text in memory
    CHECK(disk.MemoryBytes().text < loads.memory.MemoryBytes().text);
    std::string decoded;
    for (RowId row = 0; row < disk.Posts(); ++row) {
        CAPTURE(row);
        if (disk.Text().Has(row)) {
            CHECK(disk.TextOf(row) == loads.memory.TextOf(row));
            continue;
        }
        CHECK(disk.TextOf(row).empty());
        const TextStore::Place place = disk.Text().PlaceOf(row);
        REQUIRE(DecodeSpan(place.coding, loads.Read(place), decoded));
        CHECK(decoded == loads.memory.TextOf(row));
        disk.Text().Remember(row, decoded);
        CHECK(disk.TextOf(row) == loads.memory.TextOf(row));
    }
    // A post's JSONL export gives null for text not read back (rule 84), the text once read.
    CHECK(disk.Text().Has(static_cast<RowId>(disk.Posts() - 1)));
}

TEST_CASE("text store 102: word queries over a dump's text on disk count as in memory once scanned") {
    TwoLoads loads({"v1_mixed.jsonl", "csv_quoted.csv", "query_posts.jsonl"});
    Dataset& disk = loads.disk;
    std::vector<std::string> queries;
    for (RowId row = 0; row < loads.memory.Posts() && queries.size() < 6; row += 7) {
        std::vector<std::string> words = FoldedWords(loads.memory.TextOf(row));
        if (words.size() >= 2) queries.push_back("\"" + words[0] + " " + words[1] + "\"");
        if (!words.empty()) queries.push_back(words.back());
    }
    REQUIRE(queries.size() >= 4);
    for (uint64_t piece_bytes : {uint64_t{8} << 20, uint64_t{300}}) {
        disk.Scans().Clear();
        for (const std::string& q : queries) {
            CAPTURE(q);
            CAPTURE(piece_bytes);
            const size_t expected = CountQuery(loads.memory, q);
            CHECK(CountQuery(disk, q) <= expected);  // before the scan: the posts in memory only
            TextScans::Piece piece;
            size_t pieces = 0;
            while (disk.Scans().Next(disk.Text(), piece_bytes, piece)) {
                disk.Scans().Feed(disk.Text(), piece, loads.Read(piece.place));
                REQUIRE(++pieces < 100000);
            }
            CHECK_FALSE(disk.Scans().Scanning());
            CHECK(CountQuery(disk, q) == expected);
        }
    }
}
