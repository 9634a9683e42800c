// The explorer in a time zone (COUNTING.md rules 45-47): the timeline's bins follow the session's zone
// as core::Histogram does, with a 25-hour day where New York falls back (2017-11-05 06:00Z, EDT -4 ->
// EST -5), and since:/until: in the query bar are read on that zone's clock, re-read when it changes.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "explorer.hpp"
#include "export_csv.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "test_support.hpp"
#include "time_utc.hpp"
#include "timeline.hpp"

using chorus::core::ParseIsoTime;
using chorus::core::UnixSeconds;
using chorus::shell::Explorer;
using chorus::shell::ItemRegistry;
using chorus::shell::Session;

namespace {

using Headless = chorus::test::Headless;

// One post at each instant (written here, not a sample): around New York's fall-back.
// As Twitter v1.1 writes them: 2017-11-03T12:00Z, 11-04T12:00Z, 11-05T03:30Z, 11-05T04:30Z, 11-06T04:30Z,
// 11-06T05:30Z, 11-07T12:00Z.
const char* const kTimes[] = {"Fri Nov 03 12:00:00 +0000 2017", "Sat Nov 04 12:00:00 +0000 2017",
                              "Sun Nov 05 03:30:00 +0000 2017", "Sun Nov 05 04:30:00 +0000 2017",
                              "Mon Nov 06 04:30:00 +0000 2017", "Mon Nov 06 05:30:00 +0000 2017",
                              "Tue Nov 07 12:00:00 +0000 2017"};

void LoadFallBack(Session& session) {
    std::string text;
    int id = 500;
    for (const char* t : kTimes) {
        text += "{\"created_at\": \"" + std::string(t) + "\", \"id\": " + std::to_string(id) + ", \"id_str\": \"" +
                std::to_string(id) +
                "\", \"text\": \"a post\", \"user\": {\"id\": 7, \"id_str\": \"7\", \"screen_name\": \"clock\"}}\n";
        ++id;
    }
    chorus::test::FeedInSlices(session.ingest(), "fall_back.jsonl", text, 1 << 16);
    session.Changed();
}

std::vector<std::string> SelectedTimes(const Session& session, const Explorer& explorer) {
    std::vector<std::string> out;
    for (chorus::core::RowId row : explorer.Selected().ToRows())
        out.push_back(chorus::core::FormatIsoUtc(session.dataset().TimeOf(row)));
    return out;
}

}  // namespace

TEST_CASE("timeline zone: the explorer's day bins in New York equal core::Histogram, one day 25 hours") {
    Headless ui;
    Session session;
    LoadFallBack(session);
    REQUIRE(session.dataset().Posts() == 7);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    // UTC first: the bins are the UTC histogram.
    chorus::core::TimeBins utc = explorer.TimelineBins();
    REQUIRE(utc.step == chorus::core::kDay);
    CHECK(utc.start % chorus::core::kDay == 0);

    REQUIRE(session.SetTimeZone("America/New_York"));
    ui.Frame(explorer, 3);
    const chorus::core::TimeBins& bins = explorer.TimelineBins();
    const chorus::core::TimeZone& zone = session.time_zone();
    REQUIRE(bins.step == chorus::core::kDay);
    CHECK(bins.start ==
          chorus::core::ZoneFloor(explorer.view().view_start, chorus::core::CalendarUnit::Fixed, bins.step, zone));
    chorus::core::TimeBins want =
        chorus::core::Histogram(session.dataset(), bins.start, bins.step, bins.counts.size(), zone);
    CHECK(bins.counts == want.counts);
    CHECK(bins.edges == want.edges);
    REQUIRE(bins.edges.size() == bins.counts.size() + 1);
    CHECK(bins.edges.back() >= explorer.view().view_end);                 // the bins cover the view
    CHECK(bins.edges[bins.edges.size() - 2] < explorer.view().view_end);  // and no more
    // Nov 5 on New York's clock: [04:00Z, next day 05:00Z), 25 hours, with the 04:30Z posts of both days.
    int long_days = 0;
    uint64_t total = 0;
    for (size_t i = 0; i < bins.counts.size(); ++i) {
        total += bins.counts[i];
        int64_t width = bins.edges[i + 1] - bins.edges[i];
        CHECK((width == chorus::core::kDay || width == 25 * chorus::core::kHour));
        if (width != 25 * chorus::core::kHour) continue;
        ++long_days;
        CHECK(bins.edges[i] == ParseIsoTime("2017-11-05T04:00:00Z"));
        CHECK(bins.counts[i] == 2);
    }
    CHECK(long_days == 1);
    CHECK(total == 7);
    // Midnight New York time is not midnight UTC: the zone's bins are not the UTC ones.
    CHECK(bins.start % chorus::core::kDay != 0);

    // The CSV export writes the same edges on the zone's clock and names the zone.
    std::string csv = chorus::shell::TimelineCsv(bins, {}, zone);
    CHECK(csv.find("bin start (America/New_York),bin end (America/New_York)") != std::string::npos);
    CHECK(csv.find("\r\n2017-11-05T00:00:00-04:00,2017-11-06T00:00:00-05:00,2,2\r\n") != std::string::npos);
}

TEST_CASE("timeline zone: since:/until: in the query bar read the zone's dates, re-read on a new zone") {
    Headless ui;
    Session session;
    LoadFallBack(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    explorer.view().query = "since:2017-11-05 until:2017-11-06";
    ui.Frame(explorer, 2);
    // UTC: Nov 5 is [00:00Z, 24:00Z).
    CHECK(SelectedTimes(session, explorer) == std::vector<std::string>{"2017-11-05T03:30:00Z", "2017-11-05T04:30:00Z"});
    // New York: the same text is Nov 5 on New York's clock, [04:00Z, next day 05:00Z): a new zone
    // re-parses the unchanged text.
    REQUIRE(session.SetTimeZone("America/New_York"));
    ui.Frame(explorer, 2);
    CHECK(SelectedTimes(session, explorer) == std::vector<std::string>{"2017-11-05T04:30:00Z", "2017-11-06T04:30:00Z"});
    CHECK_FALSE(explorer.QueryErrorShown().has_value());
    // The timeline's bars are the query's posts: both in the 25-hour bin.
    const chorus::core::TimeBins& bins = explorer.TimelineBins();
    for (size_t i = 0; i < bins.counts.size(); ++i)
        CHECK(bins.counts[i] == (bins.edges[i] == ParseIsoTime("2017-11-05T04:00:00Z") ? 2u : 0u));
    // Back to UTC: the UTC day again.
    REQUIRE(session.SetTimeZone("UTC"));
    ui.Frame(explorer, 2);
    CHECK(SelectedTimes(session, explorer) == std::vector<std::string>{"2017-11-05T03:30:00Z", "2017-11-05T04:30:00Z"});
}

TEST_CASE("timeline zone: a compared series' since:/until: follow the zone, re-read on a new zone") {
    Headless ui;
    Session session;
    LoadFallBack(session);
    Explorer explorer(session);
    ui.Frame(explorer, 3);
    std::string message;
    REQUIRE(explorer.AddSeries("since:2017-11-05 until:2017-11-06", message));
    ui.Frame(explorer, 2);
    REQUIRE(session.SetTimeZone("America/New_York"));
    ui.Frame(explorer, 3);
    REQUIRE(explorer.Timeline().series.size() == 1);
    const chorus::shell::TimelineSeries& series = explorer.Timeline().series[0];
    const chorus::core::TimeBins& bins = explorer.TimelineBins();
    CHECK(series.bins.edges == bins.edges);  // the same bins as the bars
    CHECK(series.total == 2);
    // Nov 5 on New York's clock holds both (04:30Z on the 5th and the 6th); with the UTC reading,
    // 03:30Z would fall in Nov 4's bin.
    for (size_t i = 0; i < series.bins.counts.size(); ++i)
        CHECK(series.bins.counts[i] == (series.bins.edges[i] == ParseIsoTime("2017-11-05T04:00:00Z") ? 2u : 0u));
}
