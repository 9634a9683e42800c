// The explorer on ImGui's null backend: frames drawn with no window and no GPU.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "code_points.hpp"
#include "explorer.hpp"
#include "glyph_coverage.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "panel_common.hpp"
#include "test_support.hpp"
#include "visual_text.hpp"

using chorus::shell::Explorer;
using chorus::shell::ItemRegistry;
using chorus::shell::Request;
using chorus::shell::Session;

namespace {

using Headless = chorus::test::Headless;

using chorus::test::Load;

// Everything a save request hands out, joined.
std::string BytesOf(chorus::shell::SaveRequest& save) {
    std::string all, chunk;
    while (save.next(chunk))
        all += chunk;
    return all;
}

// Two clicks where the mouse is, each a frame pressed and a frame released.
void DoubleClick(Headless& ui, Explorer& explorer) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 2; ++i) {
        io.MouseDown[0] = true;
        ui.Frame(explorer);
        io.MouseDown[0] = false;
        ui.Frame(explorer);
    }
}

}  // namespace

TEST_CASE("explorer: the reader's counts: as given, thousands separated, one of a kind in the singular") {
    using chorus::core::CountKind;
    chorus::core::Engagement e;
    CHECK(chorus::shell::EngagementText(e).empty());  // none given
    e[CountKind::Likes] = 1;
    e[CountKind::Reposts] = 1234;
    e[CountKind::Quotes] = 0;
    CHECK(chorus::shell::EngagementText(e) == "  1 like  1,234 reposts  0 quotes");
    e[CountKind::Likes] = -3;  // a Reddit score
    e[CountKind::Replies] = 1;
    e[CountKind::Quotes] = 1;
    CHECK(chorus::shell::EngagementText(e) == "  -3 likes  1,234 reposts  1 reply  1 quote");
    e[CountKind::Reposts] = 1;
    e[CountKind::Replies] = 2;
    CHECK(chorus::shell::EngagementText(e) == "  -3 likes  1 repost  2 replies  1 quote");
}

TEST_CASE("explorer: a reader header wider than the reader is cut at a character and ends in \"...\"") {
    Headless ui;
    ui.FrameOf([] {
        const std::string header =
            "2017-10-12T10:11:08Z  @caf\xC3\xA9_r\xC3\xA9veil  original  fr  12 likes  3 reposts";
        const float full = ImGui::CalcTextSize(header.c_str()).x;
        for (float width : {full * 0.9f, full * 0.5f, full * 0.31f, 40.0f, 5.0f}) {
            CAPTURE(width);
            const std::string cut = chorus::shell::CutToWidth(header, width);
            REQUIRE(cut.size() >= 3);
            CHECK(cut.ends_with("..."));
            const std::string start = cut.substr(0, cut.size() - 3);
            CHECK(header.starts_with(start));
            if (width >= ImGui::CalcTextSize("...").x) CHECK(ImGui::CalcTextSize(cut.c_str()).x <= width);
            // The longest such start: one more character does not fit; never half of a character.
            CHECK((start.empty() || (static_cast<unsigned char>(header[start.size()]) & 0xC0) != 0x80));
            size_t more = start.size() + 1;
            while (more < header.size() && (static_cast<unsigned char>(header[more]) & 0xC0) == 0x80)
                ++more;
            CHECK(ImGui::CalcTextSize((header.substr(0, more) + "...").c_str()).x > width);
        }
    });
}

TEST_CASE("explorer: an empty session has no timeline and no Clear button") {
    Headless ui;
    Session session;
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    CHECK(ItemRegistry::Find("Timeline") == nullptr);
    CHECK(ItemRegistry::Find("Clear") == nullptr);
}

TEST_CASE("explorer: Clear asks the platform once per click") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    ui.Click(explorer, "Clear");
    CHECK(explorer.TakeRequest(Request::ClearData));
    CHECK_FALSE(explorer.TakeRequest(Request::ClearData));
}

TEST_CASE("explorer: each Export button asks the platform to save one file") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    CHECK_FALSE(explorer.TakeSave().has_value());
    ui.Click(explorer, "Export hashtags");
    auto list = explorer.TakeSave();
    REQUIRE(list.has_value());
    CHECK(list->file_name == "chorus-hashtags-all.csv");
    CHECK(BytesOf(*list).rfind("\xEF\xBB\xBFrank,hashtag,posts,share of selection\r\n", 0) == 0);
    CHECK_FALSE(explorer.TakeSave().has_value());
    ui.Click(explorer, "Export authors");
    auto authors = explorer.TakeSave();
    REQUIRE(authors.has_value());
    CHECK(BytesOf(*authors).find("author id") != std::string::npos);
    ui.Click(explorer, "Export timeline CSV");
    auto bins = explorer.TakeSave();
    REQUIRE(bins.has_value());
    CHECK(bins->file_name == "chorus-timeline-all.csv");
    ui.Click(explorer, "Export posts (JSONL)");
    auto posts = explorer.TakeSave();
    REQUIRE(posts.has_value());
    std::string jsonl = BytesOf(*posts);
    CHECK(static_cast<size_t>(std::count(jsonl.begin(), jsonl.end(), '\n')) == explorer.Selected().Count());
    ui.Click(explorer, "Export timeline PNG");
    auto png = explorer.TakeSave();
    REQUIRE(png.has_value());
    const chorus::shell::ItemInfo* timeline = ItemRegistry::Find("Timeline");
    REQUIRE(timeline != nullptr);
    CHECK(png->capture);
    CHECK(png->mime_type == "image/png");
    CHECK(png->w == doctest::Approx(timeline->w));
    CHECK(png->h == doctest::Approx(timeline->h));
}

TEST_CASE("explorer: new data re-fits the timeline unless the user zoomed") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer);
    auto first = explorer.view();
    Load(session, "v2_twarc2.jsonl");  // 2021: the fitted range must move there
    ui.Frame(explorer);
    CHECK(explorer.view().view_end > first.view_end + 365 * 86400);
}

TEST_CASE("explorer: the timeline bins hold every post with a time") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    const auto& bins = explorer.TimelineBins();
    uint64_t total = std::accumulate(bins.counts.begin(), bins.counts.end(), uint64_t{0});
    CHECK(total == 6);
    CHECK(bins.step == chorus::core::kHour);  // the posts span under 3 days
    REQUIRE(ItemRegistry::Find("Timeline") != nullptr);
    REQUIRE(ItemRegistry::Find("Clear") != nullptr);
}

TEST_CASE("explorer: the wheel zooms around the cursor, a drag pans, a double-click fits") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    const chorus::shell::ItemInfo* timeline = ItemRegistry::Find("Timeline");
    REQUIRE(timeline != nullptr);
    auto fitted = explorer.view();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(timeline->x + timeline->w * 0.75f, timeline->y + timeline->h / 2);
    ui.Frame(explorer);
    io.MouseWheel = 2;
    ui.Frame(explorer);
    io.MouseWheel = 0;
    auto zoomed = explorer.view();
    CHECK(zoomed.view_end - zoomed.view_start < fitted.view_end - fitted.view_start);
    CHECK(zoomed.view_start > fitted.view_start);  // the cursor sat right of centre: the left edge moves most
    io.MouseDown[0] = true;
    ui.Frame(explorer);
    io.MousePos.x -= 100;
    ui.Frame(explorer);
    io.MouseDown[0] = false;
    ui.Frame(explorer);
    auto panned = explorer.view();
    CHECK(panned.view_start > zoomed.view_start);  // dragging left shows later times
    CHECK(std::llabs((panned.view_end - panned.view_start) - (zoomed.view_end - zoomed.view_start)) <= 120);
    DoubleClick(ui, explorer);
    CHECK(explorer.view().view_start == fitted.view_start);
    CHECK(explorer.view().view_end == fitted.view_end);
}

TEST_CASE("explorer: the Cancel button asks the platform to stop the load") {
    Headless ui;
    Session session;
    Explorer explorer(session);
    session.progress() = {true, "big.jsonl", 0, 1, 1 << 20, 4 << 20, 0.5};
    ui.Frame(explorer, 2);
    ui.Click(explorer, "Cancel");
    CHECK(session.cancel_requested);
}

// --- text that renders (issue 5, item 5) ------------------------------------------

namespace {

using chorus::shell::CodePointUse;

std::string Tweet(int id, const std::string& text, const std::vector<std::string>& tags) {
    std::string hashtags;
    for (const std::string& tag : tags)
        hashtags.append(hashtags.empty() ? "" : ",").append("{\"text\":\"").append(tag).append("\"}");
    return "{\"created_at\":\"Sun Oct 15 20:21:00 +0000 2017\",\"id_str\":\"" + std::to_string(1000 + id) +
           "\",\"text\":\"" + text + "\",\"entities\":{\"hashtags\":[" + hashtags +
           "],\"user_mentions\":[],\"urls\":[]},\"user\":{\"id_str\":\"" + std::to_string(id) +
           "\",\"screen_name\":\"user" + std::to_string(id) + "\"},\"lang\":\"und\"}\n";
}

const CodePointUse* Find(const std::vector<CodePointUse>& uses, char32_t cp) {
    for (const CodePointUse& use : uses)
        if (use.code_point == cp) return &use;
    return nullptr;
}

using chorus::test::U8;

}  // namespace

TEST_CASE("glyph coverage: names come first, ASCII is left out, joiners are invisible, Arabic brings its forms") {
    Session session;
    // #東京 and #مصر (Misr) are names; the emoji and the heart with its variation selector are only in texts.
    const std::string dump = Tweet(1, "plain \\ud83d\\ude02 text", {"\\u6771\\u4eac", "\\u0645\\u0635\\u0631"}) +
                             Tweet(2, "\\u2764\\ufe0f", {}) + Tweet(3, "\\ud83d\\ude02 again", {});
    chorus::test::FeedInSlices(session.ingest(), "scripts.jsonl", dump, 1 << 16);
    session.Changed();
    const std::vector<CodePointUse> uses = chorus::shell::CollectCodePoints(session.dataset());

    for (const CodePointUse& use : uses)
        CHECK(use.code_point >= 0x80);
    const CodePointUse* tokyo = Find(uses, 0x6771);
    const CodePointUse* joy = Find(uses, 0x1F602);
    const CodePointUse* selector = Find(uses, 0xFE0F);
    REQUIRE(tokyo != nullptr);
    REQUIRE(joy != nullptr);
    REQUIRE(selector != nullptr);
    CHECK(tokyo->in_names == 1);
    CHECK(joy->in_names == 0);
    CHECK(joy->in_texts == 2);
    CHECK(selector->invisible);
    CHECK_FALSE(joy->invisible);
    // Names before texts: every code point used in a name ranks above every one used only in texts.
    auto first_text_only =
        std::find_if(uses.begin(), uses.end(), [](const CodePointUse& u) { return u.in_names == 0; });
    CHECK(std::all_of(first_text_only, uses.end(), [](const CodePointUse& u) { return u.in_names == 0; }));
    // The forms VisualText draws for meem, sad and reh (initial, medial, final) are asked for too.
    CHECK(Find(uses, 0xFEE3) != nullptr);
    CHECK(Find(uses, 0xFEBC) != nullptr);
    CHECK(Find(uses, 0xFEAE) != nullptr);
}

TEST_CASE("glyph coverage: the scan of post texts stops at its cap") {
    Session session;
    chorus::test::FeedInSlices(session.ingest(), "two.jsonl",
                               Tweet(1, "first \\u00e9", {}) + Tweet(2, "second \\u00f1", {}), 1 << 16);
    const auto uses = chorus::shell::CollectCodePoints(session.dataset(), {.max_posts = 1});
    CHECK(Find(uses, 0x00E9) != nullptr);
    CHECK(Find(uses, 0x00F1) == nullptr);
}

TEST_CASE("glyph coverage: a new set once per finished load, never during one") {
    Session session;
    chorus::shell::GlyphCoverage coverage;
    CHECK_FALSE(coverage.Update(session));  // empty, as before: nothing new
    session.progress().active = true;
    chorus::test::FeedInSlices(session.ingest(), "a.jsonl", Tweet(1, "\\u3042", {}), 1 << 16);
    session.Changed();
    CHECK_FALSE(coverage.Update(session));  // a load is running
    session.progress().active = false;
    session.Changed();
    CHECK(coverage.Update(session));
    CHECK(Find(coverage.CodePoints(), 0x3042) != nullptr);
    CHECK_FALSE(coverage.Update(session));  // nothing changed since
    session.Reset();
    CHECK(coverage.Update(session));  // cleared: the atlas can shrink again
    CHECK(coverage.CodePoints().empty());
}

TEST_CASE("visual text: left-to-right strings are unchanged") {
    for (const char* s : {"metoo", "yotambi\xc3\xa9n", "\xce\xb5\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1",
                          "\xe7\xa7\x81\xe3\x82\x82", ""})
        CHECK(chorus::shell::VisualText(s) == s);
}

TEST_CASE("visual text: Hebrew runs are reversed, numbers and Latin keep their order, brackets mirror") {
    using chorus::shell::VisualText;
    const std::string shalom = U8({0x05E9, 0x05DC, 0x05D5, 0x05DD});  // "shalom", logical order
    const std::string molahs = U8({0x05DD, 0x05D5, 0x05DC, 0x05E9});  // as seen, left to right
    CHECK(VisualText(shalom) == molahs);
    CHECK(VisualText("abc " + shalom + " def") == "abc " + molahs + " def");
    CHECK(VisualText(shalom + " 2019") == "2019 " + molahs);
    CHECK(VisualText("(" + shalom + ")") == "(" + molahs + ")");  // mirrored: still opens on the left
}

TEST_CASE("visual text: Arabic letters join (presentation forms) and read right to left") {
    using chorus::shell::ShapeArabic;
    using chorus::shell::VisualText;
    // Misr: meem initial, sad medial, reh final.
    CHECK(ShapeArabic(U8({0x0645, 0x0635, 0x0631})) == U8({0xFEE3, 0xFEBC, 0xFEAE}));
    CHECK(VisualText(U8({0x0645, 0x0635, 0x0631})) == U8({0xFEAE, 0xFEBC, 0xFEE3}));
    // Salam: seen initial, lam + alef as one ligature (final), meem alone after the alef.
    CHECK(ShapeArabic(U8({0x0633, 0x0644, 0x0627, 0x0645})) == U8({0xFEB3, 0xFEFC, 0xFEE1}));
    // Digits after Arabic letters stay left to right, on the left of the word.
    CHECK(VisualText(U8({0x0645, 0x0635, 0x0631, '2', '0', '1', '9'})) ==
          U8({'2', '0', '1', '9', 0xFEAE, 0xFEBC, 0xFEE3}));
    // A mark on a right-to-left letter comes before it (where the letter's pen starts).
    CHECK(VisualText(U8({0x0628, 0x064E})) == U8({0x064E, 0xFE8F}));
}

// --- the query bar, linked views, brushing (issue 5: the explorer a researcher lives in) ----------
//
// tests/fixtures/query_posts.jsonl (rows listed at the top of tests/core_query_test.cpp): 11 posts;
// #metoo is on r0 r1 r2 r5 r9 (5 posts), lang:en on r0 r1 r2 r3 r6 r9 r10, #timesup only on r9.

namespace {

void Type(Headless& ui, Explorer& explorer, const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    ui.Frame(explorer);
    ui.Frame(explorer);  // the explorer evaluates the new text at the start of the next frame
}

void TypeQuery(Headless& ui, Explorer& explorer, const std::string& text) {
    ui.Click(explorer, "Query");
    Type(ui, explorer, text);
}

uint64_t CountInRange(const chorus::core::Dataset& ds, const chorus::core::Selection& rows, int64_t start,
                      int64_t end) {
    uint64_t n = 0;
    rows.ForEach([&](chorus::core::RowId row) {
        int64_t t = ds.TimeOf(row);
        if (t != chorus::core::kNoTime && t >= start && t < end) ++n;
    });
    return n;
}

bool Listed(const Explorer& explorer, const std::string& text) {
    auto texts = explorer.ListedTexts();
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace

TEST_CASE("explorer: a query narrows the summary and every list to its posts") {
    Headless ui;
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    CHECK(explorer.Selected().Count() == 11);
    CHECK(Listed(explorer, "MoiAussi"));
    TypeQuery(ui, explorer, "#metoo");
    CHECK(explorer.view().query == "#metoo");
    CHECK(explorer.Selected().Count() == 5);  // r0 r1 r2 r5 r9
    CHECK(explorer.SelectionJson().find("\"posts\":5") != std::string::npos);
    CHECK(Listed(explorer, "TimesUp"));         // r9 carries it
    CHECK_FALSE(Listed(explorer, "MoiAussi"));  // only r4 and r7, neither tagged #metoo
    Type(ui, explorer, " lang:en");
    CHECK(explorer.Selected().Count() == 4);  // r5 is in Japanese
    uint64_t timeline =
        std::accumulate(explorer.TimelineBins().counts.begin(), explorer.TimelineBins().counts.end(), uint64_t{0});
    CHECK(timeline == 4);  // the timeline shows the query's posts
}

TEST_CASE("explorer: a syntax error is shown and the previous results stay") {
    Headless ui;
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer);
    TypeQuery(ui, explorer, "#metoo");
    REQUIRE(explorer.Selected().Count() == 5);
    Type(ui, explorer, " (lang:fr");
    REQUIRE(explorer.QueryErrorShown().has_value());
    CHECK(explorer.QueryErrorShown()->position == 7);  // the unclosed '('
    CHECK(explorer.Selected().Count() == 5);
    CHECK(explorer.SelectionJson().find("\"position\":7") != std::string::npos);
    Type(ui, explorer, ")");
    CHECK_FALSE(explorer.QueryErrorShown().has_value());
    CHECK(explorer.Selected().Count() == 0);  // #metoo in French: none (r4, r7 are #moiaussi)
}

TEST_CASE("explorer: clicking a row of a top list adds it to the query; ctrl-click excludes it") {
    Headless ui;
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    ui.Click(explorer, "MeToo");  // shown as most posts spell it (rule 50)
    ui.Frame(explorer);
    CHECK(explorer.view().query == "#MeToo");
    CHECK(explorer.Selected().Count() == 5);
    ui.Frame(explorer);  // the registry holds the items of the frame before: let it see the new lists
    ImGui::GetIO().KeyCtrl = true;
    ui.Click(explorer, "TimesUp");
    ImGui::GetIO().KeyCtrl = false;
    ui.Frame(explorer);
    CHECK(explorer.view().query == "#MeToo -#TimesUp");
    CHECK(explorer.Selected().Count() == 4);
    // A link (the Links list, in "More lists") adds url:"..." (rule Q6): the posts with exactly that link.
    explorer.view().query.clear();
    ui.Frame(explorer, 2);
    ui.Click(explorer, "More lists");
    ui.Frame(explorer, 2);
    ui.Click(explorer, "Links");
    ui.Frame(explorer, 2);
    ui.Click(explorer, "http://lemonde.fr/p");
    ui.Frame(explorer);
    CHECK(explorer.view().query == "url:\"http://lemonde.fr/p\"");
    CHECK(explorer.Selected().ToRows() == std::vector<chorus::core::RowId>{4, 7});  // r7 retweets r4
}

TEST_CASE("explorer: a shift-drag on the timeline brushes a range that narrows every count") {
    Headless ui;
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    REQUIRE(ItemRegistry::Find("Timeline") != nullptr);
    // A copy: the registry's items move as frames add new ones.
    const chorus::shell::ItemInfo box = *ItemRegistry::Find("Timeline");
    const chorus::shell::ItemInfo* timeline = &box;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(timeline->x + timeline->w * 0.05f, timeline->y + timeline->h / 2);
    ui.Frame(explorer);
    io.KeyShift = true;
    io.MouseDown[0] = true;
    ui.Frame(explorer);
    io.MousePos.x = timeline->x + timeline->w * 0.15f;
    ui.Frame(explorer);
    io.MouseDown[0] = false;
    io.KeyShift = false;
    ui.Frame(explorer, 2);
    const auto& view = explorer.view();
    REQUIRE(view.brushed);
    CHECK(view.view_start != 0);  // a brush does not pan
    const chorus::core::Dataset& ds = session.dataset();
    const uint64_t in_range =
        CountInRange(ds, chorus::core::Selection::All(ds.Posts()), view.brush_start, view.brush_end);
    CHECK(in_range > 0);
    CHECK(in_range < 10);
    CHECK(explorer.Selected().Count() == in_range);
    CHECK(explorer.view().query.empty());  // the range is not written into the query

    // A drag on the time axis (below the bars) brushes too, without shift: the same pixels, the same range.
    {
        const auto brushed = std::make_pair(view.brush_start, view.brush_end);
        const auto shown = std::make_pair(view.view_start, view.view_end);
        // A drag without shift at `y`, from 5% to 15% of the timeline's width, far from the last click.
        auto drag_at = [&](float y) {
            explorer.view().brushed = false;
            ui.Frame(explorer, 40);
            io.MousePos = ImVec2(timeline->x + timeline->w * 0.05f, y);
            ui.Frame(explorer);
            io.MouseDown[0] = true;
            ui.Frame(explorer);
            io.MousePos.x = timeline->x + timeline->w * 0.15f;
            ui.Frame(explorer);
            io.MouseDown[0] = false;
            ui.Frame(explorer, 2);
        };
        drag_at(timeline->y + timeline->h - 3);
        REQUIRE(view.brushed);
        CHECK(std::make_pair(view.view_start, view.view_end) == shown);  // no pan
        CHECK(std::make_pair(view.brush_start, view.brush_end) == brushed);
        CHECK(explorer.Selected().Count() == in_range);
        // The same drag over the bars pans and brushes nothing.
        drag_at(timeline->y + timeline->h / 2);
        CHECK_FALSE(view.brushed);
        CHECK(view.view_start < shown.first);  // dragged right: earlier times come into view
        explorer.view().view_start = shown.first;
        explorer.view().view_end = shown.second;
        explorer.view().brushed = true;
        explorer.view().brush_start = brushed.first;
        explorer.view().brush_end = brushed.second;
        ui.Frame(explorer, 40);
        REQUIRE(explorer.Selected().Count() == in_range);
    }

    // With a query, the range and the query both apply.
    TypeQuery(ui, explorer, "#metoo");
    chorus::core::QueryIndex index(ds);
    const auto metoo = index.Select(chorus::core::ParseQuery("#metoo").query);
    CHECK(explorer.Selected().Count() == CountInRange(ds, metoo, view.brush_start, view.brush_end));

    // A double-click on the timeline clears the range (the query stays). Frames first: the click on the
    // query bar was too recent for the next two clicks to make a double-click.
    for (int i = 0; i < 30; ++i)
        ui.Frame(explorer);
    timeline = ItemRegistry::Find("Timeline");
    REQUIRE(timeline != nullptr);
    io.MousePos = ImVec2(timeline->x + timeline->w / 2, timeline->y + timeline->h / 2);
    DoubleClick(ui, explorer);
    ui.Frame(explorer);
    CHECK_FALSE(explorer.view().brushed);
    CHECK(explorer.Selected().Count() == 5);
}

TEST_CASE("explorer: '/' moves to the query bar, Esc clears the query and the range") {
    Headless ui;
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharacter('/');
    ui.Frame(explorer, 2);
    Type(ui, explorer, "lang:fr");
    CHECK(explorer.view().query == "lang:fr");
    CHECK(explorer.Selected().Count() == 2);  // r4, r7
    explorer.view().brushed = true;
    explorer.view().brush_start = 0;
    explorer.view().brush_end = 1;
    io.KeyMap[ImGuiKey_Escape] = 27;
    io.KeysDown[27] = true;
    ui.Frame(explorer);
    io.KeysDown[27] = false;
    ui.Frame(explorer, 2);
    CHECK(explorer.view().query.empty());
    CHECK_FALSE(explorer.view().brushed);
    CHECK(explorer.Selected().Count() == 11);
}

TEST_CASE("explorer: what is typed right after '/', before the query bar has the keyboard, reaches it") {
    Headless ui;
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharactersUTF8("x/la");  // one frame: before '/' no field takes keys; after it, the query's
    ui.Frame(explorer);
    io.AddInputCharactersUTF8("ng:");  // the focus is still on its way
    ui.Frame(explorer);
    io.AddInputCharactersUTF8("fr");
    ui.Frame(explorer, 3);
    CHECK(explorer.view().query == "lang:fr");
    CHECK(explorer.Selected().Count() == 2);
}

TEST_CASE("explorer: a CSV without text or time columns is mapped by hand, then read again with the mapping") {
    Headless ui;
    Session session;
    Load(session, "csv_unmapped.csv");  // id,message,when
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    REQUIRE(ItemRegistry::Find("Apply and reload") != nullptr);
    ui.Click(explorer, "Time column");
    ui.Frame(explorer);  // the popup appears, then the registry sees its items
    ui.Frame(explorer);
    ui.Click(explorer, "when");
    ui.Frame(explorer);  // the popup closed
    ui.Click(explorer, "Text column");
    ui.Frame(explorer, 2);
    ui.Click(explorer, "message");
    ui.Frame(explorer);
    ui.Click(explorer, "Apply and reload");
    REQUIRE(explorer.TakeRequest(Request::ReloadFiles));
    std::optional<chorus::core::CsvColumns> columns = explorer.CsvMappingFor("csv_unmapped.csv");
    REQUIRE(columns.has_value());
    CHECK(columns->time == 2);
    CHECK(columns->text == 1);
    CHECK(columns->id == -1);

    // What the platform does: read the files again, each with its mapping.
    session.Reset();
    session.ingest().SetCsvColumns(explorer.CsvMappingFor("csv_unmapped.csv"));
    Load(session, "csv_unmapped.csv");
    ui.Frame(explorer, 2);
    CHECK(session.dataset().Posts() == 2);  // kept without a time: "b" and "e" are no times
    CHECK(session.dataset().Files()[0].counts.count(chorus::core::Problem::CsvUnmapped) == 0);
    CHECK(ItemRegistry::Find("Apply and reload") == nullptr);
}

TEST_CASE("explorer: each list of the third column is picked by its full name in the 'More lists' combo") {
    Headless ui;
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 2);
    CHECK(ItemRegistry::Find("Export authors") != nullptr);  // authors first
    const std::pair<const char*, const char*> lists[] = {
        {"Domains", "Export domains"}, {"Links", "Export links"},     {"Languages", "Export languages"},
        {"Emoji", "Export emoji"},     {"Clients", "Export clients"}, {"Words", "Export words"},
        {"Bigrams", "Export bigrams"}, {"Authors", "Export authors"}};
    for (const auto& [name, export_label] : lists) {
        const std::string shown = name;
        CAPTURE(shown);
        ui.Click(explorer, "More lists");
        ui.Frame(explorer);  // the popup opens, sized on its first frame,
        ui.Frame(explorer);  // then the registry sees all its items
        const chorus::shell::ItemInfo* item = ItemRegistry::Find(name);
        std::string labels;
        for (const auto& i : ItemRegistry::Items())
            labels += i.label + "|";
        REQUIRE_MESSAGE(item != nullptr, labels);
        CHECK(item->w >= ImGui::CalcTextSize(name).x);  // the full name has room
        ui.Click(explorer, name);
        ui.Frame(explorer);
        CHECK(ItemRegistry::Find(export_label) != nullptr);
        for (const auto& [other, other_label] : lists)
            if (std::string(other) != name) CHECK(ItemRegistry::Find(other_label) == nullptr);
    }
}

TEST_CASE("rule 106: a list's Export holds every value of the selection, not only the 20 shown; words say top20") {
    Headless ui;
    Session session;
    Load(session, "../../assets/demo/metoo-demo.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    const chorus::core::Dataset& ds = session.dataset();
    const chorus::core::Selection rows = chorus::core::Selection::All(ds.Posts());
    const std::pair<const char*, chorus::core::EntityField> lists[] = {
        {"Export hashtags", chorus::core::EntityField::Hashtag}, {"Export authors", chorus::core::EntityField::Author}};
    for (const auto& [label, field] : lists) {
        CAPTURE(label);
        ui.Click(explorer, label);
        auto save = explorer.TakeSave();
        REQUIRE(save.has_value());
        const std::string csv = BytesOf(*save);
        const chorus::core::TopList every = chorus::core::TopK(ds, rows, field, SIZE_MAX);
        // The demo has 16 hashtags and more authors than the 20 rows the list shows.
        if (field == chorus::core::EntityField::Author) REQUIRE(every.items.size() > 20);
        CHECK(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')) == every.items.size() + 1);
        // The last row is the last value, with its rank.
        const std::string last = std::to_string(every.items.size()) + ",";
        CHECK(csv.find("\r\n" + last) != std::string::npos);
        CHECK(csv.find("," + std::to_string(every.items.back().count) + ",", csv.rfind("\r\n" + last)) !=
              std::string::npos);
    }
    // Words are counted for the 20 rows shown (rule 53): the file's name says so.
    ui.Click(explorer, "More lists");
    ui.Frame(explorer, 2);
    ui.Click(explorer, "Words");
    ui.Frame(explorer, 2);
    ui.Click(explorer, "Export words");
    auto words = explorer.TakeSave();
    REQUIRE(words.has_value());
    CHECK(words->file_name == "chorus-words-top20-all.csv");
}
