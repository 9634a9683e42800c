// The numbers of a new selection (summary strip, top lists, the reader's rows in time order) are
// counted a slice at a time: at most about kSlice of counting per frame, so brushing and typing
// keep a frame rate at 10 million posts. Until the count is complete the previous numbers stay drawn,
// marked "updating"; a selection of up to kRowsAtOnce rows is always counted in the frame it changes.
// A new query's rows are evaluated the same way before (core/query_evaluation.hpp): kRowsAtOnce rows at least,
// then blocks of rows until kSlice has passed; the previous selection stays drawn until it is complete.
#include <chrono>
#include <utility>

#include "explorer.hpp"
#include "visual_text.hpp"

namespace chorus::shell {
namespace {

constexpr std::chrono::microseconds kSlice{6000};
constexpr size_t kRowsAtOnce = size_t{1} << 16;
constexpr size_t kStepRows = size_t{1} << 14;

}  // namespace

bool Explorer::StepEvaluation() {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point until = Clock::now() + kSlice;
    bool done = m_evaluation.Step(kRowsAtOnce);
    while (!done && Clock::now() < until)
        done = m_evaluation.Step(kStepRows);
    return done;
}

void Explorer::StepCounting(bool to_the_end) {
    if (m_counting.Done()) return;
    using Clock = std::chrono::steady_clock;
    const Clock::time_point until = Clock::now() + kSlice;
    bool done = m_counting.Step(kRowsAtOnce);
    while (!done && (to_the_end || Clock::now() < until))
        done = m_counting.Step(kStepRows);
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
