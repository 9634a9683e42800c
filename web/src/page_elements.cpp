#include "page_elements.hpp"

#include <emscripten/em_asm.h>

#include <imgui.h>

namespace chorus::web {
namespace {

// What the page was last told, so the element is touched only when something changes.
struct Shown {
    bool visible = false;
    shell::PostOverlay overlay;
    unsigned background = 0, ink = 0;
};

Shown& Last() {
    static Shown shown;
    return shown;
}

bool Same(const shell::PostOverlay& a, const shell::PostOverlay& b) {
    return a.text == b.text && a.lang == b.lang && a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

}  // namespace

void OpenInNewTab(const std::string& url) {
    // clang-format off
    EM_ASM({
        if (window.chorusPageInput) window.chorusPageInput.openLink(UTF8ToString($0));
    }, url.c_str());
    // clang-format on
}

void ShowPostOverlay(const std::optional<shell::PostOverlay>& overlay) {
    Shown& last = Last();
    if (!overlay) {
        if (!last.visible) return;
        last.visible = false;
        // clang-format off
        EM_ASM({ if (window.chorusPageInput) window.chorusPageInput.hidePost(); });
        // clang-format on
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    // The selected row's colour (ImGuiCol_Header over the window's), opaque: the ImGui text beneath is hidden.
    const ImVec4 window = style.Colors[ImGuiCol_WindowBg], header = style.Colors[ImGuiCol_Header];
    const float a = header.w;
    const unsigned background = ImGui::ColorConvertFloat4ToU32(ImVec4(
        header.x * a + window.x * (1 - a), header.y * a + window.y * (1 - a), header.z * a + window.z * (1 - a), 1.0f));
    const unsigned ink = ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Text]);
    if (last.visible && Same(last.overlay, *overlay) && last.background == background && last.ink == ink) return;
    last = {true, *overlay, background, ink};
    // clang-format off
    EM_ASM({
        if (window.chorusPageInput)
            window.chorusPageInput.showPost(UTF8ToString($0), UTF8ToString($1), $2, $3, $4, $5, $6 >>> 0, $7 >>> 0, $8);
    }, overlay->text.c_str(), overlay->lang.c_str(), overlay->x, overlay->y, overlay->w, overlay->h, background, ink,
       ImGui::GetTextLineHeight());
    // clang-format on
}

}  // namespace chorus::web
