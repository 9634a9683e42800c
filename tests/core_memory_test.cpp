// Dataset memory: fitting the columns when a file ends, and the sorted-times cache that is the time
// column itself when the rows are in time order. Neither changes what is read back.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "ingest.hpp"
#include "snapshot.hpp"

using namespace chorus::core;

namespace {

void AddPost(Dataset& ds, size_t file, const std::string& id, UnixSeconds time) {
    const std::string author = std::string("a").append(id, 0, 1), text = "text of " + id,
                      tag = std::string("tag").append(id, 0, 1);
    PostRecord r;  // views: the strings above outlive Add()
    r.id = id;
    r.time = time;
    r.author_id = author;
    r.text = text;
    r.hashtags = {tag};
    ds.Add(r, file, 1);
}

size_t Held(const Dataset& ds) {
    size_t held = 0;
    for (const auto& p : ds.MemoryParts())
        held += p.capacity;
    return held;
}

}  // namespace

TEST_CASE("memory: ShrinkToFit gives back slack and keeps every row as it was") {
    Dataset ds;
    size_t file = ds.BeginFile("f");
    for (int i = 0; i < 1000; ++i)
        AddPost(ds, file, std::to_string(1000 + i), 1000 - i);  // newest first: times out of order
    std::vector<std::string> texts;
    for (RowId r = 0; r < ds.Posts(); ++r)
        texts.emplace_back(ds.TextOf(r));
    const std::vector<UnixSeconds> sorted = ds.SortedTimes().ToVector();
    size_t before = Held(ds);
    ds.ShrinkToFit();
    for (const auto& p : ds.MemoryParts())
        if (std::string(p.name).find("dict") == std::string::npos && std::string(p.name) != "post_id_index")
            CHECK_MESSAGE(p.size == p.capacity, p.name);
    CHECK(Held(ds) < before);
    REQUIRE(ds.Posts() == 1000);
    for (RowId r = 0; r < ds.Posts(); ++r) {
        CHECK(ds.TextOf(r) == texts[r]);
        CHECK(ds.HashtagsOf(r).size() == 1);
    }
    CHECK(ds.SortedTimes().ToVector() == sorted);
    // A duplicate is still refused after the fit, and new rows grow the columns again.
    PostRecord dup;
    dup.id = "1000";
    CHECK(ds.Add(dup, file, 2) == Dataset::AddResult::Duplicate);
    AddPost(ds, file, "5000", 5);
    CHECK(ds.Posts() == 1001);
    CHECK(ds.TextOf(1000) == "text of 5000");
}

TEST_CASE("memory: Ingest fits the columns when a file ends") {
    Dataset ds;
    Ingest ingest(ds);
    std::string lines;
    for (int i = 0; i < 300; ++i)
        lines += "{\"id_str\": \"" + std::to_string(100 + i) +
                 "\", \"created_at\": \"Wed Oct 18 10:00:00 +0000 2017\", \"text\": \"hi\", \"user\": {\"id_str\": "
                 "\"7\"}}\n";
    size_t size = lines.size();
    lines.append(Ingest::kPadding, ' ');
    ingest.BeginFile("a.jsonl");
    ingest.Feed(lines.data(), size);
    ingest.EndFile();
    REQUIRE(ds.Posts() == 300);
    for (const auto& p : ds.MemoryParts())
        if (std::string(p.name) == "time" || std::string(p.name) == "text_offsets" || std::string(p.name) == "text")
            CHECK_MESSAGE(p.size == p.capacity, p.name);
}

TEST_CASE("memory: sorted times of rows in time order are the time column, without a copy") {
    Dataset ds;
    size_t file = ds.BeginFile("f");
    for (int i = 0; i < 100; ++i)
        AddPost(ds, file, std::to_string(100 + i), 50 + i / 2);  // ascending, with ties
    CHECK(ds.SortedTimes().IsTimeColumn());
    for (const auto& p : ds.MemoryParts())
        if (std::string(p.name) == "sorted_times") CHECK(p.capacity == 0);

    AddPost(ds, file, "900", 10);  // one earlier time: a row order (4 bytes a post) comes back
    const auto& sorted = ds.SortedTimes();
    CHECK_FALSE(sorted.IsTimeColumn());
    for (const auto& p : ds.MemoryParts())
        if (std::string(p.name) == "sorted_times") CHECK(p.size == 101 * sizeof(uint32_t));
    CHECK(sorted.size() == 101);
    CHECK(sorted.front() == 10);
    CHECK(std::is_sorted(sorted.begin(), sorted.end()));

    Dataset in_order;
    size_t f2 = in_order.BeginFile("g");
    AddPost(in_order, f2, "1", 5);
    AddPost(in_order, f2, "2", 6);
    CHECK(in_order.SortedTimes().size() == 2);
    AddPost(in_order, f2, "3", kNoTime);  // a post without time is never among the sorted times
    CHECK(in_order.SortedTimes().ToVector() == std::vector<UnixSeconds>{5, 6});
}

TEST_CASE("memory: a snapshot of rows in time order reloads with the same sorted times") {
    Dataset ds;
    size_t file = ds.BeginFile("f");
    for (int i = 0; i < 10; ++i)
        AddPost(ds, file, std::to_string(10 + i), 100 + i);
    std::string bytes = Snapshot::Write(ds);
    Dataset back;
    REQUIRE(Snapshot::Read(bytes, back).ok());
    CHECK(back.SortedTimes().ToVector() == ds.SortedTimes().ToVector());
    Dataset more;  // merged after rows out of order
    size_t g = more.BeginFile("g");
    AddPost(more, g, "99", 1);
    REQUIRE(Snapshot::Read(bytes, more).ok());
    CHECK(more.SortedTimes().front() == 1);
    CHECK(more.SortedTimes().size() == 11);
    CHECK(std::is_sorted(more.SortedTimes().begin(), more.SortedTimes().end()));
}
