// The explorer counts the numbers of a new selection over frames: the previous numbers stay drawn
// ("updating") until the count is complete, then they equal the engine's (explorer_counting.cpp).
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <random>

#include "explorer.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "time_utc.hpp"
#include "visual_text.hpp"

using namespace chorus;

namespace {

// Enough posts that a selection of most of them takes more than the rows counted at once.
void Fill(core::Dataset& ds, size_t posts) {
    size_t file = ds.BeginFile("generated");
    std::mt19937 rng(11);
    std::vector<std::string> authors, names, tags;  // PostRecord holds views of these
    for (size_t k = 0; k < 500; ++k) {
        authors.push_back(std::to_string(k));
        names.push_back("user" + std::to_string(k));
    }
    for (size_t k = 0; k < 50; ++k)
        tags.push_back("tag" + std::to_string(k));
    core::PostRecord r;
    for (size_t i = 0; i < posts; ++i) {
        r.Clear();
        const std::string id = std::to_string(1000000 + i), text = "post " + std::to_string(i);
        r.id = id;
        r.time = 1500000000 + static_cast<core::UnixSeconds>(rng() % 40) * 3600;  // not in row order
        r.type = static_cast<core::PostType>(rng() % core::kPostTypeCount);
        const size_t a = std::min(rng() % 500, rng() % 500);
        r.author_id = authors[a];
        r.author_name = names[a];
        r.lang = (rng() % 3) ? "en" : "fr";
        r.text = text;
        for (size_t t = rng() % 3; t > 0; --t)
            r.hashtags.push_back(tags[std::min(rng() % 50, rng() % 50)]);
        ds.Add(r, file, i + 1);
    }
}

}  // namespace

TEST_CASE("explorer: a brush's numbers are counted over frames and end equal to the engine's") {
    test::Headless ui;
    shell::Session session;
    Fill(session.dataset(), 150000);
    session.Changed();
    shell::Explorer explorer(session);
    auto settle = [&] {
        for (int i = 0; i < 2000 && explorer.Updating(); ++i)
            ui.Frame(explorer);
        REQUIRE_FALSE(explorer.Updating());
        ui.Frame(explorer);
    };
    ui.Frame(explorer);
    settle();
    const std::vector<std::string> before = explorer.ListedTexts();

    explorer.view().query = "lang:en";
    explorer.view().brushed = true;
    explorer.view().brush_start = 1500000000 + 5 * 3600;
    explorer.view().brush_end = 1500000000 + 35 * 3600;
    ui.Frame(explorer);
    const size_t selected = explorer.Selected().Count();
    CHECK(selected > (size_t{1} << 16));  // more than the rows counted in the frame of the change
    CHECK(explorer.SelectionJson().find("\"updating\":") != std::string::npos);
    if (explorer.Updating()) {
        CHECK(explorer.ListedTexts() == before);  // the previous numbers stay until the new ones are complete
        CHECK(explorer.SelectionJson().find("\"updating\":true") != std::string::npos);
    }
    settle();
    CHECK(explorer.SelectionJson().find("\"updating\":false") != std::string::npos);

    // The engine's numbers for the same selection.
    core::QueryIndex index(session.dataset());
    core::OverviewRequest request{
        {std::begin(shell::kListFields), std::end(shell::kListFields)}, 20, core::Amplification::Both, std::nullopt};
    core::Overview overview = core::CountOverview(index, explorer.Selected(), request);
    std::vector<std::string> want;
    for (const core::TopList& top : overview.tops)
        for (const core::TopItem& item : top.items)
            want.push_back(shell::VisualText(item.text));
    CHECK(explorer.ListedTexts() == want);
    CHECK(explorer.ListedTexts() != before);
    // The reader shows the selection's posts, the earliest first.
    const shell::ItemInfo* first = shell::ItemRegistry::Find("Post 1");
    CHECK(first != nullptr);
}

TEST_CASE("explorer: a word query is evaluated over frames, the previous selection shown until it is complete") {
    test::Headless ui;
    shell::Session session;
    Fill(session.dataset(), 150000);
    session.Changed();
    shell::Explorer explorer(session);
    ui.Frame(explorer);
    for (int i = 0; i < 2000 && explorer.Updating(); ++i)
        ui.Frame(explorer);
    const core::Selection before = explorer.Selected();
    core::QueryIndex index(session.dataset());
    const core::Selection want = index.Select(core::ParseQuery("post -lang:fr").query);

    explorer.view().query = "post -lang:fr";  // a word: every row's text is tested
    ui.Frame(explorer);
    // Until the query's rows are all known the previous selection stays (either it or the new one, never a part).
    if (explorer.Updating()) CHECK((explorer.Selected() == before || explorer.Selected() == want));
    explorer.view().query = "post #tag3";  // changed again before the end: the first evaluation is dropped
    for (int i = 0; i < 2000 && explorer.Updating(); ++i) {
        ui.Frame(explorer);
        CHECK((explorer.Selected() == before || explorer.Selected() == want ||
               explorer.Selected() == index.Select(core::ParseQuery("post #tag3").query)));
    }
    ui.Frame(explorer);
    REQUIRE_FALSE(explorer.Updating());
    CHECK(explorer.Selected() == index.Select(core::ParseQuery("post #tag3").query));
    CHECK(explorer.Selected().Count() > 0);
}
