#include "engagement.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "dataset.hpp"

namespace chorus::core {
namespace {

constexpr int64_t kMaxCount = INT64_MAX / 8;  // so that a total of four never overflows

// Little-endian fixed-width writes and reads for Encode / Decode.
template <class T>
void Put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

template <class T>
void PutAll(std::string& out, const std::vector<T>& values) {
    Put<uint64_t>(out, values.size());
    if (!values.empty()) out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
}

class Reader {
public:
    explicit Reader(std::span<const char> bytes) : m_bytes(bytes) {}
    template <class T>
    bool Get(T& value) {
        if (m_bytes.size() - m_at < sizeof(T)) return false;
        std::memcpy(&value, m_bytes.data() + m_at, sizeof(T));
        m_at += sizeof(T);
        return true;
    }
    template <class T>
    bool GetAll(std::vector<T>& values) {
        uint64_t n = 0;
        if (!Get(n) || n > (m_bytes.size() - m_at) / sizeof(T)) return false;
        const auto count = static_cast<size_t>(n);  // fits: at most the bytes left
        values.resize(count);
        if (count != 0) std::memcpy(values.data(), m_bytes.data() + m_at, count * sizeof(T));
        m_at += count * sizeof(T);
        return true;
    }
    bool AtEnd() const { return m_at == m_bytes.size(); }

private:
    std::span<const char> m_bytes;
    size_t m_at = 0;
};

template <class T>
bool StrictlyAscending(const std::vector<T>& v) {
    return std::adjacent_find(v.begin(), v.end(), [](T a, T b) { return a >= b; }) == v.end();
}

}  // namespace

const char* CountName(CountKind count) {
    switch (count) {
        case CountKind::Likes: return "likes";
        case CountKind::Reposts: return "reposts";
        case CountKind::Replies: return "replies";
        case CountKind::Quotes: return "quotes";
    }
    return "";
}

int64_t Engagement::Total() const {
    int64_t total = 0;
    bool any = false;
    for (int64_t c : counts) {
        if (c == kNotGiven) continue;
        total += c;
        any = true;
    }
    return any ? total : kNotGiven;
}

int64_t ParseCount(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    if (size_t dot = text.find('.'); dot != std::string_view::npos) {
        std::string_view fraction = text.substr(dot + 1);
        if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos) return kNotGiven;
        text = text.substr(0, dot);
    }
    if (text.empty() || text.size() > 18) return kNotGiven;
    int64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return kNotGiven;
        value = value * 10 + (c - '0');
    }
    if (value > kMaxCount) return kNotGiven;
    return negative ? -value : value;
}

void EngagementColumn::Add(const Engagement& e) {
    uint8_t mask = 0;
    for (int k = 0; k < kCountKinds; ++k) {
        int64_t v = e.counts[static_cast<size_t>(k)];
        if (v == kNotGiven) continue;
        mask = static_cast<uint8_t>(mask | (1u << k));
        if (v == 0) continue;
        Sparse& s = m_sparse[static_cast<size_t>(k)];
        if (v > 0 && v < kOverflow) {
            s.values.push_back(static_cast<uint16_t>(v));
        } else {
            s.big_at.push_back(static_cast<uint32_t>(s.rows.size()));
            s.big_values.push_back(std::clamp(v, -kMaxCount, kMaxCount));
            s.values.push_back(kOverflow);
        }
        s.rows.push_back(m_rows);
    }
    if (m_run_mask.empty() || m_run_mask.back() != mask) {
        m_run_start.push_back(m_rows);
        m_run_mask.push_back(mask);
    }
    ++m_rows;
}

uint8_t EngagementColumn::MaskOf(RowId row) const {
    auto it = std::upper_bound(m_run_start.begin(), m_run_start.end(), row);
    return it == m_run_start.begin() ? 0 : m_run_mask[static_cast<size_t>(it - m_run_start.begin()) - 1];
}

int64_t EngagementColumn::ValueAt(int kind, size_t index) const {
    const Sparse& s = m_sparse[static_cast<size_t>(kind)];
    if (s.values[index] != kOverflow) return s.values[index];
    auto it = std::lower_bound(s.big_at.begin(), s.big_at.end(), static_cast<uint32_t>(index));
    return s.big_values[static_cast<size_t>(it - s.big_at.begin())];
}

int64_t EngagementColumn::CountOf(RowId row, CountKind c) const {
    const int k = static_cast<int>(c);
    if (row >= m_rows || !(MaskOf(row) & (1u << k))) return kNotGiven;
    const Sparse& s = m_sparse[static_cast<size_t>(k)];
    auto it = std::lower_bound(s.rows.begin(), s.rows.end(), row);
    if (it == s.rows.end() || *it != row) return 0;
    return ValueAt(k, static_cast<size_t>(it - s.rows.begin()));
}

Engagement EngagementColumn::Of(RowId row) const {
    Engagement e;
    for (int k = 0; k < kCountKinds; ++k)
        e.counts[static_cast<size_t>(k)] = CountOf(row, static_cast<CountKind>(k));
    return e;
}

Engagement EngagementColumn::Scan::At(RowId row) {
    const EngagementColumn& c = m_column;
    Engagement e;
    if (row >= c.m_rows) return e;
    while (m_run + 1 < c.m_run_start.size() && c.m_run_start[m_run + 1] <= row)
        ++m_run;
    const uint8_t mask = c.m_run_mask[m_run];
    for (int k = 0; k < kCountKinds; ++k) {
        if (!(mask & (1u << k))) continue;
        const Sparse& s = c.m_sparse[static_cast<size_t>(k)];
        size_t& at = m_at[static_cast<size_t>(k)];
        while (at < s.rows.size() && s.rows[at] < row)
            ++at;
        e.counts[static_cast<size_t>(k)] = at < s.rows.size() && s.rows[at] == row ? c.ValueAt(k, at) : 0;
    }
    return e;
}

size_t EngagementColumn::MemoryBytes() const {
    size_t bytes = m_run_start.capacity() * 4 + m_run_mask.capacity();
    for (const Sparse& s : m_sparse)
        bytes +=
            s.rows.capacity() * 4 + s.values.capacity() * 2 + s.big_at.capacity() * 4 + s.big_values.capacity() * 8;
    return bytes;
}

void EngagementColumn::ShrinkToFit() {
    m_run_start.shrink_to_fit();
    m_run_mask.shrink_to_fit();
    for (Sparse& s : m_sparse) {
        s.rows.shrink_to_fit();
        s.values.shrink_to_fit();
        s.big_at.shrink_to_fit();
        s.big_values.shrink_to_fit();
    }
}

void EngagementColumn::Swap(EngagementColumn& other) noexcept {
    std::swap(m_rows, other.m_rows);
    m_run_start.swap(other.m_run_start);
    m_run_mask.swap(other.m_run_mask);
    m_sparse.swap(other.m_sparse);
}

// u32 rows, then the runs (u64 n + u32[n] starts, u64 n + u8[n] masks), then per count: rows, values,
// overflow indexes and overflow values, each as u64 n + the n items.
std::string EngagementColumn::Encode() const {
    std::string out;
    Put<uint32_t>(out, m_rows);
    PutAll(out, m_run_start);
    PutAll(out, m_run_mask);
    for (const Sparse& s : m_sparse) {
        PutAll(out, s.rows);
        PutAll(out, s.values);
        PutAll(out, s.big_at);
        PutAll(out, s.big_values);
    }
    return out;
}

bool EngagementColumn::Decode(std::span<const char> bytes, size_t rows) {
    EngagementColumn c;
    Reader in(bytes);
    if (!in.Get(c.m_rows) || c.m_rows != rows || !in.GetAll(c.m_run_start) || !in.GetAll(c.m_run_mask)) return false;
    if (c.m_run_start.size() != c.m_run_mask.size() || (rows > 0) != !c.m_run_start.empty()) return false;
    if (!c.m_run_start.empty() && (c.m_run_start[0] != 0 || c.m_run_start.back() >= rows)) return false;
    if (!StrictlyAscending(c.m_run_start)) return false;
    for (uint8_t mask : c.m_run_mask)
        if (mask >> kCountKinds) return false;
    for (int k = 0; k < kCountKinds; ++k) {
        Sparse& s = c.m_sparse[static_cast<size_t>(k)];
        if (!in.GetAll(s.rows) || !in.GetAll(s.values) || !in.GetAll(s.big_at) || !in.GetAll(s.big_values))
            return false;
        if (s.values.size() != s.rows.size() || s.big_at.size() != s.big_values.size()) return false;
        if (!StrictlyAscending(s.rows) || (!s.rows.empty() && s.rows.back() >= rows)) return false;
        if (!StrictlyAscending(s.big_at) || (!s.big_at.empty() && s.big_at.back() >= s.rows.size())) return false;
        size_t overflowed = 0;
        for (size_t i = 0; i < s.rows.size(); ++i) {
            if (s.values[i] == 0 || !(c.MaskOf(s.rows[i]) & (1u << k))) return false;
            if (s.values[i] == kOverflow) {
                if (overflowed >= s.big_at.size() || s.big_at[overflowed] != i) return false;
                ++overflowed;
            }
        }
        if (overflowed != s.big_at.size()) return false;
        for (int64_t v : s.big_values)
            if (v == 0 || v > kMaxCount || v < -kMaxCount) return false;
    }
    if (!in.AtEnd()) return false;
    Swap(c);
    return true;
}

const char* PostOrderName(PostOrder order) {
    switch (order) {
        case PostOrder::TimeAscending: return "time";
        case PostOrder::TimeDescending: return "time-desc";
        case PostOrder::Likes: return "likes";
        case PostOrder::Reposts: return "reposts";
        case PostOrder::Engagement: return "engagement";
    }
    return "";
}

bool ParsePostOrder(std::string_view name, PostOrder& out) {
    for (PostOrder o : {PostOrder::TimeAscending, PostOrder::TimeDescending, PostOrder::Likes, PostOrder::Reposts,
                        PostOrder::Engagement}) {
        if (name == PostOrderName(o)) {
            out = o;
            return true;
        }
    }
    return false;
}

void SortPosts(const Dataset& ds, std::vector<RowId>& rows, PostOrder order) {
    auto by_time = [&ds](RowId a, RowId b) {
        return ds.TimeOf(a) != ds.TimeOf(b) ? ds.TimeOf(a) < ds.TimeOf(b) : a < b;
    };
    if (order == PostOrder::TimeAscending) {
        std::sort(rows.begin(), rows.end(), by_time);
        return;
    }
    if (order == PostOrder::TimeDescending) {
        std::sort(rows.begin(), rows.end(), [&ds](RowId a, RowId b) {
            return ds.TimeOf(a) != ds.TimeOf(b) ? ds.TimeOf(a) > ds.TimeOf(b) : a < b;
        });
        return;
    }
    // Most posts have a zero or absent count: only the others are ranked with their key; the zero
    // and not-given groups are ordered by time alone.
    std::sort(rows.begin(), rows.end());
    std::vector<std::pair<int64_t, RowId>> ranked;
    std::vector<RowId> zero, none;
    EngagementColumn::Scan scan(ds.EngagementCounts());
    for (RowId row : rows) {
        Engagement e = scan.At(row);
        int64_t key = order == PostOrder::Likes     ? e[CountKind::Likes]
                      : order == PostOrder::Reposts ? e[CountKind::Reposts]
                                                    : e.Total();
        if (key == kNotGiven) {
            none.push_back(row);
        } else if (key == 0) {
            zero.push_back(row);
        } else {
            ranked.emplace_back(key, row);
        }
    }
    std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : by_time(a.second, b.second);
    });
    std::sort(zero.begin(), zero.end(), by_time);
    std::sort(none.begin(), none.end(), by_time);
    rows.clear();
    auto negative = std::find_if(ranked.begin(), ranked.end(), [](const auto& p) { return p.first < 0; });
    for (auto it = ranked.begin(); it != negative; ++it)
        rows.push_back(it->second);
    rows.insert(rows.end(), zero.begin(), zero.end());
    for (auto it = negative; it != ranked.end(); ++it)
        rows.push_back(it->second);
    rows.insert(rows.end(), none.begin(), none.end());
}

}  // namespace chorus::core
