// Time stamps as the dumps write them, to and from UTC seconds.
//
//   UnixSeconds t = ParseTwitterTime("Mon Dec 02 14:16:13 +0000 2019");
//   UnixSeconds u = ParseIsoTime("2021-04-08T19:31:31.000Z");
//   std::string s = FormatIsoUtc(t);   // "2019-12-02T14:16:13Z"
//
// Parsers return kNoTime for anything they cannot read in full; they never
// guess. Offsets (+0200, +02:00) are applied; fractions of a second are dropped.
#pragma once

#include <string>
#include <string_view>

#include "post.hpp"

namespace chorus::core {

UnixSeconds ParseTwitterTime(std::string_view text);  // "Www Mmm dd hh:mm:ss +hhmm yyyy"
// "yyyy-mm-ddThh:mm:ss[.fff](Z|±hh:mm|±hhmm)"; 'T' may be a space, one space may precede a numeric
// offset ("2019-01-01 04:50:27 +0000", Twitter archives); year 0000 is not a time.
UnixSeconds ParseIsoTime(std::string_view text);
UnixSeconds ParseEpochMillis(std::string_view text);   // "1575296173000"
UnixSeconds ParseEpochSeconds(std::string_view text);  // "1538889892" or "1538889892.0" (fraction dropped)
std::string FormatIsoUtc(UnixSeconds t);               // "yyyy-mm-ddThh:mm:ssZ", "" for kNoTime

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);
void CivilFromDays(int64_t days, int64_t& y, unsigned& m, unsigned& d);

}  // namespace chorus::core
