// Peaks (core/COUNTING.md, "Peaks"), hand-checked on small datasets built through Dataset::Add.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "peaks.hpp"

using namespace chorus::core;

namespace {

constexpr UnixSeconds kStart = 1704067200;  // 2024-01-01T00:00:00Z, a Monday
constexpr UnixSeconds kHour = 3600;

struct Builder {
    Dataset ds;
    size_t file = ds.BeginFile("synthetic");
    uint64_t next_id = 1;

    void Post(int hour, std::string_view author, std::vector<std::string_view> tags = {},
              std::vector<std::string_view> links = {}) {
        std::string id = std::to_string(next_id++);
        PostRecord rec;
        rec.id = id;
        rec.time = kStart + hour * kHour + 60;
        rec.author_id = author;
        rec.text = "post";
        rec.hashtags = std::move(tags);
        rec.links = std::move(links);
        REQUIRE(ds.Add(rec, file, next_id) == Dataset::AddResult::Added);
    }
    // `n` plain posts in each of hours [from, to).
    void Flat(int from, int to, int n) {
        for (int h = from; h < to; ++h)
            for (int i = 0; i < n; ++i)
                Post(h, "alice", {"daily"}, {i % 2 == 0 ? "https://example.org/a" : "https://other.net/b"});
    }
    PeakReport Find(PeakOptions options = {}) { return FindPeaks(ds, Selection::All(ds.Posts()), options); }
};

std::vector<std::string> Texts(const std::vector<PeakDriver>& drivers) {
    std::vector<std::string> out;
    for (const PeakDriver& d : drivers)
        out.push_back(d.text + "=" + std::to_string(d.count) + "/" + std::to_string(d.window_count));
    return out;
}

}  // namespace

TEST_CASE("peaks P1: a bin at z >= 3 over its trailing 24 bins is a peak; the bins after it are not") {
    Builder b;
    b.Flat(0, 25, 2);  // hours 0..24: 2 posts each
    // Hour 25: 10 posts, 6 of them #storm by bob linking news.org.
    for (int i = 0; i < 6; ++i)
        b.Post(25, "bob", {"storm"}, {i < 5 ? "https://www.news.org/x" : "https://example.org/a"});
    for (int i = 0; i < 4; ++i)
        b.Post(25, "alice", {"daily"});
    b.Flat(26, 30, 2);
    PeakReport report = b.Find();
    CHECK(report.series.counts.size() == 30);
    CHECK(report.posts == 68);
    REQUIRE(report.peaks.size() == 1);
    const Peak& p = report.peaks[0];
    // Window = hours 1..24, 2 posts each: mean 2, stddev 0, so z = (10 - 2) / max(0, 1) = 8.
    CHECK(p.bin == 25);
    CHECK(p.start == kStart + 25 * kHour);
    CHECK(p.end == kStart + 26 * kHour);
    CHECK(p.count == 10);
    CHECK(p.mean == doctest::Approx(2.0));
    CHECK(p.stddev == doctest::Approx(0.0));
    CHECK(p.z == doctest::Approx(8.0));
    CHECK(p.window_posts == 48);
    // Hour 26's window is hours 2..25: mean 56/24, stddev sqrt(192/24 - (56/24)^2) = 1.599; 2 posts: z < 0.
}

TEST_CASE("peaks P2: drivers are the values whose share rose most from the window to the peak") {
    Builder b;
    b.Flat(0, 25, 2);
    for (int i = 0; i < 6; ++i)
        b.Post(25, "bob", {"storm", i < 3 ? "rain" : "wind"},
               {i < 5 ? "https://www.news.org/x" : "https://example.org/a"});
    for (int i = 0; i < 4; ++i)
        b.Post(25, "alice", {"daily"});
    PeakReport report = b.Find();
    REQUIRE(report.peaks.size() == 1);
    const Peak& p = report.peaks[0];
    // storm 6/10 vs 0/48: rise 0.6; rain and wind 3/10: rise 0.3 (tie: peak count, then text);
    // daily 4/10 vs 48/48 falls: not listed.
    CHECK(Texts(p.hashtags) == std::vector<std::string>{"storm=6/0", "rain=3/0", "wind=3/0"});
    CHECK(p.hashtags[0].share == doctest::Approx(0.6));
    CHECK(p.hashtags[0].window_share == doctest::Approx(0.0));
    CHECK(p.hashtags[0].rise == doctest::Approx(0.6));
    CHECK(Texts(p.authors) == std::vector<std::string>{"bob=6/0"});
    // news.org 5/10 vs 0: rise 0.5. example.org: 1/10 vs 24/48 falls.
    CHECK(Texts(p.domains) == std::vector<std::string>{"news.org=5/0"});
    PeakOptions two;
    two.drivers = 2;
    CHECK(Texts(b.Find(two).peaks[0].hashtags) == std::vector<std::string>{"storm=6/0", "rain=3/0"});
}

TEST_CASE("peaks P1: below the minimum count, or without a full window, a bin is not a peak") {
    Builder b;
    b.Post(0, "alice");
    b.Post(3, "alice");  // a burst at hour 3 has no 24-bin window before it
    b.Post(3, "alice");
    b.Post(3, "alice");
    b.Post(3, "alice");
    b.Post(3, "alice");
    b.Post(3, "alice");
    for (int i = 0; i < 4; ++i)
        b.Post(30, "bob");  // z = (4 - 0) / 1 = 4, but 4 posts < 5
    for (int i = 0; i < 5; ++i)
        b.Post(40, "carol");  // z = 5 and 5 posts: a peak
    PeakReport report = b.Find();
    REQUIRE(report.peaks.size() == 1);
    CHECK(report.peaks[0].bin == 40);
    CHECK(report.peaks[0].mean == doctest::Approx(4.0 / 24));
    // Window hours 16..39 holds only hour 30's 4 posts: stddev sqrt(16/24 - (4/24)^2) = 0.799 < 1.
    CHECK(report.peaks[0].z == doctest::Approx((5 - 4.0 / 24) / 1.0));
    PeakOptions short_window;
    short_window.window = 2;
    short_window.min_count = 4;
    PeakReport shorter = b.Find(short_window);
    REQUIRE(shorter.peaks.size() == 3);  // hours 3, 30 and 40: each after 2 empty hours
    CHECK(shorter.peaks[0].bin == 3);
}

TEST_CASE("peaks P3: only the selected posts count, over the dataset's span") {
    Builder b;
    b.Flat(0, 25, 2);
    for (int i = 0; i < 10; ++i)
        b.Post(25, "bob", {"storm"});
    Selection none = Selection::None(b.ds.Posts());
    PeakReport empty = FindPeaks(b.ds, none);
    CHECK(empty.peaks.empty());
    CHECK(empty.series.counts.size() == 26);
    std::string json = PeaksJson(b.Find(), "q");
    CHECK(json.find("\"peaks\":[{\"start\":\"2024-01-02T01:00:00Z\",\"end\":\"2024-01-02T02:00:00Z\",\"count\":10") !=
          std::string::npos);
}

TEST_CASE("peaks in a zone: the bins are the zone's local days, as the timeline's; UTC unchanged") {
    // Days 0..3: 2 posts each at 12:01Z (21:01 in Tokyo, the same date); day 4: 10 posts at 20:01Z,
    // which is 05:01 on the next date in Tokyo (+09:00, no DST).
    Builder b;
    for (int day = 0; day < 4; ++day)
        for (int i = 0; i < 2; ++i)
            b.Post(day * 24 + 12, "alice", {"daily"});
    for (int i = 0; i < 10; ++i)
        b.Post(4 * 24 + 20, "bob", {"storm"});
    PeakOptions options;
    options.bin = TimeBin::Day;
    options.window = 3;
    const PeakReport utc = b.Find(options);
    // UTC: days 0..4; day 4's window is days 1..3 (2, 2, 2): z = (10 - 2) / 1 = 8.
    REQUIRE(utc.peaks.size() == 1);
    CHECK(utc.peaks[0].start == kStart + 4 * 24 * kHour);
    CHECK(utc.peaks[0].z == doctest::Approx(8.0));
    CHECK(PeaksJson(utc, "").find("\"tz\":\"UTC\"") != std::string::npos);
    CHECK(PeaksJson(utc, "").find("\"start\":\"2024-01-05T00:00:00Z\"") != std::string::npos);

    TimeZoneResult tokyo = LoadTimeZone("Asia/Tokyo");
    REQUIRE_MESSAGE(tokyo.ok(), tokyo.error);
    options.zone = tokyo.zone;
    const PeakReport local = b.Find(options);
    // Tokyo: local days 0..5, day 4 empty; day 5's window is days 2..4 (2, 2, 0): mean 4/3,
    // stddev sqrt(8/9) < 1, so z = 10 - 4/3.
    const TimeSeries timeline = CountByTime(b.ds, Selection::All(b.ds.Posts()), TimeBin::Day, tokyo.zone);
    CHECK(local.series.edges == timeline.edges);
    CHECK(local.series.counts == timeline.counts);
    CHECK(local.series.counts == std::vector<uint64_t>{2, 2, 2, 2, 0, 10});
    REQUIRE(local.peaks.size() == 1);
    CHECK(local.peaks[0].start == kStart + 5 * 24 * kHour - 9 * kHour);  // 2024-01-06T00:00+09:00
    CHECK(local.peaks[0].end == kStart + 6 * 24 * kHour - 9 * kHour);
    CHECK(local.peaks[0].z == doctest::Approx(10.0 - 4.0 / 3.0));
    CHECK(Texts(local.peaks[0].hashtags) == std::vector<std::string>{"storm=10/0"});
    const std::string json = PeaksJson(local, "");
    CHECK(json.find("\"tz\":\"Asia/Tokyo\"") != std::string::npos);
    CHECK(json.find("\"start\":\"2024-01-06T00:00:00+09:00\",\"end\":\"2024-01-07T00:00:00+09:00\"") !=
          std::string::npos);
}
