// What drove a bin: the popup of any bar's drivers (right-click on the plot, "What drove this bin"; rule
// 105), and the drivers' rows it shares with the peak markers' popup (timeline_marks.cpp).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "explorer.hpp"
#include "panel_common.hpp"
#include "time_utc.hpp"

namespace chorus::shell {
namespace {

// "1 hour", "15 minutes", "1 day", "7 days", "30 seconds".
std::string BinWidth(int64_t step) {
    if (step == core::kMonth) return "1 month";
    if (step == core::kYear) return "1 year";
    struct Unit {
        int64_t seconds;
        const char* name;
    };
    static constexpr Unit kUnits[] = {
        {core::kDay, "day"}, {core::kHour, "hour"}, {core::kMinute, "minute"}, {1, "second"}};
    for (const Unit& u : kUnits) {
        if (step % u.seconds != 0) continue;
        const int64_t n = step / u.seconds;
        return std::to_string(n) + " " + u.name + (n == 1 ? "" : "s");
    }
    return std::to_string(step) + " seconds";
}

}  // namespace

void Explorer::OpenBinDrivers(core::UnixSeconds at) {
    core::BinDriversOptions options;
    options.step = m_bins.step;            // the bars' bins ...
    options.zone = m_session.time_zone();  // ... on the zone's clock (rule 46)
    // The query bar's posts, as the bars and the peaks count them (the brush does not narrow them).
    m_layers.bin_drivers = core::FindBinDrivers(m_session.dataset(), m_query_rows, at, options);
    ImGui::OpenPopup("Bin drivers");
}

bool Explorer::DrawDriverLists(const std::vector<core::PeakDriver>& hashtags,
                               const std::vector<core::PeakDriver>& authors,
                               const std::vector<core::PeakDriver>& domains) {
    struct Field {
        const char* title;
        const std::vector<core::PeakDriver>* drivers;
        const char* prefix;
    };
    const Field fields[] = {
        {"Hashtags", &hashtags, "#"}, {"Authors", &authors, "from:"}, {"Domains", &domains, "domain:"}};
    bool clicked = false;
    for (const Field& f : fields) {
        ImGui::Separator();
        ImGui::TextUnformatted(f.title);
        if (f.drivers->empty()) ImGui::TextDisabled("  nothing rose");
        for (const core::PeakDriver& d : *f.drivers) {
            std::string term = f.prefix + d.text;
            char row[96];
            std::snprintf(row, sizeof row, "%5.1f%% (was %.1f%%)  %s posts", d.share * 100, d.window_share * 100,
                          Thousands(d.count).c_str());
            std::string label = term + "##driver";
            if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(ImGui::GetFontSize() * 14, 0))) {
                AppendTerm(term, false);
                clicked = true;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("click: add %s to the query", term.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%s", row);
        }
    }
    return clicked;
}

void Explorer::DrawBinDrivers() {
    if (!ImGui::BeginPopup("Bin drivers")) return;
    const core::BinDrivers& d = m_layers.bin_drivers;
    const core::TimeZone& zone = d.options.zone;
    const std::string width = BinWidth(d.options.step);
    ImGui::Text("What drove %s - %s %s (bins of %s)", core::FormatIsoLocal(d.start, zone).c_str(),
                core::FormatIsoLocal(d.end, zone).c_str(), zone.Name().c_str(), width.c_str());
    // What it was compared with, as it was (rule 111): fewer bins near the data's ends, or the bins after it.
    const std::string posts = Thousands(d.count), against = core::BaselineText(d);
    std::string& said = m_layers.bin_drivers_said;
    switch (d.baseline) {
        case core::Baseline::Before:
            said = posts + " posts; " + against + " held " + Thousands(d.baseline_posts) + " posts";
            break;
        case core::Baseline::After:
            said = posts + " posts; no post before it: measured against " + against + " (" +
                   Thousands(d.baseline_posts) + " posts)";
            break;
        case core::Baseline::None:
            said = posts + " posts; no other post in the " + std::to_string(d.options.window) +
                   " bins before or after it: every value is new";
            break;
    }
    ImGui::TextDisabled("%s", said.c_str());
    if (ImGui::Button("Brush this bin")) {
        m_view.brushed = true;
        m_view.brush_start = d.start;
        m_view.brush_end = d.end;
        ImGui::CloseCurrentPopup();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show only this bin's posts in the lists and the reader");
    if (d.count == 0) {
        ImGui::TextDisabled("No post of the selection in this bin.");
    } else {
        ImGui::TextDisabled("What rose (share of the bin's posts, and of the baseline's):");
        if (DrawDriverLists(d.hashtags, d.authors, d.domains)) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace chorus::shell
