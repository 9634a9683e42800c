// The explorer's splitters and the panel sizes they keep (panel_layout.hpp).
#include "panel_layout.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

namespace chorus::shell {
namespace {

// std::clamp, but a room too small for both limits gives the lower one instead of undefined behaviour.
float Within(float v, float lo, float hi) {
    return std::max(lo, std::min(v, hi));
}

bool Share(float v) {
    return v > 0 && v < 1;
}

}  // namespace

float PlotHeight(const PanelSizes& sizes, float room) {
    if (sizes.timeline <= 0) return std::clamp(room * 0.33f, 120.0f, 320.0f);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    // Below the plot: its caption, the legend, the splitter and the lists' smallest height.
    return Within(sizes.timeline, kMinPlotLines * line, room - (kMinListsLines + 3) * line);
}

void ColumnWidths(const PanelSizes& sizes, float width, float out[4]) {
    const float em = ImGui::GetFontSize();
    const float column = kMinColumnEms * em;
    out[3] = Within(width * sizes.reader, kMinReaderEms * em, width - 3 * column);
    const float lists = std::max(0.0f, width - out[3]);
    out[0] = Within(lists * sizes.columns[0], column, lists - 2 * column);
    out[1] = Within(lists * sizes.columns[1], column, lists - out[0] - column);
    out[2] = std::max(0.0f, lists - out[0] - out[1]);
}

bool Splitter(const char* label, int axis, float width, float height, float shown, float per_pixel, float lo, float hi,
              float* value) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(label);
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
    ImGui::ItemSize(bb);
    if (!ImGui::ItemAdd(bb, id)) return false;
    bool hovered = false, held = false;
    ImGui::ButtonBehavior(bb, id, &hovered, &held);
    ImGuiTestEngineHook_ItemInfo(GImGui, id, label, 0);  // a label for tests
    ImGuiStorage* storage = ImGui::GetStateStorage();
    if (ImGui::IsItemActivated()) storage->SetFloat(id, shown);  // where the drag began
    if (hovered || held)
        ImGui::SetMouseCursor(axis == ImGuiAxis_X ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    const ImU32 colour = ImGui::GetColorU32(held      ? ImGuiCol_SeparatorActive
                                            : hovered ? ImGuiCol_SeparatorHovered
                                                      : ImGuiCol_Separator);
    const ImVec2 mid = bb.GetCenter();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (axis == ImGuiAxis_X)
        dl->AddLine(ImVec2(mid.x, bb.Min.y), ImVec2(mid.x, bb.Max.y), colour, held || hovered ? 3.0f : 1.0f);
    else
        dl->AddLine(ImVec2(bb.Min.x, mid.y), ImVec2(bb.Max.x, mid.y), colour, held || hovered ? 3.0f : 1.0f);
    if (!held) return false;
    const ImGuiIO& io = ImGui::GetIO();
    const float travel =
        axis == ImGuiAxis_X ? io.MousePos.x - io.MouseClickedPos[0].x : io.MousePos.y - io.MouseClickedPos[0].y;
    const float next = Within(storage->GetFloat(id, shown) + travel * per_pixel, lo, hi);
    if (next == *value) return false;
    *value = next;
    ImGui::MarkIniSettingsDirty();
    return true;
}

void TimelineSplitter(PanelSizes& sizes) {
    const float shown = sizes.timeline_shown;
    sizes.timeline_shown = 0;
    if (shown <= 0) return;  // no plot this frame
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float room_below = ImGui::GetContentRegionAvail().y;
    const float thickness = ImGui::GetStyle().ItemSpacing.y + 2;
    float value = shown;
    if (Splitter("Splitter timeline-lists", ImGuiAxis_Y, ImGui::GetContentRegionAvail().x, thickness, shown, 1,
                 kMinPlotLines * line, std::max(shown, shown + room_below - kMinListsLines * line), &value))
        sizes.timeline = value;
}

void ColumnSplitter(PanelSizes& sizes, int which, const float widths[4], float height) {
    static constexpr const char* kLabels[] = {"Splitter hashtags-mentions", "Splitter mentions-lists",
                                              "Splitter lists-reader"};
    const float em = ImGui::GetFontSize(), column = kMinColumnEms * em;
    const float lists = widths[0] + widths[1] + widths[2], total = lists + widths[3];
    const float thickness = ImGui::GetStyle().ItemSpacing.x;
    if (lists <= 0 || total <= 0) return;
    const float s0 = widths[0] / lists, s1 = widths[1] / lists;
    float value = 0;
    switch (which) {
        case 0:  // the first two lists share their width
            value = s0;
            if (Splitter(kLabels[0], ImGuiAxis_X, thickness, height, s0, 1 / lists, column / lists,
                         s0 + s1 - column / lists, &value)) {
                sizes.columns[0] = value;
                sizes.columns[1] = s0 + s1 - value;
            }
            break;
        case 1:  // the second list and the third
            value = s1;
            if (Splitter(kLabels[1], ImGuiAxis_X, thickness, height, s1, 1 / lists, column / lists,
                         1 - s0 - column / lists, &value)) {
                sizes.columns[0] = s0;
                sizes.columns[1] = value;
            }
            break;
        default:  // the lists and the reader: dragging right narrows the reader
            value = widths[3] / total;
            if (Splitter(kLabels[2], ImGuiAxis_X, thickness, height, value, -1 / total, kMinReaderEms * em / total,
                         1 - 3 * column / total, &value))
                sizes.reader = value;
            break;
    }
}

bool ReadPanelLine(const char* line, PanelSizes& sizes) {
    float a = 0, b = 0;
    if (std::sscanf(line, "Timeline=%f", &a) == 1) {
        if (a >= 0 && a < 100000) sizes.timeline = a;
        return true;
    }
    if (std::sscanf(line, "Reader=%f", &a) == 1) {
        if (Share(a)) sizes.reader = a;
        return true;
    }
    if (std::sscanf(line, "Columns=%f,%f", &a, &b) == 2) {
        if (Share(a) && Share(b) && a + b < 1) {
            sizes.columns[0] = a;
            sizes.columns[1] = b;
        }
        return true;
    }
    return false;
}

std::string PanelLines(const PanelSizes& sizes) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "Timeline=%.0f\nReader=%.4f\nColumns=%.4f,%.4f\n", sizes.timeline, sizes.reader,
                  sizes.columns[0], sizes.columns[1]);
    return buf;
}

}  // namespace chorus::shell
