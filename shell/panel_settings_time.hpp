// The time-zone setting: a filterable combo of IANA zone names that sets the Session's zone.
//
//   DrawTimeZoneSetting(session);   // inside any window (a settings panel calls it)
//
// Typing in the filter keeps the names containing every word typed (any case); picking a name
// calls Session::SetTimeZone. FormatAxisTime gives the timeline's axis labels in that zone.
#pragma once

#include <cstdint>
#include <string>

#include "session.hpp"

namespace chorus::shell {

void DrawTimeZoneSetting(Session& session);

// An axis label for instant t on the zone's clock, as fine as `step` (seconds between ticks) needs:
// "2017-11-05" for a day or more, "11-05 01:30" under a day, "01:30:15" under a minute; a tick at an
// instant whose offset differs from the one `step` earlier gets the offset ("01:00 -05:00").
std::string FormatAxisTime(int64_t t, int64_t step, const core::TimeZone& zone);

}  // namespace chorus::shell
