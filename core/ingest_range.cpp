#include "ingest_range.hpp"

#include <cstdint>
#include <cstring>

#include "ingest.hpp"

namespace chorus::core {

std::string_view RangeCutter::Take(const char* data, size_t size) {
    if (m_done) return {};
    const char* p = data;
    const char* end = data + size;
    if (!m_started) {
        if (m_begin == 0) {
            m_started = true;
        } else {
            const auto* nl = static_cast<const char*>(std::memchr(p, '\n', size));
            if (!nl) {
                m_at += size;
                return {};
            }
            m_at += static_cast<uint64_t>(nl + 1 - p);
            p = nl + 1;
            m_started = true;
            if (m_at >= m_end) {  // the line the range starts inside of runs past its end: nothing here is ours
                m_done = true;
                return {};
            }
        }
    }
    // Bytes from m_at on are the range's; it ends with the first '\n' at or after offset end - 1.
    const char* from = p;
    const uint64_t last = m_end == 0 ? 0 : m_end - 1;
    if (m_at + static_cast<uint64_t>(end - p) <= last) {
        m_at += static_cast<uint64_t>(end - p);
        return {from, static_cast<size_t>(end - from)};
    }
    if (m_at < last) p += last - m_at;  // else the end is the first '\n' from here
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (!nl) {
        m_at += static_cast<uint64_t>(end - from);
        return {from, static_cast<size_t>(end - from)};
    }
    m_done = true;
    m_at += static_cast<uint64_t>(nl + 1 - from);
    return {from, static_cast<size_t>(nl + 1 - from)};
}

RangeReader::RangeReader(Ingest& ingest, std::string name, uint64_t begin, uint64_t end, uint8_t seed)
    : m_ingest(ingest), m_cut(begin, end), m_end(end), m_first(begin == 0) {
    if (m_first)
        m_ingest.BeginFile(std::move(name));
    else
        m_ingest.BeginContinuation(std::move(name), seed);
}

void RangeReader::KeepTextPlaces() {
    if (m_first)
        m_ingest.KeepTextPlaces(0);
    else
        m_places = true;  // from the range's first line start, known once reached
}

bool RangeReader::Feed(const char* data, size_t size) {
    if (!m_first) {
        std::string_view mine = m_cut.Take(data, size);
        if (!mine.empty() && m_places) {
            m_ingest.KeepTextPlaces(m_cut.Position() - mine.size());
            m_places = false;
        }
        if (!mine.empty()) m_ingest.Feed(mine.data(), mine.size());
        return m_cut.Done();
    }
    // The first range starts at 0: each Take returns the next bytes of the slice, at least one until Done.
    size_t used = 0;
    while (used < size && !m_cut.Done()) {
        std::string_view mine = m_cut.Take(data + used, size - used);
        if (!mine.empty()) m_ingest.Feed(mine.data(), mine.size());
        used += mine.size();
        if (m_seed != 0) continue;
        m_seed = m_ingest.ContinuationSeed();
        if (m_seed != 0) {
            // The second range starts after the first '\n' at or after m_next - 1: the one this range ends with.
            if (!m_grown) {
                m_next = m_end;
            } else if (m_cut.Done()) {
                m_next = m_cut.Position();
            } else {
                m_next = m_cut.Position() + 1;
                m_cut.ExtendEnd(m_next);
            }
        } else if (m_ingest.ReadsCsv()) {
            m_cut.ExtendEnd(UINT64_MAX);  // a CSV file is read whole by the first range (rule 80)
        } else if (m_cut.Done()) {
            m_grown = true;  // undecided still: one more line
            m_cut.ExtendEnd(m_cut.Position() + 1);
        }
    }
    return m_cut.Done();
}

}  // namespace chorus::core
