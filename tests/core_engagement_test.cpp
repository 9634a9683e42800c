// Engagement counts (core/engagement.hpp; COUNTING.md, rules 91-93): read from every format that carries
// them, kept apart from "not given", stored compactly, kept by snapshots, merges and worker ranges, and
// the reader's orders. The records are written here; the expected counts are the ones written in them.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "aggregate_json.hpp"
#include "csv_reader.hpp"
#include "engagement.hpp"
#include "ingest_range.hpp"
#include "snapshot.hpp"
#include "test_support.hpp"

using chorus::core::CountKind;
using chorus::core::Dataset;
using chorus::core::Engagement;
using chorus::core::EngagementColumn;
using chorus::core::Ingest;
using chorus::core::kNotGiven;
using chorus::core::PostOrder;
using chorus::core::RowId;
using chorus::core::Snapshot;

namespace {

constexpr int64_t N = kNotGiven;

void Feed(Dataset& ds, const std::string& name, const std::string& text) {
    Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, name, text, text.size() + 1);
}

// likes, reposts, replies, quotes of a row.
std::array<int64_t, 4> Counts(const Dataset& ds, RowId row) {
    return ds.EngagementCounts().Of(row).counts;
}

using C = std::array<int64_t, 4>;

const char* kTweets =
    // An original with all four counts.
    R"({"id_str":"1","created_at":"Mon Oct 16 10:00:00 +0000 2017","text":"hello #a","user":{"id_str":"9",)"
    R"("screen_name":"ana"},"favorite_count":5,"retweet_count":2,"reply_count":1,"quote_count":0})"
    "\n"
    // Its retweet: the original (with its own counts) comes first, the retweet's own counts after.
    R"({"id_str":"2","created_at":"Mon Oct 16 11:00:00 +0000 2017","text":"RT @ana: hello #a","user":{"id_str":"8",)"
    R"("screen_name":"bo"},"retweeted_status":{"id_str":"1","created_at":"Mon Oct 16 10:00:00 +0000 2017",)"
    R"("text":"hello #a","user":{"id_str":"9"},"favorite_count":5,"retweet_count":2,"reply_count":1,)"
    R"("quote_count":0},"favorite_count":0,"retweet_count":2})"
    "\n"
    // No counts at all (an old collection).
    R"({"id_str":"3","created_at":"Mon Oct 16 12:00:00 +0000 2017","text":"plain","user":{"id_str":"9"}})"
    "\n"
    // Counts past 16 bits, and one that is not a count.
    R"({"id_str":"4","created_at":"Mon Oct 16 13:00:00 +0000 2017","text":"big","user":{"id_str":"9"},)"
    R"("favorite_count":1234567,"retweet_count":65535,"reply_count":"n/a","quote_count":65534})"
    "\n";

}  // namespace

TEST_CASE("rule 92: v1.1 counts are the record's own; a retweet's original is context, unknown is not zero") {
    Dataset ds;
    Feed(ds, "tweets.jsonl", kTweets);
    REQUIRE(ds.Posts() == 4);
    CHECK(Counts(ds, 0) == C{5, 2, 1, 0});
    CHECK(Counts(ds, 1) == C{0, 2, N, N});  // the retweet's own fields; its original's reply_count is not its
    CHECK(Counts(ds, 2) == C{N, N, N, N});
    CHECK(Counts(ds, 3) == C{1234567, 65535, N, 65534});
    CHECK(ds.EngagementCounts().Of(1).Total() == 2);
    CHECK(ds.EngagementCounts().Of(2).Total() == N);
}

TEST_CASE("rule 91: v2 public_metrics of a page's data and of a flattened line; includes are context") {
    Dataset ds;
    Feed(ds, "v2.jsonl",
         R"({"data":[{"id":"10","text":"x","created_at":"2021-04-08T19:31:31.000Z","author_id":"5",)"
         R"("public_metrics":{"retweet_count":3,"reply_count":0,"like_count":70000,"quote_count":1,)"
         R"("impression_count":999}},{"id":"11","text":"RT @c: y","created_at":"2021-04-08T19:32:00.000Z",)"
         R"("author_id":"6","referenced_tweets":[{"type":"retweeted","id":"12"}]}],)"
         R"("includes":{"tweets":[{"id":"12","text":"y","public_metrics":{"like_count":4}}]}})"
         "\n"
         R"({"id":"13","text":"z","created_at":"2021-04-08T20:00:00.000Z","author_id":"5",)"
         R"("public_metrics":{"like_count":"7","retweet_count":0}})"
         "\n");
    REQUIRE(ds.Posts() == 3);
    CHECK(Counts(ds, 0) == C{70000, 3, 0, 1});
    CHECK(Counts(ds, 1) == C{N, N, N, N});
    CHECK(Counts(ds, 2) == C{7, 0, N, N});
}

TEST_CASE("rule 91: archive tweets.js counts are strings; Gnip favoritesCount and retweetCount") {
    Dataset ds;
    Feed(ds, "tweets.js",
         "window.YTD.tweets.part0 = [ {\"tweet\" : {\"id_str\" : \"20\", \"created_at\" : \"Mon Oct 16 10:00:00 "
         "+0000 2017\", \"full_text\" : \"mine\", \"favorite_count\" : \"3\", \"retweet_count\" : \"0\"}} ]\n");
    REQUIRE(ds.Posts() == 1);
    CHECK(Counts(ds, 0) == C{3, 0, N, N});

    Dataset gnip;
    Feed(gnip, "gnip.jsonl",
         R"({"id":"tag:search.twitter.com,2005:30","objectType":"activity","verb":"post",)"
         R"("postedTime":"2017-07-18T23:25:04.000Z","actor":{"objectType":"person","id":"id:twitter.com:11",)"
         R"("preferredUsername":"ana"},"body":"x","favoritesCount":7,"retweetCount":1})"
         "\n");
    REQUIRE(gnip.Posts() == 1);
    CHECK(Counts(gnip, 0) == C{7, 1, N, N});
}

TEST_CASE("rule 91: Mastodon REST statuses carry counts, the outbox none") {
    Dataset ds;
    Feed(ds, "statuses.jsonl",
         R"({"id":"1","created_at":"2022-11-08T10:15:51.486Z","uri":"https://m.example/users/amy/statuses/1",)"
         R"("content":"<p>x</p>","reblog":null,"account":{"id":"100","acct":"amy"},)"
         R"("favourites_count":4,"reblogs_count":2,"replies_count":0})"
         "\n");
    REQUIRE(ds.Posts() == 1);
    CHECK(Counts(ds, 0) == C{4, 2, 0, N});

    Dataset outbox;
    chorus::test::LoadSummary(outbox, {"fmt_mastodon_outbox.json"});
    REQUIRE(outbox.Posts() > 0);
    for (RowId r = 0; r < outbox.Posts(); ++r)
        CHECK(Counts(outbox, r) == C{N, N, N, N});
}

TEST_CASE("rule 92: Bluesky views carry counts; a repost's view counts are the reposted post's: not given") {
    const std::string post =
        R"("uri":"at://did:plc:ana/app.bsky.feed.post/3k1","author":{"did":"did:plc:ana","handle":"ana.b"},)"
        R"("record":{"$type":"app.bsky.feed.post","createdAt":"2025-03-16T16:09:09.779Z","text":"hi"},)"
        R"("indexedAt":"2025-03-16T16:09:10.000Z","likeCount":12,"repostCount":3,"replyCount":1,"quoteCount":0)";
    Dataset ds;
    Feed(ds, "bsky.jsonl",
         "{" + post + "}\n" + R"({"post":{)" + post +
             R"(},"reason":{"$type":"app.bsky.feed.defs#reasonRepost","by":{"did":"did:plc:bo","handle":"bo.b"},)"
             R"("indexedAt":"2025-03-17T08:00:00.000Z"}})" +
             "\n");
    REQUIRE(ds.Posts() == 2);
    CHECK(Counts(ds, 0) == C{12, 3, 1, 0});
    CHECK(Counts(ds, 1) == C{N, N, N, N});

    Dataset jet;
    chorus::test::LoadSummary(jet, {"fmt_bluesky_jetstream.jsonl"});
    REQUIRE(jet.Posts() > 0);
    for (RowId r = 0; r < jet.Posts(); ++r)
        CHECK(Counts(jet, r) == C{N, N, N, N});
}

TEST_CASE("rule 91: Reddit score is likes (it may be below zero), num_comments a submission's replies") {
    Dataset ds;
    Feed(ds, "reddit.jsonl",
         R"({"author":"JW","created_utc":1538889892,"id":"9m2taz","subreddit":"x","title":"T","selftext":"",)"
         R"("is_self":true,"score":41,"num_comments":3})"
         "\n"
         R"({"author":"Airy","body":"no","created_utc":1538889971,"id":"e7bg6rc","subreddit":"x","score":-4})"
         "\n");
    REQUIRE(ds.Posts() == 2);
    CHECK(Counts(ds, 0) == C{41, N, 3, N});
    CHECK(Counts(ds, 1) == C{-4, N, N, N});
}

TEST_CASE("rule 91: YouTube likeCount, and a thread's totalReplyCount for its top-level comment") {
    Dataset ds;
    Feed(ds, "yt.jsonl",
         R"({"kind":"youtube#commentThread","id":"T1","snippet":{"topLevelComment":{"kind":"youtube#comment",)"
         R"("id":"T1","snippet":{"authorChannelId":{"value":"UC1"},"likeCount":9,)"
         R"("publishedAt":"2022-12-17T04:19:11Z","textOriginal":"top"}},"totalReplyCount":2},)"
         R"("replies":{"comments":[{"kind":"youtube#comment","id":"T1.r","snippet":{"authorChannelId":)"
         R"({"value":"UC2"},"likeCount":0,"publishedAt":"2022-12-17T05:00:00Z","textOriginal":"re",)"
         R"("parentId":"T1"}}]}})"
         "\n");
    REQUIRE(ds.Posts() == 2);
    CHECK(Counts(ds, 0) == C{9, N, 2, N});
    CHECK(Counts(ds, 1) == C{0, N, N, N});
}

TEST_CASE("rule 92: Zeeschuimer X items: the item's own legacy counts, a retweet's too") {
    Dataset ds;
    Feed(ds, "zee.ndjson",
         R"({"item_id":"40","timestamp_collected":1697110676723,"source_platform":"x.com","data":{)"
         R"("__typename":"Tweet","rest_id":"40","core":{"user_results":{"result":{"rest_id":"501",)"
         R"("legacy":{"screen_name":"wim"}}}},"legacy":{"created_at":"Thu Oct 12 11:19:09 +0000 2023",)"
         R"("full_text":"RT @x: y","id_str":"40","user_id_str":"501","favorite_count":0,"retweet_count":8,)"
         R"("reply_count":0,"quote_count":0,"retweeted_status_result":{"result":{"__typename":"Tweet",)"
         R"("rest_id":"41","legacy":{"created_at":"Thu Oct 12 10:00:00 +0000 2023","full_text":"y",)"
         R"("id_str":"41","favorite_count":30,"retweet_count":8}}}}}})"
         "\n");
    REQUIRE(ds.Posts() == 1);
    CHECK(ds.TypeOf(0) == chorus::core::PostType::Retweet);
    CHECK(Counts(ds, 0) == C{0, 8, 0, 0});
}

TEST_CASE("rule 91: CSV count columns by header name; an empty or odd cell is not given") {
    auto columns = chorus::core::MapCsvColumns(
        {"id", "created_at", "text", "public_metrics.like_count", "Retweet_Count", "reply_count", "quote_count"});
    CHECK(columns.counts == std::array<int, 4>{3, 4, 5, 6});
    Dataset ds;
    Feed(ds, "posts.csv",
         "id,created_at,text,favorite_count,retweet_count,reply_count\n"
         "1,2017-10-16 10:00:00,a,12,0,\n"
         "2,2017-10-16 11:00:00,b,3.0,n/a,1\n");
    REQUIRE(ds.Posts() == 2);
    CHECK(Counts(ds, 0) == C{12, 0, N, N});
    CHECK(Counts(ds, 1) == C{3, N, 1, N});
}

TEST_CASE("rule 93: a duplicate keeps the first record's counts, loaded together, merged or in ranges") {
    const std::string first =
        R"({"id_str":"7","created_at":"Mon Oct 16 10:00:00 +0000 2017","text":"t","user":{"id_str":"1"},)"
        R"("favorite_count":2})"
        "\n";
    const std::string later =  // the same post collected later: more likes, and a reply count
        R"({"id_str":"7","created_at":"Mon Oct 16 10:00:00 +0000 2017","text":"t","user":{"id_str":"1"},)"
        R"("favorite_count":50,"reply_count":4})"
        "\n"
        R"({"id_str":"8","created_at":"Mon Oct 16 11:00:00 +0000 2017","text":"u","user":{"id_str":"1"},)"
        R"("favorite_count":9})"
        "\n";
    Dataset together;
    {
        Ingest ingest(together);
        chorus::test::FeedInSlices(ingest, "a.jsonl", first, 4096);
        chorus::test::FeedInSlices(ingest, "b.jsonl", later, 4096);
    }
    REQUIRE(together.Posts() == 2);
    CHECK(together.Duplicates() == 1);
    CHECK(Counts(together, 0) == C{2, N, N, N});
    CHECK(Counts(together, 1) == C{9, N, N, N});

    Dataset a, b;
    Feed(a, "a.jsonl", first);
    Feed(b, "b.jsonl", later);
    Dataset merged;
    REQUIRE(Snapshot::Read(Snapshot::Write(a), merged).ok());
    REQUIRE(Snapshot::Read(Snapshot::Write(b), merged).ok());
    REQUIRE(merged.Posts() == 2);
    CHECK(Counts(merged, 0) == C{2, N, N, N});
    CHECK(Counts(merged, 1) == C{9, N, N, N});

    // Worker ranges (rule 70): the second range holds the later copy, refused as in a sequential read.
    Dataset ranged;
    Dataset part1, part2;
    Feed(part1, "c.jsonl", first);
    Feed(part2, "c.jsonl", later);
    Snapshot::MergeRange(part1, ranged, 0, false);
    Snapshot::MergeRange(part2, ranged, 1);
    REQUIRE(ranged.Posts() == 2);
    CHECK(ranged.Files().size() == 1);
    CHECK(Counts(ranged, 0) == C{2, N, N, N});
    CHECK(Counts(ranged, 1) == C{9, N, N, N});
}

TEST_CASE("engagement: the column keeps not given apart from zero; overflow and negatives read back") {
    std::mt19937 random(7);
    EngagementColumn column;
    std::vector<Engagement> expected;
    for (int i = 0; i < 5000; ++i) {
        Engagement e;
        for (auto& c : e.counts) {
            switch (random() % 6) {
                case 0: c = kNotGiven; break;
                case 1:
                case 2: c = 0; break;
                case 3: c = static_cast<int64_t>(random() % 100); break;
                case 4: c = 65530 + static_cast<int64_t>(random() % 10); break;  // around the 16-bit edge
                default: c = static_cast<int64_t>(random()) - (1ll << 31); break;
            }
        }
        if (i > 2000 && i < 3000) e = Engagement{};  // a long run of nothing given
        expected.push_back(e);
        column.Add(e);
    }
    EngagementColumn::Scan scan(column);
    for (size_t r = 0; r < expected.size(); ++r) {
        CHECK(column.Of(static_cast<RowId>(r)).counts == expected[r].counts);
        CHECK(scan.At(static_cast<RowId>(r)).counts == expected[r].counts);
    }
    EngagementColumn copy;
    REQUIRE(copy.Decode(column.Encode(), expected.size()));
    for (size_t r = 0; r < expected.size(); r += 7)
        CHECK(copy.Of(static_cast<RowId>(r)).counts == expected[r].counts);
    CHECK_FALSE(copy.Decode(column.Encode(), expected.size() + 1));  // the wrong number of rows
    std::string damaged = column.Encode();
    damaged.pop_back();
    CHECK_FALSE(copy.Decode(damaged, expected.size()));

    // Mostly absent or zero: no bytes per post beyond the runs.
    EngagementColumn sparse;
    Engagement zero;
    zero[CountKind::Likes] = zero[CountKind::Reposts] = 0;
    for (int i = 0; i < 100000; ++i)
        sparse.Add(i % 100 == 0 ? Engagement{} : zero);
    CHECK(sparse.MemoryBytes() < 100000 / 8);

    CHECK(chorus::core::ParseCount(" 42 ") == 42);
    CHECK(chorus::core::ParseCount("-3") == -3);
    CHECK(chorus::core::ParseCount("12.00") == 12);
    CHECK(chorus::core::ParseCount("1.5") == kNotGiven);
    CHECK(chorus::core::ParseCount("1.2K") == kNotGiven);
    CHECK(chorus::core::ParseCount("") == kNotGiven);
}

TEST_CASE("engagement: a snapshot keeps the counts; a version 2 snapshot reads with every count not given") {
    Dataset ds;
    Feed(ds, "tweets.jsonl", kTweets);
    std::string bytes = Snapshot::Write(ds);
    Dataset back;
    REQUIRE(Snapshot::Read(bytes, back).ok());
    for (RowId r = 0; r < ds.Posts(); ++r)
        CHECK(Counts(back, r) == Counts(ds, r));
    CHECK(Snapshot::Write(back) == bytes);

    // The same file as version 2 wrote it.
    const std::string v2 = chorus::test::AsVersion2(bytes);
    Dataset old;
    auto status = Snapshot::Read(v2, old);
    REQUIRE_MESSAGE(status.ok(), status.message);
    REQUIRE(old.Posts() == ds.Posts());
    CHECK(chorus::core::SummaryJson(old) == chorus::core::SummaryJson(ds));
    for (RowId r = 0; r < old.Posts(); ++r)
        CHECK(Counts(old, r) == C{N, N, N, N});
}

TEST_CASE("rule 93: orders by likes, reposts and engagement: highest first, ties by time, not given last") {
    Dataset ds;
    Feed(ds, "tweets.jsonl",
         std::string(kTweets) +
             // Ties with row 0's 5 likes, earlier in time; and a Reddit-like negative count.
             R"({"id_str":"5","created_at":"Mon Oct 16 09:00:00 +0000 2017","text":"e","user":{"id_str":"9"},)"
             R"("favorite_count":5,"retweet_count":0})"
             "\n"
             R"({"id_str":"6","created_at":"Mon Oct 16 08:00:00 +0000 2017","text":"f","user":{"id_str":"9"},)"
             R"("favorite_count":"-2"})"
             "\n");
    REQUIRE(ds.Posts() == 6);
    std::vector<RowId> all{0, 1, 2, 3, 4, 5};
    auto sorted = [&](PostOrder order) {
        std::vector<RowId> rows = all;
        std::reverse(rows.begin(), rows.end());  // the input order does not matter
        chorus::core::SortPosts(ds, rows, order);
        return rows;
    };
    // likes: 1234567 (3), 5 at 09:00 (4) before 5 at 10:00 (0), 0 (1), -2 (5), not given (2)
    CHECK(sorted(PostOrder::Likes) == std::vector<RowId>{3, 4, 0, 1, 5, 2});
    // reposts: 65535 (3), 2 at 10:00 (0), 2 at 11:00 (1), 0 (4), not given: 6 at 08:00 (5), 3 at 12:00 (2)
    CHECK(sorted(PostOrder::Reposts) == std::vector<RowId>{3, 0, 1, 4, 5, 2});
    // totals: 3: 1234567+65535+65534; 0: 8; 4: 5; 1: 2; 5: -2; 2: none
    CHECK(sorted(PostOrder::Engagement) == std::vector<RowId>{3, 0, 4, 1, 5, 2});
    CHECK(sorted(PostOrder::TimeAscending) == std::vector<RowId>{5, 4, 0, 1, 2, 3});
    CHECK(sorted(PostOrder::TimeDescending) == std::vector<RowId>{3, 2, 1, 0, 4, 5});
    PostOrder parsed{};
    CHECK(chorus::core::ParsePostOrder("likes", parsed));
    CHECK(parsed == PostOrder::Likes);
    CHECK_FALSE(chorus::core::ParsePostOrder("popular", parsed));
    CHECK(chorus::core::PostJson(ds, 3).find(R"("likes":1234567,"reposts":65535,"replies":null,"quotes":65534)") !=
          std::string::npos);
}
