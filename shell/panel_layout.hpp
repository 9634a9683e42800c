// Panel sizes: the explorer's splitters (drag handles between the timeline and the lists, between the
// list columns, between the lists and the reader) and the sizes they set, kept in imgui.ini with the
// settings ("[Chorus][Settings]" lines Timeline=, Reader=, Columns=) and reset by "Reset layout".
//
//   float h = PlotHeight(settings.panels, room);            // the timeline's plot, within its limits
//   if (Splitter("Splitter timeline-lists", ImGuiAxis_Y, size, h, 1, lo, hi, &h)) ...;
//
// Sizes are kept as the user left them (the timeline in CSS pixels, the widths as shares) and drawn
// within limits that keep every panel usable in the room there is: a smaller window shrinks them.
#pragma once

#include <string>

namespace chorus::shell {

struct PanelSizes {
    static constexpr float kDefaultReader = 0.4f;
    static constexpr float kDefaultColumn = 1.0f / 3;

    float timeline = 0;             // the timeline plot's height, CSS px; 0: a third of the room (120-320 px)
    float reader = kDefaultReader;  // the reader's share of the width below the timeline
    float columns[2] = {kDefaultColumn, kDefaultColumn};  // the first two lists' shares of the lists' width
    float timeline_shown = 0;                             // the height drawn last frame (not saved)
    bool operator==(const PanelSizes&) const = default;
};

// Smallest sizes, in lines of text or ems of the current font.
inline constexpr float kMinPlotLines = 5;   // timeline plot
inline constexpr float kMinListsLines = 8;  // lists and reader, below the timeline
inline constexpr float kMinColumnEms = 6;   // each list column
inline constexpr float kMinReaderEms = 14;  // the reader

// The timeline plot's height for `room` CSS px of free height below its marks lane.
float PlotHeight(const PanelSizes& sizes, float room);
// The lists' and reader's widths for `width` CSS px (without the splitters): {list 1, list 2, list 3, reader}.
void ColumnWidths(const PanelSizes& sizes, float width, float out[4]);

// A drag handle of `size` at the cursor, known to tests as `label`. While dragged, *value becomes the
// value shown when the drag began plus the mouse's travel along `axis` times `per_pixel`, within [lo, hi];
// true when it changed (the .ini text is then marked to be saved).
bool Splitter(const char* label, int axis, float width, float height, float shown, float per_pixel, float lo, float hi,
              float* value);

// The splitter below the timeline (after its caption and legend), across the window; nothing when no
// plot was drawn this frame (sizes.timeline_shown is 0).
void TimelineSplitter(PanelSizes& sizes);
// The splitter after column `which` of the lists (0: hashtags | mentions, 1: mentions | third list,
// 2: lists | reader), `height` tall, for columns drawn `widths` wide (ColumnWidths).
void ColumnSplitter(PanelSizes& sizes, int which, const float widths[4], float height);

// imgui.ini lines (in the [Chorus][Settings] entry): reads one line, true when it was a panel size.
bool ReadPanelLine(const char* line, PanelSizes& sizes);
std::string PanelLines(const PanelSizes& sizes);

}  // namespace chorus::shell
