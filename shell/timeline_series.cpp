// The timeline's toolbar and what it computes: bars by post type, peaks at the bin shown, and
// compared series (each query's posts within the query bar's selection, in the bars' bins).
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "explorer.hpp"
#include "panel_common.hpp"
#include "time_utc.hpp"

namespace chorus::shell {
namespace {

// The query's rows of each post type, unless made since the query's rows last changed.
void EnsureTypeRows(TimelineLayers& layers, const core::Selection& query_rows, core::QueryIndex& index) {
    if (layers.type_rows[0].Rows() == query_rows.Rows() && query_rows.Rows() > 0) return;
    for (int t = 0; t < core::kPostTypeCount; ++t) {
        layers.type_rows[static_cast<size_t>(t)] = query_rows;
        layers.type_rows[static_cast<size_t>(t)].And(index.RowsOfType(static_cast<core::PostType>(t)));
        layers.type_cache[static_cast<size_t>(t)].Invalidate();
    }
}

}  // namespace

uint32_t SeriesColour(size_t i) {
    // Bright hues, apart from the muted colours of the stacked types.
    static constexpr uint32_t kColours[kMaxSeries] = {IM_COL32(255, 90, 60, 255),   IM_COL32(255, 230, 0, 255),
                                                      IM_COL32(0, 220, 235, 255),   IM_COL32(235, 70, 210, 255),
                                                      IM_COL32(170, 245, 60, 255),  IM_COL32(255, 160, 0, 255),
                                                      IM_COL32(245, 245, 245, 255), IM_COL32(130, 110, 255, 255)};
    return kColours[i % kMaxSeries];
}

uint32_t PostTypeColour(core::PostType type) {
    switch (type) {
        case core::PostType::Original: return IM_COL32(86, 156, 214, 255);
        case core::PostType::Retweet: return IM_COL32(120, 190, 120, 255);
        case core::PostType::Quote: return IM_COL32(220, 160, 80, 255);
        case core::PostType::Reply: return IM_COL32(190, 120, 200, 255);
    }
    return IM_COL32(200, 200, 200, 255);
}

uint32_t OnTheme(uint32_t colour) {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    if (0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f) return colour;  // a dark theme
    auto darker = [&](int shift) { return ((colour >> shift & 0xFFu) * 55u / 100u) << shift; };
    return (colour & 0xFF000000u) | darker(IM_COL32_R_SHIFT) | darker(IM_COL32_G_SHIFT) | darker(IM_COL32_B_SHIFT);
}

core::TimeBin PeakBinForStep(int64_t step) {
    if (step < core::kHour) return core::TimeBin::Minute;
    if (step < core::kDay) return core::TimeBin::Hour;
    if (step < core::kWeek) return core::TimeBin::Day;
    if (step < core::kMonth) return core::TimeBin::Week;
    return step < core::kYear ? core::TimeBin::Month : core::TimeBin::Year;
}

bool Explorer::AddSeries(const std::string& query, std::string& message) {
    std::string text = query;
    text.erase(0, text.find_first_not_of(' '));
    text.erase(text.find_last_not_of(' ') + 1);
    if (text.empty()) {
        message = "Type a query to compare, e.g. #metoo";
        return false;
    }
    if (m_layers.series.size() >= kMaxSeries) {
        message = "At most " + std::to_string(kMaxSeries) + " series: remove one from the legend first";
        return false;
    }
    for (const TimelineSeries& s : m_layers.series) {
        if (s.query == text) {
            message = "\"" + text + "\" is already compared";
            return false;
        }
    }
    core::ParsedQuery parsed = core::ParseQuery(text, m_session.query_options());
    if (!parsed.ok()) {
        message = "\"" + text + "\": " + parsed.error->message + " (at " + std::to_string(parsed.error->position) + ")";
        return false;
    }
    // The colour of the first free slot, so a removed series' colour comes back first.
    size_t slot = 0;
    for (; slot < kMaxSeries; ++slot) {
        bool used = false;
        for (const TimelineSeries& s : m_layers.series)
            used = used || s.colour == SeriesColour(slot);
        if (!used) break;
    }
    TimelineSeries series;
    series.query = text;
    series.parsed = std::move(parsed.query);
    series.colour = SeriesColour(slot);
    m_layers.series.push_back(std::move(series));
    if (m_bins_width >= 0) m_bins_width = -2;  // new bins for the new line (-1: the base changed too)
    message.clear();
    return true;
}

void Explorer::RemoveSeries(size_t i) {
    if (i < m_layers.series.size()) m_layers.series.erase(m_layers.series.begin() + static_cast<std::ptrdiff_t>(i));
}

void Explorer::UpdateLayers(bool base_changed) {
    const core::Dataset& ds = m_session.dataset();
    TimelineLayers& layers = m_layers;
    const size_t n = m_bins.counts.size();

    core::TimeBin bin = PeakBinForStep(m_bins.step);
    if (base_changed || !layers.peaks_valid || bin != layers.peak_bin ||
        layers.peaks.options.zone.Name() != m_session.time_zone().Name()) {
        core::PeakOptions options;
        options.bin = bin;
        options.zone = m_session.time_zone();  // the timeline's local bins (a new zone is a base change)
        // Over the query's rows in time order; a peak's drivers are found when its popup opens (rule 113).
        layers.peaks = core::FindPeaks(ds, m_query_order, m_query_rows.Count(), options, false);
        layers.peak_drivers.assign(layers.peaks.peaks.size(), false);
        layers.peak_bin = bin;
        layers.peaks_valid = true;
        layers.open_peak = -1;
    }
    // The query's rows of each type are made when first drawn (stacked, a bin's tooltip): at 10 million posts
    // they cost hundreds of milliseconds, more than a frame that only changes the query should take.
    if (base_changed) layers.type_rows[0] = core::Selection();
    layers.by_type_valid = false;
    layers.tooltip_bin = SIZE_MAX;
    if (layers.stacked) {
        EnsureTypeRows(layers, m_query_rows, *m_index);
        for (size_t t = 0; t < layers.by_type.size(); ++t)
            layers.type_cache[t].Fill(ds, layers.type_rows[t], m_bins.start, m_bins.step, n, m_session.time_zone(),
                                      layers.by_type[t]);
        layers.by_type_valid = true;
    }
    for (TimelineSeries& s : layers.series) {
        bool fresh = s.own_generation != m_generation;
        if (fresh) {
            // Re-read on each generation: a new zone (a change) moves its since:/until: dates (rule 47).
            core::ParsedQuery reparsed = core::ParseQuery(s.query, m_session.query_options());
            if (reparsed.ok()) s.parsed = std::move(reparsed.query);
            s.own = m_index->Select(s.parsed);
            s.own_generation = m_generation;
        }
        if (fresh || base_changed || s.rows.Rows() != m_query_rows.Rows()) {
            s.rows = s.own;
            s.rows.And(m_query_rows);
            s.cache.Invalidate();
            s.total = 0;
            s.rows.ForEach([&](core::RowId row) {
                if (ds.TimeOf(row) != core::kNoTime) ++s.total;
            });
        }
        s.cache.Fill(ds, s.rows, m_bins.start, m_bins.step, n, m_session.time_zone(), s.bins);
    }
}

void Explorer::DrawTimelineToolbar() {
    ImGui::SameLine();
    bool stacked = m_layers.stacked;
    if (ImGui::Checkbox("Stacked by type", &m_layers.stacked) && m_layers.stacked != stacked && m_bins_width >= 0)
        m_bins_width = -2;
    ImGui::SameLine();
    ImGui::Checkbox("Log scale", &m_layers.log_scale);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s", m_layers.series_input.c_str());
    bool enter = ImGui::InputTextWithHint("##compare", "#tag or query", buffer, sizeof buffer,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Compare query", 0);
    m_layers.series_input = buffer;
    ImGui::SameLine();
    if (ImGui::SmallButton("Compare") || enter) {
        if (AddSeries(m_layers.series_input, m_layers.series_message)) m_layers.series_input.clear();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Draw the posts of this query (within the query bar's) as a line; up to %zu", kMaxSeries);
    ImGui::SameLine();
    if (ImGui::SmallButton("Add event")) {
        double mid = (static_cast<double>(m_view.view_start) + static_cast<double>(m_view.view_end)) / 2;
        const core::TimeZone& zone = m_session.time_zone();
        core::UnixSeconds minute =
            core::ZoneFloor(static_cast<core::UnixSeconds>(mid), core::CalendarUnit::Fixed, core::kMinute, zone);
        m_layers.event_time_input = zone.IsUtc() ? core::FormatIsoUtc(minute) : core::FormatIsoLocal(minute, zone);
        m_layers.event_text_input.clear();
        m_layers.event_message.clear();
        m_layers.context_time = core::kNoTime;  // no bar: no "What drove this bin"
        ImGui::OpenPopup("Add event");
    }
    if (!m_layers.peaks.peaks.empty()) {
        ImGui::SameLine();
        std::string peaks = "Peaks (" + std::to_string(m_layers.peaks.peaks.size()) + ")";
        if (ImGui::SmallButton(peaks.c_str())) ImGui::OpenPopup("Peak list");
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Peak list", 0);
    }
    if (!m_layers.series_message.empty()) {
        ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.4f, 1.0f), "%s", m_layers.series_message.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("OK##series message")) m_layers.series_message.clear();
    }
}

void Explorer::DrawBinTooltipDetails(size_t bin) {
    TimelineLayers& layers = m_layers;
    if (bin + 1 >= m_bins.edges.size()) return;
    std::array<uint64_t, core::kPostTypeCount> types{};
    if (layers.by_type_valid) {  // stacked: the bars' own counts
        for (size_t t = 0; t < types.size(); ++t)
            types[t] = bin < layers.by_type[t].counts.size() ? layers.by_type[t].counts[bin] : 0;
    } else {
        // The bin's rows in time order, as for its bar: a pass over one bin's posts, not over the query's (at
        // 10 million posts that was 15-47 ms in the frame after each pan, zoom or query, mouse on the plot).
        if (layers.tooltip_bin != bin)
            layers.tooltip_types =
                core::CountTypesBetween(m_session.dataset(), m_query_order, m_bins.edges[bin], m_bins.edges[bin + 1]);
        layers.tooltip_bin = bin;
        types = layers.tooltip_types;
    }
    for (int t = 0; t < core::kPostTypeCount; ++t) {
        static constexpr const char* kPlural[core::kPostTypeCount] = {"originals", "retweets", "quotes", "replies"};
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(OnTheme(PostTypeColour(static_cast<core::PostType>(t)))),
                           "  %s: %s", kPlural[t], Thousands(types[static_cast<size_t>(t)]).c_str());
    }
    for (const TimelineSeries& s : layers.series) {
        if (bin >= s.bins.counts.size()) continue;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(OnTheme(s.colour)), "%s: %s", s.query.c_str(),
                           Thousands(s.bins.counts[bin]).c_str());
    }
}

void Explorer::DrawSeriesLegend() {
    if (m_layers.series.empty()) return;
    ImGui::TextDisabled("Compared:");
    for (size_t i = 0; i < m_layers.series.size(); ++i) {
        const TimelineSeries& s = m_layers.series[i];
        ImGui::SameLine();
        ImVec2 p = ImGui::GetCursorScreenPos();
        float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.25f), ImVec2(p.x + h, p.y + h * 0.75f),
                                                  OnTheme(s.colour));
        ImGui::Dummy(ImVec2(h, h));
        ImGui::SameLine(0, 4);
        std::string label = s.query + "  " + Thousands(s.total) + " posts";
        ImGui::TextUnformatted(label.c_str());
        // Text has no id: a label for tests through a zero-size button-less item would not exist, so
        // the remove button carries the series' numbers too.
        ImGui::SameLine(0, 4);
        std::string remove = "x##" + label;
        if (ImGui::SmallButton(remove.c_str())) {
            RemoveSeries(i);
            break;
        }
        std::string test_label = "Series " + label;
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), test_label.c_str(), 0);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s from the chart", s.query.c_str());
    }
}

}  // namespace chorus::shell
