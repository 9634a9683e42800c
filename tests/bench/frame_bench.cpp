// frame_bench: the explorer's own frame time while the user brushes and types, at millions of posts (a
// program that prints numbers, not a test).
//
//   frame_bench --open FILE.chorus [--frames N]
// Opens a snapshot (gen_dump --posts 10000000 --seed 11 | chorus snapshot /dev/stdin -o 10M.chorus), draws the
// explorer on ImGui's null backend (1280 x 800) and prints one JSON line per phase with our frame ms (NewFrame
// + Explorer::Frame + Render) p50 / p95 / max and the frames and ms until the last change was complete:
//   brush  a drag: the brush's end moves by 1/400 of the data's span a frame, N frames
//   type   "#metoo" typed a character a frame, then the brush of the same query dragged, N frames
// Then one line per piece of work a change did before rule 113 and does now, timed alone on the last brush
// and query (ms): the brushed selection (copy + And(Select(since/until)) vs a binary search in the rows in
// time order), the query's bins (a pass over the selection vs binary searches) and its peaks.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "../headless_context.hpp"
#include "aggregate.hpp"
#include "bench_support.hpp"
#include "explorer.hpp"
#include "peaks.hpp"
#include "snapshot.hpp"
#include "time_utc.hpp"

using namespace chorus;

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

struct Phase {
    std::vector<double> ms;
    void Print(const char* name, shell::Explorer& explorer, size_t posts) {
        // The last change: frames (and their ms) until complete.
        int frames = 0;
        double until_done = 0;
        for (; explorer.Updating() && frames < 100000; ++frames)
            until_done += bench::FrameMs(explorer);
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        std::printf(
            "{\"phase\": \"%s\", \"posts\": %zu, \"frames\": %zu, \"ours_ms\": {\"p50\": %.2f, \"p95\": %.2f, "
            "\"max\": %.2f}, \"last_change\": {\"frames\": %d, \"ms\": %.1f}, \"selected\": %zu}\n",
            name, posts, sorted.size(), sorted[sorted.size() / 2], sorted[sorted.size() * 95 / 100], sorted.back(),
            frames, until_done, explorer.Selected().Count());
        std::fflush(stdout);
    }
};

double Best(int runs, const std::function<void()>& work) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        work();
        best = std::min(best, Ms(t0));
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const bench::Flags flags(argc, argv);
    const std::string open = flags.Text("--open");
    const int frames = std::max(10, flags.Int("--frames", 200));
    if (open.empty()) {
        std::fprintf(stderr, "usage: frame_bench --open FILE.chorus [--frames N]\n");
        return 2;
    }
    shell::Session session;
    if (!bench::OpenSnapshot("frame_bench", open, session.dataset())) return 1;
    session.Changed();
    test::CreateHeadlessContext();
    {
        shell::Explorer explorer(session);
        const core::Dataset& ds = session.dataset();
        bench::FramesUntilReady(explorer);
        const auto& times = ds.SortedTimes();
        const core::UnixSeconds first = times.front(), span = std::max<core::UnixSeconds>(400, times.back() - first);
        auto drag = [&](Phase& phase) {
            explorer.view().brushed = true;
            explorer.view().brush_start = first + span / 4;
            explorer.view().brush_end = first + span / 4;
            for (int i = 0; i < frames; ++i) {
                explorer.view().brush_end += span / 400;
                phase.ms.push_back(bench::FrameMs(explorer));
            }
        };
        Phase brush;
        drag(brush);
        brush.Print("brush", explorer, ds.Posts());

        Phase type;
        explorer.view().brushed = false;
        const std::string query = "#metoo";
        for (size_t n = 1; n <= query.size(); ++n) {
            explorer.view().query = query.substr(0, n);
            type.ms.push_back(bench::FrameMs(explorer));
        }
        drag(type);
        type.Print("type", explorer, ds.Posts());

        // The pieces of work of one change, before rule 113 and now.
        core::QueryIndex index(ds);
        const core::Selection rows = index.Select(core::ParseQuery(query).query);
        std::vector<core::RowId> order;
        const double order_ms = Best(1, [&] {
            order.clear();
            for (size_t i = 0; i < times.size(); ++i)
                if (rows.Contains(times.RowAt(i))) order.push_back(times.RowAt(i));
        });
        const core::UnixSeconds b0 = explorer.view().brush_start, b1 = explorer.view().brush_end;
        const double old_brush = Best(3, [&] {
            core::Selection selected = rows;
            selected.And(index.Select(
                core::ParseQuery("since:" + core::FormatIsoUtc(b0) + " until:" + core::FormatIsoUtc(b1)).query));
        });
        const core::PostTimes& column = ds.TimeColumn();
        auto before = [&column](core::RowId r, core::UnixSeconds t) { return column[r] < t; };
        const double new_brush = Best(3, [&] {
            auto lo = std::lower_bound(order.begin(), order.end(), b0, before);
            auto hi = std::lower_bound(lo, order.end(), b1, before);
            core::Selection selected(rows.Rows());
            selected.AddRows(
                std::span<const core::RowId>(order.data() + (lo - order.begin()), static_cast<size_t>(hi - lo)));
        });
        const core::TimeBins& shown = explorer.TimelineBins();
        const double old_bins = Best(
            3, [&] { core::Histogram(ds, rows, shown.start, shown.step, shown.counts.size(), session.time_zone()); });
        const double new_bins = Best(
            3, [&] { core::Histogram(ds, order, shown.start, shown.step, shown.counts.size(), session.time_zone()); });
        core::PeakOptions options = explorer.Timeline().peaks.options;
        const double old_peaks = Best(1, [&] { core::FindPeaks(ds, rows, options); });
        const double new_peaks = Best(3, [&] { core::FindPeaks(ds, order, rows.Count(), options, false); });
        std::printf(
            "{\"pieces\": \"%s\", \"rows\": %zu, \"brushed\": {\"before_ms\": %.2f, \"now_ms\": %.2f}, \"bins\": "
            "{\"before_ms\": %.2f, \"now_ms\": %.3f}, \"peaks\": {\"before_ms\": %.2f, \"now_ms\": %.3f}, "
            "\"time_order_ms\": %.1f}\n",
            query.c_str(), rows.Count(), old_brush, new_brush, old_bins, new_bins, old_peaks, new_peaks, order_ms);
    }
    ImGui::DestroyContext();
    return 0;
}
