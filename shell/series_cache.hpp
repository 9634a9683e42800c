// The timeline's bins of one selection (a compared series, the bars of one post type, the query's bars),
// kept over a wider range than the one shown, so that panning at the same bin width reads them from
// memory instead of counting every selected post again each frame.
//
//   BinCache cache;
//   cache.Fill(dataset, rows, start, step, count, zone, series.bins);  // counts once, then slices
//   cache.Invalidate();                                                 // `rows` changed
//
// The bins given are exactly core::Histogram(dataset, rows, start, step, count, zone)'s. The cache counts
// again (one pass over `rows`, over the shown range and `count` bins on each side) when the step, the
// zone, the dataset's size or the kept range no longer fit, or after Invalidate().
#pragma once

#include <cstdint>
#include <string>

#include "dataset.hpp"
#include "selection.hpp"
#include "time_zone.hpp"
#include "timeline.hpp"

namespace chorus::shell {

class BinCache {
public:
    void Fill(const core::Dataset& dataset, const core::Selection& rows, core::UnixSeconds start, int64_t step,
              size_t count, const core::TimeZone& zone, core::TimeBins& out);
    void Invalidate() { m_valid = false; }
    // How many times Fill counted the posts (for tests and the benchmark).
    uint64_t Recounts() const { return m_recounts; }
    // Off: every Fill counts, as before the cache (the benchmark's baseline; on by default).
    static void SetEnabled(bool enabled);

private:
    core::TimeBins m_kept;
    bool m_valid = false;
    const core::Dataset* m_dataset = nullptr;
    size_t m_posts = 0;
    std::string m_zone;
    uint64_t m_recounts = 0;
};

}  // namespace chorus::shell
