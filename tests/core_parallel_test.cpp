// One file read natively by several threads in ranges (parallel_ingest.hpp) equals the sequential read,
// to the byte of its snapshot (COUNTING.md, rule 94).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "parallel_ingest.hpp"
#include "snapshot.hpp"
#include "test_support.hpp"

using namespace chorus;

namespace {

// The files loaded in order, the last one with `options` (threads 1: LoadFile): the snapshot bytes.
std::string Load(const std::vector<std::string>& paths, const core::ParallelOptions& options) {
    core::Dataset ds;
    core::Ingest ingest(ds);
    for (size_t i = 0; i < paths.size(); ++i) {
        std::string error;
        bool ok = i + 1 < paths.size() ? core::LoadFile(ingest, paths[i], error)
                                       : core::LoadFileInRanges(ingest, ds, paths[i], options, error);
        REQUIRE_MESSAGE(ok, error);
    }
    return core::Snapshot::Write(ds);
}

std::string Sequential(const std::vector<std::string>& paths) {
    return Load(paths, core::ParallelOptions{1, 0});
}

// Duplicates far apart (some without time or author), a byte order mark, blank and CRLF lines, a delete
// notice, broken lines and a cut last line.
std::string Mixed(int copies) {
    auto tweet = [](int id, bool time, bool user) {
        std::string s = "{";
        if (time) s += "\"created_at\": \"Mon Oct 16 1" + std::to_string(id % 10) + ":00:00 +0000 2017\", ";
        s += "\"id_str\": \"" + std::to_string(id) + "\", \"text\": \"post #t" + std::to_string(id % 7) +
             "\", \"entities\": {\"hashtags\": [{\"text\": \"t" + std::to_string(id % 7) + "\"}]}";
        if (user) s += ", \"user\": {\"id_str\": \"u" + std::to_string(id % 5) + "\", \"screen_name\": \"n\"}";
        return s + "}";
    };
    std::string t = "\xEF\xBB\xBF";
    for (int c = 0; c < copies; ++c) {
        for (int i = 0; i < 40; ++i)
            t += tweet(i * (c + 1), i % 4 != 0, i % 6 != 0) + (i % 9 == 0 ? "\r\n" : "\n");
        t += "{\"delete\": {\"status\": {\"id_str\": \"9\"}}}\n\n{not json\n";
    }
    return t + tweet(99999, true, true).substr(0, 50);
}

std::string WriteTemp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("chorus_parallel_" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

}  // namespace

TEST_CASE("rule 94: a JSON-lines file read by threads in ranges equals the sequential read, byte for byte") {
    std::vector<std::string> paths = {WriteTemp("mixed.jsonl", Mixed(30))};
    for (const char* fixture : {"v1_mixed.jsonl", "v1_truncated.jsonl", "v2_twarc2.jsonl", "v1_dup_b.jsonl",
                                "query_posts.jsonl", "fmt_reddit.jsonl", "fmt_bluesky_jetstream.jsonl",
                                "fmt_gnip_activity.jsonl", "fmt_zeeschuimer.ndjson", "tz_posts.jsonl"})
        paths.push_back(test::Fixture(fixture));
    for (const std::string& path : paths) {
        CAPTURE(path);
        const std::string expected = Sequential({path});
        const auto size = std::filesystem::file_size(path);
        for (uint64_t range : {uint64_t{1}, uint64_t{7}, uint64_t{64}, uint64_t{333}, size / 3 + 1, uint64_t{0}})
            for (unsigned threads : {2u, 3u, 8u}) {
                CAPTURE(range);
                CAPTURE(threads);
                CHECK(Load({path}, core::ParallelOptions{threads, range}) == expected);
            }
    }
    std::filesystem::remove(paths[0]);
}

TEST_CASE("rule 94: ranges read by threads de-duplicate against the files loaded before") {
    const std::string mixed = WriteTemp("again.jsonl", Mixed(12));
    for (const auto& files : std::vector<std::vector<std::string>>{
             {test::Fixture("v1_dup_a.jsonl"), test::Fixture("v1_dup_b.jsonl")},
             {mixed, mixed},
             {test::Fixture("v1_mixed.jsonl"), mixed, test::Fixture("v1_mixed.jsonl")}}) {
        const std::string expected = Sequential(files);
        for (uint64_t range : {5, 100, 1000})
            CHECK(Load(files, core::ParallelOptions{4, range}) == expected);
    }
    std::filesystem::remove(mixed);
}

TEST_CASE("rule 94: files that cannot be read in ranges are read sequentially, with the same result") {
    for (const char* fixture :
         {"csv_quoted.csv", "csv_utf16.csv", "fmt_v1_search.json", "fmt_mastodon_outbox.json",
          "container_v1_mixed.jsonl.gz", "container_v1_mixed.jsonl.zst", "container_dumps.zip", "json_cp1252.jsonl"}) {
        CAPTURE(fixture);
        const std::string path = test::Fixture(fixture);
#ifndef CHORUS_HAVE_ZLIB
        if (std::string(fixture).find(".gz") != std::string::npos ||
            std::string(fixture).find(".zip") != std::string::npos)
            continue;
#endif
        CHECK(Load({path}, core::ParallelOptions{3, 16}) == Sequential({path}));
    }
    core::Dataset ds;
    core::Ingest ingest(ds);
    std::string error;
    CHECK(!core::LoadFileInRanges(ingest, ds, "/nonexistent/chorus.jsonl", core::ParallelOptions{2, 0}, error));
    CHECK(error.find("cannot open /nonexistent/chorus.jsonl") != std::string::npos);
}
