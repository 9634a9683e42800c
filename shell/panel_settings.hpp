// Settings: the explorer's appearance (theme, font size, the timeline's bin), kept with ImGui's layout in its .ini text
// (a "[Chorus][Settings]" entry) so that a platform which saves that text (the browser: localStorage)
// brings them back on the next visit.
//
//   Settings settings;
//   InstallSettingsHandler(settings);   // after ImGui::CreateContext(), before LoadIniSettingsFromMemory()
//   ApplyTheme(settings.theme);
//   if (DrawSettingsWindow(settings, &session)) ...;   // inside a frame; true when "Reset layout" was pressed
#pragma once

#include <cstdint>
#include <string>

#include "panel_layout.hpp"

namespace chorus::shell {

enum class Theme : uint8_t { Dark, Light };

// The timeline's bin: following the zoom (COUNTING.md rule 10), or fixed (rule 117).
enum class BinChoice : uint8_t { Automatic, Minute, Hour, Day, Week, Month, Year };
inline constexpr BinChoice kBinChoices[] = {BinChoice::Automatic, BinChoice::Minute, BinChoice::Hour, BinChoice::Day,
                                            BinChoice::Week,      BinChoice::Month,  BinChoice::Year};
// Seconds of a fixed bin; 0 for Automatic.
int64_t FixedBinSeconds(BinChoice bin);
// "auto", "minute", "hour", "day", "week", "month", "year": the .ini word; BinChoiceLabel: "Automatic", "Minute", ...
const char* BinChoiceWord(BinChoice bin);
const char* BinChoiceLabel(BinChoice bin);

struct Settings {
    static constexpr int kMinFontSize = 11;  // CSS pixels
    static constexpr int kMaxFontSize = 24;
    static constexpr int kDefaultFontSize = 16;

    Theme theme = Theme::Dark;
    int font_size = kDefaultFontSize;      // the text's size; the platform rebuilds its font atlas for it
    bool open = false;                     // the settings window is shown (not saved)
    int font_size_draft = 0;               // the slider's value while it is dragged (0: none yet)
    std::string time_zone = "UTC";         // IANA name of the zone of the timeline and the reader (rule 45)
    BinChoice bin = BinChoice::Automatic;  // the timeline's bin (rule 117)
    PanelSizes panels;                     // set by the splitters (panel_layout.hpp)
};

class Session;

// Registers the "[Chorus][Settings]" entry in the current ImGui context; `settings` must outlive the context.
// Reading an .ini text applies its theme (ApplyTheme).
void InstallSettingsHandler(Settings& settings);
// ImGui's colours for the theme.
void ApplyTheme(Theme theme);
// The settings window, when settings.open. True once when the user pressed "Reset layout": the
// settings are then back to their defaults and the platform should forget the saved layout.
// With a session, the window also picks the time zone (DrawTimeZoneSetting), kept in settings.time_zone.
bool DrawSettingsWindow(Settings& settings, Session* session = nullptr);

}  // namespace chorus::shell
