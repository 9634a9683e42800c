// The top lists of the selection: hashtags, mentions, and authors / domains / languages / emoji
// / clients / words / bigrams chosen in a combo. A click on a row adds it to the query; ctrl- or
// alt-click adds it negated.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

#include "explorer.hpp"
#include "export_csv.hpp"
#include "panel_common.hpp"
#include "visual_text.hpp"
#include "words.hpp"

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
        case core::EntityField::Emoji: return "Emoji";
        case core::EntityField::Client: return "Clients";
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
        case core::EntityField::Emoji: return "emoji:" + value;
        case core::EntityField::Client: return "client:" + value;
        case core::EntityField::Link: return "url:" + value;  // quoted: a link holds ':'
    }
    return value;
}

constexpr const char* kWordTitles[2] = {"Words", "Bigrams"};
constexpr size_t kWordRows = 20;
constexpr size_t kWordAutoPosts = 100000;  // as many rows as the other lists (explorer.cpp kTopRows)

}  // namespace

void Explorer::DrawLists() {
    // Three lists and the reader, with splitters between them (panel_layout.hpp).
    const float splitter_w = ImGui::GetStyle().ItemSpacing.x, height = ImGui::GetContentRegionAvail().y;
    float widths[4];
    ColumnWidths(m_settings.panels, ImGui::GetContentRegionAvail().x - 3 * splitter_w, widths);
    ImGui::BeginChild("top-hashtags", ImVec2(widths[0], 0), false);
    DrawTopTable(0);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    ColumnSplitter(m_settings.panels, 0, widths, height);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("top-mentions", ImVec2(widths[1], 0), false);
    DrawTopTable(1);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    ColumnSplitter(m_settings.panels, 1, widths, height);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("top-authors", ImVec2(widths[2], 0), false);
    // The third column's list is chosen in a combo: seven tabs in a third of 1280 px were cut to
    // "Au.. Do.."; the combo shows every name in full. Tests pick "More lists", then a list's name.
    auto name_of = [](size_t tab) {
        return tab < kListCount ? Title(kListFields[tab]) : kWordTitles[tab - kListCount];
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("List");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const ImGuiID combo_id = ImGui::GetID("##more-lists");
    if (ImGui::BeginCombo("##more-lists", name_of(m_list_tab))) {
        for (size_t tab = 2; tab < kListCount + 2; ++tab) {
            std::string label = std::string(name_of(tab)) + "##more-lists";
            if (ImGui::Selectable(label.c_str(), tab == m_list_tab)) m_list_tab = tab;
            if (tab == m_list_tab) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ImGuiTestEngineHook_ItemInfo(GImGui, combo_id, "More lists", 0);  // a label for tests
    if (m_list_tab < kListCount)
        DrawTopTable(m_list_tab);
    else
        DrawWordTable(m_list_tab - kListCount);
    DrawImportReport();
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    ColumnSplitter(m_settings.panels, 2, widths, height);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("reader", ImVec2(0, 0), false);
    DrawReader();
    ImGui::EndChild();
}

namespace {

// The rows' order as the table's sort asks (rank, name, posts or share; rank by default): stable, ties by rank.
std::vector<size_t> SortedRows(const core::TopList& top, const std::vector<std::string>& texts) {
    std::vector<size_t> order(top.items.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr || specs->SpecsCount == 0) return order;
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    const bool up = spec.SortDirection != ImGuiSortDirection_Descending;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (spec.ColumnIndex == 1 && texts[a] != texts[b]) return up ? texts[a] < texts[b] : texts[a] > texts[b];
        if (spec.ColumnIndex >= 2 && top.items[a].count != top.items[b].count)
            return up ? top.items[a].count < top.items[b].count : top.items[a].count > top.items[b].count;
        return spec.ColumnIndex == 0 && !up ? a > b : a < b;
    });
    return order;
}

// One top list as a table: rank, name (a click adds `term_of(item)` to the query, a right-click offers
// `compare(term)` on the timeline and copies), posts, share of the selection; sorted by a click on a header;
// the list's Export button (drawn by `export_list`) in the header.
template <class TermOf, class Export, class Compare>
void DrawListTable(const char* title, const char* export_label, const core::TopList& top,
                   const std::vector<std::string>& texts, const ClusterGlyphs& glyphs, bool show_title,
                   TermOf&& term_of, Export&& export_list, Compare&& compare) {
    if (show_title) ImGui::TextUnformatted(title);
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp |
                            ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable(title, 4, flags)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn(title, ImGuiTableColumnFlags_WidthStretch);
    // As wide as the largest count (the first row's), so counts in the millions are never cut by a narrow column,
    // and as its header with the sort arrow beside it.
    const float arrow = ImGui::GetFontSize() + ImGui::GetStyle().FramePadding.x;
    const std::string widest = top.items.empty() ? std::string() : Thousands(top.items.front().count);
    ImGui::TableSetupColumn("Posts", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            std::max(ImGui::CalcTextSize("Posts").x + arrow, ImGui::CalcTextSize(widest.c_str()).x));
    // "%": the share of the selection's posts (narrow, so the names keep their room).
    ImGui::TableSetupColumn("%", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            std::max(ImGui::CalcTextSize("%").x + arrow, ImGui::CalcTextSize("100.0%").x));
    // The header row, with the list's Export button in front of its name (every list the same way,
    // the tabbed one included: a button among the tabs would squeeze their names).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < 4; ++column) {
        ImGui::TableSetColumnIndex(column);
        if (column == 1) {
            export_list(export_label);
            ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        }
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        const std::string sort_label = std::string("Sort ") + title + " by " + ImGui::TableGetColumnName(column);
        ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), sort_label.c_str(), 0);  // a label for tests
    }
    const std::vector<size_t> order = SortedRows(top, texts);
    for (size_t i : order) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%zu", i + 1);
        ImGui::TableNextColumn();
        // The label is the name as drawn; "##" keeps equal names of different lists apart.
        std::string label = texts[i] + "##" + title;
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) term_of(top.items[i], true);
        if (glyphs.Version() > 0)  // tests read the name with its real code points, not the cluster glyphs'
            ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), glyphs.FromDrawn(label).c_str(), 0);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("click: add %s to the query; ctrl- or alt-click: exclude it; right-click: compare, copy",
                              glyphs.ToDrawn(term_of(top.items[i], false)).c_str());
        if (ImGui::BeginPopupContextItem()) {  // right-click: compare on the timeline (timeline_series.cpp), copy
            if (ImGui::MenuItem("Compare on the timeline")) compare(term_of(top.items[i], false));
            if (ImGui::MenuItem("Copy this value")) ImGui::SetClipboardText(term_of(top.items[i], false).c_str());
            if (ImGui::MenuItem("Copy the list")) ImGui::SetClipboardText(ListClipboardText(title, top, order).c_str());
            ImGui::EndPopup();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Thousands(top.items[i].count).c_str());
        ImGui::TableNextColumn();
        if (top.posts > 0)
            ImGui::TextDisabled("%.1f%%",
                                100.0 * static_cast<double>(top.items[i].count) / static_cast<double>(top.posts));
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

}  // namespace

void Explorer::DrawTopTable(size_t list) {
    const core::EntityField field = kListFields[list];
    const ImGuiIO& io = ImGui::GetIO();
    std::string label = std::string("Export ") + core::EntityFieldName(field);
    DrawListTable(
        Title(field), label.c_str(), m_lists[list], m_list_texts[list], m_cluster_glyphs, list < 2,
        [&](const core::TopItem& item, bool clicked) {
            std::string term = TermOf(field, item.text);
            if (clicked) AppendTerm(term, io.KeyCtrl || io.KeyAlt);
            return term;
        },
        [&](const char* export_label) {
            if (ExportButton("Export CSV", export_label,
                             "Save the whole list as a CSV file (every value of the selection, not only the "
                             "rows shown; opens in Excel). Nothing leaves this computer."))
                SaveList(list);
        },
        [&](const std::string& term) { AddSeries(term, m_layers.series_message); });
}

void Explorer::DrawWordTable(size_t which) {
    const core::WordList kind = which == 0 ? core::WordList::Words : core::WordList::Bigrams;
    if (m_session.dataset().Text().OnDisk()) {  // rule 84: they would need every post's text read back
        ImGui::TextDisabled("not counted: the posts' text stays on disk (rule 84)");
        return;
    }
    // Words are counted from the text (about 1 s per 100,000 posts in the browser): past that many
    // posts the user asks for the count, so a filter change never waits on it.
    if (m_words_stale[which] && m_selected.Count() > kWordAutoPosts &&
        !ImGui::Button(
            ("Count " + std::string(kWordTitles[which]) + " in " + Thousands(m_selected.Count()) + " posts").c_str())) {
        ImGui::TextDisabled("counted from the posts' text when asked (rule 53)");
        return;
    }
    if (m_words_stale[which]) {
        m_word_lists[which] =
            core::TopWords(m_session.dataset(), m_selected, kWordRows, core::Amplification::Both, kind);
        m_word_texts[which].clear();
        for (const core::TopItem& item : m_word_lists[which].items)
            m_word_texts[which].push_back(m_cluster_glyphs.Drawn(item.text));
        m_words_stale[which] = false;
    }
    const ImGuiIO& io = ImGui::GetIO();
    std::string label = std::string("Export ") + core::WordListName(kind);
    DrawListTable(
        kWordTitles[which], label.c_str(), m_word_lists[which], m_word_texts[which], m_cluster_glyphs, false,
        [&](const core::TopItem& item, bool clicked) {
            // A word as a word term, a bigram as a phrase: both match as word queries do (rule 53).
            std::string term = kind == core::WordList::Words ? item.text : "\"" + item.text + "\"";
            if (clicked) AppendTerm(term, io.KeyCtrl || io.KeyAlt);
            return term;
        },
        [&](const char* export_label) {
            if (ExportButton("Export CSV", export_label,
                             "Save the 20 rows counted as a CSV file (words are costly to count: the file name says "
                             "top20; opens in Excel). Nothing leaves this computer."))
                // Words are costly to count (rule 53): the file holds the kWordRows counted, and says so (rule 106).
                m_saves.push_back(SaveRequest::Bytes(
                    ExportFileName(std::string(core::WordListName(kind)) + "-top" + std::to_string(kWordRows),
                                   m_view.query, "csv"),
                    "text/csv;charset=utf-8", TopListCsv(which == 0 ? "word" : "bigram", m_word_lists[which])));
        },
        [&](const std::string& term) { AddSeries(term, m_layers.series_message); });
}

}  // namespace chorus::shell
