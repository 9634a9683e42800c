// Time zones: the UTC offset of an IANA zone at any instant, and local civil time back to UTC.
//
//   TimeZoneResult r = LoadTimeZone("America/New_York");
//   if (!r.ok()) show(r.error);                     // "unknown time zone 'Mars/Base'"
//   int32_t off = r.zone.OffsetAt(t);               // -14400 in summer, -18000 in winter
//   UnixSeconds u = r.zone.LocalToUtc(local_seconds);
//
// Zone data is TZif (RFC 8536, versions 1 to 4; the 64-bit data of version 2 and later is used,
// and the POSIX TZ rule of its footer, e.g. "EST5EDT,M3.2.0,M11.1.0", answers for instants after
// the last transition, in any year). Natively a zone is read from $TZDIR or /usr/share/zoneinfo;
// the WebAssembly build reads a bundle of every canonical zone embedded at build time. "UTC" needs
// no data and always loads. A default-constructed TimeZone is UTC; copies are cheap (shared data).
//
// Local time back to UTC (COUNTING.md, rule 45): a local time L stands for the FIRST instant at
// which the zone's clock reads L or later. So a time a spring-forward skips maps to the end of the
// gap (the transition instant), and a time a fall-back repeats maps to its earlier instant.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "post.hpp"

namespace chorus::core {

// A maximal interval of UTC instants [begin, end) over which a zone's UTC offset does not change.
// begin is kPeriodOpen negated before the first transition, end kPeriodOpen after the last.
inline constexpr UnixSeconds kPeriodOpen = INT64_MAX / 4;
struct ZonePeriod {
    UnixSeconds begin = -kPeriodOpen;
    UnixSeconds end = kPeriodOpen;
    int32_t offset = 0;  // seconds east of UTC
};

// A local civil time, as the zone's clock shows it at an instant.
struct LocalTime {
    int64_t year = 1970;
    unsigned month = 1, day = 1;  // 1-based
    int hour = 0, minute = 0, second = 0;
    int weekday = 4;      // 0 = Sunday ... 6 = Saturday
    int32_t offset = 0;   // seconds east of UTC in force at that instant
    int64_t seconds = 0;  // the local time as seconds since 1970-01-01T00:00 on the local clock
};

class TimeZone {
public:
    TimeZone();  // UTC
    const std::string& Name() const;
    bool IsUtc() const;  // no offset ever (UTC, Etc/UTC, GMT...): every result equals the UTC one

    int32_t OffsetAt(UnixSeconds t) const;
    ZonePeriod PeriodAt(UnixSeconds t) const;
    LocalTime Local(UnixSeconds t) const;
    // The first instant at which the clock reads `local_seconds` (seconds since 1970-01-01T00:00 on
    // the local clock) or later (rule 45).
    UnixSeconds LocalToUtc(int64_t local_seconds) const;

    struct Data;  // parsed TZif (time_zone.cpp)
    explicit TimeZone(std::shared_ptr<const Data> data);

private:
    std::shared_ptr<const Data> m_data;
};

struct TimeZoneResult {
    TimeZone zone;      // UTC when !ok()
    std::string error;  // e.g. "unknown time zone 'Mars/Base'", "Europe/X: not TZif data"
    bool ok() const { return error.empty(); }
};

// By IANA name ("Europe/Paris", "UTC", "Asia/Calcutta" as a link). Never throws; an unknown or
// malformed zone is an error naming it.
TimeZoneResult LoadTimeZone(std::string_view name);
// From TZif bytes (a file of /usr/share/zoneinfo); `name` is what Name() will say.
TimeZoneResult ParseTimeZone(std::string_view name, std::string_view tzif);
// Canonical zone names for a picker, sorted, "UTC" first.
std::vector<std::string> TimeZoneNames();

// Parses a POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3") into a zone with no explicit transitions.
TimeZoneResult ParsePosixTimeZone(std::string_view name, std::string_view rule);

// "2017-11-05T01:30:00-04:00" ("...Z" for a zone that IsUtc()); "" for kNoTime.
std::string FormatIsoLocal(UnixSeconds t, const TimeZone& zone);
// "+05:30", "-04:00", "+00:00".
std::string FormatOffset(int32_t offset);

}  // namespace chorus::core
