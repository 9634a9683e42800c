// The open-addressing tables' packed slots (core/hash_slots.hpp): an id or row and a tag of its hash share
// four bytes, so lookups tell entries apart by the tag; the tables must still find every entry and no other.
#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "dictionary.hpp"
#include "hash_slots.hpp"
#include "post_id_index.hpp"

using namespace chorus::core;

TEST_CASE("hash slots: a packed entry gives back its number, and only its own tag matches") {
    for (size_t count : {size_t{16}, size_t{1} << 20, size_t{1} << 31}) {
        HashSlots slots(count);
        const uint32_t last = static_cast<uint32_t>(count - 2);  // the largest number a table of `count` holds
        for (uint64_t hash : {uint64_t{0}, ~uint64_t{0}, uint64_t{0x123456789ABCDEF0}}) {
            for (uint32_t entry : {uint32_t{0}, last / 2, last}) {
                uint32_t packed = slots.Pack(entry, hash);
                CHECK(packed != HashSlots::kEmpty);
                CHECK(slots.Entry(packed) == entry);
                CHECK(slots.TagMatches(packed, hash));
            }
        }
        if (count < (size_t{1} << 31)) CHECK_FALSE(slots.TagMatches(slots.Pack(0, ~uint64_t{0}), 0));
    }
}

TEST_CASE("hash slots: the text hash tells apart strings one byte apart, at every length up to 40") {
    std::set<uint64_t> seen;
    size_t made = 0;
    for (size_t length = 0; length <= 40; ++length) {
        std::string s(length, 'a');
        seen.insert(HashText(s));
        ++made;
        for (size_t at = 0; at < length; ++at) {
            std::string t = s;
            t[at] = 'b';
            seen.insert(HashText(t));
            ++made;
        }
    }
    CHECK(seen.size() == made);
    CHECK(HashText(std::string_view("abc", 2)) == HashText("ab"));  // only the view's bytes count
}

TEST_CASE("hash slots: a dictionary of 300,000 strings of one length finds each, and no other") {
    Dictionary d;
    auto key = [](int i) {
        std::string s = std::to_string(1000000000 + i);  // same length, as numeric account ids are
        return s;
    };
    for (int i = 0; i < 300000; ++i)
        REQUIRE(d.Intern(key(i)) == static_cast<uint32_t>(i));
    for (int i = 0; i < 300000; ++i)
        REQUIRE(d.Find(key(i)) == static_cast<uint32_t>(i));
    for (int i = 300000; i < 310000; ++i)
        REQUIRE(d.Find(key(i)) == Dictionary::kNotFound);
    CHECK(d.Intern(key(123)) == 123);
    CHECK(d.Size() == 300000);
}

TEST_CASE("hash slots: the post-id index finds rows far past its count of ids (posts without an id before)") {
    constexpr uint64_t kNoId = ~uint64_t{0};
    std::vector<uint64_t> ids(50000, kNoId);  // 50,000 posts without an id, then a few with one
    PostIdIndex index;
    for (uint64_t id = 7; id < 12; ++id) {
        ids.push_back(id);
        CHECK(index.Find(id, ids) == PostIdIndex::kNone);
        index.Insert(static_cast<uint32_t>(ids.size() - 1), ids);
    }
    for (uint64_t id = 7; id < 12; ++id)
        CHECK(index.Find(id, ids) == 50000 + (id - 7));
    CHECK(index.Find(12, ids) == PostIdIndex::kNone);
    for (uint64_t id = 0; id < 100000; ++id) {  // growth keeps every row
        ids.push_back(1000000 + id * 977);
        index.Insert(static_cast<uint32_t>(ids.size() - 1), ids);
    }
    for (uint64_t id = 0; id < 100000; id += 13)
        REQUIRE(index.Find(1000000 + id * 977, ids) == 50005 + id);
    CHECK(index.Find(1000000 + 977 * 100000, ids) == PostIdIndex::kNone);
    CHECK(index.Find(9, ids) == 50002);
}
