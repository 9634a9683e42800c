// first_frame_bench: the explorer's frames right after a dataset arrives (a load finished), until
// everything is ready: the summary, the index, the query's rows and the numbers counted (a program that
// prints numbers, not a test).
//
//   first_frame_bench [--posts N] [--open FILE.chorus] [--seed S] [--frames-after F]
// --open reads a snapshot (gen_dump --posts 10000000 --seed 11 | chorus snapshot /dev/stdin -o 10M.chorus);
// --posts builds N synthetic posts (default 1000000) through Dataset::Add: Zipf-like authors and hashtags,
// a language mix, four post types, in time order. Then draws the explorer on ImGui's null backend
// (1280 x 800): one frame with no data, the data arrives (Session::Changed), frames until nothing is
// prepared, evaluated or counted (Updating() false), then F more frames (default 3, the first bins and
// the reader). Prints one JSON line: first_frame_ms (the frame in which the data arrived), max_frame_ms
// (every frame until ready), frames and seconds until ready, max_after_ms.
// --before 1 adds a line "before": the explorer's work as it was before the preparation was stepped
// (shell/explorer_preparation.cpp), replayed with the same core calls and no drawing: in the first frame a
// QueryIndex, Summarize and the first count (SelectionCount: 65536 rows, then steps while 6 ms last),
// then the count's steps one frame at a time. --verbose 1 prints every frame over 10 ms until ready.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "../headless_context.hpp"
#include "aggregate.hpp"
#include "bench_support.hpp"
#include "explorer.hpp"
#include "peaks.hpp"
#include "snapshot.hpp"
#include "summary.hpp"

using namespace chorus;

namespace {

// An index drawn with probability ~ 1/(rank+1) among n (inverse of the harmonic CDF, approximately).
size_t Zipf(std::mt19937_64& rng, size_t n) {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return std::min(n - 1, static_cast<size_t>(std::exp(u * std::log(static_cast<double>(n) + 1.0))) - 1);
}

void Build(core::Dataset& ds, size_t posts, uint64_t seed) {
    const size_t file = ds.BeginFile("synthetic");
    std::mt19937_64 rng(seed);
    const size_t n_authors = std::max<size_t>(100, posts / 8), n_tags = std::max<size_t>(100, posts / 40);
    static constexpr const char* kLangs[] = {"en", "en", "en", "es", "fr", "de", "ja", "pt", "und"};
    core::PostRecord r;
    std::string id, author, name, tag1, tag2, mention, text;
    for (size_t i = 0; i < posts; ++i) {
        r.Clear();
        id = std::to_string(10000000000 + i);
        r.id = id;
        r.time = 1600000000 + static_cast<core::UnixSeconds>(i * 2592000 / std::max<size_t>(1, posts));
        const uint64_t kind = rng() % 10;
        r.type = kind < 6    ? core::PostType::Retweet
                 : kind == 6 ? core::PostType::Quote
                 : kind == 7 ? core::PostType::Reply
                             : core::PostType::Original;
        const size_t a = Zipf(rng, n_authors);
        author = std::to_string(a + 1);
        name = "user" + author;
        r.author_id = author;
        r.author_name = name;
        r.lang = kLangs[rng() % std::size(kLangs)];
        text = "post number " + id;
        r.text = text;
        const uint64_t tags = rng() % 3;
        if (tags > 0) {
            tag1 = "tag" + std::to_string(Zipf(rng, n_tags));
            r.hashtags.push_back(tag1);
        }
        if (tags > 1) {
            tag2 = "tag" + std::to_string(Zipf(rng, n_tags));
            if (tag2 != tag1) r.hashtags.push_back(tag2);
        }
        if (rng() % 2 == 0) {
            mention = "user" + std::to_string(Zipf(rng, n_authors) + 1);
            r.mentions.push_back(mention);
        }
        ds.Add(r, file, i + 1);
    }
}

// The explorer's first frames before the preparation: see --before above.
void Before(const core::Dataset& ds) {
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    auto frame_start = t0;
    auto ms_since = [](Clock::time_point t) {
        return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    };
    core::QueryIndex index(ds);
    core::Summary summary = core::Summarize(ds);
    const core::Selection all = core::Selection::All(ds.Posts());
    core::OverviewRequest request{
        {std::begin(shell::kListFields), std::end(shell::kListFields)}, 20, core::Amplification::Both, std::nullopt};
    core::SelectionCount count;
    count.Start(index, all, request);
    auto budget_end = frame_start + shell::kFrameWork;
    bool done = count.Step(size_t{1} << 16);
    while (!done && Clock::now() < budget_end)
        done = count.Step(shell::kStepRows);
    const double first = ms_since(frame_start);
    double max_ms = first;
    int frames = 1;
    while (!done) {
        frame_start = Clock::now();
        budget_end = frame_start + shell::kFrameWork;
        done = count.Step(size_t{1} << 16);
        while (!done && Clock::now() < budget_end)
            done = count.Step(shell::kStepRows);
        max_ms = std::max(max_ms, ms_since(frame_start));
        ++frames;
    }
    std::printf(
        "{\"before\": true, \"posts\": %zu, \"authors\": %llu, \"first_frame_ms\": %.1f, \"max_frame_ms\": %.1f, "
        "\"frames_until_ready\": %d, \"seconds_until_ready\": %.3f}\n",
        ds.Posts(), static_cast<unsigned long long>(summary.authors), first, max_ms, frames, ms_since(t0) / 1000);
}

}  // namespace

int main(int argc, char** argv) {
    const bench::Flags flags(argc, argv);
    const std::string open = flags.Text("--open");
    const size_t posts = flags.Count("--posts", 1000000);
    const uint64_t seed = flags.Count("--seed", 11);
    const int after = std::max(0, flags.Int("--frames-after", 3));
    const bool before = flags.Int("--before", 0) != 0;
    const bool verbose = flags.Int("--verbose", 0) != 0;
    test::CreateHeadlessContext();
    int status = 0;
    {
        shell::Session session;
        shell::Explorer explorer(session);
        bench::FrameMs(explorer);
        bench::FrameMs(explorer);
        const auto t_load = std::chrono::steady_clock::now();
        if (!open.empty()) {
            if (!bench::OpenSnapshot("first_frame_bench", open, session.dataset())) status = 1;
        } else {
            Build(session.dataset(), posts, seed);
        }
        const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_load).count();
        if (status == 0) {
            session.Changed();
            const auto t0 = std::chrono::steady_clock::now();
            const double first = bench::FrameMs(explorer);
            double max_ms = first;
            int frames = 1;
            int preparing = 0;  // frames of the preparation (rule 112), before the counting of every post
            while (explorer.Updating() && frames < 1000000) {
                preparing += explorer.Preparing() ? 1 : 0;
                const double ms = bench::FrameMs(explorer);
                if (verbose && ms > 10)
                    std::printf("frame %d: %.1f ms%s\n", frames, ms, explorer.Preparing() ? " (preparing)" : "");
                max_ms = std::max(max_ms, ms);
                ++frames;
            }
            const double ready_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            double max_after = 0;
            for (int i = 0; i < after; ++i)
                max_after = std::max(max_after, bench::FrameMs(explorer));
            // The timeline's peaks over every post (core/peaks, drawn in the frame the numbers are ready): timed
            // alone, to tell the explorer's share of that frame from theirs.
            core::PeakOptions options;
            options.bin = explorer.Timeline().peak_bin;
            options.zone = session.time_zone();
            const auto t_peaks = std::chrono::steady_clock::now();
            const core::PeakReport peaks =
                core::FindPeaks(session.dataset(), core::Selection::All(session.dataset().Posts()), options);
            const double peaks_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_peaks).count();
            std::printf(
                "{\"posts\": %zu, \"source\": \"%s\", \"load_s\": %.2f, \"first_frame_ms\": %.1f, \"max_frame_ms\": "
                "%.1f, \"frames_until_ready\": %d, \"frames_preparing\": %d, \"seconds_until_ready\": %.3f, "
                "\"max_after_ms\": %.1f, "
                "\"find_peaks_all_ms\": %.1f, \"peaks\": %zu}\n",
                session.dataset().Posts(), open.empty() ? "synthetic" : open.c_str(), load_s, first, max_ms, frames,
                preparing, ready_s, max_after, peaks_ms, peaks.peaks.size());
            if (before) Before(session.dataset());
        }
    }
    ImGui::DestroyContext();
    return status;
}
