// What drove any time bin: the hashtags, authors and domains whose share of a selection's posts rose most
// in one bin of the timeline against a baseline, for every bin (peaks.hpp gives them for peaks only, which
// need 24 earlier bins to exist).
//
//   BinDriversOptions options{.step = kHour, .zone = zone};
//   BinDrivers d = FindBinDrivers(dataset, rows, at, options);   // the hour holding `at`
//   d.hashtags[0].text, d.hashtags[0].share, d.baseline == Baseline::Before ...
//   std::string json = BinDriversJson(d, "#metoo");               // what `chorus drivers --format json` prints
//
// The rule (COUNTING.md, rule 105): the bin is [ZoneFloor(at), ZoneNext) at `step` on the zone's clock
// (the timeline's bins). The baseline is the selected posts of the W bins before it (bins the data does not
// reach count as empty, so near the start it is every earlier post); when those hold no selected post
// (the data's first bin), the W bins after it; when neither holds one, there is none and every value of
// the bin rose from 0. Drivers are peaks.hpp's RisingValues (rule P2): for a peak, its drivers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "peaks.hpp"
#include "time_zone.hpp"

namespace chorus::core {

struct BinDriversOptions {
    // Bin width in seconds, as the timeline's: divides a day (60, 300, 3600 ...) or is whole days.
    int64_t step = 3600;
    TimeZone zone;       // whose clock the bins follow (UTC by default)
    size_t window = 24;  // W: bins of the baseline (at least 1)
    size_t drivers = 5;  // values listed per field
};

// True when `step` is a bin width the timeline can draw (and FindBinDrivers takes).
bool ValidBinStep(int64_t step);

enum class Baseline : uint8_t { Before, After, None };
const char* BaselineName(Baseline b);  // "before", "after", "none"

struct BinDrivers {
    BinDriversOptions options;
    UnixSeconds start = 0, end = 0;  // the bin
    uint64_t count = 0;              // selected posts in the bin
    Baseline baseline = Baseline::None;
    UnixSeconds baseline_start = 0, baseline_end = 0;    // the W bins it was taken from
    size_t baseline_bins = 0;                            // of which the data reaches (rule 111): W, or fewer
    uint64_t baseline_posts = 0;                         // selected posts in them
    std::vector<PeakDriver> hashtags, authors, domains;  // window_* fields: the baseline's
};

BinDrivers FindBinDrivers(const Dataset& dataset, const Selection& rows, UnixSeconds at,
                          const BinDriversOptions& options = {});

// {"query", "step", "tz", "start", "end", "count", "baseline": "before" | "after" | "none",
//  "baseline_start", "baseline_end", "baseline_bins", "baseline_posts",
//  "hashtags" | "authors" | "domains": [{"value", "count", "window_count", "share", "window_share", "rise"}...]}
// Times are local with their offset in the options' zone ("...Z" in UTC); baseline_bins: the bins the data reaches.
std::string BinDriversJson(const BinDrivers& drivers, std::string_view query);

// What the bin was compared with, in words (rule 111): "the 24 bins before it", "the 3 bins before it (every
// earlier post)", "the 24 bins after it", "the 5 bins after it (every later post)", "nothing".
std::string BaselineText(const BinDrivers& drivers);

}  // namespace chorus::core
