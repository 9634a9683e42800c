// The post reader: the selected posts in time order, virtualised (only the visible rows are
// laid out and their text resolved). Each row has the same height: a header line and up to
// kTextLines wrapped lines of text; longer texts show whole in a tooltip.
#include <imgui.h>

#include <algorithm>

#include "explorer.hpp"
#include "panel_common.hpp"
#include "time_utc.hpp"
#include "visual_text.hpp"

namespace chorus::shell {
namespace {

constexpr int kTextLines = 3;

const char* TypeName(core::PostType type) {
    switch (type) {
        case core::PostType::Original: return "original";
        case core::PostType::Retweet: return "retweet";
        case core::PostType::Quote: return "quote";
        case core::PostType::Reply: return "reply";
    }
    return "";
}

}  // namespace

void Explorer::DrawReader() {
    const core::Dataset& ds = m_session.dataset();
    ImGui::Text("Posts (%s, in time order)", Thousands(m_reader_rows.size()).c_str());
    if (!m_reader_rows.empty()) {
        ImGui::SameLine();
        if (ExportButton("Export posts (JSONL)", "Export posts (JSONL)",
                         "Save these posts as JSON lines, one post per line. Nothing leaves this computer."))
            SavePosts();
    }
    ImGui::Separator();
    ImGui::BeginChild("reader-rows", ImVec2(0, 0), false);
    const float line = ImGui::GetTextLineHeight();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float row_h = line * (1 + kTextLines) + spacing * 3;
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_reader_rows.size()), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            core::RowId row = m_reader_rows[static_cast<size_t>(i)];
            if (row >= ds.Posts()) continue;  // rows of a dataset being replaced: shown next frame
            ImVec2 top = ImGui::GetCursorScreenPos();
            core::UnixSeconds t = ds.TimeOf(row);
            uint32_t author = ds.AuthorOf(row);
            uint32_t lang = ds.LangOf(row);
            std::string header = (t == core::kNoTime ? std::string("(no time)") : core::FormatIsoUtc(t)) + "  @" +
                                 std::string(author == core::Dataset::kNoAuthor ? "?" : ds.AuthorName(author)) + "  " +
                                 TypeName(ds.TypeOf(row)) + "  " +
                                 std::string(lang == core::Dataset::kNoLang ? "-" : ds.Languages().Text(lang));
            ImGui::GetWindowDrawList()->AddText(top, dim, header.c_str());
            std::string text = VisualText(std::string(ds.TextOf(row)));
            float width = ImGui::GetContentRegionAvail().x;
            ImVec2 text_min(top.x, top.y + line + spacing);
            ImVec2 text_max(top.x + width, text_min.y + line * kTextLines);
            ImGui::PushClipRect(text_min, text_max, true);
            ImGui::SetCursorScreenPos(text_min);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(text.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopClipRect();
            ImGui::SetCursorScreenPos(top);
            ImGui::PushID(i);
            ImGui::InvisibleButton("post", ImVec2(std::max(1.0f, width), row_h - spacing));
            ImGui::PopID();
            if (ImGui::IsItemHovered() &&
                ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y > line * kTextLines) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35);
                ImGui::TextUnformatted(text.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::GetWindowDrawList()->AddLine(ImVec2(top.x, top.y + row_h - spacing * 0.5f),
                                                ImVec2(top.x + width, top.y + row_h - spacing * 0.5f),
                                                ImGui::GetColorU32(ImGuiCol_Separator));
        }
    }
    clipper.End();
    if (m_reader_rows.empty()) ImGui::TextDisabled("No post matches.");
    ImGui::EndChild();
}

}  // namespace chorus::shell
