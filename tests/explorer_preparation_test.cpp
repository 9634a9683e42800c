// A new dataset is prepared over frames (shell/explorer_preparation.cpp, COUNTING.md rule 112): the numbers
// then equal the engine's, the previous ones stay drawn meanwhile, and clearing or loading mid-way is safe.
#include <doctest/doctest.h>
#include <imgui.h>

#include <random>

#include "explorer.hpp"
#include "headless_ui.hpp"
#include "visual_text.hpp"

using namespace chorus;

namespace {

void Fill(core::Dataset& ds, size_t posts, unsigned seed, size_t first_id = 3000000) {
    const size_t file = ds.BeginFile("generated");
    std::mt19937 rng(seed);
    std::vector<std::string> authors, tags;  // PostRecord holds views of these
    for (size_t k = 0; k < 400; ++k)
        authors.push_back(std::to_string(k));
    for (size_t k = 0; k < 300; ++k)
        tags.push_back("tag" + std::to_string(k));
    core::PostRecord r;
    for (size_t i = 0; i < posts; ++i) {
        r.Clear();
        const std::string id = std::to_string(first_id + i), text = "post " + std::to_string(i);
        r.id = id;
        r.time = 1500000000 + static_cast<core::UnixSeconds>(i) * 97;
        r.type = static_cast<core::PostType>(rng() % core::kPostTypeCount);
        const size_t a = std::min(rng() % 400, rng() % 400);
        r.author_id = authors[a];
        r.author_name = authors[a];
        r.lang = (rng() % 3) ? "en" : "fr";
        r.text = text;
        for (size_t t = rng() % 3; t > 0; --t)
            r.hashtags.push_back(tags[std::min(rng() % 300, rng() % 300)]);
        ds.Add(r, file, i + 1);
    }
}

struct Shown {
    std::vector<std::string> lists;
    std::vector<uint64_t> bins;
    core::Selection selected;
    std::vector<core::RowId> reader;
    std::string json;
};

// Frames until nothing is prepared, evaluated or counted; how many it took.
int Settle(test::Headless& ui, shell::Explorer& explorer) {
    int frames = 0;
    do {
        ui.Frame(explorer);
        ++frames;
    } while (explorer.Updating() && frames < 20000);
    REQUIRE_FALSE(explorer.Updating());
    ui.Frame(explorer);  // the reader and the bins drawn from the complete numbers
    return frames;
}

Shown ShownBy(const shell::Explorer& explorer) {
    return {explorer.ListedTexts(), explorer.TimelineBins().counts, explorer.Selected(), explorer.ReaderShown(),
            explorer.SelectionJson()};
}

// Everything drawn after a load, with the explorer's work per frame limited to `work`.
Shown LoadAndShow(std::chrono::microseconds work, int& frames) {
    test::Headless ui;
    shell::Session session;
    shell::Explorer explorer(session);
    explorer.SetFrameWork(work);
    ui.Frame(explorer);
    Fill(session.dataset(), 20000, 3);
    session.Changed();
    frames = Settle(ui, explorer);
    return ShownBy(explorer);
}

}  // namespace

TEST_CASE("rule 112: after the preparation the explorer shows the engine's numbers, whatever the budget") {
    int frames_whole = 0, frames_tiny = 0;
    const Shown whole = LoadAndShow(std::chrono::hours(1), frames_whole);
    const Shown tiny = LoadAndShow(std::chrono::microseconds(0), frames_tiny);
    CHECK(frames_whole == 1);  // an unlimited budget prepares, evaluates and counts in the frame of the load
    CHECK(frames_tiny > 10);   // one step a frame: the preparation took many
    CHECK(tiny.lists == whole.lists);
    CHECK(tiny.bins == whole.bins);
    CHECK(tiny.selected == whole.selected);
    CHECK(tiny.reader == whole.reader);
    CHECK(tiny.json == whole.json);
    CHECK(!whole.reader.empty());

    // The engine's numbers (what the explorer showed before the preparation was stepped).
    core::Dataset ds;
    Fill(ds, 20000, 3);
    core::QueryIndex index(ds);
    core::OverviewRequest request{
        {std::begin(shell::kListFields), std::end(shell::kListFields)}, 20, core::Amplification::Both, std::nullopt};
    core::Overview overview = core::CountOverview(index, core::Selection::All(ds.Posts()), request);
    std::vector<std::string> want;
    for (const core::TopList& top : overview.tops)
        for (const core::TopItem& item : top.items)
            want.push_back(shell::VisualText(item.text));
    CHECK(whole.lists == want);
    CHECK(whole.selected == core::Selection::All(ds.Posts()));
}

TEST_CASE("rule 112: while a reload is prepared the previous numbers stay drawn, never a stale index's") {
    test::Headless ui;
    shell::Session session;
    shell::Explorer explorer(session);
    Fill(session.dataset(), 5000, 4);
    session.Changed();
    Settle(ui, explorer);
    const Shown before = ShownBy(explorer);
    CHECK(before.selected.Rows() == 5000);

    explorer.SetFrameWork(std::chrono::microseconds(0));
    Fill(session.dataset(), 5000, 5, 4000000);  // more rows into the same dataset (a second file)
    session.Changed();
    int frames = 0;
    for (; frames < 20000; ++frames) {
        ui.Frame(explorer);
        if (!explorer.Preparing()) break;
        // Nothing was evaluated or counted over the new rows yet: the previous numbers as they were.
        CHECK(explorer.Updating());
        CHECK(explorer.ListedTexts() == before.lists);
        CHECK(explorer.TimelineBins().counts == before.bins);
        CHECK(explorer.Selected() == before.selected);
    }
    CHECK(frames > 5);
    Settle(ui, explorer);
    CHECK(explorer.Selected() == core::Selection::All(10000));
    CHECK(explorer.ListedTexts() != before.lists);
}

TEST_CASE("rule 112: the first load shows the preparation's progress; clearing or new data mid-way is safe") {
    test::Headless ui;
    auto session = std::make_unique<shell::Session>();
    shell::Explorer explorer(*session);
    explorer.SetFrameWork(std::chrono::microseconds(0));
    ui.Frame(explorer);
    Fill(session->dataset(), 8000, 6);
    session->Changed();
    for (int i = 0; i < 3; ++i)
        ui.Frame(explorer);
    CHECK(explorer.Preparing());
    CHECK(explorer.ListedTexts().empty());  // nothing drawn yet but the progress line

    session->Reset();  // Clear mid-preparation: the old dataset is gone (ASan: nothing reads it)
    ui.Frame(explorer);
    CHECK_FALSE(explorer.Preparing());
    CHECK(explorer.Selected().Rows() == 0);

    Fill(session->dataset(), 8000, 7);
    session->Changed();
    for (int i = 0; i < 3; ++i)
        ui.Frame(explorer);
    CHECK(explorer.Preparing());
    session->Reset();  // new data mid-preparation
    test::Load(*session, "v1_mixed.jsonl");
    Settle(ui, explorer);
    CHECK(explorer.Selected().Rows() == session->dataset().Posts());
    CHECK(explorer.Selected().Count() == session->dataset().Posts());
    CHECK(!explorer.ListedTexts().empty());
}

TEST_CASE("rule 112: a query typed while the first index is prepared is kept and applied once it is ready") {
    test::Headless ui;
    shell::Session session;
    shell::Explorer explorer(session);
    explorer.SetFrameWork(std::chrono::microseconds(0));
    ui.Frame(explorer);
    Fill(session.dataset(), 20000, 8);
    session.Changed();
    ui.Frame(explorer);
    REQUIRE(explorer.Preparing());
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharacter('/');  // the shortcut to the query bar, drawn while the index is prepared
    ui.Frame(explorer);
    ui.Frame(explorer);
    io.AddInputCharactersUTF8("lang:fr");
    ui.Frame(explorer);
    CHECK(explorer.Preparing());  // typed before the index was ready
    CHECK(explorer.view().query == "lang:fr");
    Settle(ui, explorer);
    core::QueryIndex index(session.dataset());
    const core::Selection want = index.Select(core::ParseQuery("lang:fr").query);
    CHECK(want.Count() > 0);
    CHECK(explorer.Selected() == want);
}
