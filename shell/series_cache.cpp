#include "series_cache.hpp"

#include <algorithm>

namespace chorus::shell {
namespace {

bool g_enabled = true;

}  // namespace

void BinCache::SetEnabled(bool enabled) {
    g_enabled = enabled;
}

void BinCache::Fill(const core::Dataset& ds, const core::Selection& rows, core::UnixSeconds start, int64_t step,
                    size_t count, const core::TimeZone& zone, core::TimeBins& out) {
    const core::UnixSeconds first =
        zone.IsUtc() ? core::StepFloor(start, step) : core::ZoneFloor(start, core::CalendarUnit::Fixed, step, zone);
    const bool same = m_valid && m_dataset == &ds && m_posts == ds.Posts() && m_kept.step == step &&
                      m_zone == zone.Name() && g_enabled;
    auto at = same ? std::lower_bound(m_kept.edges.begin(), m_kept.edges.end(), first) : m_kept.edges.end();
    auto i = static_cast<size_t>(at - m_kept.edges.begin());
    if (at == m_kept.edges.end() || *at != first || i + count > m_kept.counts.size()) {
        // Count the shown range and `count` bins on each side (a zone's short days may need one more).
        const size_t margin = std::max<size_t>(count, 16);
        const auto back = static_cast<int64_t>(margin) * step;
        m_kept = core::Histogram(ds, rows, first - back, step, count + 2 * margin + 2, zone);
        m_valid = true;
        m_dataset = &ds;
        m_posts = ds.Posts();
        m_zone = zone.Name();
        ++m_recounts;
        at = std::lower_bound(m_kept.edges.begin(), m_kept.edges.end(), first);
        i = static_cast<size_t>(at - m_kept.edges.begin());
        if (at == m_kept.edges.end() || *at != first || i + count > m_kept.counts.size()) {
            out = core::Histogram(ds, rows, start, step, count, zone);  // a grid the kept bins do not share
            m_valid = false;
            return;
        }
    }
    out.start = first;
    out.step = step;
    const auto from = static_cast<std::ptrdiff_t>(i), to = static_cast<std::ptrdiff_t>(i + count);
    out.counts.assign(m_kept.counts.begin() + from, m_kept.counts.begin() + to);
    out.edges.assign(m_kept.edges.begin() + from, m_kept.edges.begin() + to + 1);
}

}  // namespace chorus::shell
