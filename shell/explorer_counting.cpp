// The numbers of a new selection (summary strip, top lists, the reader's rows in time order) are
// counted a piece at a time, within the frame's budget (frame_budget.hpp), so brushing and typing
// keep a frame rate at 10 million posts. Until the count is complete the previous numbers stay drawn,
// marked "updating"; a selection of up to kRowsAtOnce rows is always counted in the frame it changes.
// A new query's rows are evaluated the same way before (core/query_evaluation.hpp): kRowsAtOnce rows at least,
// then blocks of rows while the budget lasts; the previous selection stays drawn until it is complete.
// Then its rows are put in time order the same way (rule 113), and the brush selects a run of them.
#include <algorithm>
#include <utility>

#include "explorer.hpp"
#include "visual_text.hpp"

namespace chorus::shell {

// A first step of m_limits.at_once rows whatever the budget only when the whole piece of work is that small (a small
// selection is complete in the frame it changes); a bigger one goes by steps of m_limits.step while the budget
// lasts (at 10 million posts 64K rows of counting are about 10 ms: a first step that size broke the budget).
size_t Explorer::FirstStep(size_t work) const {
    return work <= m_limits.at_once ? m_limits.at_once : m_limits.step;
}

bool Explorer::StepEvaluation() {
    bool done = m_evaluation.Step(FirstStep(m_session.dataset().Posts()));
    while (!done && m_budget.Left())
        done = m_evaluation.Step(m_limits.step);
    return done;
}

// A new query's rows (m_pending_rows) in time order: the dataset's sorted times walked a block at a time,
// keeping the rows the query selected. A dataset that grew meanwhile (a load) re-sorted its times: start again.
bool Explorer::StepOrdering() {
    const core::SortedTimesView sorted = m_session.dataset().SortedTimes();
    if (m_order_at == 0 || sorted.size() != m_order_size) {
        m_order_at = 0;
        m_order_size = sorted.size();
        m_pending_order.clear();
        // Room for every row at once: growing by doubling copied up to 40 MB in one frame at 10 million posts.
        m_pending_order.reserve(m_pending_rows.Count());
    }
    const size_t rows = m_pending_rows.Rows();
    auto step = [&](size_t n) {
        const size_t end = std::min(sorted.size(), m_order_at + n);
        for (; m_order_at < end; ++m_order_at) {
            const core::RowId row = sorted.RowAt(m_order_at);
            if (row < rows && m_pending_rows.Contains(row)) m_pending_order.push_back(row);
        }
        return m_order_at == sorted.size();
    };
    bool done = step(FirstStep(sorted.size()));
    while (!done && m_budget.Left())
        done = step(m_limits.step);
    return done;
}

// Rule 113: the brushed range [start, end) selects the query's posts with since:start until:end (rules Q7,
// 47): a time known, start <= time < end. In time order they are one run of m_query_order, found by binary
// search; the selection is built from that run, or from the query's rows minus the rest when that is shorter,
// a block of rows at a time within the frame's budget (the previous selection stays drawn until complete).
void Explorer::StartBrush() {
    m_brush_ranges.clear();
    if (!m_view.brushed) {
        m_selected = m_query_rows;
        m_selected_order = {0, m_query_order.size()};
        return;
    }
    const core::PostTimes& times = m_session.dataset().TimeColumn();
    auto before = [&times](core::RowId row, core::UnixSeconds t) { return times[row] < t; };
    const auto first = m_query_order.begin(), last = m_query_order.end();
    const auto lo = std::lower_bound(first, last, m_view.brush_start, before);
    const auto hi = m_view.brush_end <= m_view.brush_start ? lo : std::lower_bound(lo, last, m_view.brush_end, before);
    m_counting.Cancel();  // the count of a selection about to go: the numbers drawn stay until the new ones
    const auto from = static_cast<size_t>(lo - first), to = static_cast<size_t>(hi - first), n = m_query_order.size();
    m_selected_order = {from, to};
    m_brush_removing = m_query_rows.Count() == n && n - (to - from) < to - from;
    if (m_brush_removing) {  // every selected post has a time: remove the ones outside
        m_brush_rows = m_query_rows;
        m_brush_ranges = {{0, from}, {to, n}};
    } else {
        m_brush_rows = core::Selection(m_query_rows.Rows());
        m_brush_ranges = {{from, to}};
    }
}

bool Explorer::StepBrush() {
    auto step = [&](size_t rows) {
        while (rows > 0 && !m_brush_ranges.empty()) {
            auto& [from, to] = m_brush_ranges.front();
            const size_t end = std::min(to, from + rows);
            rows -= end - from;
            for (; from < end; ++from)
                m_brush_removing ? m_brush_rows.Remove(m_query_order[from]) : m_brush_rows.Add(m_query_order[from]);
            if (from == to) m_brush_ranges.erase(m_brush_ranges.begin());
        }
        return m_brush_ranges.empty();
    };
    size_t left = 0;
    for (const auto& [from, to] : m_brush_ranges)
        left += to - from;
    bool done = step(FirstStep(left));
    while (!done && m_budget.Left())
        done = step(m_limits.step);
    return done;
}

void Explorer::StepCounting(bool to_the_end) {
    if (m_counting.Done()) return;
    bool done = m_counting.Step(FirstStep(m_selected.Count()));
    while (!done && (to_the_end || m_budget.Left()))
        done = m_counting.Step(m_limits.step);
    if (!done) return;
    m_stats = m_counting.summary();
    core::Overview& overview = m_counting.overview();
    for (size_t i = 0; i < kListCount; ++i) {
        m_lists[i] = std::move(overview.tops[i]);
        m_list_texts[i].clear();
        for (const core::TopItem& item : m_lists[i].items)
            m_list_texts[i].push_back(m_cluster_glyphs.Drawn(item.text));  // emoji clusters as one glyph
    }
    // Swapped, not copied: the count reuses the previous rows' buffer next time.
    m_reader_rows.swap(m_counting.time_order());
    if (m_reader_order != core::PostOrder::TimeAscending)
        core::SortPosts(m_session.dataset(), m_reader_rows, m_reader_order);
}

}  // namespace chorus::shell
