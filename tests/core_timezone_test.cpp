// Time zones (COUNTING.md, rules 45-49). Fixture tz_posts.jsonl: one post at each UTC instant below.
//   New York fall-back (2017-11-05 06:00Z, EDT -4 -> EST -5): 11-05 03:30Z, 04:30Z; 11-06 04:30Z, 05:30Z
//   New York spring-forward (2017-03-12 07:00Z, EST -> EDT):  03-12 04:30Z, 05:30Z; 03-13 03:30Z, 04:30Z
//   Paris fall-back (2017-10-29 01:00Z): 00:15Z, 01:15Z, 01:45Z; Paris spring (2017-03-26 01:00Z): 01:30Z
//   Kolkata / Kathmandu: 2017-10-16 09:00Z, 09:40Z; Lord Howe (DST from 2017-09-30 15:30Z): 15:45Z
//   Los Angeles: 2017-10-15 06:59:59Z, 07:00:00Z
// Every expected value below was worked out by hand from the zones' rules (and agrees with zdump).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aggregate.hpp"
#include "query.hpp"
#include "test_support.hpp"
#include "time_utc.hpp"
#include "time_zone.hpp"
#include "timeline.hpp"

using namespace chorus::core;

namespace {

using Counts = std::vector<uint64_t>;

UnixSeconds T(const char* iso) {
    UnixSeconds t = ParseIsoTime(iso);
    REQUIRE(t != kNoTime);
    return t;
}

TimeZone Zone(const char* name) {
    TimeZoneResult r = LoadTimeZone(name);
    REQUIRE_MESSAGE(r.ok(), r.error);
    return r.zone;
}

struct TzFixture {
    Dataset ds;
    TzFixture() { chorus::test::LoadSummary(ds, {"tz_posts.jsonl"}); }
    Selection All() const { return Selection::All(ds.Posts()); }
    TimeSeries Series(TimeBin bin, const char* first, const char* last, const TimeZone& zone) const {
        return CountByTime(ds, All(), bin, T(first), T(last), zone);
    }
};

std::vector<std::string> Labels(const TimeSeries& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.counts.size(); ++i)
        out.push_back(FormatIsoLocal(s.edges[i], s.zone));
    return out;
}

std::vector<int64_t> Widths(const TimeSeries& s) {
    std::vector<int64_t> out;
    for (size_t i = 0; i + 1 < s.edges.size(); ++i)
        out.push_back(s.edges[i + 1] - s.edges[i]);
    return out;
}

}  // namespace

TEST_CASE("time zone: offsets from TZif data, and UTC without any data") {
    TimeZone ny = Zone("America/New_York");
    CHECK(ny.Name() == "America/New_York");
    CHECK(ny.OffsetAt(T("2017-07-01T00:00:00Z")) == -4 * 3600);
    CHECK(ny.OffsetAt(T("2017-01-01T00:00:00Z")) == -5 * 3600);
    CHECK(ny.OffsetAt(T("2017-11-05T05:59:59Z")) == -4 * 3600);
    CHECK(ny.OffsetAt(T("2017-11-05T06:00:00Z")) == -5 * 3600);
    CHECK(Zone("Asia/Kolkata").OffsetAt(T("2017-10-16T09:00:00Z")) == 5 * 3600 + 1800);
    CHECK(Zone("Asia/Kathmandu").OffsetAt(T("2017-10-16T09:00:00Z")) == 5 * 3600 + 2700);
    TimeZone lhi = Zone("Australia/Lord_Howe");
    CHECK(lhi.OffsetAt(T("2017-09-30T15:29:59Z")) == 10 * 3600 + 1800);
    CHECK(lhi.OffsetAt(T("2017-09-30T15:30:00Z")) == 11 * 3600);
    // A link name loads its zone.
    CHECK(Zone("Asia/Calcutta").OffsetAt(T("2017-10-16T09:00:00Z")) == 5 * 3600 + 1800);

    const char* old = std::getenv("TZDIR");
    std::string saved = old ? old : "";
    setenv("TZDIR", "/nonexistent-zoneinfo", 1);
    TimeZoneResult utc = LoadTimeZone("UTC");
    if (old) {
        setenv("TZDIR", saved.c_str(), 1);
    } else {
        unsetenv("TZDIR");
    }
    CHECK(utc.ok());
    CHECK(utc.zone.IsUtc());
    CHECK(utc.zone.OffsetAt(T("2017-07-01T00:00:00Z")) == 0);
    CHECK(TimeZone().Name() == "UTC");
}

TEST_CASE("time zone: an unknown or malformed zone is an error naming it, never a crash") {
    TimeZoneResult r = LoadTimeZone("Mars/Olympus_Mons");
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("Mars/Olympus_Mons") != std::string::npos);
    CHECK(r.zone.IsUtc());
    for (const char* bad : {"", "../../etc/passwd", "/etc/passwd", "Europe/../Europe/Paris", "Europe", "Europe/"})
        CHECK_FALSE(LoadTimeZone(bad).ok());
    TimeZoneResult junk = ParseTimeZone("Test/Junk", std::string("TZif2") + std::string(60, '\xff'));
    CHECK_FALSE(junk.ok());
    CHECK(junk.error.find("Test/Junk") != std::string::npos);
    CHECK_FALSE(ParseTimeZone("Test/Empty", "").ok());
    CHECK_FALSE(ParsePosixTimeZone("Test/Rule", "EST5EDT,M13.2.0,M11.1.0").ok());
}

TEST_CASE("time zone: the POSIX footer rule answers after the last transition, in any year") {
    TimeZone ny = Zone("America/New_York");
    // 2040: second Sunday of March is the 11th, first Sunday of November the 4th.
    CHECK(ny.OffsetAt(T("2040-03-11T06:59:59Z")) == -5 * 3600);
    CHECK(ny.OffsetAt(T("2040-03-11T07:00:00Z")) == -4 * 3600);
    CHECK(ny.OffsetAt(T("2040-11-04T05:59:59Z")) == -4 * 3600);
    CHECK(ny.OffsetAt(T("2040-11-04T06:00:00Z")) == -5 * 3600);
    // 2500 (past the 400-year window the rule is unrolled over): March 1 is a Monday, so the 14th.
    CHECK(ny.OffsetAt(T("2500-03-14T06:59:59Z")) == -5 * 3600);
    CHECK(ny.OffsetAt(T("2500-03-14T07:00:00Z")) == -4 * 3600);
    ZonePeriod p = ny.PeriodAt(T("2500-06-01T00:00:00Z"));
    CHECK(p.begin == T("2500-03-14T07:00:00Z"));
    CHECK(p.end == T("2500-11-07T06:00:00Z"));
    // The same rule written by hand gives the same offsets.
    TimeZoneResult rule = ParsePosixTimeZone("EST5EDT rule", "EST5EDT,M3.2.0,M11.1.0");
    REQUIRE(rule.ok());
    for (const char* t :
         {"2030-03-10T06:59:59Z", "2030-03-10T07:00:00Z", "2030-11-03T05:59:59Z", "2030-11-03T06:00:00Z"})
        CHECK(rule.zone.OffsetAt(T(t)) == ny.OffsetAt(T(t)));
    // Negative DST (Europe/Dublin's footer): standard time +1 in summer, "winter time" 0.
    TimeZoneResult dublin = ParsePosixTimeZone("Dublin rule", "IST-1GMT0,M10.5.0,M3.5.0/1");
    REQUIRE(dublin.ok());
    CHECK(dublin.zone.OffsetAt(T("2030-07-01T00:00:00Z")) == 3600);
    CHECK(dublin.zone.OffsetAt(T("2030-01-01T00:00:00Z")) == 0);
    // Southern hemisphere: Sydney is on daylight time in January.
    CHECK(Zone("Australia/Sydney").OffsetAt(T("2045-01-15T00:00:00Z")) == 11 * 3600);
    CHECK(Zone("Australia/Sydney").OffsetAt(T("2045-07-15T00:00:00Z")) == 10 * 3600);
}

TEST_CASE("time zone: a local time maps to the first instant its clock reads it (gaps forward, overlaps earlier)") {
    TimeZone ny = Zone("America/New_York");
    auto local = [](int64_t y, unsigned m, unsigned d, int h, int mi) {
        return DaysFromCivil(y, m, d) * 86400 + h * 3600 + mi * 60;
    };
    CHECK(ny.LocalToUtc(local(2017, 7, 1, 12, 0)) == T("2017-07-01T16:00:00Z"));
    // 02:30 on 2017-03-12 never happened: the clock jumped from 02:00 EST to 03:00 EDT.
    CHECK(ny.LocalToUtc(local(2017, 3, 12, 2, 30)) == T("2017-03-12T07:00:00Z"));
    // 01:30 on 2017-11-05 happened twice (EDT, then EST): the earlier one.
    CHECK(ny.LocalToUtc(local(2017, 11, 5, 1, 30)) == T("2017-11-05T05:30:00Z"));
    CHECK(ny.LocalToUtc(local(2017, 11, 5, 2, 0)) == T("2017-11-05T07:00:00Z"));
    CHECK(Zone("Australia/Lord_Howe").LocalToUtc(local(2017, 10, 1, 2, 10)) == T("2017-09-30T15:30:00Z"));
    CHECK(FormatIsoLocal(T("2017-11-05T05:30:00Z"), ny) == "2017-11-05T01:30:00-04:00");
    CHECK(FormatIsoLocal(T("2017-11-05T06:30:00Z"), ny) == "2017-11-05T01:30:00-05:00");
    CHECK(FormatIsoLocal(T("2017-11-05T06:30:00Z"), TimeZone()) == "2017-11-05T06:30:00Z");
}

TEST_CASE("time zone: New York day bins hold a 25-hour and a 23-hour day") {
    TzFixture f;
    TimeZone ny = Zone("America/New_York");
    TimeSeries fall = f.Series(TimeBin::Day, "2017-11-05T03:30:00Z", "2017-11-06T05:30:00Z", ny);
    CHECK(Labels(fall) == std::vector<std::string>{"2017-11-04T00:00:00-04:00", "2017-11-05T00:00:00-04:00",
                                                   "2017-11-06T00:00:00-05:00"});
    CHECK(Widths(fall) == std::vector<int64_t>{24 * 3600, 25 * 3600, 24 * 3600});
    CHECK(fall.counts == Counts{1, 2, 1});  // 2017-11-06T04:30Z is 23:30 on the 5th in New York
    TimeSeries spring = f.Series(TimeBin::Day, "2017-03-12T04:30:00Z", "2017-03-13T04:30:00Z", ny);
    CHECK(Labels(spring) == std::vector<std::string>{"2017-03-11T00:00:00-05:00", "2017-03-12T00:00:00-05:00",
                                                     "2017-03-13T00:00:00-04:00"});
    CHECK(Widths(spring) == std::vector<int64_t>{24 * 3600, 23 * 3600, 24 * 3600});
    CHECK(spring.counts == Counts{1, 2, 1});
    // In UTC the same posts fall on other days.
    CHECK(CountByTime(f.ds, f.All(), TimeBin::Day, T("2017-11-05T03:30:00Z"), T("2017-11-06T05:30:00Z")).counts ==
          Counts{2, 2});
}

TEST_CASE("time zone: Paris hour bins repeat 02:00 at the fall-back and skip it in spring") {
    TzFixture f;
    TimeZone paris = Zone("Europe/Paris");
    TimeSeries fall = f.Series(TimeBin::Hour, "2017-10-28T23:00:00Z", "2017-10-29T02:59:00Z", paris);
    CHECK(Labels(fall) == std::vector<std::string>{"2017-10-29T01:00:00+02:00", "2017-10-29T02:00:00+02:00",
                                                   "2017-10-29T02:00:00+01:00", "2017-10-29T03:00:00+01:00"});
    CHECK(fall.counts == Counts{0, 1, 2, 0});
    TimeSeries spring = f.Series(TimeBin::Hour, "2017-03-26T00:00:00Z", "2017-03-26T02:59:00Z", paris);
    CHECK(Labels(spring) == std::vector<std::string>{"2017-03-26T01:00:00+01:00", "2017-03-26T03:00:00+02:00",
                                                     "2017-03-26T04:00:00+02:00"});
    CHECK(spring.counts == Counts{0, 1, 0});
    TimeSeries day = f.Series(TimeBin::Day, "2017-03-26T01:30:00Z", "2017-03-26T01:30:00Z", paris);
    CHECK(day.edges == std::vector<UnixSeconds>{T("2017-03-25T23:00:00Z"), T("2017-03-26T22:00:00Z")});
}

TEST_CASE("time zone: hour bins start at local :00 in +05:30, +05:45 and Lord Howe's half-hour shift") {
    TzFixture f;
    TimeSeries india = f.Series(TimeBin::Hour, "2017-10-16T08:00:00Z", "2017-10-16T09:59:00Z", Zone("Asia/Kolkata"));
    CHECK(india.edges == std::vector<UnixSeconds>{T("2017-10-16T07:30:00Z"), T("2017-10-16T08:30:00Z"),
                                                  T("2017-10-16T09:30:00Z"), T("2017-10-16T10:30:00Z")});
    CHECK(Labels(india) == std::vector<std::string>{"2017-10-16T13:00:00+05:30", "2017-10-16T14:00:00+05:30",
                                                    "2017-10-16T15:00:00+05:30"});
    CHECK(india.counts == Counts{0, 1, 1});
    TimeSeries nepal = f.Series(TimeBin::Hour, "2017-10-16T08:00:00Z", "2017-10-16T09:59:00Z", Zone("Asia/Kathmandu"));
    CHECK(nepal.edges.front() == T("2017-10-16T07:15:00Z"));
    CHECK(Labels(nepal) == std::vector<std::string>{"2017-10-16T13:00:00+05:45", "2017-10-16T14:00:00+05:45",
                                                    "2017-10-16T15:00:00+05:45"});
    CHECK(nepal.counts == Counts{0, 1, 1});
    // Lord Howe moves from +10:30 to +11:00 at 02:00 local: the 02:00 hour lasts 30 minutes (02:30-03:00).
    TimeZone lhi = Zone("Australia/Lord_Howe");
    TimeSeries shift = f.Series(TimeBin::Hour, "2017-09-30T14:00:00Z", "2017-09-30T16:59:00Z", lhi);
    CHECK(Labels(shift) == std::vector<std::string>{"2017-10-01T00:00:00+10:30", "2017-10-01T01:00:00+10:30",
                                                    "2017-10-01T02:30:00+11:00", "2017-10-01T03:00:00+11:00"});
    CHECK(Widths(shift) == std::vector<int64_t>{3600, 3600, 1800, 3600});
    CHECK(shift.counts == Counts{0, 0, 1, 0});
    TimeSeries day = f.Series(TimeBin::Day, "2017-09-30T15:45:00Z", "2017-09-30T15:45:00Z", lhi);
    CHECK(Widths(day) == std::vector<int64_t>{23 * 3600 + 1800});
}

TEST_CASE("time zone: ISO week, month and year bins follow the local calendar") {
    TimeZone ny = Zone("America/New_York");
    // 2017-11-06T04:30Z is Sunday 23:30 in New York: the week of Monday 2017-10-30, not 11-06 as in UTC.
    CHECK(BinFloor(T("2017-11-06T04:30:00Z"), TimeBin::Week, ny) == T("2017-10-30T04:00:00Z"));
    CHECK(BinNext(T("2017-10-30T04:00:00Z"), TimeBin::Week, ny) == T("2017-11-06T05:00:00Z"));  // 169 hours
    CHECK(BinFloor(T("2017-11-06T04:30:00Z"), TimeBin::Week, TimeZone()) == T("2017-11-06T00:00:00Z"));
    CHECK(BinFloor(T("2017-11-15T00:00:00Z"), TimeBin::Month, ny) == T("2017-11-01T04:00:00Z"));
    CHECK(BinNext(T("2017-11-01T04:00:00Z"), TimeBin::Month, ny) == T("2017-12-01T05:00:00Z"));
    TimeZone tokyo = Zone("Asia/Tokyo");
    CHECK(BinFloor(T("2017-10-31T16:00:00Z"), TimeBin::Month, tokyo) == T("2017-10-31T15:00:00Z"));
    CHECK(BinFloor(T("2017-12-31T23:30:00Z"), TimeBin::Year, Zone("Europe/Paris")) == T("2017-12-31T23:00:00Z"));
    CHECK(BinNext(T("2017-12-31T23:00:00Z"), TimeBin::Year, Zone("Europe/Paris")) == T("2018-12-31T23:00:00Z"));
    // Samoa skipped 2011-12-30 entirely (from -10 to +14): the day has no bin.
    TimeZone apia = Zone("Pacific/Apia");
    UnixSeconds dec29 = BinFloor(T("2011-12-30T09:00:00Z"), TimeBin::Day, apia);
    CHECK(FormatIsoLocal(dec29, apia) == "2011-12-29T00:00:00-10:00");
    CHECK(FormatIsoLocal(BinNext(dec29, TimeBin::Day, apia), apia) == "2011-12-31T00:00:00+14:00");
}

TEST_CASE("time zone: the timeline's fixed steps align to the local clock; UTC stays as it was") {
    TzFixture f;
    TimeZone ny = Zone("America/New_York");
    TimeBins days = Histogram(f.ds, T("2017-11-05T03:30:00Z"), kDay, 3, ny);
    CHECK(days.edges == std::vector<UnixSeconds>{T("2017-11-04T04:00:00Z"), T("2017-11-05T04:00:00Z"),
                                                 T("2017-11-06T05:00:00Z"), T("2017-11-07T05:00:00Z")});
    CHECK(days.counts == Counts{1, 2, 1});
    Selection some = Selection::All(f.ds.Posts());
    CHECK(Histogram(f.ds, some, T("2017-11-05T03:30:00Z"), kDay, 3, ny).counts == days.counts);
    TimeBins utc = Histogram(f.ds, T("2017-11-05T03:30:00Z"), kDay, 3, TimeZone());
    CHECK(utc.start == T("2017-11-05T00:00:00Z"));
    CHECK(utc.counts == Histogram(f.ds, T("2017-11-05T03:30:00Z"), kDay, 3).counts);
    CHECK(utc.edges.back() == T("2017-11-08T00:00:00Z"));
    // Week steps start at local Monday 00:00 (here the week of the fall-back is 169 hours), as ISO weeks.
    TimeBins weeks = Histogram(f.ds, T("2017-11-05T03:30:00Z"), kWeek, 1, ny);
    CHECK(weeks.edges == std::vector<UnixSeconds>{T("2017-10-30T04:00:00Z"), T("2017-11-06T05:00:00Z")});
    CHECK(weeks.edges.front() == BinFloor(T("2017-11-05T03:30:00Z"), TimeBin::Week, ny));
    // Month steps start at local midnight on the first (New York: 04:00Z in summer time, 05:00Z in winter).
    TimeBins months = Histogram(f.ds, T("2017-10-15T00:00:00Z"), kMonth, 2, ny);
    CHECK(months.edges ==
          std::vector<UnixSeconds>{T("2017-10-01T04:00:00Z"), T("2017-11-01T04:00:00Z"), T("2017-12-01T05:00:00Z")});
    CHECK(months.edges[1] == BinNext(months.edges[0], TimeBin::Month, ny));
    // Half-hour steps in Kolkata line up with UTC ones; hours do not.
    TimeBins half = Histogram(f.ds, T("2017-10-16T09:10:00Z"), 30 * kMinute, 2, Zone("Asia/Kolkata"));
    CHECK(half.start == T("2017-10-16T09:00:00Z"));
    CHECK(half.counts == Counts{1, 1});
}

TEST_CASE("time zone: since: and until: read dates on the chosen zone's clock") {
    TzFixture f;
    QueryOptions la{Zone("America/Los_Angeles")};
    ParsedQuery since = ParseQuery("since:2017-10-15", la);
    REQUIRE(since.ok());
    CHECK(since.query.ToString() == "since:2017-10-15T07:00:00Z");
    QueryIndex index(f.ds);
    CHECK(index.Select(ParseQuery("since:2017-10-15 until:2017-10-16", la).query).Count() == 1);
    CHECK(index.Select(ParseQuery("since:2017-10-15 until:2017-10-16").query).Count() == 2);
    // A trailing Z keeps UTC whatever the zone.
    CHECK(ParseQuery("since:2017-10-15T00:00Z", la).query.ToString() == "since:2017-10-15T00:00:00Z");
    QueryOptions ny{Zone("America/New_York")};
    CHECK(ParseQuery("since:2017-03-12T02:30", ny).query.ToString() == "since:2017-03-12T07:00:00Z");
    CHECK(ParseQuery("until:2017-11-05T01:30", ny).query.ToString() == "until:2017-11-05T05:30:00Z");
    ParsedQuery bad = ParseQuery("since:2017-13-01", ny);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error->message.find("America/New_York") != std::string::npos);
}

TEST_CASE("time zone: the picker lists the canonical zones, UTC first") {
    std::vector<std::string> names = TimeZoneNames();
    REQUIRE(names.size() > 300);
    CHECK(names.front() == "UTC");
    CHECK(std::find(names.begin(), names.end(), "Europe/Paris") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Australia/Lord_Howe") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Asia/Calcutta") == names.end());  // a link, not listed
    size_t loaded = 0;
    for (const std::string& name : names)
        loaded += LoadTimeZone(name).ok();
    CHECK(loaded == names.size());
}

namespace {

// The bytes of a zone file of the machine's zoneinfo ("" when there is none).
std::string ZoneFileBytes(const char* name) {
    const char* dir = std::getenv("TZDIR");
    std::ifstream in(std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + name, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    return bytes.str();
}

uint32_t Be32At(const std::string& s, size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i)
        v = v << 8 | static_cast<uint8_t>(s[at + i]);
    return v;
}

}  // namespace

TEST_CASE("time zone: version 1 data reads alone; cut or damaged TZif is an error, never a crash") {
    const std::string paris = ZoneFileBytes("Europe/Paris");
    if (paris.size() < 44 || paris[4] < '2') {
        MESSAGE("no version 2+ Europe/Paris in the zoneinfo folder: skipped");
        return;
    }
    // The version 1 block alone (32-bit times) gives the same 2017 offsets.
    const size_t v1 = Be32At(paris, 32) * 5 + Be32At(paris, 36) * 6 + Be32At(paris, 40) + Be32At(paris, 28) * 8 +
                      Be32At(paris, 24) + Be32At(paris, 20);
    std::string only_v1 = paris.substr(0, 44 + v1);
    only_v1[4] = '\0';
    TimeZoneResult old = ParseTimeZone("Paris v1", only_v1);
    REQUIRE_MESSAGE(old.ok(), old.error);
    TimeZone full = Zone("Europe/Paris");
    for (const char* t :
         {"2017-03-26T00:59:59Z", "2017-03-26T01:00:00Z", "2017-10-29T00:59:59Z", "2017-10-29T01:00:00Z"})
        CHECK(old.zone.OffsetAt(T(t)) == full.OffsetAt(T(t)));
    // Every cut and a flipped byte at every position: an answer or an error, nothing else.
    size_t errors = 0;
    for (size_t n = 0; n < paris.size(); ++n)
        errors += !ParseTimeZone("cut", std::string_view(paris).substr(0, n)).ok();
    CHECK(errors >= paris.size() - 1);  // only the file less its last newline might still read
    for (size_t i = 0; i < paris.size(); ++i) {
        std::string damaged = paris;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
        TimeZoneResult r = ParseTimeZone("flip", damaged);
        if (r.ok()) (void)r.zone.OffsetAt(T("2017-07-01T00:00:00Z"));
    }
}
