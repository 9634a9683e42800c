// Compact dataset structures (bytes per post): packed list offsets, the open-addressing dictionary,
// and the post-id index freed when a load ends and rebuilt when rows are added again.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "dataset.hpp"
#include "dictionary.hpp"
#include "offset_column.hpp"
#include "snapshot.hpp"

using namespace chorus::core;

TEST_CASE("compact: OffsetColumn reads back every offset, packed or wide") {
    OffsetColumn packed;
    std::vector<uint32_t> expected{0};
    for (uint32_t r = 0; r < 1000; ++r) {
        expected.push_back(expected.back() + r % 7);
        packed.push_back(expected.back());
    }
    CHECK_FALSE(packed.wide());
    CHECK(packed.ToVector() == expected);
    CHECK(packed.CapacityBytes() < expected.size() * 3);  // ~2 bytes a row where u32 took 4

    // One post with 70,000 items (more than 65,535 in one block of 64 rows): the column turns wide,
    // losing nothing, and keeps growing.
    expected.push_back(expected.back() + 70000);
    packed.push_back(expected.back());
    CHECK(packed.wide());
    for (uint32_t r = 0; r < 100; ++r) {
        expected.push_back(expected.back() + 300);  // over 255 items a post
        packed.push_back(expected.back());
    }
    CHECK(packed.ToVector() == expected);
    CHECK(packed.back() == expected.back());

    OffsetColumn assigned;
    assigned.Assign(expected);
    CHECK(assigned.ToVector() == expected);
    // Values out of order (a damaged snapshot, checked after) read back as they were too.
    std::vector<uint32_t> damaged{0, 5, 3, 0xFFFFFFFFu, 2};
    assigned.Assign(damaged);
    CHECK(assigned.ToVector() == damaged);
}

TEST_CASE("compact: a post with 300 hashtags keeps all of them, through a snapshot") {
    Dataset ds;
    size_t file = ds.BeginFile("f");
    std::vector<std::string> tags;
    for (int i = 0; i < 300; ++i)
        tags.push_back("t" + std::to_string(i));
    PostRecord r;
    r.id = "1";
    r.time = 10;
    for (const std::string& t : tags)
        r.hashtags.push_back(t);
    ds.Add(r, file, 1);
    PostRecord plain;
    plain.id = "2";
    plain.time = 11;
    plain.hashtags = {"t5"};
    ds.Add(plain, file, 2);
    REQUIRE(ds.HashtagsOf(0).size() == 300);
    CHECK(ds.HashtagsOf(1).size() == 1);
    Dataset back;
    REQUIRE(Snapshot::Read(Snapshot::Write(ds), back).ok());
    CHECK(back.HashtagsOf(0).size() == 300);
    CHECK(back.Hashtags().Text(back.HashtagsOf(1)[0]) == "t5");
}

TEST_CASE("compact: Dictionary keeps ids in order of first sight across growth") {
    Dictionary d;
    for (int i = 0; i < 5000; ++i)
        CHECK(d.Intern("v" + std::to_string(i)) == static_cast<uint32_t>(i));
    CHECK(d.Intern("") == 5000);
    CHECK(d.Find("") == 5000);
    for (int i = 0; i < 5000; i += 7)
        CHECK(d.Find("v" + std::to_string(i)) == static_cast<uint32_t>(i));
    CHECK(d.Find("v5000") == Dictionary::kNotFound);
    CHECK(d.Intern("v42") == 42);
    CHECK(d.Size() == 5001);
    Dictionary reserved;
    reserved.Reserve(3);
    CHECK(reserved.Intern("a") == 0);
    reserved.Reserve(1000);  // keeps what it holds
    CHECK(reserved.Find("a") == 0);
    CHECK(reserved.Intern("b") == 1);
}

TEST_CASE("compact: the post-id index is freed when a load ends and duplicates are still refused") {
    Dataset ds;
    size_t file = ds.BeginFile("first");
    std::vector<std::string> ids;
    for (int i = 0; i < 100; ++i)
        ids.push_back(i % 2 ? std::to_string(1000 + i) : "text-id-" + std::to_string(i));
    auto add = [&](size_t f, const std::string& id) {
        PostRecord r;
        r.id = id;
        r.time = 5;
        return ds.Add(r, f, 1);
    };
    for (const std::string& id : ids)
        CHECK(add(file, id) == Dataset::AddResult::Added);
    size_t with_index = 0, without = 0;
    for (const auto& p : ds.MemoryParts())
        if (std::string(p.name) == "post_id_index") with_index = p.capacity;
    ds.LoadEnded();
    for (const auto& p : ds.MemoryParts())
        if (std::string(p.name) == "post_id_index") without = p.capacity;
    CHECK(with_index > 0);
    CHECK(without == 0);

    size_t second = ds.BeginFile("second");
    for (const std::string& id : ids)
        CHECK(add(second, id) == Dataset::AddResult::Duplicate);
    CHECK(add(second, "new") == Dataset::AddResult::Added);
    CHECK(ds.Files()[second].duplicates == 100);

    // A snapshot read ends a load too; merging another dataset into it still refuses repeated ids.
    Dataset back;
    REQUIRE(Snapshot::Read(Snapshot::Write(ds), back).ok());
    for (const auto& p : back.MemoryParts())
        if (std::string(p.name) == "post_id_index") CHECK(p.capacity == 0);
    Dataset more;
    size_t f = more.BeginFile("more");
    PostRecord r;
    r.id = "1001";
    more.Add(r, f, 1);
    r.id = "fresh";
    more.Add(r, f, 2);
    Snapshot::Merge(more, back);
    CHECK(back.Posts() == 102);
    CHECK(back.Files().back().duplicates == 1);
}
