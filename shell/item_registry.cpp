#include "item_registry.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

namespace chorus::shell {
namespace {

struct Registry {
    std::vector<ItemInfo> current;  // frame being drawn
    std::vector<ItemInfo> last;     // last complete frame
};

Registry& TheRegistry() {
    static Registry registry;
    return registry;
}

}  // namespace

void ItemRegistry::Install(ImGuiContext* context) {
    context->TestEngineHookItems = true;
}

void ItemRegistry::NewFrame() {
    Registry& r = TheRegistry();
    r.last.swap(r.current);
    r.current.clear();
}

const std::vector<ItemInfo>& ItemRegistry::Items() {
    return TheRegistry().last;
}

const ItemInfo* ItemRegistry::Find(const std::string& label) {
    for (const ItemInfo& item : TheRegistry().last)
        if (item.label == label) return &item;
    return nullptr;
}

std::string ItemRegistry::Json() {
    nlohmann::json list = nlohmann::json::array();
    for (const ItemInfo& item : TheRegistry().last) {
        if (item.label.empty()) continue;
        list.push_back({{"label", item.label}, {"x", item.x}, {"y", item.y}, {"w", item.w}, {"h", item.h}});
    }
    return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace chorus::shell

// Dear ImGui's test-engine hook points (see imgui_internal.h, IMGUI_ENABLE_TEST_ENGINE).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
    auto& items = chorus::shell::TheRegistry().current;
    items.push_back({id, {}, bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (!label) return;
    auto& items = chorus::shell::TheRegistry().current;
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        if (it->id == id) {
            // Labels carry "###id" / "##id" suffixes: keep what a user reads.
            std::string text(label);
            size_t hash = text.find("##");
            it->label = hash == std::string::npos ? text : text.substr(0, hash);
            return;
        }
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
    return nullptr;
}
