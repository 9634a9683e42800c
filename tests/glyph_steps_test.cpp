// Glyph coverage in steps (shell/glyph_coverage.hpp): a collection spread over many Update() calls, each within
// its budget, gives what one call gives, keeps the previous set until it is done and starts over when the data
// changes under it.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "cluster_glyphs.hpp"
#include "glyph_coverage.hpp"
#include "headless_ui.hpp"

using chorus::shell::CodePointUse;
using chorus::shell::CoverageStep;
using chorus::shell::GlyphCoverage;
using chorus::shell::Session;

namespace {

constexpr std::chrono::microseconds kNoTime{0};

// Several scripts in names and texts, emoji clusters of several code points.
void LoadFixtures(Session& session) {
    for (const char* fixture : {"emoji_clusters.jsonl", "v1_mixed.jsonl", "v2_twarc2.jsonl", "query_posts.jsonl"})
        chorus::test::Load(session, fixture);
}

// Update() with `step` until the collection ends; returns the calls it took, checks each call's work.
size_t StepUntilDone(GlyphCoverage& coverage, const Session& session, const CoverageStep& step, bool& changed) {
    size_t calls = 0;
    changed = false;
    do {
        changed = coverage.Update(session, step);
        ++calls;
        CHECK(coverage.LastStepItems() <= step.items);
        REQUIRE(calls < 100000);
    } while (coverage.Collecting());
    return calls;
}

}  // namespace

TEST_CASE("glyph coverage in steps: the code points and clusters of one collection, each step within its budget") {
    Session session;
    LoadFixtures(session);
    const std::vector<CodePointUse> whole_uses = chorus::shell::CollectCodePoints(session.dataset());
    const std::vector<std::string> whole_clusters = chorus::shell::CollectEmojiClusters(session.dataset());
    REQUIRE(whole_uses.size() > 20);
    REQUIRE(whole_clusters.size() >= 10);
    GlyphCoverage whole;
    REQUIRE(whole.Update(session));  // no budget: all in one call
    CHECK_FALSE(whole.Collecting());
    CHECK(whole.CodePoints() == whole_uses);
    CHECK(whole.Clusters() == whole_clusters);

    for (size_t items : {size_t{1}, size_t{3}, size_t{64}}) {
        CAPTURE(items);
        GlyphCoverage stepped;
        bool changed = false;
        const size_t calls = StepUntilDone(stepped, session, {.time = kNoTime, .items = items}, changed);
        CHECK(changed);
        CHECK(calls > session.dataset().Posts() / items);  // no time: one piece a call
        CHECK(stepped.CodePoints() == whole_uses);
        CHECK(stepped.Clusters() == whole_clusters);
        CHECK(stepped.Generation() == session.Generation());
        CHECK_FALSE(stepped.Update(session, {.time = kNoTime, .items = items}));  // nothing new: no work
        CHECK(stepped.LastStepItems() == 0);
    }

    // A piece of the default size holds the whole fixture: done in one call even with no time.
    GlyphCoverage one_piece;
    CHECK(one_piece.Update(session, {.time = kNoTime}));
    CHECK_FALSE(one_piece.Collecting());
    CHECK(one_piece.CodePoints() == whole_uses);
}

TEST_CASE("glyph coverage in steps: the previous set stays while collecting; a change or a load midway starts over") {
    Session session;
    chorus::test::Load(session, "v1_mixed.jsonl");
    GlyphCoverage coverage;
    REQUIRE(coverage.Update(session));
    const std::vector<CodePointUse> first = coverage.CodePoints();
    const uint64_t first_generation = coverage.Generation();
    const CoverageStep tiny{.time = kNoTime, .items = 2};

    // More data: a few steps, the first load's set still in use.
    chorus::test::Load(session, "emoji_clusters.jsonl");
    for (int i = 0; i < 3; ++i)
        CHECK_FALSE(coverage.Update(session, tiny));
    CHECK(coverage.Collecting());
    CHECK(coverage.CodePoints() == first);
    CHECK(coverage.Generation() == first_generation);

    // A load begins: the collection is dropped, the set kept.
    session.progress().active = true;
    chorus::test::Load(session, "v2_twarc2.jsonl");
    CHECK_FALSE(coverage.Update(session, tiny));
    CHECK_FALSE(coverage.Collecting());
    CHECK(coverage.CodePoints() == first);

    // It ends: a new collection; the data changes again midway and it starts over on the newest data.
    session.progress().active = false;
    session.Changed();
    for (int i = 0; i < 5; ++i)
        coverage.Update(session, tiny);
    CHECK(coverage.Collecting());
    chorus::test::Load(session, "query_posts.jsonl");
    bool changed = false;
    StepUntilDone(coverage, session, tiny, changed);
    CHECK(changed);
    CHECK(coverage.Generation() == session.Generation());
    CHECK(coverage.CodePoints() == chorus::shell::CollectCodePoints(session.dataset()));
    CHECK(coverage.Clusters() == chorus::shell::CollectEmojiClusters(session.dataset()));

    // Cleared midway through a collection: the empty set, as one call gives it.
    chorus::test::Load(session, "v1_mixed.jsonl");
    coverage.Update(session, tiny);
    session.Reset();
    StepUntilDone(coverage, session, tiny, changed);
    CHECK(changed);
    CHECK(coverage.CodePoints().empty());
    CHECK(coverage.Clusters().empty());
}

TEST_CASE("glyph coverage in steps: late text taken while collecting stays in the new set") {
    Session session;
    chorus::test::Load(session, "v1_mixed.jsonl");
    GlyphCoverage coverage;
    REQUIRE(coverage.Update(session));
    chorus::test::Load(session, "emoji_clusters.jsonl");
    coverage.Update(session, {.time = kNoTime, .items = 1});
    REQUIRE(coverage.Collecting());
    coverage.AddLateText("\xe0\xb8\xaa");  // Thai, read back from disk meanwhile
    CHECK(coverage.TakeLate(1000));
    bool changed = false;
    StepUntilDone(coverage, session, {.time = kNoTime, .items = 1}, changed);
    bool thai = false;
    for (const CodePointUse& use : coverage.CodePoints())
        thai = thai || use.code_point == 0x0E2A;
    CHECK(thai);
}
