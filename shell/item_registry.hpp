// ItemRegistry: the labels and rectangles of the widgets drawn last frame.
//
// Implements Dear ImGui's test-engine hook points (IMGUI_ENABLE_TEST_ENGINE)
// so tests, native or in the browser, can find a widget by its label and
// click the middle of its rectangle.
//
//   ItemRegistry::Install(ImGui::GetCurrentContext());
//   ... frames ...
//   std::string json = ItemRegistry::Json();  // [{"label":"Try the demo","x":..,"y":..,"w":..,"h":..}]
//
// Rectangles are in ImGui display units (CSS pixels in the browser).
#pragma once

#include <string>
#include <vector>

struct ImGuiContext;

namespace chorus::shell {

struct ItemInfo {
    unsigned id;
    std::string label;
    float x, y, w, h;
};

class ItemRegistry {
public:
    static void Install(ImGuiContext* context);
    // Call after ImGui::NewFrame(): the items of the frame just finished become Items().
    static void NewFrame();
    static const std::vector<ItemInfo>& Items();
    static const ItemInfo* Find(const std::string& label);
    static std::string Json();
};

}  // namespace chorus::shell
