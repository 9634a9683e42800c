// The export formats (shell/export_csv.hpp, shell/export_jsonl.hpp), byte for byte.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "export_csv.hpp"
#include "export_jsonl.hpp"
#include "test_support.hpp"

using chorus::shell::CsvCell;
using chorus::shell::CsvField;

namespace {

// Two v1.1 posts: the first has likes and reposts (zero), no reply or quote count; the second has a newline, a comma,
// quotes and non-ASCII text, and an 18-digit author id.
const char* kPosts =
    R"({"created_at":"Mon Oct 16 14:00:00 +0000 2017","id_str":"920000000000000001","text":"#MeToo @Bob",)"
    R"("entities":{"hashtags":[{"text":"MeToo"}],"user_mentions":[{"screen_name":"Bob"}],)"
    R"("urls":[{"expanded_url":"https://example.org/a"}]},"user":{"id_str":"12","screen_name":"alice"},"lang":"en",)"
    R"("favorite_count":12,"retweet_count":0})"
    "\n"
    R"({"created_at":"Mon Oct 16 15:30:00 +0000 2017","id_str":"920000000000000002","text":"Moi aussi,\n\"oui\" é 私も",)"
    R"("entities":{"hashtags":[],"user_mentions":[],"urls":[]},)"
    R"("user":{"id_str":"900000000000000123","screen_name":"élodie"},"lang":"fr"})"
    "\n";

void LoadPosts(chorus::core::Dataset& ds) {
    chorus::core::Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, "posts.jsonl", kPosts, 4096);
    REQUIRE(ds.Posts() == 2);
}

}  // namespace

TEST_CASE("export csv: RFC 4180 quoting of commas, quotes and newlines; non-ASCII as is") {
    CHECK(CsvField("metoo") == "metoo");
    CHECK(CsvField("a,b") == "\"a,b\"");
    CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(CsvField("line\nbreak") == "\"line\nbreak\"");
    CHECK(CsvField("cr\rlf") == "\"cr\rlf\"");
    CHECK(CsvField("yotambién") == "yotambién");
    CHECK(CsvField("أنا_كمان") == "أنا_كمان");
    CHECK(CsvField("") == "");
}

TEST_CASE("export csv: cells starting with = + - @ are guarded by a single quote") {
    CHECK(CsvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(CsvField("+1") == "'+1");
    CHECK(CsvField("-2") == "'-2");
    CHECK(CsvField("@bob") == "'@bob");
    CHECK(CsvField("=1,2") == "\"'=1,2\"");
    CHECK(CsvField("a=b") == "a=b");                 // only the first character matters
    CHECK(CsvField("-3", CsvCell::Number) == "-3");  // numbers we computed are never guarded
}

TEST_CASE("export csv: ids and digits-only text start with a tab so Excel keeps them as text") {
    CHECK(CsvField("920000000000000001", CsvCell::Id) == "\t920000000000000001");
    CHECK(CsvField("user_12", CsvCell::Id) == "\tuser_12");
    CHECK(CsvField("2017") == "\t2017");  // a hashtag of digits
    CHECK(CsvField("0800") == "\t0800");
    CHECK(CsvField("2017a") == "2017a");
    CHECK(CsvField("814", CsvCell::Number) == "814");
}

TEST_CASE("export csv: a top list has a BOM, CRLF ends and the share of the selection") {
    chorus::core::Dataset ds;
    chorus::core::TopList list;
    list.posts = 8;
    list.items = {{0, "metoo", 4}, {1, "a,b", 2}, {2, "2017", 1}, {3, "=cmd", 1}};
    CHECK(chorus::shell::TopListCsv(ds, chorus::core::EntityField::Hashtag, list) ==
          "\xEF\xBB\xBF"
          "rank,hashtag,posts,share of selection\r\n"
          "1,metoo,4,0.500000\r\n"
          "2,\"a,b\",2,0.250000\r\n"
          "3,\t2017,1,0.125000\r\n"
          "4,'=cmd,1,0.125000\r\n");
    chorus::core::TopList empty;
    CHECK(chorus::shell::TopListCsv(ds, chorus::core::EntityField::Language, empty) ==
          "\xEF\xBB\xBFrank,language,posts,share of selection\r\n");
}

TEST_CASE("export csv: the authors list carries each author's id as text") {
    chorus::core::Dataset ds;
    LoadPosts(ds);
    chorus::core::TopList list;
    list.posts = 2;
    for (uint32_t id = 0; id < ds.Authors().Size(); ++id)
        list.items.push_back({id, std::string(ds.AuthorName(id)), 1});
    CHECK(chorus::shell::TopListCsv(ds, chorus::core::EntityField::Author, list) ==
          "\xEF\xBB\xBF"
          "rank,author,author id,posts,share of selection\r\n"
          "1,alice,\t12,1,0.500000\r\n"
          "2,élodie,\t900000000000000123,1,0.500000\r\n");
}

TEST_CASE("export csv: the timeline's bins with UTC ISO edges, the selection's and every post's counts") {
    chorus::core::TimeBins selected, all;
    selected.start = all.start = 1508112000;  // 2017-10-16T00:00:00Z
    selected.step = all.step = chorus::core::kDay;
    selected.counts = {2, 0};
    all.counts = {5, 1};
    CHECK(chorus::shell::TimelineCsv(selected, all) ==
          "\xEF\xBB\xBF"
          "bin start (UTC),bin end (UTC),posts in selection,posts in all\r\n"
          "2017-10-16T00:00:00Z,2017-10-17T00:00:00Z,2,5\r\n"
          "2017-10-17T00:00:00Z,2017-10-18T00:00:00Z,0,1\r\n");
    CHECK(chorus::shell::TimelineCsv(selected, {}).find("\r\n2017-10-16T00:00:00Z,2017-10-17T00:00:00Z,2,2\r\n") !=
          std::string::npos);
}

TEST_CASE("export: file names carry the query, reduced to ASCII letters, digits and dashes") {
    using chorus::shell::ExportFileName;
    CHECK(ExportFileName("hashtags", "", "csv") == "chorus-hashtags-all.csv");
    CHECK(ExportFileName("hashtags", "#MeToo lang:fr", "csv") == "chorus-hashtags-metoo-lang-fr.csv");
    CHECK(ExportFileName("posts", "#私も", "jsonl") == "chorus-posts-query.jsonl");
    CHECK(ExportFileName("timeline", std::string(100, 'a'), "png") ==
          "chorus-timeline-" + std::string(60, 'a') + ".png");
}

TEST_CASE("export jsonl: one line per post, ids as strings, UTC times, entities, counts (null: not given)") {
    chorus::core::Dataset ds;
    LoadPosts(ds);
    CHECK(chorus::shell::PostJsonLine(ds, 0) ==
          R"({"id":"920000000000000001","time":"2017-10-16T14:00:00Z","type":"original","author_id":"12",)"
          R"("author":"alice","lang":"en","text":"#MeToo @Bob","hashtags":["metoo"],"mentions":["bob"],)"
          R"("links":["https://example.org/a"],"likes":12,"reposts":0,"replies":null,"quotes":null})"
          "\n");
    CHECK(chorus::shell::PostJsonLine(ds, 1) ==
          R"({"id":"920000000000000002","time":"2017-10-16T15:30:00Z","type":"original",)"
          R"("author_id":"900000000000000123","author":"élodie","lang":"fr","text":"Moi aussi,\n\"oui\" é 私も",)"
          R"("hashtags":[],"mentions":[],"links":[],"likes":null,"reposts":null,"replies":null,"quotes":null})"
          "\n");
}

TEST_CASE("export jsonl: the posts come in chunks of whole lines, in the rows' order") {
    chorus::core::Dataset ds;
    LoadPosts(ds);
    chorus::shell::PostsJsonl small(ds, {1, 0});
    std::string chunk, all;
    int chunks = 0;
    while (small.Next(chunk, 1)) {  // a line at least, even over the target
        CHECK(chunk.back() == '\n');
        CHECK(std::count(chunk.begin(), chunk.end(), '\n') == 1);
        all += chunk;
        ++chunks;
    }
    CHECK(chunks == 2);
    CHECK(chunk.empty());
    CHECK(all == chorus::shell::PostJsonLine(ds, 1) + chorus::shell::PostJsonLine(ds, 0));
    chorus::shell::PostsJsonl big(ds, {0, 1});
    REQUIRE(big.Next(chunk));
    CHECK(chunk == chorus::shell::PostJsonLine(ds, 0) + chorus::shell::PostJsonLine(ds, 1));
    CHECK_FALSE(big.Next(chunk));
}
