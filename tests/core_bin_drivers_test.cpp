// What drove any bin (core/COUNTING.md, rule 105), hand-checked on small datasets built through Dataset::Add.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bin_drivers.hpp"

using namespace chorus::core;

namespace {

constexpr UnixSeconds kMonday = 1704067200;  // 2024-01-01T00:00:00Z

// Posts at whole minutes from kMonday.
struct Posts {
    Dataset ds;
    size_t file = ds.BeginFile("fixture");
    uint64_t id = 1;

    void At(int minute, std::string_view author, std::vector<std::string_view> tags,
            std::vector<std::string_view> links = {}) {
        std::string text_id = "p" + std::to_string(id++);
        PostRecord rec;
        rec.id = text_id;
        rec.time = kMonday + minute * 60;
        rec.author_id = author;
        rec.text = "text";
        rec.hashtags = std::move(tags);
        rec.links = std::move(links);
        REQUIRE(ds.Add(rec, file, id) == Dataset::AddResult::Added);
    }
    // Hours 0, 1, 2: two #daily posts of alice each, linking example.org then other.net; hour 3: three
    // #storm posts of bob linking news.org and two #daily posts of alice without a link.
    void Morning() {
        for (int h = 0; h < 3; ++h) {
            At(h * 60 + 1, "alice", {"daily"}, {"https://example.org/a"});
            At(h * 60 + 2, "alice", {"daily"}, {"https://other.net/b"});
        }
        for (int i = 0; i < 3; ++i)
            At(3 * 60 + 10 + i, "bob", {"storm"}, {"https://www.news.org/x"});
        At(3 * 60 + 20, "alice", {"daily"});
        At(3 * 60 + 21, "alice", {"daily"});
    }
    BinDrivers Drivers(UnixSeconds at, int64_t step = 3600) {
        BinDriversOptions options;
        options.step = step;
        return FindBinDrivers(ds, Selection::All(ds.Posts()), at, options);
    }
};

std::vector<std::string> Rows(const std::vector<PeakDriver>& drivers) {
    std::vector<std::string> out;
    for (const PeakDriver& d : drivers)
        out.push_back(d.text + " " + std::to_string(d.count) + "/" + std::to_string(d.window_count));
    return out;
}

}  // namespace

TEST_CASE("rule 105: a bin with fewer than 24 earlier bins is measured against every earlier post") {
    Posts p;
    p.Morning();
    BinDrivers d = p.Drivers(kMonday + 3 * 3600 + 1234);  // any time in hour 3
    CHECK(d.start == kMonday + 3 * 3600);
    CHECK(d.end == kMonday + 4 * 3600);
    CHECK(d.count == 5);
    CHECK(d.baseline == Baseline::Before);
    CHECK(d.baseline_start == kMonday - 21 * 3600);  // 24 hours before hour 3: the data reaches 3 of them
    CHECK(d.baseline_end == kMonday + 3 * 3600);
    CHECK(d.baseline_posts == 6);
    CHECK(d.baseline_bins == 3);  // rule 111: what it was compared with, said as it was
    CHECK(BaselineText(d) == "the 3 bins before it (every earlier post)");
    // storm 3/5 = 0.6 against 0/6; daily 2/5 against 6/6 fell: not listed.
    CHECK(Rows(d.hashtags) == std::vector<std::string>{"storm 3/0"});
    CHECK(d.hashtags[0].share == doctest::Approx(0.6));
    CHECK(d.hashtags[0].rise == doctest::Approx(0.6));
    CHECK(Rows(d.authors) == std::vector<std::string>{"bob 3/0"});
    CHECK(Rows(d.domains) == std::vector<std::string>{"news.org 3/0"});

    // Half-hour bins: [03:00, 03:30) holds the same five posts; its 24 half-hours before, the same six.
    BinDrivers half = p.Drivers(kMonday + 3 * 3600 + 60, 1800);
    CHECK(half.end - half.start == 1800);
    CHECK(half.count == 5);
    CHECK(half.baseline_posts == 6);
    CHECK(BaselineText(half) == "the 6 bins before it (every earlier post)");  // 00:00 to 03:00
    CHECK(Rows(half.hashtags) == Rows(d.hashtags));

    nlohmann::json j = nlohmann::json::parse(BinDriversJson(d, "#x"));
    CHECK(j["query"] == "#x");
    CHECK(j["step"] == 3600);
    CHECK(j["tz"] == "UTC");
    CHECK(j["start"] == "2024-01-01T03:00:00Z");
    CHECK(j["end"] == "2024-01-01T04:00:00Z");
    CHECK(j["count"] == 5);
    CHECK(j["baseline"] == "before");
    CHECK(j["baseline_start"] == "2023-12-31T03:00:00Z");
    CHECK(j["baseline_bins"] == 3);
    CHECK(j["baseline_posts"] == 6);
    CHECK(j["hashtags"][0]["value"] == "storm");
    CHECK(j["hashtags"][0]["window_count"] == 0);
    CHECK(j["hashtags"][0]["share"] == doctest::Approx(0.6));
}

TEST_CASE("rule 105: the data's first bin is measured against the 24 bins after it") {
    Posts p;
    p.Morning();
    BinDrivers d = p.Drivers(kMonday);
    CHECK(d.count == 2);
    CHECK(d.baseline == Baseline::After);
    CHECK(d.baseline_start == kMonday + 3600);
    CHECK(d.baseline_end == kMonday + 25 * 3600);
    CHECK(d.baseline_posts == 9);
    CHECK(BaselineText(d) == "the 3 bins after it (every later post)");  // the data ends in hour 3
    // daily 2/2 against 6/9: rise 1/3; alice the same; example.org and other.net 1/2 against 2/9 (rise 5/18),
    // a tie broken by text.
    CHECK(Rows(d.hashtags) == std::vector<std::string>{"daily 2/6"});
    CHECK(d.hashtags[0].rise == doctest::Approx(1.0 / 3));
    CHECK(Rows(d.authors) == std::vector<std::string>{"alice 2/6"});
    CHECK(Rows(d.domains) == std::vector<std::string>{"example.org 1/2", "other.net 1/2"});
    CHECK(d.domains[0].rise == doctest::Approx(0.5 - 2.0 / 9));
}

TEST_CASE("rule 105: alone in its 49 bins a bin has no baseline; an empty bin has no drivers") {
    Posts p;
    p.At(0, "alice", {"first"});
    p.At(60 * 30, "bob", {"later"});  // 30 hours on: outside hour 0's 24 bins after
    BinDrivers d = p.Drivers(kMonday + 5);
    CHECK(d.count == 1);
    CHECK(d.baseline == Baseline::None);
    CHECK(d.baseline_posts == 0);
    CHECK(Rows(d.hashtags) == std::vector<std::string>{"first 1/0"});
    CHECK(d.hashtags[0].window_share == 0.0);
    CHECK(d.baseline_bins == 0);
    CHECK(BaselineText(d) == "nothing");
    BinDrivers empty = p.Drivers(kMonday + 10 * 3600);
    CHECK(empty.count == 0);
    CHECK(empty.hashtags.empty());
    CHECK(empty.authors.empty());
}

TEST_CASE("rule 111: the baseline is said as compared: 24 bins, the bin, or fewer bins with every post") {
    Posts p;
    p.At(-30 * 60, "carol", {"early"});  // 30 hours before: hour 3 has all 24 bins before it
    p.Morning();
    BinDrivers full = p.Drivers(kMonday + 3 * 3600);
    CHECK(full.baseline == Baseline::Before);
    CHECK(full.baseline_bins == 24);
    CHECK(BaselineText(full) == "the 24 bins before it");
    CHECK(nlohmann::json::parse(BinDriversJson(full, ""))["baseline_bins"] == 24);
    BinDrivers second = p.Drivers(kMonday + 3600);  // hour 1: the data reaches 30 + 1 hours before it
    CHECK(BaselineText(second) == "the 24 bins before it");

    Posts q;
    q.Morning();
    BinDrivers one = q.Drivers(kMonday + 3600);  // hour 1: only hour 0 before it
    CHECK(one.baseline_bins == 1);
    CHECK(BaselineText(one) == "the bin before it (every earlier post)");
    BinDriversOptions options;  // a window of 2: the first bin's 2 bins after it are all there
    options.window = 2;
    BinDrivers first = FindBinDrivers(q.ds, Selection::All(q.ds.Posts()), kMonday, options);
    CHECK(first.baseline == Baseline::After);
    CHECK(first.baseline_bins == 2);
    CHECK(BaselineText(first) == "the 2 bins after it");
}

TEST_CASE("rule 105: at a peak, the drivers of its bin are the peak's (rule P2); only selected posts count") {
    Posts p;
    for (int h = 0; h < 25; ++h)
        for (int i = 0; i < 2; ++i)
            p.At(h * 60 + i, "alice", {"daily"}, {"https://example.org/a"});
    for (int i = 0; i < 6; ++i)
        p.At(25 * 60 + i, "bob", {"storm", i < 3 ? "rain" : "wind"}, {"https://www.news.org/x"});
    for (int i = 0; i < 4; ++i)
        p.At(25 * 60 + 30 + i, "carol", {"daily"});
    PeakReport report = FindPeaks(p.ds, Selection::All(p.ds.Posts()));
    REQUIRE(report.peaks.size() == 1);
    const Peak& peak = report.peaks[0];
    BinDrivers d = p.Drivers(peak.start);
    CHECK(d.start == peak.start);
    CHECK(d.count == peak.count);
    CHECK(d.baseline_posts == peak.window_posts);
    CHECK(Rows(d.hashtags) == Rows(peak.hashtags));
    CHECK(Rows(d.authors) == Rows(peak.authors));
    CHECK(Rows(d.domains) == Rows(peak.domains));
    CHECK(Rows(d.hashtags) == std::vector<std::string>{"storm 6/0", "rain 3/0", "wind 3/0"});

    // Only carol's four posts selected (rows 56..59): in hour 25 they are all there is, and no earlier
    // selected post exists, nor a later one: no baseline.
    Selection carol = Selection::None(p.ds.Posts());
    for (RowId r = 56; r < 60; ++r)
        carol.Add(r);
    BinDriversOptions options;
    BinDrivers only = FindBinDrivers(p.ds, carol, peak.start, options);
    CHECK(only.count == 4);
    CHECK(only.baseline == Baseline::None);
    CHECK(Rows(only.authors) == std::vector<std::string>{"carol 4/0"});
}

TEST_CASE("rule 105: the timeline's bin widths are the ones taken") {
    for (int64_t step : {1, 5, 60, 300, 900, 1800, 3600, 3 * 3600, 86400, 7 * 86400})
        CHECK(ValidBinStep(step));
    for (int64_t step : {0, -60, 7, 7000, 90000})
        CHECK_FALSE(ValidBinStep(step));
}
