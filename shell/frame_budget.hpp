// FrameBudget: how long the explorer's own work (preparing a new dataset's index, evaluating a query,
// ordering its rows in time, counting a selection) may take in one frame, shared by all of it.
// Frame() starts it once; each step asks Left() between pieces of work and stops when it is spent, so
// the frames stay short at 10 million posts whatever the user does (the rest waits for the next frame;
// the previous numbers stay drawn, marked "updating").
//
//   m_budget.Start();                                   // top of Explorer::Frame()
//   while (!done && m_budget.Left()) done = work.Step(kStepRows);
#pragma once

#include <chrono>
#include <cstddef>

namespace chorus::shell {

// A frame's share for the explorer's work: the rest of a 16 ms frame is ImGui, drawing and the browser.
inline constexpr std::chrono::microseconds kFrameWork{6000};
// While a new dataset is prepared and nothing is drawn yet ("Preparing the index", rule 112), twice that:
// no numbers wait to be read or brushed, the frame still ends within 16 ms with a GPU's drawing, and the
// user waits half as many frames (a 10M-post snapshot's preparation: 229 frames natively at 6 ms).
inline constexpr std::chrono::microseconds kFirstPreparationWork{12000};
// Rows per step of the pieces of work: small enough that one step stays well under a millisecond at
// 10 million posts, large enough that asking the clock between steps costs nothing.
inline constexpr size_t kStepRows = size_t{1} << 12;
// Rows of a first step done whatever the budget: a small selection (tests, a narrow brush) is complete in
// the frame it changes, and a long frame still moves the work on.
inline constexpr size_t kRowsAtOnce = size_t{1} << 16;

class FrameBudget {
public:
    using Clock = std::chrono::steady_clock;
    void Start(std::chrono::microseconds budget = kFrameWork) { m_end = Clock::now() + budget; }
    // Unlimited until the next Start(): an export needs the complete numbers now.
    void Unlimited() { m_end = Clock::time_point::max(); }
    bool Left() const { return m_end == Clock::time_point::max() || Clock::now() < m_end; }

private:
    Clock::time_point m_end = Clock::time_point::max();  // unlimited before the first frame (tests, exports)
};

}  // namespace chorus::shell
