// The explorer's splitters (shell/panel_layout.hpp): dragged on ImGui's null backend, kept in the .ini
// text with the settings, brought back by a new context, and undone by "Reset layout".
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "explorer.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "panel_layout.hpp"
#include "panel_settings.hpp"
#include "test_support.hpp"

using chorus::shell::Explorer;
using chorus::shell::ItemInfo;
using chorus::shell::ItemRegistry;
using chorus::shell::PanelSizes;
using chorus::shell::Session;

namespace {

using Ui = chorus::test::Headless;

using chorus::test::Load;

ItemInfo Item(const std::string& label) {
    const ItemInfo* item = ItemRegistry::Find(label);
    REQUIRE_MESSAGE(item != nullptr, "no item labelled " << label);
    return *item;
}

// Presses the mouse on the item's centre, moves it by (dx, dy) in two steps, releases it.
void Drag(Ui& ui, Explorer& explorer, const std::string& label, float dx, float dy) {
    const ItemInfo item = Item(label);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(item.x + item.w / 2, item.y + item.h / 2);
    ui.Frame(explorer);
    io.MouseDown[0] = true;
    ui.Frame(explorer);
    io.MousePos = ImVec2(io.MousePos.x + dx / 2, io.MousePos.y + dy / 2);
    ui.Frame(explorer);
    io.MousePos = ImVec2(io.MousePos.x + dx / 2, io.MousePos.y + dy / 2);
    ui.Frame(explorer);
    io.MouseDown[0] = false;
    ui.Frame(explorer, 2);
}

struct Shown {
    float timeline_h, first_split_x, second_split_x, reader_split_x;
};

Shown Measure() {
    return {Item("Timeline").h, Item("Splitter hashtags-mentions").x, Item("Splitter mentions-lists").x,
            Item("Splitter lists-reader").x};
}

}  // namespace

TEST_CASE(
    "layout: splitters resize the timeline, the lists and the reader; the sizes persist; Reset layout undoes them") {
    std::string ini;
    Shown defaults{}, dragged{};
    {
        Ui ui;
        Session session;
        Load(session, "query_posts.jsonl");
        Explorer explorer(session);
        chorus::shell::InstallSettingsHandler(explorer.settings());
        ui.Frame(explorer, 3);
        defaults = Measure();

        Drag(ui, explorer, "Splitter timeline-lists", 0, 60);
        CHECK(Item("Timeline").h == doctest::Approx(defaults.timeline_h + 60).epsilon(0.01));
        Drag(ui, explorer, "Splitter lists-reader", -100, 0);  // the reader gets wider
        const Shown wider_reader = Measure();
        CHECK(wider_reader.reader_split_x == doctest::Approx(defaults.reader_split_x - 100).epsilon(0.01));
        CHECK(wider_reader.first_split_x < defaults.first_split_x);  // the lists keep their shares of less room
        Drag(ui, explorer, "Splitter hashtags-mentions", 40, 0);
        dragged = Measure();
        CHECK(dragged.first_split_x == doctest::Approx(wider_reader.first_split_x + 40).epsilon(0.01));
        CHECK(dragged.second_split_x == doctest::Approx(wider_reader.second_split_x).epsilon(0.01));
        CHECK(dragged.reader_split_x == doctest::Approx(wider_reader.reader_split_x).epsilon(0.01));

        // Past its limits a panel stops at its smallest size.
        const float line = ImGui::GetTextLineHeightWithSpacing();
        Drag(ui, explorer, "Splitter timeline-lists", 0, -2000);
        CHECK(Item("Timeline").h == doctest::Approx(chorus::shell::kMinPlotLines * line));
        Drag(ui, explorer, "Splitter timeline-lists", 0, 2000);  // the lists keep at least kMinListsLines
        CHECK(Item("Splitter timeline-lists").y + chorus::shell::kMinListsLines * line <= 800);
        Drag(ui, explorer, "Splitter timeline-lists", 0, -2000);
        Drag(ui, explorer, "Splitter timeline-lists", 0, dragged.timeline_h - Item("Timeline").h);
        CHECK(Item("Timeline").h == doctest::Approx(dragged.timeline_h).epsilon(0.01));
        ini = ImGui::SaveIniSettingsToMemory();
    }
    CHECK(ini.find("Timeline=") != std::string::npos);
    CHECK(ini.find("Reader=") != std::string::npos);
    CHECK(ini.find("Columns=") != std::string::npos);

    Ui ui;  // a new visit: the layout comes from the .ini text
    Session session;
    Load(session, "query_posts.jsonl");
    Explorer explorer(session);
    chorus::shell::InstallSettingsHandler(explorer.settings());
    ImGui::LoadIniSettingsFromMemory(ini.c_str());
    ui.Frame(explorer, 3);
    const Shown restored = Measure();
    CHECK(restored.timeline_h == doctest::Approx(dragged.timeline_h).epsilon(0.01));
    CHECK(restored.reader_split_x == doctest::Approx(dragged.reader_split_x).epsilon(0.01));
    CHECK(restored.first_split_x == doctest::Approx(dragged.first_split_x).epsilon(0.01));
    CHECK(restored.second_split_x == doctest::Approx(dragged.second_split_x).epsilon(0.01));

    ui.Click(explorer, "Settings");
    ui.Frame(explorer, 3);  // a new window settles its size in its first frames
    ui.Click(explorer, "Reset layout");
    CHECK(explorer.TakeRequest(chorus::shell::Request::ResetLayout));
    ImGui::ClearIniSettings();  // as the page does (ForgetLayout)
    ui.Frame(explorer, 2);
    const Shown reset = Measure();
    CHECK(explorer.settings().panels == PanelSizes{});
    CHECK(reset.timeline_h == doctest::Approx(defaults.timeline_h));
    CHECK(reset.reader_split_x == doctest::Approx(defaults.reader_split_x));
    CHECK(reset.first_split_x == doctest::Approx(defaults.first_split_x));
}

TEST_CASE("layout: .ini lines out of range or malformed change no panel size") {
    PanelSizes sizes;
    for (const char* line : {"Reader=1.5", "Reader=-0.2", "Columns=0.6,0.5", "Columns=0.3", "Timeline=-4"})
        chorus::shell::ReadPanelLine(line, sizes);
    CHECK(sizes == PanelSizes{});
    CHECK(chorus::shell::ReadPanelLine("Timeline=250", sizes));
    CHECK(chorus::shell::ReadPanelLine("Columns=0.25,0.5", sizes));
    CHECK_FALSE(chorus::shell::ReadPanelLine("Theme=dark", sizes));
    CHECK(sizes.timeline == 250);
    CHECK(sizes.columns[1] == 0.5f);
    PanelSizes back;
    for (size_t at = 0, end = 0; (end = chorus::shell::PanelLines(sizes).find('\n', at)) != std::string::npos;
         at = end + 1)
        chorus::shell::ReadPanelLine(chorus::shell::PanelLines(sizes).substr(at, end - at).c_str(), back);
    CHECK(back == sizes);
}
