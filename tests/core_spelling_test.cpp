// Hashtags shown in their most used spelling (core/COUNTING.md, rule 50), on datasets built through
// Dataset::Add.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "aggregate.hpp"
#include "snapshot.hpp"
#include "top_counts.hpp"

using namespace chorus::core;

namespace {

struct Builder {
    Dataset ds;
    size_t file = ds.BeginFile("synthetic");
    uint64_t next_id = 1;

    void Post(std::vector<std::string_view> tags, std::string id = {}) {
        if (id.empty()) id = std::to_string(next_id++);
        PostRecord rec;
        rec.id = id;
        rec.time = 1704067200;
        rec.author_id = "a";
        rec.hashtags = std::move(tags);
        ds.Add(rec, file, 1);
    }
    std::string Shown(std::string_view key) const {
        uint32_t id = ds.Hashtags().Find(key);
        REQUIRE(id != Dictionary::kNotFound);
        return std::string(EntityText(ds, EntityField::Hashtag, id));
    }
};

}  // namespace

TEST_CASE("hashtags 50: a hashtag is shown in the spelling most of its posts use, ties to the first seen") {
    Builder b;
    b.Post({"metoo"});
    b.Post({"MeToo"});
    b.Post({"#MeToo "});                  // '#' and white space are not part of the spelling
    b.Post({"METOO", "MeToo", "metoo"});  // once per post: the post's first spelling counts
    CHECK(b.Shown("metoo") == "MeToo");   // MeToo 2, metoo 1, METOO 1

    b.Post({"Tie"});
    b.Post({"tie"});
    CHECK(b.Shown("tie") == "Tie");  // 1 : 1, "Tie" seen first
    b.Post({"tie"});
    CHECK(b.Shown("tie") == "tie");  // 1 : 2
    b.Post({"Tie"});
    CHECK(b.Shown("tie") == "Tie");  // 2 : 2 again: back to the first seen

    b.Post({"\xEF\xBC\xAD\xEF\xBD\x85"});  // full-width "Ｍｅ": NFKC key "me", spelling kept as written
    CHECK(b.Shown("me") == "\xEF\xBC\xAD\xEF\xBD\x85");

    // Lists, the summary's top list and the CLI all read EntityText / HashtagDisplay.
    TopList top = TopK(b.ds, Selection::All(b.ds.Posts()), EntityField::Hashtag, 3);
    REQUIRE(top.items.size() == 3);
    CHECK(top.items[0].text == "MeToo");
    CHECK(top.items[0].count == 4);
    CHECK(top.items[1].text == "Tie");
    CHECK(TopCounts(b.ds, Field::Hashtag, 1).at(0).text == "MeToo");
    // Spellings seen: metoo, MeToo, METOO (a post's later spellings are not counted), Tie, tie, Ｍｅ.
    CHECK(b.ds.HashtagSpellings().Size() == 6);
}

TEST_CASE("hashtags 50: spellings survive a snapshot, and merging adds their counts without duplicates") {
    Builder a;
    a.Post({"BlackLivesMatter"}, "1");
    a.Post({"blacklivesmatter"}, "2");
    a.Post({"blacklivesmatter"}, "3");
    Dataset reopened;
    REQUIRE(Snapshot::Read(Snapshot::Write(a.ds), reopened).ok());
    CHECK(reopened.HashtagDisplay(0) == "blacklivesmatter");
    CHECK(Snapshot::Write(reopened) == Snapshot::Write(a.ds));

    // b repeats post 1 (refused as a duplicate) and adds two posts spelled as post 1 was.
    Builder b;
    b.Post({"BlackLivesMatter"}, "1");
    b.Post({"BlackLivesMatter"}, "4");
    b.Post({"BlackLivesMatter"}, "5");
    REQUIRE(Snapshot::Read(Snapshot::Write(b.ds), reopened).ok());
    CHECK(reopened.Posts() == 5);
    // As loaded together: BlackLivesMatter 3 (posts 1, 4, 5), blacklivesmatter 2 (posts 2, 3).
    CHECK(reopened.HashtagDisplay(0) == "BlackLivesMatter");
    CHECK(reopened.SpellingPosts(0) == 3);
    CHECK(reopened.SpellingPosts(1) == 2);
}
