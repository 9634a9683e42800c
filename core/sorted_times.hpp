// SortedTimesView: every known post time in ascending order, read through the time column.
//
// When the rows are in time order (every time known) the view is the time column itself; otherwise
// it goes through a u32 row order (4 bytes a post where a sorted copy of the times took 8). Its
// iterators are random-access, so std::lower_bound counts the posts before a time in O(log n).
//
//   SortedTimesView times = ds.SortedTimes();
//   size_t before = std::lower_bound(times.begin(), times.end(), t) - times.begin();
//
// Invariants: a view stays valid until the dataset changes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "post_times.hpp"

namespace chorus::core {

class SortedTimesView {
public:
    SortedTimesView(const PostTimes* times, const uint32_t* order, size_t size)
        : m_times(times), m_order(order), m_size(size) {}

    class Iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = UnixSeconds;
        using difference_type = std::ptrdiff_t;
        using pointer = const UnixSeconds*;
        using reference = UnixSeconds;

        Iterator() = default;
        Iterator(const PostTimes* times, const uint32_t* order, std::ptrdiff_t at)
            : m_times(times), m_order(order), m_at(at) {}
        UnixSeconds operator*() const { return (*this)[0]; }
        UnixSeconds operator[](difference_type n) const {
            auto i = static_cast<size_t>(m_at + n);
            return m_order ? (*m_times)[m_order[i]] : (*m_times)[i];
        }
        Iterator& operator++() { return ++m_at, *this; }
        Iterator operator++(int) {
            Iterator old = *this;
            ++m_at;
            return old;
        }
        Iterator& operator--() { return --m_at, *this; }
        Iterator operator--(int) {
            Iterator old = *this;
            --m_at;
            return old;
        }
        Iterator& operator+=(difference_type n) { return m_at += n, *this; }
        Iterator& operator-=(difference_type n) { return m_at -= n, *this; }
        friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
        friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
        friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const Iterator& a, const Iterator& b) { return a.m_at - b.m_at; }
        friend bool operator==(const Iterator& a, const Iterator& b) { return a.m_at == b.m_at; }
        friend bool operator!=(const Iterator& a, const Iterator& b) { return a.m_at != b.m_at; }
        friend bool operator<(const Iterator& a, const Iterator& b) { return a.m_at < b.m_at; }
        friend bool operator>(const Iterator& a, const Iterator& b) { return a.m_at > b.m_at; }
        friend bool operator<=(const Iterator& a, const Iterator& b) { return a.m_at <= b.m_at; }
        friend bool operator>=(const Iterator& a, const Iterator& b) { return a.m_at >= b.m_at; }

    private:
        const PostTimes* m_times = nullptr;
        const uint32_t* m_order = nullptr;
        std::ptrdiff_t m_at = 0;
    };

    UnixSeconds operator[](size_t i) const { return m_order ? (*m_times)[m_order[i]] : (*m_times)[i]; }
    // The row of the i-th time: rows with a time, by time then row.
    uint32_t RowAt(size_t i) const { return m_order ? m_order[i] : static_cast<uint32_t>(i); }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    UnixSeconds front() const { return (*this)[0]; }
    UnixSeconds back() const { return (*this)[m_size - 1]; }
    Iterator begin() const { return {m_times, m_order, 0}; }
    Iterator end() const { return {m_times, m_order, static_cast<std::ptrdiff_t>(m_size)}; }
    // True when the view reads the time column directly (rows in time order: no order is kept).
    bool IsTimeColumn() const { return m_order == nullptr; }
    std::vector<UnixSeconds> ToVector() const { return {begin(), end()}; }

private:
    const PostTimes* m_times;
    const uint32_t* m_order;  // rows with a time, by time then row; nullptr when the rows are in order
    size_t m_size;
};

// std::lower_bound from `first` when the answer is usually near it (the next bin edge after the last one): probes
// first + 1, + 2, + 4, ... until one is not before `value`, then a binary search in that last stretch. O(log d) for
// an answer d places on, and the probes stay near `first` in memory (a search over the whole rest starts far away:
// at 120,000 minute bins of 5 million posts that was 21 ms natively, against 6 ms).
template <class It, class T, class Before>
It GallopLowerBound(It first, It last, const T& value, Before before) {
    const auto n = last - first;
    decltype(last - first) hi = 1;
    while (hi < n && before(first[hi], value))
        hi *= 2;
    return std::lower_bound(first + hi / 2, first + std::min(hi + 1, n), value, before);
}
template <class It, class T>
It GallopLowerBound(It first, It last, const T& value) {
    return GallopLowerBound(first, last, value, [](const auto& a, const T& b) { return a < b; });
}

}  // namespace chorus::core
