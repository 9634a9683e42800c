// The top lists of the selection: hashtags, mentions, and authors / domains / languages as
// tabs. A click on a row adds it to the query; ctrl- or alt-click adds it negated.
#include <imgui.h>

#include <string>

#include "explorer.hpp"
#include "panel_common.hpp"

namespace chorus::shell {
namespace {

const char* Title(core::EntityField field) {
    switch (field) {
        case core::EntityField::Hashtag: return "Hashtags";
        case core::EntityField::Mention: return "Mentions";
        case core::EntityField::Author: return "Authors";
        case core::EntityField::Domain: return "Domains";
        case core::EntityField::Link: return "Links";
        case core::EntityField::Language: return "Languages";
    }
    return "";
}

// The query term that selects the posts of a list's row.
std::string TermOf(core::EntityField field, const std::string& text) {
    bool plain = text.find_first_of(" \t\"():") == std::string::npos && !text.empty();
    std::string value = plain ? text : "\"" + text + "\"";
    switch (field) {
        case core::EntityField::Hashtag: return "#" + text;
        case core::EntityField::Mention: return "@" + text;
        case core::EntityField::Author: return "from:" + value;
        case core::EntityField::Domain: return "domain:" + value;
        case core::EntityField::Language: return "lang:" + value;
        case core::EntityField::Link: break;
    }
    return value;
}

}  // namespace

void Explorer::DrawLists() {
    const float reader_w = ImGui::GetContentRegionAvail().x * 0.4f;
    const float lists_w = ImGui::GetContentRegionAvail().x - reader_w - ImGui::GetStyle().ItemSpacing.x;
    const float w = (lists_w - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    ImGui::BeginChild("top-hashtags", ImVec2(w, 0), false);
    DrawTopTable(0);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("top-mentions", ImVec2(w, 0), false);
    DrawTopTable(1);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("top-authors", ImVec2(w, 0), false);
    if (ImGui::BeginTabBar("more-lists")) {
        for (size_t i = 2; i < kListCount; ++i) {
            if (ImGui::BeginTabItem(Title(kListFields[i]))) {
                m_list_tab = i;
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    DrawTopTable(m_list_tab);
    DrawImportReport();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("reader", ImVec2(0, 0), false);
    DrawReader();
    ImGui::EndChild();
}

void Explorer::DrawTopTable(size_t list) {
    const core::EntityField field = kListFields[list];
    const core::TopList& top = m_lists[list];
    const std::vector<std::string>& texts = m_list_texts[list];
    if (list < 2) ImGui::TextUnformatted(Title(field));
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(Title(field), 3, flags)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(Title(field), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Posts", ImGuiTableColumnFlags_WidthFixed);
    // The header row, with the list's Export button in front of its name (every list the same way,
    // the tabbed one included: a button among the tabs would squeeze their names).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < 3; ++column) {
        ImGui::TableSetColumnIndex(column);
        if (column == 1) {
            std::string label = std::string("Export ") + core::EntityFieldName(field);
            if (ExportButton("Export CSV", label.c_str(),
                             "Save this list as a CSV file (opens in Excel). Nothing leaves this computer."))
                SaveList(list);
            ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        }
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
    }
    const ImGuiIO& io = ImGui::GetIO();
    for (size_t i = 0; i < top.items.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%zu", i + 1);
        ImGui::TableNextColumn();
        // The label is the name as drawn; "##" keeps equal names of different lists apart.
        std::string label = texts[i] + "##" + Title(field);
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
            AppendTerm(TermOf(field, top.items[i].text), io.KeyCtrl || io.KeyAlt);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("click: add %s to the query; ctrl- or alt-click: exclude it; right-click: compare",
                              TermOf(field, top.items[i].text).c_str());
        if (ImGui::BeginPopupContextItem()) {  // right-click: compare on the timeline (timeline_series.cpp)
            if (ImGui::MenuItem("Compare on the timeline"))
                AddSeries(TermOf(field, top.items[i].text), m_layers.series_message);
            ImGui::EndPopup();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Thousands(top.items[i].count).c_str());
    }
    if (top.items.empty()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("none");
    }
    ImGui::EndTable();
    ImGui::Spacing();
}

}  // namespace chorus::shell
