// A new dataset (a load finished, a refresh during a load, a new zone) is prepared a piece at a time
// within the frame's budget (frame_budget.hpp): its summary and the index the first query and count read
// (core/dataset_preparation.hpp). At 10 million posts that is seconds of work, once done in one frame.
// Until the preparation is complete nothing reads it and the previous numbers, lists and bins stay drawn;
// with none yet (the first load, new data), the line "Preparing the index of N posts: X%" (COUNTING.md,
// rule 112). A preparation made for fewer rows than the dataset has by then (a load went on) is not used:
// another starts, throttled during a load as the refreshes always were.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "explorer.hpp"
#include "panel_common.hpp"

namespace chorus::shell {

bool Explorer::IndexCurrent() const {
    const core::Dataset& ds = m_session.dataset();
    return m_index && !m_preparation && m_dataset == &ds && m_index_rows == ds.Posts();
}

void Explorer::DropData() {
    // The dataset they read may be gone (Session::Reset): nothing may reach it through them any more.
    m_evaluation.Cancel();
    m_counting.Cancel();
    m_preparation.reset();
    // The query's rows and their time order are rows of the old dataset (rule 113): none until evaluated again.
    m_order_at = SIZE_MAX;
    m_brush_ranges.clear();
    m_pending_rows = m_query_rows = m_selected = core::Selection();
    m_pending_order.clear();
    m_query_order.clear();
    m_selected_order = {0, 0};
    m_bins_width = -1;
    m_index.reset();
    m_dataset = nullptr;
    m_index_rows = 0;
    m_prepared_generation = UINT64_MAX;
    m_summary = core::Summary{};
}

void Explorer::RefreshData() {
    const core::Dataset& ds = m_session.dataset();
    // A new dataset (or fewer rows): what was prepared or drawn of the old one must not be read.
    if (m_dataset != nullptr &&
        (&ds != m_dataset || ds.Posts() < m_index_rows || (m_preparation && ds.Posts() < m_preparation->Rows())))
        DropData();
    if (m_prepared_generation != m_session.Generation()) {
        // During a load the numbers refresh while the posts stream in, but the refresh may take at most
        // about a tenth of the time: a big dataset refreshes less often instead of slowing the load
        // (and not before the numbers of the last refresh are counted: explorer_counting.cpp).
        const double since = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_refreshed_at).count();
        const bool nothing = !m_index && !m_preparation;
        // (A count that cannot go on, its rows overtaken by the load, does not hold the next one back.)
        const bool throttled =
            m_session.progress().active &&
            (m_preparation || since < std::max(0.1, 10 * m_refresh_seconds) || (Updating() && IndexCurrent()));
        if (nothing || !throttled) StartPreparation();
    }
    StepPreparation();
}

void Explorer::StartPreparation() {
    const core::Dataset& ds = m_session.dataset();
    m_prepared_generation = m_session.Generation();
    m_dataset = &ds;
    m_preparation = std::make_unique<core::DatasetPreparation>(ds, kListFields);
    m_preparation_seconds = 0;
}

void Explorer::StepPreparation() {
    if (!m_preparation) return;
    const auto start = std::chrono::steady_clock::now();
    bool done = m_preparation->Step(kStepRows);  // a step at least: it ends even on a tiny budget
    while (!done && m_budget.Left())
        done = m_preparation->Step(kStepRows);
    const auto end = std::chrono::steady_clock::now();
    m_preparation_seconds += std::chrono::duration<double>(end - start).count();
    if (!done) return;
    std::unique_ptr<core::DatasetPreparation> preparation = std::move(m_preparation);
    if (preparation->Rows() != m_session.dataset().Posts()) {
        // Rows came in meanwhile: its index would drop its caches on first use. Another preparation
        // follows (at once when nothing is drawn yet, else as the throttle allows).
        m_prepared_generation = UINT64_MAX;
        m_refreshed_at = end;
        m_refresh_seconds = m_preparation_seconds;
        return;
    }
    m_generation = m_prepared_generation;
    m_index = preparation->TakeIndex();
    m_index_rows = preparation->Rows();
    m_summary = preparation->summary();
    m_selection_dirty = true;
    if (m_view.brushed && m_summary.posts == 0) m_view.brushed = false;
    if (!m_view.user_moved || m_summary.posts == 0) FitView();
    m_refreshed_at = end;
    m_refresh_seconds = m_preparation_seconds;
}

void Explorer::DrawPreparing() {
    if (!m_preparation) return;
    const float fraction = static_cast<float>(m_preparation->Progress());
    ImGui::Text("Preparing the index of %s posts: %.0f%%", Thousands(m_preparation->Rows()).c_str(),
                std::floor(100.0 * fraction));
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), "");
}

}  // namespace chorus::shell
