// Twitter's HTML escapes in post text (core/html_entities.hpp; COUNTING.md, rule 110): &amp; &lt; &gt; are undone
// as v1.1, v2, archive, Gnip, Zeeschuimer and CSV posts are read, so the text, its words, phrase queries and the
// text read back from the file (its span) hold "&", "<" and ">"; Bluesky's CSVs and other escapes stay as written.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "html_entities.hpp"
#include "query.hpp"
#include "test_support.hpp"
#include "words.hpp"

using namespace chorus::core;

namespace {

// As Twitter sends it, and as written.
constexpr const char* kSent = "AT&amp;T &lt;3 rock &amp; roll &amp;amp; x &gt; y &quot;q&quot; &copy;";
constexpr const char* kWritten = "AT&T <3 rock & roll &amp; x > y &quot;q&quot; &copy;";

// Reads `bytes` as one file with text places kept (in one padded buffer).
void Load(Dataset& ds, const std::string& name, const std::string& bytes) {
    Ingest ingest(ds);
    ingest.BeginFile(name);
    ingest.KeepTextPlaces(0);
    for (size_t at = 0; at < bytes.size(); at += 4096) {
        const size_t n = std::min<size_t>(4096, bytes.size() - at);
        std::string buffer = bytes.substr(at, n);
        buffer.append(Ingest::kPadding, '\0');
        ingest.Feed(buffer.data(), n);
    }
    ingest.EndFile();
}

size_t Count(const Dataset& ds, const std::string& query) {
    ParsedQuery parsed = ParseQuery(query);
    REQUIRE(parsed.ok());
    QueryIndex index(ds);
    return index.Select(parsed.query).Count();
}

// The first post's text is kWritten, its span (when it has one) decodes to it, "amp" is no word and a phrase
// with "&" finds it. True when the post has a span (its text can stay in the file, rule 101).
bool CheckUndone(const std::string& name, const std::string& bytes) {
    INFO(name);
    Dataset ds;
    Load(ds, name, bytes);
    REQUIRE(ds.Posts() == 1);
    CHECK(ds.TextOf(0) == kWritten);
    const TextSpan span = ds.Spans().Of(0);
    if (span.Known()) {
        std::string decoded;
        REQUIRE(DecodeSpan(span.coding, std::string_view(bytes).substr(static_cast<size_t>(span.offset), span.length),
                           decoded));
        CHECK(decoded == kWritten);
    }
    const std::vector<std::string> words = KeptWords(ds.TextOf(0), "en");
    CHECK(std::count(words.begin(), words.end(), "amp") <= 1);  // at most the one "&amp;" written as such
    CHECK(std::find(words.begin(), words.end(), "lt") == words.end());
    CHECK(std::find(words.begin(), words.end(), "gt") == words.end());
    CHECK(Count(ds, "\"rock & roll\"") == 1);
    CHECK(Count(ds, "\"at&t\"") == 1);
    CHECK(Count(ds, "lt") == 0);
    return span.Known();
}

std::string Json(const std::string& text) {  // kSent inside a JSON string
    std::string out;
    for (char c : text)
        out += c == '"' ? std::string("\\\"") : std::string(1, c);
    return out;
}

}  // namespace

TEST_CASE("rule 110: UndoTwitterEntities undoes &amp; &lt; &gt; once, and nothing else") {
    std::string out = "untouched";
    CHECK_FALSE(UndoTwitterEntities("no escapes & < > &quot; &am", out));
    CHECK(out == "untouched");
    REQUIRE(UndoTwitterEntities(kSent, out));
    CHECK(out == kWritten);
    REQUIRE(UndoTwitterEntities("&amp;&lt;&gt;&&amp", out));
    CHECK(out == "&<>&&amp");
    REQUIRE(UndoTwitterEntities("&amp;lt;", out));
    CHECK(out == "&lt;");
}

TEST_CASE("rule 110: v1.1, v2, archive, Gnip and Zeeschuimer posts and CSV rows hold the text as written") {
    const std::string sent = Json(kSent);
    CHECK(CheckUndone("v1.jsonl", R"({"id_str":"1","created_at":"Mon Jan 01 10:00:00 +0000 2024","text":")" + sent +
                                      R"(","user":{"id_str":"7","screen_name":"ann"},"lang":"en"})"
                                      "\n"));
    CheckUndone("v2.jsonl", R"({"data":{"id":"2","author_id":"7","created_at":"2024-01-01T10:00:00.000Z","text":")" +
                                sent +
                                R"(","lang":"en"}})"
                                "\n");
    CheckUndone(
        "tweets.js",
        R"(window.YTD.tweets.part0 = [{"tweet":{"id_str":"3","created_at":"Mon Jan 01 10:00:00 +0000 2024","full_text":")" +
            sent + R"(","lang":"en"}}])");
    CheckUndone(
        "gnip.jsonl",
        R"({"id":"tag:search.twitter.com,2005:4","objectType":"activity","verb":"post","postedTime":"2024-01-01T10:00:00.000Z","actor":{"objectType":"person","id":"id:twitter.com:7","preferredUsername":"ann"},"body":")" +
            sent +
            R"(","twitter_lang":"en"})"
            "\n");
    CheckUndone(
        "zeeschuimer.ndjson",
        R"({"item_id":"5","source_platform":"twitter.com","data":{"__typename":"Tweet","rest_id":"5","core":{"user_results":{"result":{"__typename":"User","rest_id":"7","legacy":{"screen_name":"ann"}}}},"legacy":{"created_at":"Mon Jan 01 10:00:00 +0000 2024","full_text":")" +
            sent +
            R"(","lang":"en","id_str":"5","user_id_str":"7"}}})"
            "\n");
    // A CSV cell as exported, plain and in quotes.
    CHECK(CheckUndone("plain.csv",
                      std::string("id,created_at,text,author_id,lang\n6,2024-01-01T10:00:00Z,") + kSent + ",7,en\n"));
    CheckUndone("quoted.csv",
                std::string("id,created_at,text,author_id,lang\n6,2024-01-01T10:00:00Z,\"") + kSent + "\",7,en\n");
}

TEST_CASE("rule 110: Bluesky's CSVs keep '&amp;' as written (Bluesky escapes nothing)") {
    Dataset ds;
    Load(ds, "bluesky.csv",
         std::string("uri,created_at,text,user_did\nat://did:plc:a/app.bsky.feed.post/1,2024-01-01T10:00:00Z,") +
             kSent + ",did:plc:a\n");
    REQUIRE(ds.Posts() == 1);
    CHECK(ds.TextOf(0) == kSent);
}
