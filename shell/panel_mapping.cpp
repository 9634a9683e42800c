// The CSV mapping panel: shown while a CSV file's header named no text or time column
// (`csv_unmapped`). The user picks the header's columns for id, time, text, author and an
// optional retweet flag; "Apply and reload" keeps the mapping for that file name and asks the
// platform to read the files again (Request::ReloadFiles), which passes CsvMappingFor() to
// Ingest::SetCsvColumns before each file.
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "explorer.hpp"

namespace chorus::shell {

std::optional<core::CsvColumns> Explorer::CsvMappingFor(const std::string& file_name) const {
    auto it = m_csv_mappings.find(file_name);
    if (it == m_csv_mappings.end()) return std::nullopt;
    return it->second;
}

void Explorer::DrawCsvMapping() {
    const core::IngestReport* unmapped = nullptr;
    std::vector<std::string> names;
    for (const core::IngestReport& f : m_session.dataset().Files()) {
        auto count = f.counts.find(core::Problem::CsvUnmapped);
        if (count == f.counts.end() || count->second == 0) continue;
        for (const core::ProblemEntry& p : f.problems)
            if (p.problem == core::Problem::CsvUnmapped) names = core::CsvUnmappedNames(p.detail);
        if (!names.empty()) {
            unmapped = &f;
            break;
        }
    }
    if (!unmapped) return;
    if (m_mapping_file != unmapped->name) {
        m_mapping_file = unmapped->name;
        m_mapping_draft = CsvMappingFor(unmapped->name).value_or(core::CsvColumns{});
    }

    ImGui::TextWrapped("%s: no text or time column was recognised, so every row was skipped. Which columns hold them?",
                       unmapped->name.c_str());
    auto combo = [&](const char* label, int& column) {
        ImGui::SetNextItemWidth(140);
        const char* shown = column >= 0 && static_cast<size_t>(column) < names.size()
                                ? names[static_cast<size_t>(column)].c_str()
                                : "(none)";
        const ImGuiID id = ImGui::GetID(label);
        bool open = ImGui::BeginCombo(label, shown);
        ImGuiTestEngineHook_ItemInfo(GImGui, id, label, 0);  // ImGui 1.86 names no combo
        if (open) {
            if (ImGui::Selectable("(none)##none", column < 0)) column = -1;
            for (size_t i = 0; i < names.size(); ++i) {
                std::string item = names[i] + "##column" + std::to_string(i);
                if (ImGui::Selectable(item.c_str(), column == static_cast<int>(i))) column = static_cast<int>(i);
            }
            ImGui::EndCombo();
        }
    };
    combo("Time column", m_mapping_draft.time);
    ImGui::SameLine(0, 20);
    combo("Text column", m_mapping_draft.text);
    ImGui::SameLine(0, 20);
    combo("Id column", m_mapping_draft.id);
    combo("Author column", m_mapping_draft.author_name);
    ImGui::SameLine(0, 20);
    combo("Retweet flag column", m_mapping_draft.retweet);
    ImGui::SameLine(0, 20);
    ImGui::BeginDisabled(!m_mapping_draft.Usable());
    if (ImGui::Button("Apply and reload")) {
        m_csv_mappings[unmapped->name] = m_mapping_draft;
        m_requests |= 1u << static_cast<unsigned>(Request::ReloadFiles);
    }
    ImGui::EndDisabled();
    if (!m_mapping_draft.Usable()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(time and text are needed)");
    }
    ImGui::Separator();
}

}  // namespace chorus::shell
