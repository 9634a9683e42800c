// The query bar: the text of the query, its syntax error, the help popup and the
// keys that reach it from anywhere (`/` focuses it, Esc clears the query and the brush).
#include <imgui.h>
#include <imgui_internal.h>

#include "explorer.hpp"

namespace chorus::shell {
namespace {

constexpr const char* kHint = "#hashtag @mention from: lang: type: since: ... \xe2\x80\x94 ? for help";
constexpr const char* kHelpPopup = "Query syntax";

int ResizeString(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

bool InputString(const char* label, const char* hint, std::string& text, float width) {
    ImGui::SetNextItemWidth(width);
    return ImGui::InputTextWithHint(label, hint, text.data(), text.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                                    ResizeString, &text);
}

// A '/' typed while no text field has the keyboard is the shortcut, not text (it and what came
// before it, which no field would take, leave the queue).
bool TakeSlash() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::GetActiveID() != 0) return false;
    ImVector<ImWchar>& queue = io.InputQueueCharacters;
    for (int i = 0; i < queue.Size; ++i) {
        if (queue[i] == '/') {
            queue.erase(queue.Data, queue.Data + i + 1);
            return true;
        }
    }
    return false;
}

// The query bar takes the keyboard a frame or two after the '/': the characters typed meanwhile
// ("/#metoo" typed fast) are held and handed to the field once it is active, in order.
void TypeAhead(ImGuiID field, std::vector<unsigned int>& held, bool& awaiting) {
    ImVector<ImWchar>& queue = ImGui::GetIO().InputQueueCharacters;
    if (!awaiting) return;
    if (ImGui::GetActiveID() == field) {
        ImVector<ImWchar> typed;
        for (unsigned int c : held)
            typed.push_back(static_cast<ImWchar>(c));
        for (ImWchar c : queue)
            typed.push_back(c);
        queue.swap(typed);
    } else if (ImGui::GetActiveID() == 0) {
        for (ImWchar c : queue)
            held.push_back(c);
        queue.clear();
        return;
    }
    held.clear();  // the field took them, or another field took the keyboard
    awaiting = false;
}

}  // namespace

void Explorer::DrawQueryBar() {
    if (TakeSlash()) m_view.focus_query = m_query_awaiting = true;
    TypeAhead(ImGui::GetID("##query"), m_query_typeahead, m_query_awaiting);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Query");
    ImGui::SameLine();
    float field_x = ImGui::GetCursorScreenPos().x;
    float help_w = ImGui::CalcTextSize("?").x + style.FramePadding.x * 2;
    if (m_view.focus_query) {
        ImGui::SetKeyboardFocusHere();
        m_view.focus_query = false;
    }
    InputString("##query", kHint, m_view.query, ImGui::GetContentRegionAvail().x - help_w - style.ItemSpacing.x);
    ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Query", 0);  // a label for tests
    if (m_view.query == "?") {
        m_view.query.clear();
        ImGui::ClearActiveID();  // the field would otherwise keep its own copy of the '?'
        ImGui::OpenPopup(kHelpPopup);
    }
    ImGui::SameLine();
    if (ImGui::Button("?")) ImGui::OpenPopup(kHelpPopup);
    DrawQueryHelp();

    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !ImGui::IsPopupOpen(kHelpPopup))
        ClearFilters();

    if (m_query_error && m_parsed_text == m_view.query) {
        // A caret under the byte where the problem is, then what is wrong.
        const std::string& q = m_view.query;
        size_t at = std::min(m_query_error->position, q.size());
        float x = field_x + style.FramePadding.x + ImGui::CalcTextSize(q.data(), q.data() + at).x;
        ImVec4 red(0.95f, 0.35f, 0.35f, 1.0f);
        ImGui::SetCursorScreenPos(ImVec2(x - ImGui::CalcTextSize("^").x / 2, ImGui::GetCursorScreenPos().y));
        ImGui::TextColored(red, "^");
        ImGui::SetCursorScreenPos(ImVec2(field_x, ImGui::GetCursorScreenPos().y));
        ImGui::TextColored(red, "%s (at byte %zu); the results are those of the last valid query",
                           m_query_error->message.c_str(), m_query_error->position);
    }
    DrawTextOnDiskNote();
}

// Post text left on disk (COUNTING.md, rules 84-85): word queries read it back as a streaming scan.
void Explorer::DrawTextOnDiskNote() {
    const core::Dataset& ds = m_session.dataset();
    if (!ds.Text().OnDisk()) return;
    const ImVec4 dim(0.75f, 0.75f, 0.55f, 1.0f);
    if (!ds.Text().Unreadable().empty())
        ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.35f, 1.0f),
                           "The posts' text can no longer be read (%s): word queries match none of its %zu posts",
                           ds.Text().Unreadable().c_str(), ds.Text().DiskCount());
    else if (ds.Scans().Scanning())
        ImGui::TextColored(dim,
                           "Text search is a streaming scan of the file: %.0f%% read; its posts count once it ends",
                           100.0 * ds.Scans().Progress(ds.Text()));
    else
        ImGui::TextColored(dim, "Post text stays on disk (memory): word queries scan the file");
}

void Explorer::DrawQueryHelp() {
    if (!ImGui::BeginPopup(kHelpPopup)) return;
    static constexpr const char* kRows[][2] = {
        {"#metoo", "posts with the hashtag (any case; a retweet has the original's)"},
        {"@handle", "posts mentioning the account"},
        {"from:name", "posts by the account (screen name or id)"},
        {"lang:fr", "posts in the language"},
        {"type:retweet", "original, retweet, quote or reply"},
        {"domain:bbc.co.uk", "posts linking to the host or its subdomains"},
        {"url:\"https://...\"", "posts with exactly that link (a Links row's click)"},
        {"has:link", "posts with a link"},
        {"since:2017-10-15", "at or after (UTC; also 2017-10-15T14:00)"},
        {"until:2017-10-16", "before (UTC)"},
        {"word  \"a phrase\"", "whole words in the text, any case"},
        {"a b   a AND b", "both"},
        {"a OR b", "either"},
        {"-a   NOT a", "not a (the '-' touches what it negates)"},
        {"( ... )", "grouping"},
    };
    ImGui::TextUnformatted("Query syntax");
    ImGui::Separator();
    if (ImGui::BeginTable("query-help", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& row : kRows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[0]);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", row[1]);
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Click a row of a list to add it to the query; ctrl- or alt-click to exclude it.");
    ImGui::TextDisabled(
        "Shift-drag on the timeline, or a drag on its time axis, selects a time range; double-click or Esc clears it.");
    ImGui::TextDisabled("/ moves to the query bar; Esc clears the query and the range.");
    ImGui::EndPopup();
}

}  // namespace chorus::shell
