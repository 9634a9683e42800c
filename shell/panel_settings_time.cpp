#include "panel_settings_time.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <vector>

namespace chorus::shell {
namespace {

char AsciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when every space-separated word of `filter` occurs in `name`, ignoring ASCII case and
// treating '_' in names as a space ("new york" finds America/New_York).
bool Matches(const std::string& name, const char* filter) {
    std::string hay;
    for (char c : name)
        hay += c == '_' ? ' ' : AsciiLower(c);
    std::string word;
    for (const char* p = filter;; ++p) {
        if (*p == ' ' || *p == '\0') {
            if (!word.empty() && hay.find(word) == std::string::npos) return false;
            word.clear();
            if (*p == '\0') return true;
        } else {
            word += *p == '_' ? ' ' : AsciiLower(*p);
        }
    }
}

}  // namespace

void DrawTimeZoneSetting(Session& session) {
    static const std::vector<std::string> names = core::TimeZoneNames();
    static char filter[64] = "";
    const std::string current = session.time_zone().Name();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    const ImGuiID combo_id = ImGui::GetID("Time zone");
    const bool open = ImGui::BeginCombo("Time zone", current.c_str(), ImGuiComboFlags_HeightLarge);
    ImGuiTestEngineHook_ItemInfo(GImGui, combo_id, "Time zone", 0);  // BeginCombo gives tests no label in 1.86
    if (open) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##tz_filter", "filter: paris, new york...", filter, sizeof filter);
        std::vector<const std::string*> shown;
        for (const std::string& name : names)
            if (Matches(name, filter)) shown.push_back(&name);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const std::string& name = *shown[static_cast<size_t>(i)];
                if (ImGui::Selectable(name.c_str(), name == current)) {
                    session.SetTimeZone(name);
                    filter[0] = '\0';
                }
            }
        }
        if (shown.empty()) ImGui::TextDisabled("no zone matches");
        ImGui::EndCombo();
    }
    if (!session.time_zone_error().empty()) ImGui::TextWrapped("%s", session.time_zone_error().c_str());
}

std::string FormatAxisTime(int64_t t, int64_t step, const core::TimeZone& zone) {
    const core::LocalTime l = zone.Local(t);
    char buf[48];
    if (step >= 86400) {
        std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(l.year), l.month, l.day);
    } else if (step >= 60) {
        std::snprintf(buf, sizeof buf, "%02u-%02u %02d:%02d", l.month, l.day, l.hour, l.minute);
    } else {
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", l.hour, l.minute, l.second);
    }
    std::string out = buf;
    if (step < 86400 && zone.OffsetAt(t - step) != l.offset)
        out.append(" ").append(core::FormatOffset(l.offset));  // not " " + ...: GCC 12 -O3 warns (-Wrestrict)
    return out;
}

}  // namespace chorus::shell
