#include "explorer.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "export_csv.hpp"
#include "export_jsonl.hpp"
#include "panel_common.hpp"
#include "time_utc.hpp"
#include "visual_text.hpp"

namespace chorus::shell {
namespace {

constexpr size_t kTopRows = 20;

std::string Bytes(uint64_t n) {
    char buf[32];
    if (n >= (1ull << 30)) {
        std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(n) / (1 << 30));
    } else {
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1 << 20));
    }
    return buf;
}

}  // namespace

bool Explorer::TakeRequest(Request request) {
    uint32_t bit = 1u << static_cast<unsigned>(request);
    bool was = (m_requests & bit) != 0;
    m_requests &= ~bit;
    return was;
}

SaveRequest SaveRequest::Bytes(std::string file_name, std::string mime_type, std::string bytes) {
    SaveRequest request;
    request.file_name = std::move(file_name);
    request.mime_type = std::move(mime_type);
    request.next = [bytes = std::move(bytes), given = false](std::string& chunk) mutable {
        chunk = given ? std::string() : std::move(bytes);
        given = true;
        return !chunk.empty();
    };
    return request;
}

std::optional<SaveRequest> Explorer::TakeSave() {
    if (m_saves.empty()) return std::nullopt;
    SaveRequest request = std::move(m_saves.front());
    m_saves.erase(m_saves.begin());
    return request;
}

void Explorer::SaveList(size_t list) {
    if (!IndexCurrent()) return;  // being prepared (rule 112): the button works again once it is ready
    // Every value of the selection, not only the kTopRows shown (rule 106): `chorus top -n 0`.
    const core::EntityField field = kListFields[list];
    core::TopList all = core::TopK(*m_index, m_selected, field, SIZE_MAX, core::Amplification::Both);
    m_saves.push_back(SaveRequest::Bytes(ExportFileName(core::EntityFieldName(field), m_view.query, "csv"),
                                         "text/csv;charset=utf-8", TopListCsv(m_session.dataset(), field, all)));
}

void Explorer::SaveTimelineCsv() {
    m_saves.push_back(SaveRequest::Bytes(ExportFileName("timeline", m_view.query, "csv"), "text/csv;charset=utf-8",
                                         TimelineCsv(m_bins, m_all_bins, m_session.time_zone())));
}

void Explorer::SavePosts() {
    if (!IndexCurrent()) return;  // being prepared (rule 112): the button works again once it is ready
    StepCounting(true);
    SaveRequest request;
    request.file_name = ExportFileName("posts", m_view.query, "jsonl");
    request.mime_type = "application/x-ndjson";
    auto posts = std::make_shared<PostsJsonl>(m_session.dataset(), m_reader_rows);
    request.next = [posts](std::string& chunk) { return posts->Next(chunk); };
    m_saves.push_back(std::move(request));
}

// A small button showing `text`, known to tests (ItemRegistry) as `label`.
bool Explorer::ExportButton(const char* text, const char* label, const char* tooltip) {
    std::string id = std::string(text) + "##" + label;
    bool pressed = ImGui::SmallButton(id.c_str());
    ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), label, 0);
    // Not in the frame of the click: a capture of that frame must not show the tooltip.
    if (!pressed && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
    return pressed;
}

std::vector<std::string> Explorer::ListedTexts() const {
    std::vector<std::string> texts;
    for (const auto& list : m_list_texts)
        texts.insert(texts.end(), list.begin(), list.end());
    return texts;
}

std::string Explorer::SelectionJson() const {
    nlohmann::json out = {{"posts", m_selected.Count()},
                          {"total", m_session.dataset().Posts()},
                          {"query", m_view.query},
                          {"error", nullptr},
                          {"brush", nullptr}};
    if (m_query_error) out["error"] = {{"position", m_query_error->position}, {"message", m_query_error->message}};
    if (m_view.brushed) out["brush"] = {m_view.brush_start, m_view.brush_end};
    out["updating"] = Updating();
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Explorer::FitView() {
    m_view.view_start = m_view.view_end = 0;
    m_view.user_moved = false;
}

void Explorer::AppendTerm(const std::string& term, bool negated) {
    std::string& q = m_view.query;
    if (!q.empty() && q.back() != ' ') q += ' ';
    q += (negated ? "-" : "") + term;
}

void Explorer::ClearFilters() {
    m_view.query.clear();
    m_view.brushed = false;
    m_brushing = false;
}

void Explorer::Refresh() {
    RefreshData();
    if (IndexCurrent()) RefreshSelection();                 // never with an index being prepared or stale (rule 112)
    if (m_cluster_version != m_cluster_glyphs.Version()) {  // emoji clusters got glyphs: the names drawn change
        m_cluster_version = m_cluster_glyphs.Version();
        for (size_t i = 0; i < kListCount; ++i)
            for (size_t k = 0; k < m_list_texts[i].size(); ++k)
                m_list_texts[i][k] = m_cluster_glyphs.Drawn(m_lists[i].items[k].text);
        for (size_t i = 0; i < 2; ++i)
            for (size_t k = 0; k < m_word_texts[i].size(); ++k)
                m_word_texts[i][k] = m_cluster_glyphs.Drawn(m_word_lists[i].items[k].text);
    }
}

bool Explorer::BrushMoved() const {
    return m_view.brushed != m_eval_brushed ||
           (m_view.brushed && (m_view.brush_start != m_eval_brush_start || m_view.brush_end != m_eval_brush_end));
}

bool Explorer::ChangeWaiting() const {
    if (!m_index) return false;  // nothing to select from yet: a query typed waits for the data, not "updating"
    return m_selection_dirty || m_view.query != m_parsed_text || m_session.time_zone().Name() != m_parsed_zone ||
           BrushMoved();
}

void Explorer::RefreshSelection() {
    if (!m_index) return;
    // since:/until: dates are read on the session's zone (rule 45): a new zone re-parses the text.
    if (m_view.query != m_parsed_text || m_session.time_zone().Name() != m_parsed_zone) {
        m_parsed_text = m_view.query;
        m_parsed_zone = m_session.time_zone().Name();
        core::ParsedQuery parsed = core::ParseQuery(m_parsed_text, m_session.query_options());
        if (parsed.ok()) {
            m_query = std::move(parsed.query);
            m_query_error.reset();
            m_selection_dirty = true;
        } else {
            m_query_error = parsed.error;  // the previous query's results stay
        }
    }
    if (m_session.dataset().Scans().Finished() != m_scans_finished) {  // a scan of on-disk text ended (rule 85)
        m_scans_finished = m_session.dataset().Scans().Finished();
        m_selection_dirty = true;
    }
    bool brush_changed = BrushMoved();
    if (m_selection_dirty) {  // the query's rows are evaluated over the next frames (explorer_counting.cpp)
        m_evaluation.Start(*m_index, m_query);
        m_order_at = SIZE_MAX;  // a previous result being ordered is gone too
        m_counting.Cancel();    // its selection is gone: the numbers drawn stay until the new ones are counted
        m_selection_dirty = false;
        brush_changed = true;
    }
    if (m_evaluation.Running()) {
        if (!StepEvaluation()) return;
        m_pending_rows = m_evaluation.TakeResult();
        m_pending_order.clear();
        m_order_at = 0;
    }
    if (m_order_at != SIZE_MAX) {  // the new rows are put in time order over the next frames (rule 113)
        if (!StepOrdering()) return;
        std::swap(m_query_rows, m_pending_rows);
        m_query_order.swap(m_pending_order);
        m_order_at = SIZE_MAX;
        m_bins_width = -1;  // the timeline shows the query's posts: new bins
        brush_changed = true;
    }
    if (brush_changed) {
        StartBrush();
        m_eval_brushed = m_view.brushed;
        m_eval_brush_start = m_view.brush_start;
        m_eval_brush_end = m_view.brush_end;
    }
    if (!m_brush_ranges.empty()) {  // the brushed selection is built over the next frames (rule 113)
        if (!StepBrush()) return;
        std::swap(m_selected, m_brush_rows);
    } else if (!brush_changed) {
        return;
    }

    // The numbers of the selection are counted over the next frames (explorer_counting.cpp).
    core::OverviewRequest request{
        {std::begin(kListFields), std::end(kListFields)}, kTopRows, core::Amplification::Both, std::nullopt};
    // Its rows with a time in time order are a run of the query's (rule 113): nothing to sort.
    // (A run that did not fit would only make the count sort the rows itself.)
    const std::span<const core::RowId> order(m_query_order);
    const size_t to = std::min(m_selected_order.second, order.size()), from = std::min(m_selected_order.first, to);
    m_counting.Start(*m_index, m_selected, request, order.subspan(from, to - from));
    m_words_stale[0] = m_words_stale[1] = true;
}

std::optional<std::string> Explorer::TakeLinkToOpen() {
    std::optional<std::string> link = std::move(m_link_to_open);
    m_link_to_open.reset();
    return link;
}

void Explorer::Frame() {
    m_budget.Start(NothingDrawn() ? std::max(m_limits.frame, m_limits.first_preparation) : m_limits.frame);
    Refresh();
    if (IndexCurrent()) StepCounting();
    m_post_overlay.reset();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    // No background of its own: the display clears the canvas in the window's colour (web/src/display.cpp), and
    // a rectangle over the whole page cost every drawn frame a full-screen blend (SwiftShader, beside a CI run:
    // a drawn frame's GL p95 45-64 ms with it, 36-45 without).
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                             ImGuiWindowFlags_NoBackground;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("Chorus", nullptr, flags);
    ImGui::PopStyleVar();
    DrawToolbar();
    if (m_session.progress().active) DrawProgress();
    bool has_data = m_summary.posts > 0 || !m_session.dataset().Files().empty();
    if (has_data && NothingDrawn()) {  // nothing to draw yet (rule 112)
        DrawQueryBar();  // a query typed meanwhile (`/` then keys) is kept: it is evaluated once the index is ready
        if (!m_session.progress().active) DrawPreparing();  // during a load its own bar says how far it is
        has_data = false;
    } else if (m_summary.posts == 0 && !m_session.progress().active) {
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Open a dump of posts (Twitter API v1.1 JSON lines, twarc2 JSON lines) with the buttons at the top "
            "right, or drop files anywhere on this page. The files are read here, in this tab: nothing is "
            "uploaded.");
    }
    if (has_data) {
        DrawQueryBar();
        DrawSummary();
        DrawCsvMapping();
        DrawTimeline();
        TimelineSplitter(m_settings.panels);
        DrawLists();
    }
    ImGui::End();
    // A zone read from the saved layout is applied to the session (an unknown name changes nothing);
    // otherwise the settings follow the session's zone (the window's picker sets it).
    if (m_settings.time_zone != m_applied_zone) m_session.SetTimeZone(m_settings.time_zone);
    if (m_settings.time_zone != m_session.time_zone().Name()) {
        m_settings.time_zone = m_session.time_zone().Name();
        ImGui::MarkIniSettingsDirty();
    }
    m_applied_zone = m_settings.time_zone;
    if (DrawSettingsWindow(m_settings, &m_session)) m_requests |= 1u << static_cast<unsigned>(Request::ResetLayout);
}

void Explorer::DrawToolbar() {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Chorus");
    ImGui::SameLine();
    ImGui::TextDisabled("posts, counted in your browser");
    if (m_summary.posts > 0 || !m_session.dataset().Files().empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Clear")) m_requests |= 1u << static_cast<unsigned>(Request::ClearData);
    }
    ImGui::SameLine();
    if (ImGui::Button("Settings")) m_settings.open = !m_settings.open;
    ImGui::Separator();
}

void Explorer::DrawProgress() {
    const LoadProgress& p = m_session.progress();
    double mbps = p.seconds > 0 ? static_cast<double>(p.bytes_done) / (1 << 20) / p.seconds : 0;
    float fraction = p.bytes_total > 0
                         ? static_cast<float>(static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total))
                         : 0.0f;
    std::string left;
    if (p.bytes_total > p.bytes_done && mbps > 0) {
        double seconds = static_cast<double>(p.bytes_total - p.bytes_done) / (1 << 20) / mbps;
        char buf[48];
        std::snprintf(buf, sizeof buf, ", about %.0f s left", std::ceil(seconds));
        left = buf;
    }
    char overlay[256];
    std::snprintf(overlay, sizeof overlay, "%s of %s  |  %s posts  |  %.0f MB/s%s", Bytes(p.bytes_done).c_str(),
                  p.bytes_total ? Bytes(p.bytes_total).c_str() : "?", Thousands(m_session.dataset().Posts()).c_str(),
                  mbps, left.c_str());
    ImGui::Text("%s %s (file %d of %d)", p.action.c_str(), p.file_name.c_str(), p.file_index + 1, p.file_count);
    ImGui::ProgressBar(fraction, ImVec2(-90, 0), overlay);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) m_session.cancel_requested = true;
}

void Explorer::DrawImportReport() {
    const auto& files = m_session.dataset().Files();
    if (!ImGui::CollapsingHeader("Import report")) return;
    for (const core::IngestReport& f : files) {
        ImGui::TextWrapped("%s  (%s)", f.name.c_str(), f.format.empty() ? "format not recognised" : f.format.c_str());
        ImGui::TextDisabled("%s records: %s posts, %s duplicates, %s skipped%s", Thousands(f.lines).c_str(),
                            Thousands(f.posts).c_str(), Thousands(f.duplicates).c_str(), Thousands(f.skipped).c_str(),
                            f.cancelled ? ", cancelled" : "");
        for (const auto& [problem, n] : f.counts)
            ImGui::BulletText("%s: %s", core::ProblemName(problem), Thousands(n).c_str());
        if (!f.problems.empty() && ImGui::TreeNode(&f, "First %zu problems", f.problems.size())) {
            for (const core::ProblemEntry& p : f.problems)
                ImGui::TextWrapped("line %llu: %s", static_cast<unsigned long long>(p.line), p.detail.c_str());
            ImGui::TreePop();
        }
    }
}

}  // namespace chorus::shell
