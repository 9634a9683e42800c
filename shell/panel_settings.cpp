// The settings window and its .ini entry.
#include "panel_settings.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "panel_settings_time.hpp"
#include "session.hpp"
#include "timeline.hpp"

namespace chorus::shell {
namespace {

constexpr const char* kTypeName = "Chorus";
constexpr const char* kWindow = "Settings###settings-window";

Settings& Of(ImGuiSettingsHandler* handler) {
    return *static_cast<Settings*>(handler->UserData);
}

void* ReadOpen(ImGuiContext*, ImGuiSettingsHandler* handler, const char* name) {
    return std::strcmp(name, "Settings") == 0 ? &Of(handler) : nullptr;
}

void ReadLine(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
    auto& settings = *static_cast<Settings*>(entry);
    char theme[16] = {};
    char bin[16] = {};
    char zone[64] = {};
    int size = 0;
    if (ReadPanelLine(line, settings.panels)) {
        // a panel size (panel_layout.cpp)
    } else if (std::sscanf(line, "TimeZone=%63s", zone) == 1) {
        settings.time_zone = zone;  // applied by the explorer (Session::SetTimeZone): an unknown name stays UTC
    } else if (std::sscanf(line, "Theme=%15s", theme) == 1) {
        if (std::strcmp(theme, "light") == 0) settings.theme = Theme::Light;
        if (std::strcmp(theme, "dark") == 0) settings.theme = Theme::Dark;
    } else if (std::sscanf(line, "Bin=%15s", bin) == 1) {
        for (BinChoice choice : kBinChoices)  // an unknown word changes nothing
            if (std::strcmp(bin, BinChoiceWord(choice)) == 0) settings.bin = choice;
    } else if (std::sscanf(line, "FontSize=%d", &size) == 1) {
        settings.font_size = std::clamp(size, Settings::kMinFontSize, Settings::kMaxFontSize);
    }
}

void ApplyAll(ImGuiContext*, ImGuiSettingsHandler* handler) {
    ApplyTheme(Of(handler).theme);
}

void WriteAll(ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* out) {
    const Settings& settings = Of(handler);
    out->appendf("[%s][Settings]\n", kTypeName);
    out->appendf("Theme=%s\n", settings.theme == Theme::Light ? "light" : "dark");
    out->appendf("FontSize=%d\n", settings.font_size);
    out->appendf("TimeZone=%s\n", settings.time_zone.c_str());
    out->appendf("Bin=%s\n", BinChoiceWord(settings.bin));
    out->append(PanelLines(settings.panels).c_str());
    out->append("\n");
}

}  // namespace

namespace {

// Each bin choice: its seconds (0: automatic), its word in the .ini text, its label in the window.
struct BinChoiceInfo {
    BinChoice choice;
    int64_t seconds;
    const char* word;
    const char* label;
};
constexpr BinChoiceInfo kBinInfo[] = {
    {BinChoice::Automatic, 0, "auto", "Automatic"}, {BinChoice::Minute, core::kMinute, "minute", "Minute"},
    {BinChoice::Hour, core::kHour, "hour", "Hour"}, {BinChoice::Day, core::kDay, "day", "Day"},
    {BinChoice::Week, core::kWeek, "week", "Week"}, {BinChoice::Month, core::kMonth, "month", "Month"},
    {BinChoice::Year, core::kYear, "year", "Year"}};

const BinChoiceInfo& InfoOf(BinChoice bin) {
    for (const BinChoiceInfo& info : kBinInfo)
        if (info.choice == bin) return info;
    return kBinInfo[0];
}

}  // namespace

int64_t FixedBinSeconds(BinChoice bin) {
    return InfoOf(bin).seconds;
}

const char* BinChoiceWord(BinChoice bin) {
    return InfoOf(bin).word;
}

const char* BinChoiceLabel(BinChoice bin) {
    return InfoOf(bin).label;
}

void InstallSettingsHandler(Settings& settings) {
    ImGuiSettingsHandler handler;
    handler.TypeName = kTypeName;
    handler.TypeHash = ImHashStr(kTypeName);
    handler.ReadOpenFn = ReadOpen;
    handler.ReadLineFn = ReadLine;
    handler.ApplyAllFn = ApplyAll;
    handler.WriteAllFn = WriteAll;
    handler.UserData = &settings;
    ImGui::GetCurrentContext()->SettingsHandlers.push_back(handler);
    ApplyTheme(settings.theme);  // the theme's colours from the first frame, with no layout saved too
}

void ApplyTheme(Theme theme) {
    if (theme == Theme::Light)
        ImGui::StyleColorsLight();
    else
        ImGui::StyleColorsDark();
    // Popups and tooltips opaque: the lists under the drivers popup showed through between its rows.
    ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w = 1.0f;
}

bool DrawSettingsWindow(Settings& settings, Session* session) {
    if (!settings.open) return false;
    bool reset = false;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.3f),
        ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
    if (ImGui::Begin(kWindow, &settings.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Theme");
        ImGui::SameLine();
        int theme = settings.theme == Theme::Light ? 1 : 0;
        bool changed = ImGui::RadioButton("Dark", &theme, 0);
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Dark", 0);  // radio buttons tell no test engine
        ImGui::SameLine();
        changed |= ImGui::RadioButton("Light", &theme, 1);
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Light", 0);
        if (changed) {
            settings.theme = theme == 1 ? Theme::Light : Theme::Dark;
            ApplyTheme(settings.theme);
            ImGui::MarkIniSettingsDirty();
        }

        ImGui::TextUnformatted("Font size");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        // Applied when the slider is let go: each size rebuilds the font atlas.
        if (settings.font_size_draft == 0) settings.font_size_draft = settings.font_size;
        ImGui::SliderInt("##font-size", &settings.font_size_draft, Settings::kMinFontSize, Settings::kMaxFontSize,
                         "%d px");
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Font size", 0);
        if (!ImGui::IsItemActive() && settings.font_size_draft != settings.font_size) {
            settings.font_size = std::clamp(settings.font_size_draft, Settings::kMinFontSize, Settings::kMaxFontSize);
            ImGui::MarkIniSettingsDirty();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("-") && settings.font_size > Settings::kMinFontSize) {
            settings.font_size_draft = --settings.font_size;
            ImGui::MarkIniSettingsDirty();
        }
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Smaller text", 0);
        ImGui::SameLine();
        if (ImGui::SmallButton("+") && settings.font_size < Settings::kMaxFontSize) {
            settings.font_size_draft = ++settings.font_size;
            ImGui::MarkIniSettingsDirty();
        }
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Larger text", 0);

        // The timeline's bin (rule 117): radio buttons, each known to tests as "Bin: <label>".
        ImGui::TextUnformatted("Bin");
        for (BinChoice choice : kBinChoices) {
            ImGui::SameLine();
            const std::string label = std::string("Bin: ") + BinChoiceLabel(choice);
            const std::string id = std::string(BinChoiceLabel(choice)) + "##bin";
            if (ImGui::RadioButton(id.c_str(), settings.bin == choice) && settings.bin != choice) {
                settings.bin = choice;
                ImGui::MarkIniSettingsDirty();
            }
            ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), label.c_str(), 0);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(choice == BinChoice::Automatic
                                      ? "The bin follows the zoom, from years down to seconds."
                                      : "Fixed while the view holds at most 4 bins a pixel; zoomed out further, "
                                        "the timeline says so and bins automatically.");
        }

        if (session != nullptr) DrawTimeZoneSetting(*session);  // the explorer keeps settings.time_zone in step

        ImGui::Separator();
        if (ImGui::Button("Reset layout")) {
            const bool open = settings.open;
            settings = Settings{};
            settings.open = open;
            ApplyTheme(settings.theme);
            reset = true;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Theme, font size, bin and panel sizes back to their defaults; the saved layout is forgotten.");
        ImGui::TextDisabled("Kept in this browser (localStorage), never sent anywhere.");
    }
    ImGui::End();
    return reset;
}

}  // namespace chorus::shell
