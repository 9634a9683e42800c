// Rule 113: the explorer puts the query's rows in time order over frames; the brush is a run of them found
// by binary search, the bins and peaks are counted from them. With the smallest steps and no budget the
// numbers, once complete, are exactly the whole computation's: the selection of since:/until:, its lists,
// the query's bins and peaks.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "explorer.hpp"
#include "headless_ui.hpp"
#include "peaks.hpp"
#include "time_order_fixture.hpp"
#include "time_utc.hpp"
#include "visual_text.hpp"

using namespace chorus;

namespace {

struct Case {
    std::string query;
    bool brushed = false;
    core::UnixSeconds start = 0, end = 0;
};

// What the explorer shows once a selection is complete.
struct Shown {
    core::Selection selected;
    std::vector<std::string> lists;
    std::vector<uint64_t> bins;
    std::vector<core::UnixSeconds> edges;
    std::vector<core::UnixSeconds> peaks;
    uint64_t peak_posts = 0;
    std::vector<core::RowId> reader;  // the reader's rows (oldest first)
};

Shown Settle(test::Headless& ui, shell::Explorer& explorer, const Case& c, int max_frames) {
    explorer.view().query = c.query;
    explorer.view().brushed = c.brushed;
    explorer.view().brush_start = c.start;
    explorer.view().brush_end = c.end;
    ui.Frame(explorer);
    int frames = 0;
    for (; frames < max_frames && explorer.Updating(); ++frames)
        ui.Frame(explorer);
    REQUIRE_FALSE(explorer.Updating());
    ui.Frame(explorer);  // the timeline's bins and peaks of the new rows
    Shown s{explorer.Selected(),
            explorer.ListedTexts(),
            explorer.TimelineBins().counts,
            explorer.TimelineBins().edges,
            {},
            explorer.Timeline().peaks.posts,
            explorer.ReaderRows()};
    for (const core::Peak& p : explorer.Timeline().peaks.peaks)
        s.peaks.push_back(p.start);
    return s;
}

// The whole computation, as the explorer did it before rule 113: the query AND since:/until: of the brush.
core::Selection OldSelection(const shell::Session& session, const Case& c) {
    core::QueryIndex index(session.dataset());
    core::Selection rows = index.Select(core::ParseQuery(c.query, session.query_options()).query);
    if (c.brushed) {
        const std::string range = "since:" + core::FormatIsoUtc(c.start) + " until:" + core::FormatIsoUtc(c.end);
        core::ParsedQuery parsed = core::ParseQuery(range);
        REQUIRE(parsed.ok());
        rows.And(index.Select(parsed.query));
    }
    return rows;
}

std::vector<Case> Cases() {
    const core::UnixSeconds t0 = test::kOrderStart;
    return {
        {"", false},
        {"", true, t0 + 1000 * 3600, t0 + 1001 * 3600},             // the burst's hour, edges on equal times
        {"#tag0", true, t0 + 1000 * 3600 + 900, t0 + 1150 * 3600},  // start on a shared time: inclusive
        {"lang:en since:2023-12-01", true, t0 + 3 * 3600 + 1, t0 + 1999 * 3600 + 2700},  // most, all with a time:
        // the rows outside are removed from the query's
        {"lang:fr", true, t0 - 86400, t0 + 2400 * 3600},         // every post with a time, none without
        {"-#tag0", true, t0 + 500 * 3600, t0 + 500 * 3600},      // empty range
        {"from:user2", true, t0 + 600 * 3600, t0 + 200 * 3600},  // end before start
        {"#tag3 OR #tag4", true, t0 - 7200, t0 + 10},            // before the data, and its first seconds
        {"#tag1", false},
    };
}

}  // namespace

TEST_CASE("rule 113: brushing and typing with the smallest steps end with the whole computation's numbers") {
    test::Headless ui;
    shell::Session session;
    test::FillTimeOrderPosts(session.dataset(), 1500);
    session.Changed();
    shell::Explorer explorer(session);
    ui.Frame(explorer, 2);

    std::vector<Shown> whole;
    for (const Case& c : Cases()) {
        whole.push_back(Settle(ui, explorer, c, 10));  // default limits: small selections complete at once
        CHECK(whole.back().selected == OldSelection(session, c));
        // The reader's rows: the selection by time (posts without a time first), equal times by row.
        std::vector<core::RowId> by_time = whole.back().selected.ToRows();
        const core::Dataset& ds = session.dataset();
        std::stable_sort(by_time.begin(), by_time.end(),
                         [&ds](core::RowId a, core::RowId b) { return ds.TimeOf(a) < ds.TimeOf(b); });
        CHECK(whole.back().reader == by_time);
    }
    CHECK(whole[1].selected.Count() > 0);
    CHECK(whole[3].selected.Count() * 2 > whole[3].selected.Rows());
    CHECK(whole[5].selected.Empty());
    CHECK(!whole[0].peaks.empty());

    // The peaks and bins of the query are core's over its rows (the brush does not narrow them).
    {
        core::QueryIndex index(session.dataset());
        const core::Selection rows = index.Select(core::ParseQuery("#tag1").query);
        const core::TimeBins& bins = explorer.TimelineBins();
        const core::TimeBins want =
            core::Histogram(session.dataset(), rows, bins.start, bins.step, bins.counts.size(), session.time_zone());
        CHECK(bins.counts == want.counts);
        core::PeakOptions options = explorer.Timeline().peaks.options;
        const core::PeakReport peaks = core::FindPeaks(session.dataset(), rows, options);
        CHECK(explorer.Timeline().peaks.peaks.size() == peaks.peaks.size());
        CHECK(explorer.Timeline().peaks.posts == rows.Count());
    }

    struct Limits {
        shell::Explorer::WorkLimits limits;
        int frames;
    };
    const Limits stepped[] = {{{std::chrono::microseconds(0), 1, 1}, 20000},
                              {{std::chrono::microseconds(0), 37, 5}, 2000},
                              {{std::chrono::microseconds(40), 3, 1}, 5000}};
    for (const Limits& l : stepped) {
        explorer.SetWorkLimits(l.limits);
        const std::vector<Case> cases = Cases();
        for (size_t i = 0; i < cases.size(); ++i) {
            // The smallest steps are slow under the sanitizers: a typed query and a brush are enough.
            if (l.limits.at_once == 1 && i != 2 && i != 3) continue;
            CAPTURE(i);
            CAPTURE(l.limits.at_once);
            const Shown got = Settle(ui, explorer, cases[i], l.frames);
            CHECK(got.selected == whole[i].selected);
            CHECK(got.lists == whole[i].lists);
            CHECK(got.bins == whole[i].bins);
            CHECK(got.edges == whole[i].edges);
            CHECK(got.peaks == whole[i].peaks);
            CHECK(got.peak_posts == whole[i].peak_posts);
            CHECK(got.reader == whole[i].reader);
        }
    }
}

TEST_CASE("rule 113: while a new query is put in time order the previous selection and numbers stay, updating") {
    test::Headless ui;
    shell::Session session;
    test::FillTimeOrderPosts(session.dataset(), 1500);
    session.Changed();
    shell::Explorer explorer(session);
    ui.Frame(explorer, 2);
    const core::Selection all = explorer.Selected();
    const std::vector<std::string> lists = explorer.ListedTexts();
    explorer.SetWorkLimits({std::chrono::microseconds(0), 50, 50});
    explorer.view().query = "#tag0";
    explorer.view().brushed = true;
    explorer.view().brush_start = test::kOrderStart + 1000 * 3600;
    explorer.view().brush_end = test::kOrderStart + 1001 * 3600;
    // Updating from the change on, before a frame has started its evaluation (the page's tests wait on it).
    CHECK(explorer.Updating());
    CHECK(explorer.SelectionJson().find("\"updating\":true") != std::string::npos);
    CHECK(explorer.Selected() == all);
    ui.Frame(explorer);
    int frames = 0;
    for (; frames < 1000 && explorer.Updating(); ++frames) {
        ui.Frame(explorer);
        if (!explorer.Updating()) break;
        CHECK(explorer.SelectionJson().find("\"updating\":true") != std::string::npos);
        if (explorer.Selected() == all) CHECK(explorer.ListedTexts() == lists);  // the previous numbers stay
    }
    CHECK(frames > 20);  // 1500 rows evaluated, then ordered, 50 a frame
    REQUIRE_FALSE(explorer.Updating());
    CHECK(explorer.Selected() ==
          OldSelection(session, {"#tag0", true, explorer.view().brush_start, explorer.view().brush_end}));
}
