// The post reader: the selected posts in the order chosen above them, virtualised (only the visible rows are
// laid out and their text resolved). Each row has the same height: a header line and up to
// kTextLines wrapped lines of text; longer texts show whole in a tooltip. A click selects a post:
// its link to the original post (opened only on a click of that link) shows above the rows, and
// a right-to-left text is handed to the platform to show over its row (PostOverlay).
// The order is by time (oldest or newest first) or by likes, reposts or their total with every count
// (highest first, ties by time; core::SortPosts, COUNTING.md rule 93); a header shows the given counts.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "explorer.hpp"
#include "panel_common.hpp"
#include "post_link.hpp"
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

// Arabic, Hebrew, Syriac, Thaana, N'Ko... and their presentation forms: the scripts ImGui cannot shape.
bool HasRightToLeft(std::string_view text) {
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if ((lead == 0xD6 && next >= 0x90) || (lead >= 0xD7 && lead <= 0xDF)) return true;  // U+0590..U+07FF
        if (lead == 0xE0 && next >= 0xA0 && next <= 0xA3) return true;                      // U+0800..U+08FF
        if (lead == 0xEF && ((next >= 0xAC && next <= 0xB7) || (next >= 0xB9 && next <= 0xBB)))
            return true;  // U+FB1D..U+FDFF, U+FE70..U+FEFF
    }
    return false;
}

}  // namespace

void Explorer::DrawReaderOrder() {
    static constexpr struct {
        core::PostOrder order;
        const char* label;
    } kOrders[] = {{core::PostOrder::TimeAscending, "Oldest first"},
                   {core::PostOrder::TimeDescending, "Newest first"},
                   {core::PostOrder::Likes, "Most liked"},
                   {core::PostOrder::Reposts, "Most reposted"},
                   {core::PostOrder::Engagement, "Most engagement"}};
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::TextUnformatted("Order:");
    for (const auto& o : kOrders) {
        // On the same line while it fits, else on the next (a narrow reader cuts no button).
        const float width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(o.label).x;
        if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
        if (ImGui::RadioButton(o.label, m_reader_order == o.order) && m_reader_order != o.order) {
            m_reader_order = o.order;
            core::SortPosts(m_session.dataset(), m_reader_rows, m_reader_order);
        }
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Likes + reposts + replies + quotes, as the source gave them when it was collected.");
}

void Explorer::DrawPostLink() {
    const core::Dataset& ds = m_session.dataset();
    if (m_reader_post >= ds.Posts() || m_reader_post >= m_selected.Rows() || !m_selected.Contains(m_reader_post))
        return;
    const PostLink link = LinkToPost(ds, m_reader_post);
    if (link.url.empty()) {
        ImGui::TextDisabled("No link to the original post: %s.", link.why_not.c_str());
        return;
    }
    if (ImGui::SmallButton("Open the original post")) m_link_to_open = link.url;
    ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Open original post", 0);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nopens in a new tab of your browser", link.url.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", link.url.c_str());
}

void Explorer::DrawReader() {
    const core::Dataset& ds = m_session.dataset();
    ImGui::Text("Posts (%s; times in %s)", Thousands(m_reader_rows.size()).c_str(),
                m_session.time_zone().Name().c_str());
    if (!m_reader_rows.empty()) {
        ImGui::SameLine();
        if (ExportButton("Export posts (JSONL)", "Export posts (JSONL)",
                         "Save these posts as JSON lines, one post per line. Nothing leaves this computer."))
            SavePosts();
    }
    DrawReaderOrder();
    DrawPostLink();
    ImGui::Separator();
    ImGui::BeginChild("reader-rows", ImVec2(0, 0), false);
    const ImVec4 visible = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
    const float line = ImGui::GetTextLineHeight();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float row_h = line * (1 + kTextLines) + spacing * 3;
    const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const core::TimeZone& zone = m_session.time_zone();  // times on the zone's clock, with their offset
    ImGuiListClipper clipper;
    m_reader_shown.clear();
    clipper.Begin(static_cast<int>(m_reader_rows.size()), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            core::RowId row = m_reader_rows[static_cast<size_t>(i)];
            if (row >= ds.Posts()) continue;  // rows of a dataset being replaced: shown next frame
            m_reader_shown.push_back(row);
            ImVec2 top = ImGui::GetCursorScreenPos();
            core::UnixSeconds t = ds.TimeOf(row);
            uint32_t author = ds.AuthorOf(row);
            uint32_t lang = ds.LangOf(row);
            std::string header = (t == core::kNoTime ? std::string("(no time)") : core::FormatIsoLocal(t, zone)) +
                                 "  @" + std::string(author == core::Dataset::kNoAuthor ? "?" : ds.AuthorName(author)) +
                                 "  " + TypeName(ds.TypeOf(row)) + "  " +
                                 std::string(lang == core::Dataset::kNoLang ? "-" : ds.Languages().Text(lang)) +
                                 EngagementText(ds.EngagementCounts().Of(row));
            const bool chosen = row == m_reader_post;
            if (chosen)
                ImGui::GetWindowDrawList()->AddRectFilled(
                    top, ImVec2(top.x + ImGui::GetContentRegionAvail().x, top.y + row_h - spacing),
                    ImGui::GetColorU32(ImGuiCol_Header));
            // A header wider than the reader ends in "..." where it is cut; its tooltip has all of it.
            const float width = ImGui::GetContentRegionAvail().x;
            const bool header_cut = ImGui::CalcTextSize(header.c_str()).x > width;
            const std::string shown_header = header_cut ? CutToWidth(header, width) : header;
            ImGui::GetWindowDrawList()->AddText(top, dim, shown_header.c_str());
            // Text on disk (rule 84): a placeholder until the platform has read it back.
            const bool has_text = ds.Text().Has(row);
            if (!has_text) ds.Text().Want(row);
            std::string text =
                has_text ? m_cluster_glyphs.Drawn(ds.TextOf(row))  // emoji clusters as one glyph
                         : (ds.Text().Unreadable().empty() ? std::string("(reading the text from the file...)")
                                                           : "(text unreadable: " + ds.Text().Unreadable() + ")");
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
            if (ImGui::InvisibleButton("post", ImVec2(std::max(1.0f, width), row_h - spacing)))
                m_reader_post = chosen ? UINT32_MAX : row;
            const std::string label = "Post " + std::to_string(i + 1);  // for tests: its place in the reader
            ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), label.c_str(), 0);
            ImGui::PopID();
            if (chosen && text_min.y >= visible.y && text_max.y <= visible.w && HasRightToLeft(ds.TextOf(row))) {
                m_post_overlay =
                    PostOverlay{std::string(ds.TextOf(row)),
                                lang == core::Dataset::kNoLang ? "" : std::string(ds.Languages().Text(lang)),
                                text_min.x,
                                text_min.y,
                                text_max.x - text_min.x,
                                text_max.y - text_min.y};
            }
            if (ImGui::IsItemHovered() &&
                (header_cut || ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y > line * kTextLines)) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35);
                if (header_cut) ImGui::TextDisabled("%s", header.c_str());
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
