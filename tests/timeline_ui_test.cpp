// The timeline's layers on ImGui's null backend: compared series, bars by type, peaks, event labels
// (core/COUNTING.md rules 60-64). The demo dataset (assets/demo) has a wave on 16 Oct 2017 and a
// second peak on 6 Dec 2017.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <tuple>

#include "aggregate.hpp"
#include "bin_drivers.hpp"
#include "explorer.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "peaks.hpp"
#include "test_support.hpp"
#include "time_utc.hpp"

using chorus::core::Dataset;
using chorus::core::Selection;
using chorus::shell::Explorer;
using chorus::shell::ItemInfo;
using chorus::shell::ItemRegistry;
using chorus::shell::Session;

namespace {

using Headless = chorus::test::SpacedHeadless;
using chorus::test::LoadDemo;

const ItemInfo* FindPrefix(const std::string& prefix) {
    for (const ItemInfo& item : ItemRegistry::Items())
        if (item.label.rfind(prefix, 0) == 0) return &item;
    return nullptr;
}

size_t CountPrefix(const std::string& prefix) {
    size_t n = 0;
    for (const ItemInfo& item : ItemRegistry::Items())
        n += item.label.rfind(prefix, 0) == 0 ? 1 : 0;
    return n;
}

Selection Select(const Dataset& ds, const std::string& query) {
    chorus::core::QueryIndex index(ds);
    auto parsed = chorus::core::ParseQuery(query);
    REQUIRE(parsed.ok());
    return index.Select(parsed.query);
}

// The explorer's bins of a series equal the engine's CountByTime of `expected` (day bins: both align to
// UTC midnight), bin by bin, and the legend's total is the posts with a time.
void CheckSeriesEqualsEngine(const Dataset& ds, const chorus::shell::TimelineSeries& series,
                             const Selection& expected) {
    REQUIRE(series.bins.step == chorus::core::kDay);
    chorus::core::TimeSeries days = chorus::core::CountByTime(ds, expected, chorus::core::TimeBin::Day);
    uint64_t seen = 0;
    for (size_t i = 0; i < series.bins.counts.size(); ++i) {
        int64_t start = series.bins.start + static_cast<int64_t>(i) * series.bins.step;
        uint64_t want = 0;
        for (size_t k = 0; k < days.counts.size(); ++k)
            if (days.edges[k] == start) want = days.counts[k];
        CHECK_MESSAGE(series.bins.counts[i] == want, series.query << " on " << start);
        seen += series.bins.counts[i];
    }
    uint64_t total = std::accumulate(days.counts.begin(), days.counts.end(), uint64_t{0});
    CHECK(seen == total);  // the fitted view holds every post
    CHECK(series.total == total);
    CHECK(series.total == expected.Count() - days.no_time);
}

}  // namespace

TEST_CASE("timeline 60: a compared series counts the query bar's posts AND its query, as CountByTime does") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    ui.Click(explorer, "Compare query");
    ui.Type(explorer, "#balancetonporc");
    ui.Click(explorer, "Compare");
    REQUIRE(explorer.Timeline().series.size() == 1);
    CHECK(explorer.Timeline().series_message.empty());
    const Dataset& ds = session.dataset();
    CheckSeriesEqualsEngine(ds, explorer.Timeline().series[0], Select(ds, "#balancetonporc"));
    CHECK(explorer.Timeline().series[0].total > 0);
    std::string message;
    REQUIRE(explorer.AddSeries("#metoo", message));
    ui.Frame(explorer, 2);
    CheckSeriesEqualsEngine(ds, explorer.Timeline().series[1], Select(ds, "#metoo"));
    const std::string legend = "Series #metoo  " + std::to_string(explorer.Timeline().series[1].total) + " posts";
    CHECK_MESSAGE((ItemRegistry::Find(legend) != nullptr || explorer.Timeline().series[1].total >= 1000), legend);

    // The query bar narrows every series: a series is the base selection AND its query.
    explorer.view().query = "lang:fr";
    ui.Frame(explorer, 3);
    CheckSeriesEqualsEngine(ds, explorer.Timeline().series[0], Select(ds, "lang:fr #balancetonporc"));
    CheckSeriesEqualsEngine(ds, explorer.Timeline().series[1], Select(ds, "lang:fr #metoo"));
    // The brush does not: the lines span the whole timeline, as the bars do.
    uint64_t before = explorer.Timeline().series[0].total;
    explorer.view().brushed = true;
    explorer.view().brush_start = chorus::core::ParseIsoTime("2017-10-16T00:00:00Z");
    explorer.view().brush_end = chorus::core::ParseIsoTime("2017-10-17T00:00:00Z");
    ui.Frame(explorer, 3);
    CHECK(explorer.Selected().Count() < Select(ds, "lang:fr").Count());
    CHECK(explorer.Timeline().series[0].total == before);
    CheckSeriesEqualsEngine(ds, explorer.Timeline().series[0], Select(ds, "lang:fr #balancetonporc"));
}

TEST_CASE("timeline 60: right-click on a list row compares it on the timeline") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    const ItemInfo* row = ItemRegistry::Find("BalanceTonPorc");  // shown in its most used spelling (rule 50)
    REQUIRE(row != nullptr);
    ui.ClickAt(explorer, ImVec2(row->x + row->w / 2, row->y + row->h / 2), 1);
    ui.Click(explorer, "Compare on the timeline");
    REQUIRE(explorer.Timeline().series.size() == 1);
    CHECK(explorer.Timeline().series[0].query == "#BalanceTonPorc");
    CHECK(explorer.view().query.empty());  // comparing does not filter
    CheckSeriesEqualsEngine(session.dataset(), explorer.Timeline().series[0],
                            Select(session.dataset(), "#balancetonporc"));
}

TEST_CASE("timeline 61: the 9th series is refused with a message; the legend removes one") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    const char* queries[] = {"#metoo",     "#MeToo lang:en", "#balancetonporc", "#quellavoltache",
                             "#yotambien", "#timesup",       "lang:fr",         "type:retweet"};
    std::string message;
    CHECK_FALSE(explorer.AddSeries("(lang:en", message));  // does not parse: refused, with the parser's message
    CHECK(message.find("missing ')'") != std::string::npos);
    CHECK_FALSE(explorer.AddSeries("   ", message));
    CHECK(explorer.Timeline().series.empty());
    for (const char* q : queries)
        REQUIRE_MESSAGE(explorer.AddSeries(q, message), q << ": " << message);
    CHECK_FALSE(explorer.AddSeries("#metoo", message));  // twice the same: refused too
    ui.Frame(explorer, 2);
    ui.Click(explorer, "Compare query");
    ui.Type(explorer, "type:reply");
    ui.Click(explorer, "Compare");
    CHECK(explorer.Timeline().series.size() == 8);
    CHECK(explorer.Timeline().series_message.find("At most 8") != std::string::npos);
    // Every colour differs.
    for (size_t i = 0; i < 8; ++i)
        for (size_t j = i + 1; j < 8; ++j)
            CHECK(explorer.Timeline().series[i].colour != explorer.Timeline().series[j].colour);

    const ItemInfo* remove = FindPrefix("Series #balancetonporc  ");
    REQUIRE(remove != nullptr);
    ui.Click(explorer, remove->label);
    REQUIRE(explorer.Timeline().series.size() == 7);
    for (const auto& s : explorer.Timeline().series)
        CHECK(s.query != "#balancetonporc");
    CHECK(explorer.AddSeries("type:reply", message));
}

TEST_CASE("timeline 62: bars stacked by type sum to the unstacked bars; log scale keeps the counts") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    const std::vector<uint64_t> plain = explorer.TimelineBins().counts;
    ui.Click(explorer, "Stacked by type");
    REQUIRE(explorer.Timeline().stacked);
    REQUIRE(explorer.Timeline().by_type_valid);
    const auto& bins = explorer.TimelineBins();
    REQUIRE(bins.counts == plain);
    const Dataset& ds = session.dataset();
    uint64_t retweets = 0;
    for (size_t i = 0; i < bins.counts.size(); ++i) {
        uint64_t sum = 0;
        for (const auto& t : explorer.Timeline().by_type)
            sum += t.counts.at(i);
        CHECK(sum == bins.counts[i]);
        retweets += explorer.Timeline().by_type[1].counts[i];
    }
    CHECK(retweets == Select(ds, "type:retweet").Count());
    ui.Click(explorer, "Log scale");
    CHECK(explorer.Timeline().log_scale);
    CHECK(explorer.TimelineBins().counts == plain);
}

TEST_CASE("timeline 62: a hovered bin's tooltip counts its posts of each type, those of its bar, unstacked") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    const Dataset& ds = session.dataset();
    for (const char* query : {"", "lang:fr"}) {
        CAPTURE(query);
        explorer.view().query = query;
        ui.Frame(explorer, 4);
        REQUIRE_FALSE(explorer.Timeline().stacked);
        const Selection rows = std::string(query).empty() ? Selection::All(ds.Posts()) : Select(ds, query);
        const ItemInfo* timeline = ItemRegistry::Find("Timeline");
        REQUIRE(timeline != nullptr);
        int hovered = 0;
        // Across the plot, and back for the second query: its first bin is the one hovered last before it.
        for (int k = 0; k < 48; ++k) {
            const float x = std::string(query).empty() ? 0.04f + 0.02f * static_cast<float>(k)
                                                       : 0.98f - 0.02f * static_cast<float>(k);
            ImGui::GetIO().MousePos = ImVec2(timeline->x + timeline->w * x, timeline->y + timeline->h * 0.7f);
            ui.Frame(explorer);
            const size_t bin = explorer.Timeline().tooltip_bin;
            if (bin == SIZE_MAX) continue;
            ++hovered;
            const auto& bins = explorer.TimelineBins();
            std::array<uint64_t, chorus::core::kPostTypeCount> want{};
            rows.ForEach([&](chorus::core::RowId row) {
                const auto t = ds.TimeOf(row);
                if (t != chorus::core::kNoTime && t >= bins.edges[bin] && t < bins.edges[bin + 1])
                    ++want[static_cast<size_t>(ds.TypeOf(row))];
            });
            CHECK(explorer.Timeline().tooltip_types == want);
            uint64_t sum = 0;
            for (uint64_t n : want)
                sum += n;
            CHECK(sum == bins.counts[bin]);
        }
        CHECK(hovered > 20);
    }
}

TEST_CASE("timeline 63: a peak marker shows what core/peaks found; 'Brush this peak' selects the bin's posts") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    const Dataset& ds = session.dataset();
    // The fitted view bins by day: the peaks are FindPeaks of every post by day.
    REQUIRE(explorer.TimelineBins().step == chorus::core::kDay);
    chorus::core::PeakOptions options;
    options.bin = chorus::core::TimeBin::Day;
    chorus::core::PeakReport want = chorus::core::FindPeaks(ds, Selection::All(ds.Posts()), options);
    REQUIRE(!want.peaks.empty());
    const auto& got = explorer.Timeline().peaks;
    REQUIRE(got.peaks.size() == want.peaks.size());
    const chorus::core::Peak& peak = want.peaks.back();
    CHECK(chorus::core::FormatIsoUtc(peak.start) == "2017-12-06T00:00:00Z");
    const std::string marker = "Peak " + chorus::core::FormatIsoUtc(peak.start);
    ui.Click(explorer, marker);
    REQUIRE(explorer.Timeline().open_peak == static_cast<int>(want.peaks.size() - 1));
    REQUIRE(ItemRegistry::Find("Brush this peak") != nullptr);
    REQUIRE(!peak.hashtags.empty());
    for (const auto& d : peak.hashtags)
        CHECK_MESSAGE(ItemRegistry::Find("#" + d.text) != nullptr, "#" << d.text);
    for (const auto& d : peak.authors)
        CHECK_MESSAGE(ItemRegistry::Find("from:" + d.text) != nullptr, "from:" << d.text);
    for (const auto& d : peak.domains)
        CHECK_MESSAGE(ItemRegistry::Find("domain:" + d.text) != nullptr, "domain:" << d.text);
    ui.Click(explorer, "Brush this peak");
    REQUIRE(explorer.view().brushed);
    CHECK(explorer.view().brush_start == peak.start);
    CHECK(explorer.view().brush_end == peak.end);
    CHECK(explorer.Selected().Count() == peak.count);
    CHECK(ItemRegistry::Find("Brush this peak") == nullptr);  // the popup closed

    // The toolbar's list of peaks opens the same popup.
    ui.Click(explorer, "Peak list");
    const ItemInfo* row = FindPrefix(chorus::core::FormatIsoUtc(peak.start) + "  ");
    REQUIRE(row != nullptr);
    ui.Click(explorer, row->label);
    CHECK(explorer.Timeline().open_peak == static_cast<int>(want.peaks.size() - 1));
    CHECK(ItemRegistry::Find("Brush this peak") != nullptr);

    // With a query, the peaks are the query's.
    explorer.view().brushed = false;
    explorer.view().query = "lang:fr";
    ui.Frame(explorer, 3);
    chorus::core::PeakReport fr = chorus::core::FindPeaks(ds, Select(ds, "lang:fr"), options);
    CHECK(explorer.Timeline().peaks.peaks.size() == fr.peaks.size());
    CHECK(explorer.Timeline().peaks.posts == fr.posts);
}

TEST_CASE("timeline 64: event labels are added by right-click, kept in imgui.ini, folded when close, removable") {
    std::string ini;
    {
        Headless ui;
        Session session;
        LoadDemo(session);
        Explorer explorer(session);
        ui.Frame(explorer, 3);
        const ItemInfo* timeline = ItemRegistry::Find("Timeline");
        REQUIRE(timeline != nullptr);
        ui.ClickAt(explorer, ImVec2(timeline->x + timeline->w * 0.3f, timeline->y + timeline->h / 2), 1);
        REQUIRE(ItemRegistry::Find("Add this event") != nullptr);
        ui.Type(explorer, "Milano's post");
        ui.Click(explorer, "Add this event");
        REQUIRE(explorer.Timeline().events.size() == 1);
        CHECK(explorer.Timeline().events[0].text == "Milano's post");
        CHECK(explorer.Timeline().events[0].time % 60 == 0);  // the minute under the cursor
        CHECK(ItemRegistry::Find("Event Milano's post") != nullptr);
        explorer.AddEvent(chorus::core::ParseIsoTime("2017-12-06T12:00:00Z"), "Person of the Year");
        ini = ImGui::SaveIniSettingsToMemory();
        CHECK(ini.find("[ChorusEvents][Events]\n") != std::string::npos);
        CHECK(ini.find(" Person of the Year\n") != std::string::npos);
    }
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    ImGui::LoadIniSettingsFromMemory(ini.c_str(), ini.size());
    REQUIRE(explorer.Timeline().events.size() == 2);
    CHECK(explorer.Timeline().events[1].text == "Person of the Year");
    CHECK(explorer.Timeline().events[1].time == chorus::core::ParseIsoTime("2017-12-06T12:00:00Z"));
    ui.Frame(explorer, 3);
    // Removed from its marker's popup, and from imgui.ini.
    ui.Click(explorer, "Event Milano's post");
    ui.Click(explorer, "Remove event");
    REQUIRE(explorer.Timeline().events.size() == 1);
    CHECK(std::string(ImGui::SaveIniSettingsToMemory()).find("Milano") == std::string::npos);
    // Marks a few pixels apart fold into one marker with their count; clicking it zooms onto them.
    for (int i = 0; i < 5; ++i)
        explorer.AddEvent(chorus::core::ParseIsoTime("2017-12-06T12:00:00Z") + 2 * 3600 * (i + 1),
                          "near " + std::to_string(i));
    ui.Frame(explorer, 2);
    CHECK(CountPrefix("Event ") == 0);
    const ItemInfo* folded = FindPrefix("Folded ");
    REQUIRE(folded != nullptr);
    CHECK_MESSAGE(folded->label.rfind("Folded 7 marks", 0) == 0, folded->label);  // 6 events and the 6 Dec peak
    int64_t span = explorer.view().view_end - explorer.view().view_start;
    ui.Click(explorer, folded->label);
    CHECK(explorer.view().view_end - explorer.view().view_start < span / 10);
    CHECK(CountPrefix("Event ") >= 3);  // apart once zoomed in (an hour's peak may still fold with one)
}

TEST_CASE("timeline 63: in a chosen zone the peaks are found on the timeline's local days, and listed in local time") {
    Headless ui;
    Session session;
    REQUIRE(session.SetTimeZone("America/New_York"));
    LoadDemo(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    const Dataset& ds = session.dataset();
    REQUIRE(explorer.TimelineBins().step == chorus::core::kDay);
    chorus::core::PeakOptions options;
    options.bin = chorus::core::TimeBin::Day;
    options.zone = session.time_zone();
    chorus::core::PeakReport want = chorus::core::FindPeaks(ds, Selection::All(ds.Posts()), options);
    REQUIRE(!want.peaks.empty());
    const auto& got = explorer.Timeline().peaks;
    REQUIRE(got.peaks.size() == want.peaks.size());
    for (size_t i = 0; i < want.peaks.size(); ++i) {
        CHECK(got.peaks[i].start == want.peaks[i].start);
        CHECK(got.peaks[i].count == want.peaks[i].count);
    }
    // Local midnights, not UTC ones: each peak starts at 00:00 on New York's clock.
    for (const auto& p : got.peaks)
        CHECK(chorus::core::FormatIsoLocal(p.start, session.time_zone()).substr(10, 9) == "T00:00:00");
    ui.Click(explorer, "Peak list");
    const std::string local = chorus::core::FormatIsoLocal(want.peaks.back().start, session.time_zone());
    CHECK(FindPrefix(local + "  ") != nullptr);
}

TEST_CASE("timeline: chart colours stay readable on the Light theme's background, unchanged on the Dark one") {
    Headless ui;  // an ImGui context for the style
    auto luminance = [](uint32_t c) {
        auto lin = [](uint32_t v) {
            double s = static_cast<double>(v & 0xFF) / 255;
            return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * lin(c >> IM_COL32_R_SHIFT) + 0.7152 * lin(c >> IM_COL32_G_SHIFT) +
               0.0722 * lin(c >> IM_COL32_B_SHIFT);
    };
    auto contrast = [&](uint32_t a, uint32_t b) {  // WCAG 2 contrast ratio
        double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    std::vector<uint32_t> colours;
    for (size_t i = 0; i < chorus::shell::kMaxSeries; ++i)
        colours.push_back(chorus::shell::SeriesColour(i));
    for (int t = 0; t < chorus::core::kPostTypeCount; ++t)
        colours.push_back(chorus::shell::PostTypeColour(static_cast<chorus::core::PostType>(t)));
    for (chorus::shell::Theme theme : {chorus::shell::Theme::Dark, chorus::shell::Theme::Light}) {
        chorus::shell::ApplyTheme(theme);
        const uint32_t bg = ImGui::GetColorU32(ImGuiCol_WindowBg);
        for (uint32_t c : colours) {
            CAPTURE(c);
            if (theme == chorus::shell::Theme::Dark) CHECK(chorus::shell::OnTheme(c) == c);
            CHECK(contrast(chorus::shell::OnTheme(c), bg) >= 3.0);
            CHECK((chorus::shell::OnTheme(c) >> IM_COL32_A_SHIFT) == (c >> IM_COL32_A_SHIFT));
        }
    }
    // The white series on the light theme without the palette would vanish: the test can fail.
    chorus::shell::ApplyTheme(chorus::shell::Theme::Light);
    CHECK(contrast(IM_COL32(245, 245, 245, 255), ImGui::GetColorU32(ImGuiCol_WindowBg)) < 3.0);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w == 1.0f);  // nothing shows through a popup or tooltip
    chorus::shell::ApplyTheme(chorus::shell::Theme::Dark);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w == 1.0f);
}

TEST_CASE(
    "rule 105: right-click on a bar, 'What drove this bin': the popup shows core/bin_drivers' drivers of that bin") {
    Headless ui;
    Session session;
    REQUIRE(session.SetTimeZone("America/New_York"));  // the bars' local days
    LoadDemo(session);
    Explorer explorer(session);
    explorer.view().query = "-#metoo";
    ui.Frame(explorer, 3);
    const Dataset& ds = session.dataset();
    const chorus::core::TimeBins& bins = explorer.TimelineBins();
    // The tallest bar, found on screen as the plot draws it (panel_timeline.cpp: the counts' margin on the left).
    size_t tallest = 0;
    for (size_t i = 0; i < bins.counts.size(); ++i)
        if (bins.counts[i] > bins.counts[tallest]) tallest = i;
    const ItemInfo* timeline = ItemRegistry::Find("Timeline");
    REQUIRE(timeline != nullptr);
    const float x0 = timeline->x + ImGui::CalcTextSize("000000").x + 8, w = timeline->x + timeline->w - 4 - x0;
    const auto vs = static_cast<double>(explorer.view().view_start), ve = static_cast<double>(explorer.view().view_end);
    const double mid = (static_cast<double>(bins.edges[tallest]) + static_cast<double>(bins.edges[tallest + 1])) / 2;
    ui.ClickAt(explorer, ImVec2(x0 + static_cast<float>((mid - vs) / (ve - vs)) * w, timeline->y + timeline->h * 0.8f),
               1);
    REQUIRE(ItemRegistry::Find("What drove this bin") != nullptr);
    REQUIRE(ItemRegistry::Find("Add this event") != nullptr);  // the same popup adds an event
    ui.Click(explorer, "What drove this bin");
    REQUIRE(ItemRegistry::Find("Brush this bin") != nullptr);

    const chorus::core::BinDrivers& shown = explorer.Timeline().bin_drivers;
    chorus::core::BinDriversOptions options;
    options.step = chorus::core::kDay;
    options.zone = session.time_zone();
    chorus::core::BinDrivers want =
        chorus::core::FindBinDrivers(ds, Select(ds, "-#metoo"), bins.edges[tallest], options);
    CHECK(shown.start == bins.edges[tallest]);
    CHECK(shown.end == bins.edges[tallest + 1]);
    CHECK(shown.count == bins.counts[tallest]);
    CHECK(shown.count == want.count);
    CHECK(shown.baseline_posts == want.baseline_posts);
    // Rule 111: the popup says what the bin was compared with, as it was.
    const std::string& said = explorer.Timeline().bin_drivers_said;
    CHECK(said.find(chorus::core::BaselineText(want)) != std::string::npos);
    REQUIRE(!want.hashtags.empty());
    REQUIRE(shown.hashtags.size() == want.hashtags.size());
    for (size_t i = 0; i < want.hashtags.size(); ++i) {
        CHECK(shown.hashtags[i].text == want.hashtags[i].text);
        CHECK(shown.hashtags[i].count == want.hashtags[i].count);
        CHECK(ItemRegistry::Find("#" + want.hashtags[i].text) != nullptr);
    }
    for (const auto& d : want.authors)
        CHECK(ItemRegistry::Find("from:" + d.text) != nullptr);
    ui.Click(explorer, "Brush this bin");
    CHECK(explorer.view().brushed);
    CHECK(explorer.view().brush_start == want.start);
    CHECK(explorer.view().brush_end == want.end);
    // The toolbar's "Add event" has no bar under it: no drivers offered.
    ui.Click(explorer, "Add event");
    CHECK(ItemRegistry::Find("Add this event") != nullptr);
    CHECK(ItemRegistry::Find("What drove this bin") == nullptr);
}

TEST_CASE("timeline: panning with 8 series and stacked bars reads the kept bins; they equal a fresh count") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    explorer.Timeline().stacked = true;
    ui.Frame(explorer, 3);
    std::string message;
    for (const char* q :
         {"#metoo", "#balancetonporc", "lang:fr", "lang:en", "lang:es", "#timesup", "-#metoo", "#moiaussi"})
        CHECK_MESSAGE(explorer.AddSeries(q, message), q << ": " << message);
    ui.Frame(explorer, 2);
    const Dataset& ds = session.dataset();
    const uint64_t before = explorer.Timeline().series[0].cache.Recounts();
    const uint64_t type_before = explorer.Timeline().type_cache[0].Recounts();
    CHECK(before == 1);
    const int64_t step = explorer.TimelineBins().step;
    for (int i = 1; i <= 5; ++i) {  // pan right by a bin a frame, as a drag does
        explorer.view().view_start += step;
        explorer.view().view_end += step;
        explorer.view().user_moved = true;
        ui.Frame(explorer);
        const chorus::core::TimeBins& bars = explorer.TimelineBins();
        for (const auto& s : explorer.Timeline().series) {
            chorus::core::TimeBins fresh =
                chorus::core::Histogram(ds, s.rows, bars.start, bars.step, bars.counts.size());
            CHECK(s.bins.counts == fresh.counts);
            CHECK(s.bins.edges == fresh.edges);
        }
        for (size_t t = 0; t < explorer.Timeline().by_type.size(); ++t)
            CHECK(explorer.Timeline().by_type[t].counts == chorus::core::Histogram(ds, explorer.Timeline().type_rows[t],
                                                                                   bars.start, bars.step,
                                                                                   bars.counts.size())
                                                               .counts);
    }
    CHECK(explorer.Timeline().series[0].cache.Recounts() == before);  // five pans, no count
    CHECK(explorer.Timeline().type_cache[0].Recounts() == type_before);
}

TEST_CASE("timeline 117: the Settings' bin fixes the bars' width while the view holds 4 a pixel; weeks on Mondays") {
    using chorus::core::kDay;
    using chorus::core::kHour;
    using chorus::core::kMinute;
    using chorus::core::kWeek;
    using chorus::shell::BinChoice;
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    const Dataset& ds = session.dataset();
    ui.Frame(explorer, 3);
    const int64_t automatic = explorer.TimelineBins().step;
    CHECK(automatic >= kDay);  // two months of demo posts, fitted
    ui.Click(explorer, "Settings");
    ui.Frame(explorer, 3);
    ui.Click(explorer, "Bin: Hour");
    REQUIRE(explorer.settings().bin == BinChoice::Hour);
    ui.Frame(explorer, 2);
    // Hour bars, about 2 a pixel (folded: each column draws its tallest), each the engine's hour.
    {
        const auto& bins = explorer.TimelineBins();
        REQUIRE(bins.step == kHour);
        CHECK_FALSE(explorer.FixedBinSetAside());
        const chorus::core::TimeSeries hours =
            chorus::core::CountByTime(ds, Selection::All(ds.Posts()), chorus::core::TimeBin::Hour);
        uint64_t seen = 0;
        for (size_t i = 0; i < bins.counts.size(); ++i) {
            CHECK(bins.edges[i + 1] - bins.edges[i] == kHour);
            auto at = std::lower_bound(hours.edges.begin(), hours.edges.end(), bins.edges[i]);
            const uint64_t want = at != hours.edges.end() && *at == bins.edges[i] && at + 1 != hours.edges.end()
                                      ? hours.counts[static_cast<size_t>(at - hours.edges.begin())]
                                      : 0;
            CHECK_MESSAGE(bins.counts[i] == want, "hour from " << bins.edges[i]);
            seen += bins.counts[i];
        }
        CHECK(seen == ds.Posts() - hours.no_time);
        const ItemInfo* timeline = ItemRegistry::Find("Timeline");
        REQUIRE(timeline != nullptr);
        CHECK(static_cast<double>(bins.counts.size()) > timeline->w);  // narrower than a pixel: folded
        // A hovered column's tooltip is one hour's, its posts of each type summing to that hour's bar.
        int hovered = 0;
        for (int k = 0; k < 40; ++k) {
            ImGui::GetIO().MousePos =
                ImVec2(timeline->x + timeline->w * (0.1f + 0.02f * static_cast<float>(k)), timeline->y + 20);
            ui.Frame(explorer);
            const size_t bin = explorer.Timeline().tooltip_bin;
            if (bin == SIZE_MAX || bin >= bins.counts.size()) continue;
            uint64_t sum = 0;
            for (uint64_t n : explorer.Timeline().tooltip_types)
                sum += n;
            CHECK(sum == bins.counts[bin]);
            hovered += bins.counts[bin] > 0 ? 1 : 0;
            // It is the tallest of the hours in the mouse's pixel column (the plot as panel_timeline.cpp lays it).
            const float left = timeline->x + ImGui::CalcTextSize("000000").x + 8,
                        width = timeline->x + timeline->w - 4 - left;
            const double vs = static_cast<double>(explorer.view().view_start);
            const double span = static_cast<double>(explorer.view().view_end) - vs;
            auto x_of = [&](chorus::core::UnixSeconds t) {
                return left + static_cast<float>((static_cast<double>(t) - vs) / span) * width;
            };
            const float column = std::floor(ImGui::GetIO().MousePos.x);
            uint64_t tallest = 0;
            for (size_t i = 0; i < bins.counts.size(); ++i)
                if (std::floor(x_of(bins.edges[i])) == column) tallest = std::max(tallest, bins.counts[i]);
            CHECK(std::floor(x_of(bins.edges[bin])) == column);
            CHECK(bins.counts[bin] == tallest);
        }
        CHECK(hovered > 5);
        // The timeline's CSV lists every hour shown, one row each.
        ui.Click(explorer, "Export timeline CSV");
        auto csv = explorer.TakeSave();
        REQUIRE(csv.has_value());
        std::string all, chunk;
        while (csv->next(chunk))
            all += chunk;
        CHECK(static_cast<size_t>(std::count(all.begin(), all.end(), '\n')) == bins.counts.size() + 1);
        CHECK(all.find("2017-10-16T15:00:00Z,2017-10-16T16:00:00Z,") != std::string::npos);
    }
    // Minutes over two months are too many: the automatic bin, said so; zoomed in to two hours, minutes.
    ui.Click(explorer, "Bin: Minute");
    ui.Frame(explorer, 2);
    CHECK(explorer.FixedBinSetAside());
    CHECK(explorer.TimelineBins().step == automatic);
    const chorus::core::UnixSeconds from = chorus::core::ParseIsoTime("2017-10-16T15:00:00Z");
    explorer.view().view_start = from;
    explorer.view().view_end = from + 2 * kHour;
    explorer.view().user_moved = true;
    ui.Frame(explorer, 2);
    CHECK_FALSE(explorer.FixedBinSetAside());
    REQUIRE(explorer.TimelineBins().step == kMinute);
    CHECK(explorer.TimelineBins().counts.size() == 120);
    uint64_t in_range = 0;
    for (uint64_t n : explorer.TimelineBins().counts)
        in_range += n;
    CHECK(in_range == Select(ds, "since:2017-10-16T15:00:00Z until:2017-10-16T17:00:00Z").Count());
    // Weeks start on Monday 00:00 (rule 10), fitted again.
    ui.Click(explorer, "Bin: Week");
    explorer.view().view_start = explorer.view().view_end = 0;
    explorer.view().user_moved = false;
    ui.Frame(explorer, 2);
    REQUIRE(explorer.TimelineBins().step == kWeek);
    for (chorus::core::UnixSeconds edge : explorer.TimelineBins().edges)
        CHECK((edge - 4 * kDay) % kWeek == 0);  // 1970-01-05 was a Monday
    // Months and years on the calendar: the engine's month and year bins (rule A3), every post in them.
    for (const auto& choice : {std::tuple{"Bin: Month", chorus::core::kMonth, chorus::core::TimeBin::Month},
                               std::tuple{"Bin: Year", chorus::core::kYear, chorus::core::TimeBin::Year}}) {
        const char* label = std::get<0>(choice);
        const int64_t step = std::get<1>(choice);
        const chorus::core::TimeBin bin = std::get<2>(choice);
        CAPTURE(label);
        ui.Click(explorer, label);
        ui.Frame(explorer, 2);
        const auto& bins = explorer.TimelineBins();
        REQUIRE(bins.step == step);
        const chorus::core::TimeSeries want = chorus::core::CountByTime(ds, Selection::All(ds.Posts()), bin);
        uint64_t seen = 0;
        for (size_t i = 0; i < bins.counts.size(); ++i) {
            auto at = std::find(want.edges.begin(), want.edges.end(), bins.edges[i]);
            const auto k = static_cast<size_t>(at - want.edges.begin());
            CHECK(bins.counts[i] == (k < want.counts.size() ? want.counts[k] : 0));
            if (k < want.counts.size()) CHECK(bins.edges[i + 1] == want.edges[k + 1]);
            seen += bins.counts[i];
        }
        CHECK(seen == ds.Posts() - want.no_time);
    }
    ui.Click(explorer, "Bin: Automatic");
    ui.Frame(explorer, 2);
    CHECK(explorer.TimelineBins().step == automatic);
    // Automatic over decades: weeks thinner than 2 px give months, months thinner than 2 px years (rule 10).
    using chorus::shell::StepForView;
    CHECK(StepForView(2 * 365 * kDay, 1000).step == kWeek);
    CHECK(StepForView(20 * 365 * kDay, 1000).step == chorus::core::kMonth);
    CHECK(StepForView(100 * 365 * kDay, 1000).step == chorus::core::kYear);
    CHECK(StepForView(20 * 365 * kDay, 1000, kHour).set_aside);
    CHECK(StepForView(20 * 365 * kDay, 1000, chorus::core::kYear).step == chorus::core::kYear);
    CHECK_FALSE(explorer.FixedBinSetAside());
}
