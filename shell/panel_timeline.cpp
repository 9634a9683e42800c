// The timeline: posts of the query over time. Wheel zooms, drag pans, shift-drag (or a drag on the
// time axis) brushes a time range (which restricts every list, count and the reader), double-click
// clears the range or, without one, fits the data.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "explorer.hpp"
#include "export_csv.hpp"
#include "panel_common.hpp"
#include "panel_settings_time.hpp"
#include "time_utc.hpp"

namespace chorus::shell {
namespace {

const char* StepName(int64_t step) {
    switch (step) {
        case 1: return "per second";
        case 5: return "per 5 seconds";
        case 10: return "per 10 seconds";
        case 30: return "per 30 seconds";
        case core::kMinute: return "per minute";
        case 5 * core::kMinute: return "per 5 minutes";
        case 15 * core::kMinute: return "per 15 minutes";
        case 30 * core::kMinute: return "per 30 minutes";
        case core::kHour: return "per hour";
        case core::kDay: return "per day";
        case core::kWeek: return "per week";
        case core::kMonth: return "per month";
        case core::kYear: return "per year";
        default: return "per bin";
    }
}

// Tick spacing for the time axis: at least `min_px` apart.
int64_t TickStep(double span, float width, float min_px) {
    static constexpr int64_t kTicks[] = {core::kMinute,    5 * core::kMinute, 15 * core::kMinute, 30 * core::kMinute,
                                         core::kHour,      3 * core::kHour,   6 * core::kHour,    12 * core::kHour,
                                         core::kDay,       2 * core::kDay,    core::kWeek,        4 * core::kWeek,
                                         13 * core::kWeek, 52 * core::kWeek};
    for (int64_t t : kTicks)
        if (static_cast<double>(t) / span * width >= min_px) return t;
    return 52 * core::kWeek;
}

}  // namespace

ViewStep StepForView(int64_t span, float width, int64_t fixed) {
    ViewStep out;
    if (fixed > 0) {
        if (static_cast<double>(span) / static_cast<double>(fixed) <= kMaxBinsPerPixel * std::max(1.0f, width)) {
            out.step = fixed;
            return out;
        }
        out.set_aside = true;
    }
    if (span < 3 * core::kHour)
        out.step = std::min(core::StepForSpan(span, std::max(1.0f, width / 6)), core::kHour);
    else if (span < 3 * core::kDay)
        out.step = core::kHour;
    else if (static_cast<double>(span) / core::kMonth > width / 2)  // months thinner than 2 px: years
        out.step = core::kYear;
    else if (static_cast<double>(span) / core::kWeek > width / 2)
        out.step = core::kMonth;
    else if (static_cast<double>(span) / core::kDay > width / 2)
        out.step = core::kWeek;
    else
        out.step = core::kDay;
    return out;
}

void Explorer::UpdateBins(float width) {
    if (!IndexCurrent()) return;  // the bins drawn stay until the new dataset is prepared (rule 112)
    const int64_t fixed = FixedBinSeconds(m_settings.bin);
    if (m_bins_view_start == m_view.view_start && m_bins_view_end == m_view.view_end && m_bins_width == width &&
        m_bins_fixed == fixed)
        return;
    bool base_changed = m_bins_width == -1;  // RefreshSelection: the query's posts changed (-2: a layer did)
    const ViewStep chosen = StepForView(m_view.view_end - m_view.view_start, width, fixed);
    const int64_t step = chosen.step;
    m_bins_fixed = fixed;
    m_bins_fixed_set_aside = chosen.set_aside;
    // Bins on the zone's clock (rule 46): a 25-hour day or a repeated hour may need a bin or two more.
    const core::TimeZone& zone = m_session.time_zone();
    core::UnixSeconds start = core::ZoneFloor(m_view.view_start, core::CalendarUnit::Fixed, step, zone);
    auto count = static_cast<size_t>((m_view.view_end - start + step - 1) / step);
    if (!zone.IsUtc() || core::IsCalendarStep(step)) {  // bins of different lengths: counted edge by edge
        count = 0;
        for (core::UnixSeconds e = start; e < m_view.view_end; ++count)
            e = core::ZoneNext(e, core::CalendarUnit::Fixed, step, zone);
    }
    m_all_bins = core::Histogram(m_session.dataset(), start, step, count, zone);
    if (m_query_rows.IsAll())
        m_bins = m_all_bins;
    else  // two binary searches a bin in the query's rows in time order (rule 113), whatever their number
        m_bins = core::Histogram(m_session.dataset(), m_query_order, start, step, count, zone);
    m_bins_view_start = m_view.view_start;
    m_bins_view_end = m_view.view_end;
    m_bins_width = width;
    UpdateLayers(base_changed);
}

void Explorer::DrawTimeline() {
    const core::Summary& s = m_summary;
    const core::TimeZone& zone = m_session.time_zone();
    ImGui::Text("Posts over time (%s)", zone.Name().c_str());
    bool save_png = false;
    if (s.first != core::kNoTime) {
        ImGui::SameLine();
        if (ExportButton("Export CSV", "Export timeline CSV",
                         "Save the bins shown as a CSV file (opens in Excel). Nothing leaves this computer."))
            SaveTimelineCsv();
        ImGui::SameLine();
        save_png = ExportButton("Export PNG", "Export timeline PNG", "Save a picture of the timeline as a PNG file.");
        DrawTimelineToolbar();
    }
    if (s.first == core::kNoTime) {
        ImGui::TextDisabled("No post has a usable time.");
        return;
    }
    // The visible range; the fitted range is the data's span with a margin, at least a minute.
    double actual = static_cast<double>(s.last - s.first + 1);
    double data_span = std::max(60.0, actual * 1.04);
    double data_start = static_cast<double>(s.first) - (data_span - actual) / 2;  // the data in the middle
    double data_end = data_start + data_span;
    bool fit = m_view.view_start == 0 && m_view.view_end == 0;
    double vs = fit ? data_start : static_cast<double>(m_view.view_start);
    double ve = fit ? data_end : static_cast<double>(m_view.view_end);

    // The lane of marks (peaks, events) above the plot; drawn once the range is known.
    float lane_h = ImGui::GetTextLineHeight() + 4;
    ImVec2 lane_origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(1, lane_h));
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float height = PlotHeight(m_settings.panels, avail.y);  // the splitter below sets it (panel_layout.hpp)
    m_settings.panels.timeline_shown = height;
    float axis_h = ImGui::GetTextLineHeightWithSpacing() + 4;
    float left_w = ImGui::CalcTextSize("000000").x + 8;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size(avail.x, height);
    ImGui::InvisibleButton("Timeline", size, ImGuiButtonFlags_MouseButtonLeft);
    ImGui::SetItemUsingMouseWheel();
    ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Timeline", 0);  // a label for tests
    if (save_png) {
        // The platform reads these pixels back right after this frame is rendered.
        SaveRequest request;
        request.file_name = ExportFileName("timeline", m_view.query, "png");
        request.mime_type = "image/png";
        request.capture = true;
        request.x = origin.x;
        request.y = origin.y;
        request.w = size.x;
        request.h = size.y;
        m_saves.push_back(std::move(request));
    }
    bool hovered = ImGui::IsItemHovered();
    bool active = ImGui::IsItemActive();
    ImRect plot(ImVec2(origin.x + left_w, origin.y + 4), ImVec2(origin.x + size.x - 4, origin.y + size.y - axis_h));
    float pw = std::max(1.0f, plot.GetWidth());
    const ImGuiIO& io = ImGui::GetIO();
    auto time_at = [&](float x) { return vs + static_cast<double>(x - plot.Min.x) / pw * (ve - vs); };

    // Interaction: wheel zooms around the cursor, drag pans (shift-drag brushes), double-click fits.
    double span = ve - vs;
    if (hovered && io.MouseWheel != 0) {
        double at = time_at(io.MousePos.x);
        double factor = std::pow(1.25, -static_cast<double>(io.MouseWheel));
        double new_span = std::clamp(span * factor, 30.0, (data_end - data_start) * 8 + core::kWeek);
        vs = at - (at - vs) * new_span / span;
        ve = vs + new_span;
    }
    // A brush starts with shift held, or on the time axis below the bars (no key needed: a touch screen).
    if (ImGui::IsItemActivated() && (io.KeyShift || io.MouseClickedPos[0].y > plot.Max.y)) {
        m_brushing = true;
        m_brush_anchor = m_brush_to = static_cast<core::UnixSeconds>(std::floor(time_at(io.MousePos.x)));
    }
    if (m_brushing && active) {
        m_brush_to =
            static_cast<core::UnixSeconds>(std::floor(time_at(std::clamp(io.MousePos.x, plot.Min.x, plot.Max.x))));
    } else if (m_brushing) {
        // Released: a range of at least 3 px becomes the brush; a shift-click alone does nothing.
        m_brushing = false;
        if (std::fabs(static_cast<double>(m_brush_to - m_brush_anchor)) / (ve - vs) * pw >= 3) {
            m_view.brushed = true;
            m_view.brush_start = std::min(m_brush_anchor, m_brush_to);
            m_view.brush_end = std::max(m_brush_anchor, m_brush_to) + 1;
        }
    } else if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
        double shift = static_cast<double>(io.MouseDelta.x) / pw * (ve - vs);
        vs -= shift;
        ve -= shift;
    }
    bool moved = !fit && (vs != static_cast<double>(m_view.view_start) || ve != static_cast<double>(m_view.view_end));
    bool double_clicked = hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    if (double_clicked && m_view.brushed) {
        m_view.brushed = false;
    } else if (double_clicked) {
        vs = data_start;
        ve = data_end;
        moved = false;
        m_view.user_moved = false;
    }
    m_view.user_moved = m_view.user_moved || moved;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        auto at = static_cast<core::UnixSeconds>(std::floor(time_at(io.MousePos.x)));
        core::UnixSeconds minute = core::ZoneFloor(at, core::CalendarUnit::Fixed, core::kMinute, zone);
        m_layers.event_time_input = zone.IsUtc() ? core::FormatIsoUtc(minute) : core::FormatIsoLocal(minute, zone);
        m_layers.event_text_input.clear();
        m_layers.event_message.clear();
        m_layers.context_time = at;  // the popup offers "What drove this bin" (panel_drivers.cpp)
        ImGui::OpenPopup("Add event");
    }
    m_view.view_start = static_cast<core::UnixSeconds>(std::floor(vs));
    m_view.view_end = std::max(m_view.view_start + 30, static_cast<core::UnixSeconds>(std::ceil(ve)));
    vs = static_cast<double>(m_view.view_start);
    ve = static_cast<double>(m_view.view_end);
    span = ve - vs;
    UpdateBins(pw);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
    ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    // Chart colours chosen for a dark background, darkened on a light one (OnTheme).
    ImU32 bar = OnTheme(IM_COL32(86, 156, 214, 255));
    ImU32 bar_all = OnTheme(IM_COL32(86, 156, 214, 60));
    ImU32 bar_hot = OnTheme(IM_COL32(255, 196, 87, 255));
    dl->AddRectFilled(plot.Min, plot.Max, ImGui::GetColorU32(ImGuiCol_FrameBg));
    dl->PushClipRect(ImVec2(origin.x, origin.y), ImVec2(origin.x + size.x, origin.y + size.y), true);

    // With a query the bars are its posts, in front of every post in a faint shade, on the scale of every post.
    bool context = !m_query_rows.IsAll();
    uint64_t max_count = std::max<uint64_t>(1, context ? m_all_bins.Max() : m_bins.Max());
    auto x_of = [&](double t) { return plot.Min.x + static_cast<float>((t - vs) / span) * pw; };
    // Linear, or log(1 + count) so that a quiet day still shows beside a peak.
    const bool log_scale = m_layers.log_scale;
    const double top = log_scale ? std::log1p(static_cast<double>(max_count)) : static_cast<double>(max_count);
    auto y_of = [&](double c) {
        double v = log_scale ? std::log1p(c) : c;
        return std::max(plot.Min.y, plot.Max.y - static_cast<float>(v / top) * (plot.GetHeight() - 4));
    };
    // Horizontal grid with counts (half and full height; only whole, distinct counts).
    for (int i = max_count >= 2 ? 1 : 2; i <= 2; ++i) {
        double c = std::floor(log_scale ? std::expm1(top * i / 2) : static_cast<double>(max_count) * i / 2);
        float y = y_of(c);
        dl->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), grid);
        dl->AddText(ImVec2(origin.x, y - ImGui::GetTextLineHeight() * 0.5f), dim,
                    Thousands(static_cast<uint64_t>(std::llround(c))).c_str());
    }
    // Bars. Bins narrower than a pixel (a fixed bin zoomed out, rule 117) fold: each pixel column draws
    // the tallest of its bins, and its tooltip is that bin's; a bin alone in its column is at least a pixel.
    int hot = -1;
    auto draw_bar = [&](size_t i, float x0, float x1, uint64_t all_count) {
        // Within the plot: a month or year that starts before the view would cover the counts' labels.
        x0 = std::max(x0, plot.Min.x);
        x1 = std::min(x1, plot.Max.x);
        if (x1 <= x0) return;
        if (context && all_count > 0)
            dl->AddRectFilled(ImVec2(x0, y_of(static_cast<double>(all_count))), ImVec2(x1, plot.Max.y), bar_all);
        if (m_bins.counts[i] == 0) return;
        if (m_layers.stacked && m_layers.by_type_valid) {
            // Original, retweet, quote, reply from the bottom; each segment's top is the running sum.
            uint64_t below = 0;
            for (int t = 0; t < core::kPostTypeCount; ++t) {
                uint64_t n = m_layers.by_type[static_cast<size_t>(t)].counts[i];
                if (n == 0) continue;
                ImU32 colour = OnTheme(PostTypeColour(static_cast<core::PostType>(t)));
                if (hot == static_cast<int>(i)) colour = (colour & 0x00FFFFFF) | 0xC0000000;
                dl->AddRectFilled(ImVec2(x0, y_of(static_cast<double>(below + n))),
                                  ImVec2(x1, y_of(static_cast<double>(below))), colour);
                below += n;
            }
            return;
        }
        dl->AddRectFilled(ImVec2(x0, y_of(static_cast<double>(m_bins.counts[i]))), ImVec2(x1, plot.Max.y),
                          hot == static_cast<int>(i) ? bar_hot : bar);
    };
    auto all_count_of = [&](size_t i) { return i < m_all_bins.counts.size() ? m_all_bins.counts[i] : 0; };
    // The pixel column being folded: its tallest bin (the query's count) and its tallest in every post.
    float column = 0;
    size_t tallest = SIZE_MAX;
    uint64_t tallest_all = 0;
    auto flush_column = [&] {
        if (tallest == SIZE_MAX) return;
        if (hovered && io.MousePos.x >= column && io.MousePos.x < column + 1) hot = static_cast<int>(tallest);
        draw_bar(tallest, column, column + 1, tallest_all);
        tallest = SIZE_MAX;
        tallest_all = 0;
    };
    for (size_t i = 0; i < m_bins.counts.size(); ++i) {
        float x0 = x_of(static_cast<double>(m_bins.edges[i])), x1 = x_of(static_cast<double>(m_bins.edges[i + 1]));
        if (x1 < plot.Min.x || x0 > plot.Max.x) continue;
        if (x1 - x0 < 1) {
            const float at = std::floor(x0);
            if (tallest != SIZE_MAX && at != column) flush_column();
            column = at;
            if (tallest == SIZE_MAX || m_bins.counts[i] > m_bins.counts[tallest]) tallest = i;
            tallest_all = std::max(tallest_all, all_count_of(i));
            continue;
        }
        flush_column();
        if (hovered && io.MousePos.x >= std::max(x0, plot.Min.x) && io.MousePos.x < std::min(x1, plot.Max.x))
            hot = static_cast<int>(i);
        float gap = x1 - x0 > 4 ? 1.0f : 0.0f;
        draw_bar(i, x0, x1 - gap, all_count_of(i));
    }
    flush_column();
    // Compared series: a line through the middle of each bin; where bins fold, each pixel column's
    // lowest and highest counts, in the order of their bins.
    for (const TimelineSeries& series : m_layers.series) {
        std::vector<ImVec2> points;
        float line_column = 0;
        size_t low = SIZE_MAX, high = SIZE_MAX;
        auto flush_line = [&] {
            if (low == SIZE_MAX) return;
            const size_t first = std::min(low, high), second = std::max(low, high);
            points.emplace_back(line_column, y_of(static_cast<double>(series.bins.counts[first])));
            if (second != first)
                points.emplace_back(line_column, y_of(static_cast<double>(series.bins.counts[second])));
            low = high = SIZE_MAX;
        };
        for (size_t i = 0; i < series.bins.counts.size(); ++i) {
            const double b0 = static_cast<double>(series.bins.edges[i]);
            const double b1 = static_cast<double>(series.bins.edges[i + 1]);
            float x = x_of((b0 + b1) / 2);
            if (x < plot.Min.x - pw || x > plot.Max.x + pw) continue;
            if (x_of(b1) - x_of(b0) >= 1) {
                flush_line();
                points.emplace_back(x, y_of(static_cast<double>(series.bins.counts[i])));
                continue;
            }
            const float at = std::floor(x) + 0.5f;
            if (low != SIZE_MAX && at != line_column) flush_line();
            line_column = at;
            const uint64_t n = series.bins.counts[i];
            if (low == SIZE_MAX || n < series.bins.counts[low]) low = i;
            if (high == SIZE_MAX || n > series.bins.counts[high]) high = i;
        }
        flush_line();
        const ImU32 colour = OnTheme(series.colour);
        if (points.size() == 1) dl->AddCircleFilled(points[0], 3, colour);
        if (points.size() > 1) dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, 2);
    }
    // The brushed range (or the one being drawn) as a translucent band.
    if (m_brushing || m_view.brushed) {
        double b0 = static_cast<double>(m_brushing ? std::min(m_brush_anchor, m_brush_to) : m_view.brush_start);
        double b1 = static_cast<double>(m_brushing ? std::max(m_brush_anchor, m_brush_to) + 1 : m_view.brush_end);
        ImVec2 p0(std::max(plot.Min.x, x_of(b0)), plot.Min.y), p1(std::min(plot.Max.x, x_of(b1)), plot.Max.y);
        const ImU32 edge = OnTheme(IM_COL32(255, 220, 120, 160));
        dl->AddRectFilled(p0, p1, OnTheme(IM_COL32(255, 220, 120, 48)));
        dl->AddLine(ImVec2(p0.x, p0.y), ImVec2(p0.x, p1.y), edge);
        dl->AddLine(ImVec2(p1.x, p0.y), ImVec2(p1.x, p1.y), edge);
    }
    // Time axis.
    float label_w = ImGui::CalcTextSize("2017-10-16 00:00").x + 16;
    int64_t tick = TickStep(span, pw, label_w);
    for (core::UnixSeconds t = core::ZoneFloor(m_view.view_start, core::CalendarUnit::Fixed, tick, zone);
         static_cast<double>(t) <= ve; t = core::ZoneNext(t, core::CalendarUnit::Fixed, tick, zone)) {
        float x = x_of(static_cast<double>(t));
        std::string label = FormatAxisTime(t, tick, zone);
        if (x < plot.Min.x || x + ImGui::CalcTextSize(label.c_str()).x > plot.Max.x) continue;
        dl->AddLine(ImVec2(x, plot.Max.y), ImVec2(x, plot.Max.y + 4), grid);
        dl->AddText(ImVec2(x + 2, plot.Max.y + 4), dim, label.c_str());
    }
    dl->PopClipRect();
    ImVec2 after = ImGui::GetCursorScreenPos();
    TimelineGeometry geometry;
    geometry.vs = vs;
    geometry.ve = ve;
    geometry.x0 = plot.Min.x;
    geometry.width = pw;
    geometry.plot_top = plot.Min.y;
    geometry.plot_bottom = plot.Max.y;
    geometry.lane_top = lane_origin.y;
    geometry.lane_height = lane_h;
    DrawMarkerLane(geometry);
    ImGui::SetCursorScreenPos(after);
    DrawTimelinePopups();
    // The bin, and whether the Settings fixed it (rule 117).
    std::string bin_text = StepName(m_bins.step);
    if (m_bins_fixed_set_aside) {
        const double widest = kMaxBinsPerPixel * static_cast<double>(pw) * static_cast<double>(m_bins_fixed);
        char note[96];
        if (widest >= 2 * core::kDay)
            std::snprintf(note, sizeof note, " (%s bins up to a span of %.0f days: zoom in)",
                          BinChoiceWord(m_settings.bin), std::floor(widest / core::kDay));
        else
            std::snprintf(note, sizeof note, " (%s bins up to a span of %.0f hours: zoom in)",
                          BinChoiceWord(m_settings.bin), std::floor(widest / core::kHour));
        bin_text += note;
    } else if (m_bins_fixed != 0) {
        bin_text += " (fixed in Settings)";
    }
    ImGui::TextDisabled(
        "%s  |  wheel: zoom, drag: pan, shift-drag or drag on the axis: select a range, right-click: what drove it / "
        "add an event, double-click: %s",
        bin_text.c_str(), m_view.brushed ? "clear the range" : "fit");
    DrawSeriesLegend();

    if (hot >= 0 && !active) {
        core::UnixSeconds b0 = m_bins.edges[static_cast<size_t>(hot)], b1 = m_bins.edges[static_cast<size_t>(hot) + 1];
        ImGui::BeginTooltip();
        if (zone.IsUtc())
            ImGui::Text("%s - %s UTC", core::FormatIsoUtc(b0).c_str(), core::FormatIsoUtc(b1).c_str());
        else
            ImGui::Text("%s - %s %s", core::FormatIsoLocal(b0, zone).c_str(), core::FormatIsoLocal(b1, zone).c_str(),
                        zone.Name().c_str());
        if (context)
            ImGui::Text("%s of %s posts", Thousands(m_bins.counts[static_cast<size_t>(hot)]).c_str(),
                        Thousands(m_all_bins.counts[static_cast<size_t>(hot)]).c_str());
        else
            ImGui::Text("%s posts", Thousands(m_bins.counts[static_cast<size_t>(hot)]).c_str());
        DrawBinTooltipDetails(static_cast<size_t>(hot));
        ImGui::TextDisabled("right-click: what drove this bin");
        ImGui::EndTooltip();
    }
}

}  // namespace chorus::shell
