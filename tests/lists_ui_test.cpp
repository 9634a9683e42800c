// The top lists on ImGui's null backend: each count's share of the selection (core/COUNTING.md rule 116),
// sorting by a header's click, and copying a value or the whole list.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "explorer.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"

using chorus::shell::Explorer;
using chorus::shell::ItemInfo;
using chorus::shell::ItemRegistry;
using chorus::shell::Session;
using chorus::test::LoadDemo;
using Headless = chorus::test::SpacedHeadless;

TEST_CASE("lists: share of the selection beside each count; a header click sorts; the list and a value copy") {
    Headless ui;
    Session session;
    LoadDemo(session);
    Explorer explorer(session);
    ui.Frame(explorer, 4);
    const chorus::core::TopList& top = explorer.List(0);  // hashtags
    REQUIRE(top.items.size() >= 3);
    REQUIRE(top.posts == session.dataset().Posts());
    auto y_of = [](const std::string& name) {
        const ItemInfo* item = ItemRegistry::Find(name);
        REQUIRE_MESSAGE(item != nullptr, "no row " << name);
        return item->y;
    };
    const std::string first = top.items.front().text, last = top.items.back().text;
    CHECK(y_of(first) < y_of(last));               // by rank
    ui.Click(explorer, "Sort Hashtags by Posts");  // highest first: the rank's order
    CHECK(y_of(first) < y_of(last));
    ui.Click(explorer, "Sort Hashtags by Posts");  // lowest first
    CHECK(y_of(last) < y_of(first));
    // By name: a click on the header's right part (its Export button is at its left).
    const ItemInfo* header = ItemRegistry::Find("Sort Hashtags by Hashtags");
    REQUIRE(header != nullptr);
    ui.ClickAt(explorer, ImVec2(header->x + header->w - 6, header->y + header->h / 2));
    std::vector<std::string> names;  // those drawn as written (an Arabic name is drawn in its visual order)
    for (const auto& item : top.items)
        if (std::all_of(item.text.begin(), item.text.end(), [](char c) { return (c & 0x80) == 0; }))
            names.push_back(item.text);
    REQUIRE(names.size() >= 5);
    std::sort(names.begin(), names.end());
    for (size_t i = 1; i < names.size(); ++i)
        CHECK(y_of(names[i - 1]) < y_of(names[i]));

    // Right-click a row: its value, then the whole list as shown (by name), tab-separated with its share.
    const ItemInfo* row = ItemRegistry::Find(first);
    REQUIRE(row != nullptr);
    ui.ClickAt(explorer, ImVec2(row->x + row->w / 2, row->y + row->h / 2), 1);
    ui.Click(explorer, "Copy this value");
    CHECK(std::string(ImGui::GetClipboardText()) == "#" + first);
    row = ItemRegistry::Find(first);
    ui.ClickAt(explorer, ImVec2(row->x + row->w / 2, row->y + row->h / 2), 1);
    ui.Click(explorer, "Copy the list");
    const std::string copied = ImGui::GetClipboardText();
    CHECK(copied.starts_with("rank\tHashtags\tposts\tshare of selection\n"));
    CHECK(static_cast<size_t>(std::count(copied.begin(), copied.end(), '\n')) == top.items.size() + 1);
    size_t at_rank = 0;
    for (size_t i = 0; i < top.items.size(); ++i)
        if (top.items[i].text == names.front()) at_rank = i;
    char share[32];
    std::snprintf(share, sizeof share, "%.6f",
                  static_cast<double>(top.items[at_rank].count) / static_cast<double>(top.posts));
    const std::string line = std::to_string(at_rank + 1) + "\t" + names.front() + "\t" +
                             std::to_string(top.items[at_rank].count) + "\t" + share + "\n";
    CHECK(copied.find("share of selection\n" + line) != std::string::npos);  // the first row shown
}
