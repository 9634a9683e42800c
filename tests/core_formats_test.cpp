// Formats beyond Twitter JSON lines (core/COUNTING.md, rules 18-35), on fixtures we wrote
// (tests/fixtures/fmt_*), one behaviour per case. Expected values are counted by hand from the
// fixtures; the comments say where each number comes from.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include "text_entities.hpp"
#include "time_utc.hpp"

using chorus::core::Dataset;
using chorus::core::Ingest;
using chorus::core::PostType;
using chorus::core::RowId;
using chorus::test::LoadSummary;
using chorus::test::ReadAll;
using nlohmann::json;

namespace {

json FeedText(Dataset& ds, const std::string& name, const std::string& text, size_t slice = 0) {
    Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, name, text, slice == 0 ? text.size() + 1 : slice);
    return json::parse(chorus::core::SummaryJson(ds));
}

std::vector<std::string> Texts(const chorus::core::Dictionary& dict, std::span<const uint32_t> ids) {
    std::vector<std::string> out;
    for (uint32_t id : ids)
        out.emplace_back(dict.Text(id));
    return out;
}

std::string AuthorId(const Dataset& ds, RowId row) {
    uint32_t a = ds.AuthorOf(row);
    return a == Dataset::kNoAuthor ? "" : std::string(ds.Authors().Text(a));
}

std::string AuthorName(const Dataset& ds, RowId row) {
    uint32_t a = ds.AuthorOf(row);
    return a == Dataset::kNoAuthor ? "" : std::string(ds.AuthorName(a));
}

std::string Lang(const Dataset& ds, RowId row) {
    uint32_t l = ds.LangOf(row);
    return l == Dataset::kNoLang ? "" : std::string(ds.Languages().Text(l));
}

std::string Time(const Dataset& ds, RowId row) {
    return chorus::core::FormatIsoUtc(ds.TimeOf(row));
}

json Types(int original, int retweet, int quote, int reply) {
    return json{{"original", original}, {"retweet", retweet}, {"quote", quote}, {"reply", reply}};
}

json Top(std::initializer_list<std::pair<const char*, int>> items) {
    json out = json::array();
    for (const auto& [tag, n] : items)
        out.push_back(json::array({tag, n}));
    return out;
}

// Two Bluesky PostViews, one per line or pretty-printed.
const std::string kPostA =
    R"({"uri":"at://did:plc:a/app.bsky.feed.post/1","author":{"did":"did:plc:a","handle":"a.test"},)"
    R"("record":{"text":"one","createdAt":"2025-01-01T00:00:00Z"},"indexedAt":"2025-01-01T00:00:01Z"})";
const std::string kPostB =
    R"({"uri":"at://did:plc:b/app.bsky.feed.post/2","author":{"did":"did:plc:b","handle":"b.test"},)"
    R"("record":{"text":"two","createdAt":"2025-01-02T00:00:00Z"},"indexedAt":"2025-01-02T00:00:01Z"})";

}  // namespace

TEST_CASE("detect: one object per line is JSON lines, read as it streams") {
    std::string text = kPostA + "\n" + kPostB + "\n";
    Dataset ds;
    Ingest ingest(ds);
    ingest.BeginFile("posts.json");  // the name says .json: it decides nothing
    std::string first = kPostA + "\n{";
    std::string buffer = first + std::string(Ingest::kPadding, ' ');
    ingest.Feed(buffer.data(), first.size());
    CHECK(ds.Posts() == 1);  // a second value began on line 2: JSON lines, line 1 is already read
    std::string rest = text.substr(first.size()) + std::string(Ingest::kPadding, ' ');
    ingest.Feed(rest.data(), text.size() - first.size());
    ingest.EndFile();
    json s = json::parse(chorus::core::SummaryJson(ds));
    CHECK(s["posts"] == 2);
    CHECK(s["files"][0]["records"] == 2);
    CHECK(s["files"][0]["format"] == "bluesky-posts-jsonl");
}

TEST_CASE("detect: a pretty-printed or single-line document is one document") {
    {
        Dataset ds;  // pretty-printed array
        json s = FeedText(ds, "p.txt", "[\n  " + kPostA + ",\n  " + kPostB + "\n]\n");
        CHECK(s["posts"] == 2);
        CHECK(s["files"][0]["format"] == "bluesky-posts-json");
    }
    {
        Dataset ds;  // one line holding the whole array, after a byte order mark and blank lines
        json s = FeedText(ds, "p.txt", "\xEF\xBB\xBF\n\n[" + kPostA + "," + kPostB + "]");
        CHECK(s["posts"] == 2);
        CHECK(s["files"][0]["records"] == 2);
        CHECK(s["files"][0]["format"] == "bluesky-posts-json");
    }
    {
        Dataset ds;  // a single pretty-printed tweet: one record, read like a line
        json s =
            FeedText(ds, "t.json",
                     "{\n  \"id_str\": \"5\",\n  \"text\": \"hi #there\",\n  \"created_at\": \"Mon Dec 02 14:16:13 "
                     "+0000 2019\",\n  \"user\": {\"id_str\": \"9\"},\n  \"entities\": {\"hashtags\": "
                     "[{\"text\": \"there\"}]}\n}\n");
        CHECK(s["posts"] == 1);
        CHECK(s["top_hashtags"] == Top({{"there", 1}}));
        CHECK(s["errors"].empty());
    }
    {
        Dataset ds;  // a line-oriented file whose first line is broken stays JSON lines
        json s = FeedText(ds, "x.jsonl", "{\"id_str\": \"1\", \"text\":\n" + kPostA + "\n");
        CHECK(s["skipped"] == 1);
        CHECK(s["errors"][0]["line"] == 1);
    }
}

TEST_CASE("detect: a JavaScript assignment is a document; the name decides nothing else") {
    Dataset ds;
    std::string text = "  var posts = [" + kPostA + ",\n" + kPostB + "];\n";
    json s = FeedText(ds, "tweets.js", text);
    CHECK(s["posts"] == 2);  // Bluesky records, whatever the script's name or the file's name says
    CHECK(s["files"][0]["format"] == "bluesky-posts-js");
    CHECK(s["errors"].empty());  // the closing ';' is allowed
}

TEST_CASE("document: records are numbered by their place in the list") {
    Dataset ds;
    std::string text = "[\n  " + kPostA + ",\n  {\"uri\": tru},\n  42,\n  " + kPostB + "\n]\n";
    json s = FeedText(ds, "p.json", text);
    CHECK(s["posts"] == 2);
    CHECK(s["skipped"] == 2);
    CHECK(s["files"][0]["records"] == 4);
    REQUIRE(s["errors"].size() == 2);
    CHECK(s["errors"][0]["kind"] == "invalid_json");
    CHECK(s["errors"][0]["item"] == 2);
    CHECK(s["errors"][0]["line"] == 3);
    CHECK(s["errors"][0]["reason"].get<std::string>().starts_with("item 2: "));
    CHECK(s["errors"][1]["kind"] == "not_a_post");
    CHECK(s["errors"][1]["item"] == 3);
    CHECK(s["errors"][1]["line"] == 4);
}

TEST_CASE("document: above the size limit it is too_large, nothing else is lost") {
    Dataset ds;
    Ingest ingest(ds);
    ingest.SetDocumentLimit(300);
    std::string big = "[\n" + kPostA + ",\n" + kPostB + "\n]\n";  // about 400 bytes
    REQUIRE(big.size() > 300);
    chorus::test::FeedInSlices(ingest, "big.json", big, 64);
    std::string lines = kPostA + "\n" + std::string(400, ' ') + "{\"x\": 1}\n" + kPostB + "\n";
    chorus::test::FeedInSlices(ingest, "lines.jsonl", lines, 50);
    std::string small = "[" + kPostA + "]";
    chorus::test::FeedInSlices(ingest, "small.json", small, 7);
    json s = json::parse(chorus::core::SummaryJson(ds));
    CHECK(s["files"][0]["problems"]["too_large"] == 1);
    CHECK(s["files"][0]["posts"] == 0);
    CHECK(s["files"][1]["problems"]["too_large"] == 1);  // the 400-byte line 2; lines 1 and 3 are read
    CHECK(s["files"][1]["posts"] == 2);
    CHECK(s["files"][2]["duplicates"] == 1);  // post A again: the dataset goes on as before
    CHECK(s["errors"][0]["kind"] == "too_large");
    CHECK(s["errors"][1]["line"] == 2);
}

TEST_CASE("document: a truncated document keeps its whole records and reports the cut one") {
    Dataset ds;
    std::string text = "[\n  " + kPostA + ",\n  " + kPostB + ",\n  {\"uri\": \"at://did:plc:c/app.bs";
    json s = FeedText(ds, "cut.json", text, 10);
    CHECK(s["posts"] == 2);
    CHECK(s["skipped"] == 1);
    CHECK(s["files"][0]["records"] == 3);
    REQUIRE(s["errors"].size() == 1);
    CHECK(s["errors"][0]["kind"] == "invalid_json");
    CHECK(s["errors"][0]["item"] == 3);
    CHECK(s["errors"][0]["line"] == 4);

    Dataset ds2;  // cut between records: nothing is lost, nothing reported
    json s2 = FeedText(ds2, "cut2.json", "[\n  " + kPostA + ",\n  " + kPostB + ",\n");
    CHECK(s2["posts"] == 2);
    CHECK(s2["skipped"] == 0);

    Dataset ds3;  // text after the document may hold records: one invalid_json record
    json s3 = FeedText(ds3, "two.json", "[\n" + kPostA + "\n]\n[\n" + kPostB + "\n]\n");
    CHECK(s3["posts"] == 1);
    CHECK(s3["skipped"] == 1);
    CHECK(s3["errors"][0]["line"] == 4);
}

TEST_CASE("ingest: a document fed in slices of any size gives the same counts") {
    std::string text = ReadAll(chorus::test::Fixture("fmt_mastodon_outbox.json"));
    Dataset whole;
    std::string expected = FeedText(whole, "outbox.json", text).dump();
    for (size_t slice : {1u, 7u, 64u, 1000u}) {
        Dataset ds;
        CHECK_MESSAGE(FeedText(ds, "outbox.json", text, slice).dump() == expected, "slice " << slice);
    }
}

TEST_CASE("detect: the first record of a known shape picks the reader") {
    Dataset ds;
    std::string text =
        "{\"hello\": 1}\n"
        R"({"id":"e1","body":"first #post","author":"a","created_utc":1538889971,"subreddit":"x","link_id":"t3_1"})"
        "\n";
    json s = FeedText(ds, "r.jsonl", text);
    CHECK(s["posts"] == 1);
    CHECK(s["skipped"] == 1);  // line 1: no known shape, judged by Twitter's rules: not a post
    CHECK(s["errors"][0]["kind"] == "not_a_post");
    CHECK(s["files"][0]["format"] == "reddit-pushshift-jsonl");
}

TEST_CASE("detect: a record of another platform in the file is not a post") {
    Dataset ds;
    std::string text = R"({"id":"e1","body":"a comment","author":"a","created_utc":1538889971,"subreddit":"x"})"
                       "\n" +
                       kPostA + "\n";
    json s = FeedText(ds, "r.jsonl", text);
    CHECK(s["posts"] == 1);
    REQUIRE(s["errors"].size() == 1);
    CHECK(s["errors"][0]["kind"] == "not_a_post");
    CHECK(s["errors"][0]["line"] == 2);
    CHECK(s["errors"][0]["reason"].get<std::string>().find("Bluesky") != std::string::npos);
}

TEST_CASE("twitter v1.1: a search response's statuses are posts") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_v1_search.json"});
    CHECK(s["files"][0]["format"] == "twitter-v1.1-search-json");
    CHECK(s["files"][0]["records"] == 3);  // search_metadata is not a record
    CHECK(s["posts"] == 3);
    CHECK(s["types"] == Types(1, 1, 0, 1));
    CHECK(s["duplicates"] == 0);  // the retweet embeds the first status: context, not a post
    CHECK(s["top_hashtags"] == Top({{"coffee", 2}, {"Tea", 1}}));
    CHECK(s["first"] == "2014-08-31T00:29:15Z");
    CHECK(s["last"] == "2014-08-31T00:30:00Z");
}

TEST_CASE("archive: tweets.js items are tweets by the archive's owner; RT @ is a retweet") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_archive_tweets.js"});
    CHECK(s["files"][0]["format"] == "twitter-archive-js");
    CHECK(s["posts"] == 3);
    CHECK(s["types"] == Types(1, 1, 0, 1));  // "RT @ben: ..." has no retweeted_status
    CHECK(s["authors"] == 1);
    CHECK(AuthorName(ds, 0) == "(archive owner)");
    CHECK(s["skipped"] == 1);  // the `like` item
    CHECK(s["errors"][0]["item"] == 4);
    CHECK(s["top_hashtags"] == Top({{"rstats", 2}, {"chifoo", 1}}));
    CHECK(ds.TextOf(0) == "Slides from my talk #rstats");
    CHECK(Lang(ds, 0) == "en");
}

TEST_CASE("archive: account.js names the owner of the tweets loaded after it") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_archive_account.js", "fmt_archive_tweets.js"});
    CHECK(s["authors"] == 1);
    CHECK(AuthorId(ds, 0) == "14159265");
    CHECK(AuthorName(ds, 2) == "jdsmith");
    CHECK(s["files"][0]["problems"]["context"] == 1);
    CHECK(s["files"][0]["skipped"] == 1);
    CHECK(s["errors"].size() == 1);  // the context record is not an error; the `like` item is
}

TEST_CASE("archive: a Grailbird month file is read with its own time format") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_grailbird.js"});
    CHECK(s["files"][0]["format"] == "twitter-grailbird-js");
    CHECK(s["posts"] == 3);
    CHECK(s["types"] == Types(1, 2, 0, 0));  // retweeted_status, and a manual "RT @cy"
    CHECK(s["authors"] == 1);
    CHECK(AuthorName(ds, 0) == "ada");
    CHECK(s["first"] == "2018-12-29T14:00:00Z");  // 09:00 -0500
    CHECK(s["last"] == "2019-01-01T04:50:27Z");   // filed under December, local time
    CHECK(s["top_hashtags"] == Top({{"a11y", 1}, {"design", 1}}));
}

TEST_CASE("gnip: Activity Streams ids, verbs and long_object entities") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_gnip_activity.jsonl"});
    CHECK(s["files"][0]["format"] == "twitter-gnip-activity-streams-jsonl");
    CHECK(s["posts"] == 4);
    CHECK(s["types"] == Types(1, 1, 1, 1));
    CHECK(s["authors"] == 3);
    CHECK(s["skipped"] == 1);  // verb "delete"
    CHECK(AuthorId(ds, 0) == "11");
    CHECK(AuthorName(ds, 0) == "ana");
    // long_object's text and entities win; the share carries its object's.
    CHECK(ds.TextOf(0) == "A long post, whole this time #short #whole");
    CHECK(ds.TextOf(1) == ds.TextOf(0));
    CHECK(s["top_hashtags"] == Top({{"short", 2}, {"whole", 2}}));
    CHECK(Texts(ds.Links(), ds.LinksOf(3)) ==
          std::vector<std::string>{"https://twitter.com/ana/status/900000000000000001"});
    // The id is the tweet's: the same tweet as v1.1 is a duplicate (rule 34).
    std::string v1 = R"({"id_str":"900000000000000001","text":"x","user":{"id_str":"11"}})"
                     "\n";
    json s2 = FeedText(ds, "v1.jsonl", v1);
    CHECK(s2["duplicates"] == 1);
}

TEST_CASE("mastodon: an outbox's Create is a post and Announce a boost") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_mastodon_outbox.json"});
    CHECK(s["files"][0]["format"] == "mastodon-outbox");
    CHECK(s["posts"] == 5);
    CHECK(s["types"] == Types(2, 1, 1, 1));  // Note + Question; Announce; quoteUri; inReplyTo
    CHECK(s["skipped"] == 1);                // the Like
    CHECK(s["authors"] == 1);
    CHECK(AuthorId(ds, 0) == "https://social.example/users/ana");
    CHECK(AuthorName(ds, 0) == "ana@social.example");  // from the post's url, no actor.json
    CHECK(ds.TextOf(0) == "Hello #Cats and @bo\n\nMore at https://example.org/page & \"more\"");
    CHECK(Lang(ds, 0) == "en");
    CHECK(Texts(ds.Mentions(), ds.MentionsOf(0)) == std::vector<std::string>{"bo@other.example"});
    CHECK(Texts(ds.Links(), ds.LinksOf(0)) == std::vector<std::string>{"https://example.org/page"});
    CHECK(s["top_hashtags"] == Top({{"cats", 2}}));
    CHECK(ds.TextOf(3).empty());  // the boost names its post by URL only
    CHECK(Time(ds, 3) == "2024-03-03T00:00:00Z");
}

TEST_CASE("mastodon: actor.json names the outbox's author and is a context record") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_mastodon_actor.json", "fmt_mastodon_outbox.json"});
    CHECK(s["files"][0]["format"] == "mastodon-actor-json");
    CHECK(s["files"][0]["problems"]["context"] == 1);
    CHECK(s["files"][0]["posts"] == 0);
    CHECK(AuthorName(ds, 0) == "ana_b@social.example");
    CHECK(s["errors"].size() == 1);  // only the outbox's Like
}

TEST_CASE("mastodon: REST statuses: reblog is a retweet, tags and mentions from their lists") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_mastodon_statuses.json"});
    CHECK(s["files"][0]["format"] == "mastodon-statuses-json");
    CHECK(s["types"] == Types(1, 1, 0, 1));
    CHECK(s["authors"] == 2);
    CHECK(AuthorName(ds, 1) == "cal@else.example");
    CHECK(s["top_hashtags"] == Top({{"IchBinHanna", 2}}));  // the boost carries the boosted post's tags
    CHECK(ds.TextOf(1) == ds.TextOf(0));
    CHECK(Lang(ds, 1) == "de");
    CHECK(Texts(ds.Mentions(), ds.MentionsOf(0)) == std::vector<std::string>{"bo@other.example"});
    CHECK(s["first"] == "2022-11-08T10:15:51Z");
}

TEST_CASE("bluesky: PostView and FeedViewPost; a repost is a retweet by the reposter") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_bluesky_posts.json"});
    CHECK(s["files"][0]["format"] == "bluesky-posts-json");
    CHECK(s["posts"] == 5);
    CHECK(s["duplicates"] == 1);             // the FeedViewPost wrapping the first PostView
    CHECK(s["types"] == Types(2, 1, 1, 1));  // embed.record wins over reply: a quote
    CHECK(s["authors"] == 4);
    CHECK(AuthorId(ds, 2) == "did:plc:carol");
    CHECK(AuthorName(ds, 2) == "carol.bsky.social");
    CHECK(Time(ds, 2) == "2025-04-02T17:00:19Z");
    CHECK(ds.TextOf(2) == ds.TextOf(1));
    // Facets: #tag features and record.tags count; a `#hashtag` feature does not.
    CHECK(s["top_hashtags"] == Top({{"science", 3}, {"extra", 2}}));
    CHECK(Texts(ds.Mentions(), ds.MentionsOf(0)) == std::vector<std::string>{"bo.bsky.social"});
    CHECK(Texts(ds.Links(), ds.LinksOf(0)) == std::vector<std::string>{"https://ex.org/x"});
    CHECK(Lang(ds, 0) == "en");
}

TEST_CASE("bluesky: indexedAt over createdAt; year 0000 is no time") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_bluesky_posts.json"});
    CHECK(Time(ds, 0) == "2025-03-16T16:09:07Z");  // indexedAt, not createdAt 16:09:09
    CHECK(ds.TimeOf(3) == chorus::core::kNoTime);  // indexedAt and createdAt in year 0000
    CHECK(Time(ds, 4) == "2025-03-18T08:00:00Z");  // no indexedAt: createdAt, +02:00 applied
    CHECK(s["files"][0]["problems"]["no_time"] == 1);
    CHECK(s["first"] == "2025-03-16T16:09:07Z");
}

TEST_CASE("bluesky: Jetstream and Tap commits; ids match the PostView uri") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_bluesky_jetstream.jsonl"});
    CHECK(s["files"][0]["format"] == "bluesky-jetstream-jsonl");
    CHECK(s["posts"] == 3);
    CHECK(s["types"] == Types(1, 1, 0, 1));        // post, reply, repost
    CHECK(s["skipped"] == 3);                      // like, delete, identity
    CHECK(Time(ds, 0) == "2024-12-05T10:20:00Z");  // time_us, not createdAt
    CHECK(AuthorId(ds, 0) == "did:plc:ana");
    CHECK(s["top_hashtags"] == Top({{"Jetstream", 1}}));
    json both = LoadSummary(ds, {"fmt_bluesky_posts.json"});
    CHECK(both["files"][1]["duplicates"] == 2);  // at://did:plc:ana/app.bsky.feed.post/3kana1 twice
    Dataset tap;
    std::string line =
        R"({"id":7,"type":"record","record":{"live":false,"did":"did:plc:ana","rev":"3m","collection":"app.bsky.feed.post",)"
        R"("rkey":"3kana1","action":"create","record":{"text":"#tap","createdAt":"2025-01-01T21:11:45.459Z",)"
        R"("facets":[{"index":{"byteStart":0,"byteEnd":4},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"tap"}]}]}}})"
        "\n";
    json t = FeedText(tap, "tap.jsonl", line + line);
    CHECK(t["files"][0]["format"] == "bluesky-tap-jsonl");
    CHECK(t["posts"] == 1);
    CHECK(t["duplicates"] == 1);
    CHECK(t["first"] == "2025-01-01T21:11:45Z");
}

TEST_CASE("reddit: a submission is an original and a comment a reply, with t3_/t1_ ids") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_reddit.jsonl"});
    CHECK(s["files"][0]["format"] == "reddit-pushshift-jsonl");
    CHECK(s["posts"] == 5);  // a comment with its thread's id is not a duplicate: t1_ vs t3_
    CHECK(s["types"] == Types(2, 0, 0, 3));
    CHECK(s["authors"] == 2);
    CHECK(s["files"][0]["problems"]["no_author"] == 1);  // [deleted]
    CHECK(s["first"] == "2018-10-07T05:24:52Z");
    CHECK(s["last"] == "2018-10-07T08:13:20Z");
    // From the text after &amp; is undone: "&#x200B;" is no hashtag.
    CHECK(s["top_hashtags"] == Top({{"TeamKhabib", 2}, {"TeamConor", 1}, {"UFC229", 1}}));
    CHECK(ds.TextOf(0) == "Big fight tonight #UFC229\n\nWho wins? &#x200B;\n\n#TeamKhabib or #TeamConor <3");
    CHECK(Texts(ds.Links(), ds.LinksOf(3)) == std::vector<std::string>{"https://youtube.com/watch?v=abc"});
    CHECK(ds.TimeOf(2) == chorus::core::ParseIsoTime("2018-10-07T05:26:40Z"));  // "1538890000" as a string
}

TEST_CASE("youtube: a comment thread is an original and its replies are replies") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_youtube_threads.json"});
    CHECK(s["files"][0]["format"] == "youtube-commentthreads-json");
    CHECK(s["posts"] == 3);
    CHECK(s["types"] == Types(2, 0, 0, 1));
    CHECK(s["skipped"] == 1);  // a youtube#video
    CHECK(s["authors"] == 3);
    CHECK(AuthorName(ds, 0) == "Name UC1");
    // textDisplay is HTML when textOriginal is missing: <br> separates, "#1" is no hashtag.
    CHECK(ds.TextOf(2) == "Nobody's love <3 #1 fan #music\n#encore");
    CHECK(s["top_hashtags"] == Top({{"music", 3}, {"encore", 1}}));
    CHECK(Texts(ds.Mentions(), ds.MentionsOf(1)) == std::vector<std::string>{"amy"});
}

TEST_CASE("scraped comments: no time, is_reply or parent_id makes a reply") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_scraped_comments.jsonl"});
    CHECK(s["files"][0]["format"] == "scraped-comments-jsonl");
    CHECK(s["types"] == Types(1, 0, 0, 2));
    CHECK(s["files"][0]["problems"]["no_time"] == 3);
    CHECK(s["files"][0]["problems"]["no_author"] == 1);
    CHECK(s["first"].is_null());
    CHECK(s["top_hashtags"] == Top({{"fyp", 2}}));
}

TEST_CASE("zeeschuimer: X, TikTok and Instagram items; collection time is not post time") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_zeeschuimer.ndjson"});
    CHECK(s["files"][0]["format"] == "zeeschuimer-ndjson");
    CHECK(s["posts"] == 6);
    CHECK(s["types"] == Types(3, 1, 1, 1));
    CHECK(s["skipped"] == 1);  // linkedin.com: not read yet
    CHECK(s["authors"] == 6);
    CHECK(AuthorName(ds, 0) == "wim");
    CHECK(ds.TextOf(0) == "Dit heb ik nog nooit meegemaakt, heel lang #Long");  // note_tweet wins
    CHECK(ds.TextOf(2) == "Over #fosfor");                                      // the retweeted original's
    CHECK(Time(ds, 0) == "2023-10-12T11:19:09Z");
    CHECK(Time(ds, 3) == "2023-10-12T09:05:49Z");  // TikTok createTime
    CHECK(s["last"] == "2026-02-08T19:26:07Z");    // Instagram taken_at, not timestamp_collected
    CHECK(s["top_hashtags"] == Top({{"fosfor", 2}, {"Gaza", 1}, {"Long", 1}, {"NYC", 1}, {"bomba", 1}}));
    // Ids: tweets keep theirs (rule 34), TikTok and Instagram are prefixed.
    std::string v1 = R"({"id_str":"1712427683072679936","text":"x","user":{"id_str":"501"}})"
                     "\n";
    CHECK(FeedText(ds, "v1.jsonl", v1)["files"][1]["duplicates"] == 1);
    std::string numeric = R"({"id_str":"7288995634328177926","text":"x","user":{"id_str":"1"}})"
                          "\n";
    CHECK(FeedText(ds, "v1b.jsonl", numeric)["files"][2]["duplicates"] == 0);
}

TEST_CASE("instagram: scraped records and media objects, entities from the caption") {
    Dataset ds;
    json s = LoadSummary(ds, {"fmt_instagram_scrape.jsonl"});
    CHECK(s["files"][0]["format"] == "instagram-scrape-jsonl");
    CHECK(s["posts"] == 2);
    CHECK(s["duplicates"] == 1);
    CHECK(s["authors"] == 2);
    CHECK(AuthorName(ds, 0) == "feministenergie");
    CHECK(s["top_hashtags"] == Top({{"MeToo", 2}, {"feminist", 1}}));
    CHECK(s["first"] == "2019-03-02T22:00:15Z");
}

TEST_CASE("text entities: hashtags, mentions and links by rule 35") {
    using chorus::core::HashtagsInText;
    using chorus::core::LinksInText;
    using chorus::core::MentionsInText;
    std::vector<std::string_view> out;
    HashtagsInText("#MeToo, not #1 or a#b or &#39; but ＃Ｔｏｏ and #café_2 #2020s", out);
    CHECK(out == std::vector<std::string_view>{"MeToo", "Ｔｏｏ", "café_2", "2020s"});
    out.clear();
    HashtagsInText("## heading #", out);
    CHECK(out.empty());
    out.clear();
    MentionsInText("@amy, mail a@b.c, @@x, (@bo_2)", out);
    CHECK(out == std::vector<std::string_view>{"amy", "bo_2"});
    out.clear();
    LinksInText("See https://ex.org/a?b=1. and (http://ex.org/wiki_(x)) <HTTPS://Ex.org/y>, xhttp://no", out);
    CHECK(out == std::vector<std::string_view>{"https://ex.org/a?b=1", "http://ex.org/wiki_(x)", "HTTPS://Ex.org/y"});
    std::string text;
    chorus::core::HtmlToText("<p>a &amp; b<br />c &#x1F600; &#39;q&#39; &bogus;</p><p>d</p>", text);
    CHECK(text == "a & b\nc \xF0\x9F\x98\x80 'q' &bogus;\n\nd");
}

TEST_CASE("time: ISO with a space before the offset, and year 0000 is no time") {
    using namespace chorus::core;
    CHECK(FormatIsoUtc(ParseIsoTime("2019-01-01 04:50:27 +0000")) == "2019-01-01T04:50:27Z");
    CHECK(FormatIsoUtc(ParseIsoTime("2018-12-29 09:00:00 -0500")) == "2018-12-29T14:00:00Z");
    CHECK(FormatIsoUtc(ParseIsoTime("2025-12-05T10:16:59.78349200Z")) == "2025-12-05T10:16:59Z");
    CHECK(ParseIsoTime("0000-10-14T15:06:10.730Z") == kNoTime);
    CHECK(ParseIsoTime("2019-01-01 04:50:27  +0000") == kNoTime);  // one space, no more
    CHECK(ParseEpochSeconds("1538889971.0") == 1538889971);
    CHECK(ParseEpochSeconds("1538889971") == 1538889971);
    CHECK(ParseEpochSeconds("1.5e9") == kNoTime);
}

TEST_CASE("encoding: a JSON line or document that is not UTF-8 is read as Windows-1252 and counted") {
    Dataset ds;
    json s = LoadSummary(ds, {"json_cp1252.jsonl", "json_cp1252_search.json"});
    REQUIRE(s["files"].size() == 2);
    CHECK(s["posts"] == 5);
    CHECK(s["files"][0]["posts"] == 3);
    CHECK(s["files"][0]["problems"]["transcoded_cp1252"] == 1);  // line 2 only
    CHECK(s["files"][0]["problems"].value("invalid_json", 0) == 0);
    CHECK(s["files"][1]["posts"] == 2);
    CHECK(s["files"][1]["problems"]["transcoded_cp1252"] == 2);  // each record of the document
    std::string tags = s["top_hashtags"].dump();
    // 0xE9 is é: the UTF-8 and the Windows-1252 spellings are one hashtag.
    CHECK(tags.find("\"café\",2") != std::string::npos);
    CHECK(tags.find("\"thé\",2") != std::string::npos);
    CHECK(s["errors"].size() == 0);  // counted, not listed
}
