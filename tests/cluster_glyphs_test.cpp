// Emoji clusters drawn as one glyph (shell/cluster_glyphs.hpp): the mapping to private-use code
// points, its way back, right-to-left text, the cap, and the explorer's lists on ImGui's null backend.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cluster_glyphs.hpp"
#include "code_points.hpp"
#include "explorer.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "test_support.hpp"
#include "visual_text.hpp"

using chorus::shell::ClusterGlyphs;
using chorus::shell::kFirstClusterGlyph;

namespace {

using chorus::test::U8;

// The clusters of tests/fixtures/emoji_clusters.jsonl.
const std::string kFrance = "\U0001F1EB\U0001F1F7", kGermany = "\U0001F1E9\U0001F1EA", kEgypt = "\U0001F1EA\U0001F1EC";
const std::string kFamily = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
const std::string kDoctor = "\U0001F469\u200D\u2695\uFE0F";
const std::string kWave = "\U0001F44B\U0001F3FD", kWaveDark = "\U0001F44B\U0001F3FF";
const std::string kKeycap = "1\uFE0F\u20E3", kHashKey = "#\uFE0F\u20E3";
const std::string kEngland = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
const std::string kThumb = "\U0001F44D";

}  // namespace

TEST_CASE("cluster glyphs: a flag, a ZWJ family, a skin tone, a keycap and a tag sequence become one code point each") {
    ClusterGlyphs glyphs;
    CHECK(glyphs.ToDrawn("Hi " + kFrance) == "Hi " + kFrance);  // nothing assigned: nothing changes
    // One code point (a thumb, with or without its redundant U+FE0F) needs no glyph; repeats count once.
    glyphs.Assign({kFrance, kThumb, kFamily, kThumb + "\uFE0F", kWave, kFrance, kKeycap, kEngland, kDoctor});
    REQUIRE(glyphs.Clusters().size() == 6);
    CHECK(glyphs.Version() == 1);
    CHECK(glyphs.CodePointOf(kFrance) == kFirstClusterGlyph);
    CHECK(glyphs.CodePointOf(kFamily) == kFirstClusterGlyph + 1);
    CHECK(glyphs.CodePointOf(kWave) == kFirstClusterGlyph + 2);
    CHECK(glyphs.CodePointOf(kKeycap) == kFirstClusterGlyph + 3);
    CHECK(glyphs.CodePointOf(kEngland) == kFirstClusterGlyph + 4);
    CHECK(glyphs.CodePointOf(kDoctor) == kFirstClusterGlyph + 5);
    CHECK(glyphs.CodePointOf(kGermany) == 0);

    const std::string text = "Hi " + kFrance + kFamily + " " + kWave + ", " + kKeycap + kEngland + " " + kGermany +
                             " " + kThumb + "\uFE0F " + kDoctor + "!";
    const std::string drawn = glyphs.ToDrawn(text);
    CHECK(drawn == "Hi " + U8(0xF0000) + U8(0xF0001) + " " + U8(0xF0002) + ", " + U8(0xF0003) + U8(0xF0004) + " " +
                       kGermany + " " + kThumb + "\uFE0F " + U8(0xF0005) + "!");
    CHECK(glyphs.FromDrawn(drawn) == text);  // what is copied or exported: the real code points
    CHECK(glyphs.ToDrawn("plain ASCII #1 text") == "plain ASCII #1 text");

    // The same table again changes nothing (the explorer keeps its drawn texts); another one does.
    glyphs.Assign({kFrance, kFamily, kWave, kKeycap, kEngland, kDoctor});
    CHECK(glyphs.Version() == 1);
    glyphs.Assign({kWave});
    CHECK(glyphs.Version() == 2);
    CHECK(glyphs.CodePointOf(kWave) == kFirstClusterGlyph);
    CHECK(glyphs.ToDrawn(kFrance) == kFrance);
}

TEST_CASE("cluster glyphs: a code point of the reserved range in the data draws as U+FFFD, never as a cluster") {
    ClusterGlyphs glyphs;
    glyphs.Assign({kFrance});
    const std::string text = "odd " + U8(0xF0000) + " and " + U8(0xF0400) + " " + kFrance;
    CHECK(glyphs.ToDrawn(text) == "odd \uFFFD and " + U8(0xF0400) + " " + U8(0xF0000));
}

TEST_CASE("cluster glyphs: in right-to-left text a ZWJ family and a skin tone stay one glyph, not reversed piecewise") {
    ClusterGlyphs glyphs;
    glyphs.Assign({kFamily, kWave, kEgypt});
    const std::string hello = "\u0645\u0631\u062D\u0628\u0627", egypt = "\u0645\u0635\u0631";
    const std::string text = hello + " " + kFamily + " " + kWave + " " + kEgypt + " " + egypt;
    // Code point by code point, the bidi reordering puts the boy first and the skin tone before its hand.
    const std::string piecewise = chorus::shell::VisualText(text);
    CHECK(piecewise.find(kFamily) == std::string::npos);
    CHECK(piecewise.find(kWave) == std::string::npos);
    const std::string drawn = glyphs.Drawn(text);
    for (char32_t cp : {0xF0000, 0xF0001, 0xF0002})
        CHECK(drawn.find(U8(cp)) != std::string::npos);
    CHECK(drawn.find("\U0001F3FD") == std::string::npos);
    // Read right to left: hello, the family, the wave, the flag, egypt; back with the real code points.
    CHECK(glyphs.FromDrawn(drawn) == chorus::shell::VisualText(egypt) + " " + kEgypt + " " + kWave + " " + kFamily +
                                         " " + chorus::shell::VisualText(hello));
}

TEST_CASE("cluster glyphs: at most kMaxClusterGlyphs, the first given; the rest draw code point by code point") {
    std::vector<std::string> many;
    for (char32_t i = 0; i < 1100; ++i)
        many.push_back(U8(0x1F300 + i) + U8(0x1F3FB));
    ClusterGlyphs glyphs;
    glyphs.Assign(many);
    CHECK(glyphs.Clusters().size() == chorus::shell::kMaxClusterGlyphs);
    CHECK(glyphs.CodePointOf(many[1023]) == kFirstClusterGlyph + 1023);
    CHECK(glyphs.CodePointOf(many[1024]) == 0);
}

TEST_CASE(
    "cluster glyphs: the fixture's clusters, most used first; the lists draw them as one glyph, tests read them "
    "whole") {
    chorus::test::Headless ui;
    chorus::shell::Session session;
    chorus::test::Load(session, "emoji_clusters.jsonl");
    const std::vector<std::string> clusters = chorus::shell::CollectEmojiClusters(session.dataset());
    // France in 3 posts, the family and the wave in 2, then the others by key; the thumb-less fixture has
    // no single-code-point emoji to leave out.
    REQUIRE(clusters.size() == 10);
    CHECK(clusters[0] == kFrance);
    CHECK(((clusters[1] == kFamily && clusters[2] == kWave) || (clusters[1] == kWave && clusters[2] == kFamily)));
    for (const std::string& c : {kGermany, kEgypt, kDoctor, kWaveDark, kKeycap, kHashKey, kEngland})
        CHECK(std::find(clusters.begin(), clusters.end(), c) != clusters.end());

    chorus::shell::Explorer explorer(session);
    ui.Frame(explorer, 2);
    ui.Click(explorer, "More lists");
    ui.Frame(explorer, 2);  // the popup opens, sized on its first frame
    ui.Click(explorer, "Emoji");
    ui.Frame(explorer);
    auto listed = [&](const std::string& text) {
        auto texts = explorer.ListedTexts();
        return std::find(texts.begin(), texts.end(), text) != texts.end();
    };
    CHECK(listed(kFrance));  // before the atlas gives them glyphs: code point by code point
    explorer.cluster_glyphs().Assign(clusters);
    ui.Frame(explorer, 2);
    CHECK(listed(U8(0xF0000)));  // France, drawn as one glyph
    CHECK_FALSE(listed(kFrance));
    CHECK(chorus::shell::ItemRegistry::Find(kFrance) != nullptr);  // its row, by the real code points
    CHECK(chorus::shell::ItemRegistry::Find(kEngland) != nullptr);
}
