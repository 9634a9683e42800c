// The summary strip: the selection's headline numbers ("N of M posts" once a filter is on).
#include <imgui.h>

#include "explorer.hpp"
#include "panel_common.hpp"
#include "time_utc.hpp"
#include "time_zone.hpp"

namespace chorus::shell {

void Explorer::DrawSummary() {
    const core::Summary& s = m_stats;
    auto cell = [](const char* label, const std::string& value) {
        ImGui::BeginGroup();
        ImGui::TextDisabled("%s", label);
        ImGui::TextUnformatted(value.c_str());
        ImGui::EndGroup();
        ImGui::SameLine(0, 28);
    };
    bool filtered = !m_selected.IsAll() || m_selected.Rows() != m_summary.posts;
    cell("Posts", filtered ? Thousands(s.posts) + " of " + Thousands(m_summary.posts) + " posts"
                           : Thousands(m_summary.posts) + " posts");
    cell("Authors", Thousands(s.authors));
    // Times on the clock of the session's zone (the timeline's), the label naming it: "First (Europe/Paris)".
    const core::TimeZone& zone = m_session.time_zone();
    const std::string in_zone = " (" + zone.Name() + ")";
    cell(("First" + in_zone).c_str(), s.first == core::kNoTime ? "-" : core::FormatIsoLocal(s.first, zone));
    cell(("Last" + in_zone).c_str(), s.last == core::kNoTime ? "-" : core::FormatIsoLocal(s.last, zone));
    cell("Originals", Thousands(s.types[static_cast<size_t>(core::PostType::Original)]));
    cell("Retweets", Thousands(s.types[static_cast<size_t>(core::PostType::Retweet)]));
    cell("Quotes", Thousands(s.types[static_cast<size_t>(core::PostType::Quote)]));
    cell("Replies", Thousands(s.types[static_cast<size_t>(core::PostType::Reply)]));
    cell("Duplicates", Thousands(m_summary.duplicates));
    cell("Skipped", Thousands(m_summary.skipped));
    if (m_view.brushed) {
        // To the minute, or to the second when the edge is not on one: a brush from 17:59:30 to 18:59:31
        // (the 18:00 hour of minute-stamped posts) must not read "17:59 - 18:59".
        auto minutes = [&zone](core::UnixSeconds t) {
            std::string iso = core::FormatIsoLocal(t, zone);  // yyyy-mm-ddThh:mm:ss and Z or the offset
            return iso.substr(0, 10) + " " + iso.substr(11, iso.compare(17, 2, "00") == 0 ? 5 : 8);
        };
        ImGui::BeginGroup();
        ImGui::TextDisabled("Range%s", in_zone.c_str());
        ImGui::SameLine();  // beside the label, not after the range: a 1280-px window has no room there
        if (ImGui::SmallButton("Clear range")) m_view.brushed = false;
        ImGui::Text("%s - %s", minutes(m_view.brush_start).c_str(), minutes(m_view.brush_end).c_str());
        ImGui::EndGroup();
        ImGui::SameLine();
    }
    // The numbers above stay the previous selection's until the count is complete (Updating()).
    // A new query's rows come first (the selection shown is the previous query's until then), then its numbers.
    if (m_evaluation.Running())
        ImGui::TextDisabled("updating: selecting %d%%", static_cast<int>(m_evaluation.Progress() * 100));
    else if (Updating())
        ImGui::TextDisabled("updating %d%%", static_cast<int>(m_counting.Progress() * 100));
    ImGui::NewLine();
    ImGui::Separator();
}

}  // namespace chorus::shell
