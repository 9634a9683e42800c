// timeline_bench: the explorer's frame work while the timeline pans with 8 compared series and bars
// stacked by type (a program that prints numbers, not a test).
//
//   timeline_bench --open FILE.chorus [--frames N]
// Opens a snapshot (e.g. gen_dump --posts 1000000 --seed 11 | chorus snapshot /dev/stdin -o 1m.chorus),
// draws the explorer on ImGui's null backend (1280 x 800), compares the 8 most used hashtags as series,
// stacks the bars, shows a quarter of the data's span (then 6 hours) in the middle of the data and pans it
// by 1/200 of the view a frame (a drag of about 5 px), N frames (default 120). Prints one JSON line per
// run: the view still (the frame's floor), the series' bins counted every frame (as before
// shell/series_cache.hpp) and kept between frames; frame_ms: median, mean and p90 of NewFrame +
// Explorer::Frame + Render.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "../headless_context.hpp"
#include "aggregate.hpp"
#include "bench_support.hpp"
#include "explorer.hpp"
#include "series_cache.hpp"
#include "snapshot.hpp"

using namespace chorus;

int main(int argc, char** argv) {
    const bench::Flags flags(argc, argv);
    const std::string open = flags.Text("--open");
    const int frames = std::max(1, flags.Int("--frames", 120));
    if (open.empty()) {
        std::fprintf(stderr, "usage: timeline_bench --open FILE.chorus [--frames N]\n");
        return 2;
    }
    shell::Session session;
    if (!bench::OpenSnapshot("timeline_bench", open, session.dataset())) return 1;
    session.Changed();
    test::CreateHeadlessContext();
    {
        shell::Explorer explorer(session);
        const core::Dataset& ds = session.dataset();
        bench::FramesUntilReady(explorer);
        core::TopList tags = core::TopK(ds, core::Selection::All(ds.Posts()), core::EntityField::Hashtag, 8);
        std::string message;
        for (const core::TopItem& tag : tags.items)
            explorer.AddSeries("#" + tag.text, message);
        explorer.Timeline().stacked = true;
        const auto& times = ds.SortedTimes();
        const core::UnixSeconds first = times.front();
        const core::UnixSeconds quarter = std::max<core::UnixSeconds>(4, (times.back() - first) / 4);
        struct Run {
            core::UnixSeconds span;
            const char* mode;  // "still": no pan (the frame's floor)
        };
        const Run runs[] = {{quarter, "still"},
                            {quarter, "counted every frame"},
                            {quarter, "kept"},
                            {6 * core::kHour, "counted every frame"},
                            {6 * core::kHour, "kept"}};
        for (const Run& run : runs) {
            const std::string mode = run.mode;
            const core::UnixSeconds span = run.span;
            shell::BinCache::SetEnabled(mode != "counted every frame");
            explorer.view().view_start = first + quarter * 2;
            explorer.view().view_end = first + quarter * 2 + span;
            explorer.view().user_moved = true;
            for (int i = 0; i < 3; ++i)
                bench::FrameMs(explorer);
            std::vector<double> ms;
            for (int i = 0; i < frames; ++i) {
                const core::UnixSeconds shift = mode == "still" ? 0 : std::max<core::UnixSeconds>(1, span / 200);
                explorer.view().view_start += shift;
                explorer.view().view_end += shift;
                ms.push_back(bench::FrameMs(explorer));
            }
            double mean = 0;
            for (double m : ms)
                mean += m / static_cast<double>(ms.size());
            std::sort(ms.begin(), ms.end());
            std::printf(
                "{\"posts\": %zu, \"series\": %zu, \"stacked\": true, \"bins\": %zu, \"step\": %lld, \"mode\": \"%s\", "
                "\"frames\": %d, \"frame_ms\": {\"median\": %.3f, \"mean\": %.3f, \"p90\": %.3f}}\n",
                ds.Posts(), explorer.Timeline().series.size(), explorer.TimelineBins().counts.size(),
                static_cast<long long>(explorer.TimelineBins().step), run.mode, frames, ms[ms.size() / 2], mean,
                ms[ms.size() * 9 / 10]);
        }
        shell::BinCache::SetEnabled(true);
    }
    ImGui::DestroyContext();
    return 0;
}
