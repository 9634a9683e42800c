// Explorer: the Dear ImGui interface over a Session.
//
// Panels read cached results and write intent into ViewState; they never
// compute over posts themselves. Aggregates are recomputed only when the
// Session's generation or the view's query (zoom, bins) changes.
//
//   chorus::shell::Explorer explorer(session);
//   ImGui::NewFrame();
//   explorer.Frame();            // whole-window UI
//   ImGui::Render();
//   if (explorer.TakeRequest(Request::ClearData)) session.Reset();
//
// Runs on any backend, including none (ImGui's null backend in tests).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "session.hpp"
#include "summary.hpp"
#include "timeline.hpp"
#include "top_counts.hpp"

namespace chorus::shell {

// What the user asked the platform to do (the explorer does not own the data's lifetime).
enum class Request : uint8_t { ClearData };

// Plain view state: what the user looks at. Written by panels, read by the app.
struct ViewState {
    // Visible time range of the timeline, [view_start, view_end) in UTC seconds;
    // both 0 = fit the data.
    core::UnixSeconds view_start = 0, view_end = 0;
    bool user_moved = false;  // zoomed or panned: new data keeps the view instead of re-fitting
};

class Explorer {
public:
    explicit Explorer(Session& session) : m_session(session) {}

    // Draws the whole window. Call between ImGui::NewFrame() and ImGui::Render().
    void Frame();
    // True once per user request of that kind.
    bool TakeRequest(Request request);

    ViewState& view() { return m_view; }
    // The bins the timeline shows now (for tests and exports).
    const core::TimeBins& TimelineBins() const { return m_bins; }
    // The names the top lists show, as drawn (VisualText), for tests and exports.
    std::vector<std::string> ListedTexts() const;

private:
    void Refresh();
    void DrawToolbar();
    void DrawProgress();
    void DrawSummary();
    void DrawTimeline();
    void DrawTopTable(const char* id, const char* title, const std::vector<core::TopItem>& items);
    void DrawImportReport();
    void FitView();

    Session& m_session;
    ViewState m_view;
    uint64_t m_generation = UINT64_MAX;
    std::chrono::steady_clock::time_point m_refreshed_at{};
    double m_refresh_seconds = 0;  // how long the last refresh took
    uint32_t m_requests = 0;

    // Cached results (recomputed in Refresh()); the lists' texts are in visual order (VisualText).
    core::Summary m_summary;
    std::vector<core::TopItem> m_top_hashtags, m_top_mentions, m_top_authors;
    core::TimeBins m_bins;
    core::UnixSeconds m_bins_view_start = 0, m_bins_view_end = 0;
    float m_bins_width = 0;
};

}  // namespace chorus::shell
