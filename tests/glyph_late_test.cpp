// Glyph coverage of text the load's scan did not see (shell/glyph_coverage.hpp): a post's text read back from
// disk (COUNTING.md, rule 84) or past the scan's cap brings its code points when drawn, a batch at a time.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "code_points.hpp"
#include "glyph_coverage.hpp"
#include "test_support.hpp"

using chorus::shell::CodePointUse;
using chorus::shell::GlyphCoverage;
using chorus::shell::Session;
using chorus::test::U8;

namespace {

bool Has(const std::vector<CodePointUse>& uses, char32_t cp) {
    return std::any_of(uses.begin(), uses.end(), [cp](const CodePointUse& u) { return u.code_point == cp; });
}

void LoadOnePost(Session& session, const std::string& text) {
    chorus::test::FeedInSlices(session.ingest(), "one.jsonl",
                               R"({"created_at":"Sun Oct 15 20:21:00 +0000 2017","id_str":"1","text":")" + text +
                                   R"(","user":{"id_str":"2","screen_name":"ann"},"lang":"und"})"
                                   "\n",
                               1 << 16);
    session.Changed();
}

}  // namespace

TEST_CASE("glyph coverage: text drawn later brings its code points in batches, kept until the data is cleared") {
    Session session;
    LoadOnePost(session, "caf\\u00e9");
    GlyphCoverage coverage;
    REQUIRE(coverage.Update(session));
    CHECK(Has(coverage.CodePoints(), 0xE9));
    const size_t at_load = coverage.CodePoints().size();

    // Thai read back from disk: waits for the next batch; known characters (é, ASCII) do not wait.
    coverage.AddLateText(U8({0x0E2A, 0x0E27, 0x0E31, 0x0E2A}) + " caf" + U8({0xE9}));
    CHECK(coverage.LateWaiting() == 3);
    CHECK_FALSE(Has(coverage.CodePoints(), 0x0E2A));
    CHECK(coverage.TakeLate(1000));
    CHECK(coverage.LateWaiting() == 0);
    CHECK(coverage.CodePoints().size() == at_load + 3);
    CHECK(Has(coverage.CodePoints(), 0x0E2A));
    CHECK(Has(coverage.CodePoints(), 0x0E31));
    CHECK_FALSE(coverage.TakeLate(5000));  // nothing waits: no rebuild

    // Batched: what arrives within 250 ms of the last batch waits for the next one.
    coverage.AddLateText(U8({0x1F99C}));  // an emoji
    coverage.AddLateText(U8({0x0E2A}));   // already there
    CHECK(coverage.LateWaiting() == 1);
    CHECK(coverage.TakeLate(1100, 250) == false);  // 100 ms after the batch at 1000
    CHECK(coverage.LateWaiting() == 1);
    CHECK(coverage.TakeLate(1300, 250));
    CHECK(Has(coverage.CodePoints(), 0x1F99C));

    // Arabic brings the forms VisualText draws in its place, as a load's text does.
    coverage.AddLateText(U8({0x0645, 0x0635, 0x0631}));  // Misr
    CHECK(coverage.TakeLate(6000));
    CHECK(Has(coverage.CodePoints(), 0xFEE3));

    // Another change of the data keeps what was read back; clearing the data forgets it.
    LoadOnePost(session, "more");
    coverage.Update(session);
    CHECK(Has(coverage.CodePoints(), 0x0E2A));
    CHECK(Has(coverage.CodePoints(), 0x1F99C));
    session.Reset();
    CHECK(coverage.Update(session));
    CHECK(coverage.CodePoints().empty());
}
