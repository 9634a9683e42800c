// What the timeline draws over its bars: peaks with what drove them, bars stacked by post type,
// compared series (queries drawn as lines), and the user's event labels.
//
// The Explorer owns one TimelineLayers; the timeline panel (panel_timeline.cpp) and its helpers
// (timeline_*.cpp) write the user's intent into it and read results the Explorer computed:
//   explorer.AddSeries("#timesup", message);      // false + message: refused (the 9th, a syntax error)
//   explorer.Timeline().series[0].bins.counts      // posts of (the query AND #timesup) per bin shown
//   explorer.Timeline().peaks.peaks[0].count        // core::FindPeaks of the query at the bin shown
//   (a peak's drivers, .hashtags ..., are filled when its popup first opens: peak_drivers, rule 113)
//
// Rules (core/COUNTING.md, "Timeline", rules 60-64): a series counts the posts of the query bar's
// selection AND the series query, without the brushed range; peaks are those of the query bar's
// selection at the timeline's bin.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "aggregate.hpp"
#include "bin_drivers.hpp"
#include "peaks.hpp"
#include "query.hpp"
#include "selection.hpp"
#include "series_cache.hpp"
#include "timeline.hpp"

namespace chorus::shell {

inline constexpr size_t kMaxSeries = 8;

// A compared series: one query drawn as a line.
struct TimelineSeries {
    std::string query;    // as typed, e.g. "#timesup"
    core::Query parsed;   // valid: a series is only added when its query parses
    uint32_t colour = 0;  // IM_COL32
    core::Selection own;  // the series query alone (per dataset generation)
    uint64_t own_generation = UINT64_MAX;
    core::Selection rows;  // the query bar's selection AND the series query
    core::TimeBins bins;   // rows per bin shown (the same bins as the bars)
    BinCache cache;        // rows' bins around the view: a pan reads them (series_cache.hpp)
    uint64_t total = 0;    // rows with a time: what the legend shows
};

// A label the user put on a date ("Milano's post"), kept in imgui.ini ([ChorusEvents][Events]).
struct TimelineEvent {
    core::UnixSeconds time = 0;  // UTC seconds
    std::string text;
};

struct TimelineLayers {
    // Toggles.
    bool stacked = false;    // bars split by post type (original, retweet, quote, reply)
    bool log_scale = false;  // y = log(1 + count)

    // Bars by type, the same bins as the bars (filled when stacked, or for the hovered tooltip).
    std::array<core::TimeBins, core::kPostTypeCount> by_type;
    bool by_type_valid = false;
    std::array<core::Selection, core::kPostTypeCount>
        type_rows;                                          // query bar's selection AND type, made when first drawn
    std::array<BinCache, core::kPostTypeCount> type_cache;  // type_rows' bins around the view
    // Unstacked, the hovered bin's posts of each type, counted from its rows in time order when it is first
    // hovered (tooltip_bin: that bin; SIZE_MAX: none since the bins last changed).
    size_t tooltip_bin = SIZE_MAX;
    std::array<uint64_t, core::kPostTypeCount> tooltip_types{};

    // Peaks of the query bar's selection at `peak_bin` (recomputed when either changes).
    core::PeakReport peaks;
    core::TimeBin peak_bin = core::TimeBin::Day;
    bool peaks_valid = false;
    int open_peak = -1;  // the peak whose drivers are shown, index in peaks.peaks
    // Per peak: its drivers are filled (found when its popup first opens, not for every peak on each change).
    std::vector<bool> peak_drivers;

    // What drove any bin (rule 105): the time right-clicked on the plot (kNoTime: the popup came from the
    // toolbar), and the drivers of its bin, counted when "What drove this bin" is clicked (panel_drivers.cpp).
    core::UnixSeconds context_time = core::kNoTime;
    core::BinDrivers bin_drivers;
    std::string bin_drivers_said;  // the popup's line on what the bin was compared with (rule 111)

    std::vector<TimelineSeries> series;
    std::string series_input;    // the toolbar's field
    std::string series_message;  // why the last series was refused, shown under the toolbar

    std::vector<TimelineEvent> events;  // in time order
    // The "Add event" popup being filled.
    std::string event_time_input, event_text_input, event_message;
    int open_event = -1;  // the event whose popup (remove) is open
};

// Where the timeline is on screen this frame: the visible range [vs, ve) over the plot's x.
struct TimelineGeometry {
    double vs = 0, ve = 1;
    float x0 = 0, width = 1;  // plot left and width
    float plot_top = 0, plot_bottom = 0;
    float lane_top = 0, lane_height = 0;  // the marker lane above the plot
    float X(double t) const { return x0 + static_cast<float>((t - vs) / (ve - vs)) * width; }
    double TimeAt(float x) const { return vs + static_cast<double>(x - x0) / width * (ve - vs); }
};

// Colour of the i-th series (8 distinguishable hues) and of each post type in stacked bars.
uint32_t SeriesColour(size_t i);
uint32_t PostTypeColour(core::PostType type);
// A chart colour (the ones above, chosen for a dark background) as drawn on the current ImGui
// style's background: unchanged on a dark one, darkened (x 0.55, alpha kept) on a light one, so
// yellow or white lines stay readable under the Light theme.
uint32_t OnTheme(uint32_t colour);

// The timeline's bin for a view `span` seconds wide drawn over `width` pixels (COUNTING.md rules 10
// and 117). Automatic (`fixed` 0): per day, per hour under 3 days, finer under 3 hours, per week when
// days would be thinner than 2 px, per month when weeks would, per year when months would. A fixed
// bin (seconds) holds while the view has at most kMaxBinsPerPixel of them a pixel; beyond that the
// automatic bin is used and `set_aside` is true.
inline constexpr double kMaxBinsPerPixel = 4;
struct ViewStep {
    int64_t step = core::kDay;
    bool set_aside = false;
};
ViewStep StepForView(int64_t span, float width, int64_t fixed = 0);

// The peak bin for a timeline step (seconds): minute under an hour, hour under a day, day under
// a week, week under a month, then month or year.
core::TimeBin PeakBinForStep(int64_t step);

}  // namespace chorus::shell
