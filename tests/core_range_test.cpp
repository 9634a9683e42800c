// Ranges of a JSON-lines file read apart and merged in file order (ingest_range.hpp, Snapshot::MergeRange)
// give the dataset and report of one sequential read (COUNTING.md, rule 70).
#include <doctest/doctest.h>

#include <chrono>
#include <random>

#include "ingest_range.hpp"
#include "snapshot.hpp"
#include "test_support.hpp"

using namespace chorus;

namespace {

struct Part {
    std::string snapshot;
    uint64_t lines = 0;
    uint8_t seed = 0;
    uint64_t next = 0;  // the first range: where the second one starts (0: no seed, it read the whole file)
};

// What a browser worker does with one range (web/src/ingest_worker.cpp): read from ReadFrom() in slices.
Part ReadRange(const std::string& name, const std::string& text, uint64_t begin, uint64_t end, uint8_t seed,
               size_t slice) {
    core::Dataset ds;
    core::Ingest ingest(ds);
    core::RangeReader range(ingest, name, begin, end, seed);
    for (auto at = static_cast<size_t>(range.ReadFrom()); at < text.size(); at += slice) {
        size_t n = std::min(slice, text.size() - at);
        std::string buffer = text.substr(at, n);
        buffer.append(core::Ingest::kPadding, '\0');
        if (range.Feed(buffer.data(), n)) break;
    }
    ingest.EndFile();
    Part part;
    part.seed = range.Seed();
    part.next = range.Next();
    part.lines = ingest.Lines();
    part.snapshot = core::Snapshot::Write(ds);
    return part;
}

constexpr size_t kWhole = 0;     // MergeRange in one call
constexpr size_t kBudget = ~0u;  // RangeMerge::Step with a zero time budget: one piece per step

void MergeIn(const core::Dataset& part, core::Dataset& into, uint64_t offset, bool continues, size_t piece) {
    if (piece == kWhole) {
        core::Snapshot::MergeRange(part, into, offset, continues);
        return;
    }
    core::Snapshot::RangeMerge merge(part, into, offset, continues);
    size_t steps = 0;
    while (!(piece == kBudget ? merge.Step(std::chrono::microseconds(0)) : merge.Step(piece))) {
        CHECK(!merge.Done());
        CHECK(merge.Fraction() <= 1.0);
        uint64_t posts = 0;  // between steps the files' posts still sum to the rows (the explorer draws then)
        for (const core::IngestReport& report : into.Files())
            posts += report.posts;
        CHECK(posts == into.Posts());
        REQUIRE(++steps < 10'000'000);
    }
    CHECK(merge.Done());
    CHECK(merge.Fraction() == 1.0);
}

// Reads `text` in ranges starting at `cuts` (sorted, first 0) into `into`, merged in file order (each range in
// pieces of `piece` units, or whole); the second range starts where the first one says.
void ReadInRanges(core::Dataset& into, const std::string& name, const std::string& text,
                  const std::vector<uint64_t>& cuts, size_t slice, size_t piece = kWhole) {
    Part first = ReadRange(name, text, 0, cuts.size() > 1 ? cuts[1] : text.size(), 0, slice);
    core::Dataset head;
    REQUIRE(core::Snapshot::Read(first.snapshot, head).ok());
    MergeIn(head, into, 0, false, piece);
    if (first.seed == 0 || first.next >= text.size()) return;
    std::vector<uint64_t> rest{first.next};
    for (uint64_t cut : cuts)
        if (cut > first.next && cut < text.size()) rest.push_back(cut);
    uint64_t offset = first.lines;
    for (size_t k = 0; k < rest.size(); ++k) {
        uint64_t end = k + 1 < rest.size() ? rest[k + 1] : text.size();
        Part part = ReadRange(name, text, rest[k], end, first.seed, slice);
        core::Dataset range;
        REQUIRE(core::Snapshot::Read(part.snapshot, range).ok());
        MergeIn(range, into, offset, true, piece);
        offset += part.lines;
    }
}

std::string Sequential(const std::vector<std::pair<std::string, std::string>>& files) {
    core::Dataset ds;
    core::Ingest ingest(ds);
    for (const auto& [name, text] : files)
        test::FeedInSlices(ingest, name, text, 4096);
    return core::SummaryJson(ds);
}

std::string InRanges(const std::string& before, const std::string& name, const std::string& text,
                     const std::vector<uint64_t>& cuts, size_t slice) {
    core::Dataset ds;
    if (!before.empty()) {
        core::Ingest ingest(ds);
        test::FeedInSlices(ingest, "before.jsonl", before, 4096);
    }
    ReadInRanges(ds, name, text, cuts, slice);
    return core::SummaryJson(ds);
}

std::vector<uint64_t> EveryN(uint64_t n, uint64_t size) {
    std::vector<uint64_t> cuts;
    for (uint64_t at = 0; at < size || cuts.empty(); at += n)
        cuts.push_back(at);
    return cuts;
}

// Duplicates across lines far apart (some without time or author), problems, blank and CRLF lines,
// notices and a cut last line: everything a range boundary could disturb.
std::string Mixed() {
    auto tweet = [](int id, bool time, bool user, const std::string& tag) {
        std::string s = "{";
        if (time) s += "\"created_at\": \"Mon Oct 16 1" + std::to_string(id % 10) + ":00:00 +0000 2017\", ";
        s += "\"id\": " + std::to_string(id) + ", \"id_str\": \"" + std::to_string(id) + "\", \"text\": \"post " +
             std::to_string(id) + " #" + tag + "\", \"entities\": {\"hashtags\": [{\"text\": \"" + tag +
             "\"}], \"user_mentions\": [], \"urls\": []}";
        if (user)
            s += ", \"user\": {\"id_str\": \"u" + std::to_string(id % 3) + "\", \"screen_name\": \"n" +
                 std::to_string(id % 3) + "\"}";
        return s + "}";
    };
    std::string t = "\xEF\xBB\xBF" + tweet(1, true, true, "a") + "\n";
    t += tweet(2, false, true, "b") + "\n\n";
    t += tweet(3, true, false, "c") + "\r\n";
    t += "{\"delete\": {\"status\": {\"id\": 9, \"id_str\": \"9\"}}}\n";
    t += "{not json at all\n";
    t += "   \n";
    for (int i = 4; i < 30; ++i)
        t += tweet(i, i % 4 != 0, i % 5 != 0, i % 2 ? "odd" : "even") + "\n";
    t += tweet(2, false, true, "b") + "\n";   // duplicate without time
    t += tweet(3, true, false, "c") + "\n";   // duplicate without author
    t += tweet(8, false, false, "x") + "\n";  // duplicate of a post without time
    t += "[1, 2]\n";
    t += tweet(40, true, true, "z") + "\n";
    t += tweet(41, true, true, "z").substr(0, 60);  // the cut last line
    return t;
}

}  // namespace

TEST_CASE("rule 70: a JSON-lines file read in ranges at many cut points merges to the sequential read") {
    std::vector<std::pair<std::string, std::string>> files = {{"mixed.jsonl", Mixed()}};
    for (const char* fixture : {"v1_mixed.jsonl", "v1_truncated.jsonl", "v2_twarc2.jsonl", "v1_dup_b.jsonl",
                                "query_posts.jsonl", "fmt_reddit.jsonl", "fmt_bluesky_jetstream.jsonl",
                                "fmt_gnip_activity.jsonl", "fmt_zeeschuimer.ndjson", "fmt_scraped_comments.jsonl"})
        files.emplace_back(fixture, test::ReadAll(test::Fixture(fixture)));
    for (const auto& file : files) {
        const std::string& name = file.first;
        const std::string& text = file.second;
        CAPTURE(name);
        REQUIRE(!text.empty());
        const std::string expected = Sequential({{name, text}});
        for (uint64_t n : {1, 2, 3, 5, 8, 13, 40, 64, 97, 200, 333, 1000, 1 << 20}) {
            CAPTURE(n);
            CHECK(InRanges("", name, text, EveryN(n, text.size()), n % 2 ? 7 : 4096) == expected);
        }
        std::mt19937_64 random(42);
        for (int round = 0; round < 40; ++round) {
            std::vector<uint64_t> cuts{0};
            for (int i = 0; i < 1 + round % 6; ++i)
                cuts.push_back(1 + random() % text.size());
            std::sort(cuts.begin(), cuts.end());
            cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
            CAPTURE(cuts);
            CHECK(InRanges("", name, text, cuts, 1 + random() % 50) == expected);
        }
    }
}

TEST_CASE("rule 70: ranges merge after earlier files with their de-duplication") {
    const std::string a = test::ReadAll(test::Fixture("v1_dup_a.jsonl"));
    const std::string b = test::ReadAll(test::Fixture("v1_dup_b.jsonl"));
    const std::string expected = Sequential({{"before.jsonl", a}, {"b.jsonl", b}});
    for (uint64_t n : {1, 10, 100, 150, 1000})
        CHECK(InRanges(a, "b.jsonl", b, EveryN(n, b.size()), 5) == expected);
    const std::string mixed = Mixed();
    const std::string expected_mixed = Sequential({{"before.jsonl", mixed}, {"again.jsonl", mixed}});
    for (uint64_t n : {3, 77, 500})
        CHECK(InRanges(mixed, "again.jsonl", mixed, EveryN(n, mixed.size()), 64) == expected_mixed);
}

TEST_CASE("rule 70: listed problems of refused duplicates go, line numbers move by the earlier ranges") {
    const std::string text = Mixed();
    core::Dataset ds;
    ReadInRanges(ds, "mixed.jsonl", text, EveryN(50, text.size()), 16);
    const core::IngestReport& report = ds.Files().at(0);
    CHECK(ds.Files().size() == 1);
    CHECK(report.duplicates == 3);
    CHECK(report.bytes == text.size());
    bool cut_line = false;
    for (const core::ProblemEntry& p : report.problems)
        if (p.problem == core::Problem::InvalidJson && p.line == 39) cut_line = true;
    CHECK(cut_line);
}

TEST_CASE("rule 70: a range merged a piece at a time (RangeMerge) leaves the snapshot bytes of one MergeRange") {
    const std::string a = test::ReadAll(test::Fixture("v1_dup_a.jsonl"));
    std::vector<std::pair<std::string, std::string>> files = {{"mixed.jsonl", Mixed()}};
    for (const char* fixture : {"v1_mixed.jsonl", "v1_dup_b.jsonl", "v2_twarc2.jsonl", "query_posts.jsonl",
                                "fmt_reddit.jsonl", "fmt_zeeschuimer.ndjson"})
        files.emplace_back(fixture, test::ReadAll(test::Fixture(fixture)));
    for (const auto& file : files) {
        const std::string& name = file.first;  // not a structured binding: clang 14's lambdas cannot capture one
        const std::string& text = file.second;
        CAPTURE(name);
        for (bool after_a : {false, true}) {  // into empty, or after a file whose posts some ranges repeat
            for (uint64_t n : {40, 333, 1 << 20}) {
                CAPTURE(n);
                auto merged = [&](size_t piece) {
                    core::Dataset ds;
                    if (after_a) {
                        core::Ingest ingest(ds);
                        test::FeedInSlices(ingest, "a.jsonl", a, 4096);
                    }
                    ReadInRanges(ds, name, text, EveryN(n, text.size()), 64, piece);
                    return core::Snapshot::Write(ds);
                };
                const std::string whole = merged(kWhole);
                for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{64}, kBudget, SIZE_MAX}) {
                    CAPTURE(piece);
                    CHECK(merged(piece) == whole);
                }
            }
        }
    }
}

TEST_CASE("RangeCutter: consecutive ranges share no line and miss none") {
    const std::string text = "ab\n\ncdef\ng\nhij";
    for (uint64_t n = 1; n <= text.size() + 1; ++n) {
        std::string joined;
        for (uint64_t begin = 0; begin < text.size(); begin += n) {
            core::RangeCutter cut(begin, begin + n);
            const auto from = static_cast<size_t>(cut.ReadFrom());
            std::string_view mine = cut.Take(text.data() + from, text.size() - from);
            if (!mine.empty()) {
                CHECK((mine.back() == '\n' || mine.data() + mine.size() == text.data() + text.size()));
                CHECK((mine.data() == text.data() || mine.data()[-1] == '\n'));
            }
            joined += mine;
        }
        CHECK(joined == text);
    }
}
