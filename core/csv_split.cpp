#include "csv_split.hpp"

#include <algorithm>
#include <cstring>

namespace chorus::core {
namespace {

const char* FindByte(const char* p, const char* end, char c) {
    return p < end ? static_cast<const char*>(std::memchr(p, c, static_cast<size_t>(end - p))) : nullptr;
}

}  // namespace

void CsvSplitter::Begin(char delimiter) {
    m_delimiter = delimiter;
    m_line = 1;
    m_carry.clear();
    m_scan = State::FieldStart;
}

const char* CsvSplitter::FindRecordEnd(const char* p, const char* end) {
    const char delimiter = m_delimiter;
    State s = m_scan;
    const char* nl = nullptr;  // the next '\n' at or after p (end: none)
    while (p < end) {
        switch (s) {
            case State::FieldStart:
            case State::QuoteInQuoted: {
                char c = *p++;
                if (c == '\n') return p;
                if (c == '"') {
                    s = State::Quoted;
                } else if (c == delimiter) {
                    s = State::FieldStart;
                } else if (c != '\r') {
                    s = State::Unquoted;
                }
                break;
            }
            case State::Unquoted: {
                if (!nl || nl < p) {
                    nl = FindByte(p, end, '\n');
                    if (!nl) nl = end;
                }
                const char* d = FindByte(p, nl, delimiter);
                if (d) {
                    p = d + 1;
                    s = State::FieldStart;
                } else if (nl < end) {
                    return nl + 1;
                } else {
                    p = end;
                }
                break;
            }
            case State::Quoted: {
                const char* q = FindByte(p, end, '"');
                p = q ? q + 1 : end;
                if (q) s = State::QuoteInQuoted;
                break;
            }
        }
    }
    m_scan = s;
    return nullptr;
}

const char* CsvSplitter::Record(const char* p, const char* end, bool at_end, Sink& sink) {
    const char delimiter = m_delimiter;
    m_cells.clear();
    size_t copies_used = 0;
    bool blank = true;
    uint64_t newlines = 0;
    // The field being read: a view [view, view + view_size), or a copy once it is not one piece.
    const char* view = nullptr;
    size_t view_size = 0;
    std::string* copy = nullptr;
    auto append = [&](const char* a, size_t n) {
        if (n == 0) return;
        if (copy) {
            copy->append(a, n);
        } else if (view_size == 0) {
            view = a;
            view_size = n;
        } else if (view + view_size == a) {
            view_size += n;
        } else {
            if (copies_used == m_copies.size()) m_copies.emplace_back();
            copy = &m_copies[copies_used++];
            copy->assign(view, view_size);
            copy->append(a, n);
        }
    };
    auto end_field = [&] {
        m_cells.push_back(copy ? std::string_view(*copy) : std::string_view(view, view_size));
        copy = nullptr;
        view = nullptr;
        view_size = 0;
    };
    State s = State::FieldStart;
    const char* nl = nullptr;  // the next '\n' at or after p (end: none)
    bool ended_by_newline = false;
    for (;;) {
        if (s == State::FieldStart || s == State::QuoteInQuoted) {
            while (p < end && *p == '\r')
                ++p;
            if (p == end) break;
            char c = *p;
            if (c == '\n') {
                ++p;
                ended_by_newline = true;
                break;
            }
            if (c == delimiter) {
                blank = false;
                end_field();
                ++p;
                s = State::FieldStart;
            } else if (c == '"') {
                blank = false;
                if (s == State::QuoteInQuoted) append(p, 1);  // a doubled quote
                ++p;
                s = State::Quoted;
            } else {
                blank = false;
                s = State::Unquoted;  // c is read as the field's text
            }
        } else if (s == State::Unquoted) {
            if (!nl || nl < p) {
                nl = FindByte(p, end, '\n');
                if (!nl) nl = end;
            }
            const char* d = FindByte(p, nl, delimiter);
            if (d) {
                append(p, static_cast<size_t>(d - p));
                end_field();
                p = d + 1;
                s = State::FieldStart;
                continue;
            }
            append(p, static_cast<size_t>(nl - p));
            p = nl;
            if (nl == end) break;
            // An unquoted field ending at '\n' loses one '\r' at its end.
            if (copy && !copy->empty() && copy->back() == '\r') {
                copy->pop_back();
            } else if (!copy && view_size > 0 && view[view_size - 1] == '\r') {
                --view_size;
            }
            ++p;
            ended_by_newline = true;
            break;
        } else {  // Quoted
            const char* q = FindByte(p, end, '"');
            const char* stop = q ? q : end;
            newlines += static_cast<uint64_t>(std::count(p, stop, '\n'));
            append(p, static_cast<size_t>(stop - p));
            if (!q) {
                p = end;
                break;
            }
            p = q + 1;
            s = State::QuoteInQuoted;
        }
    }
    if (!ended_by_newline && !at_end) return nullptr;
    if (!blank) {
        end_field();
        sink.Record(m_cells, m_line);
    }
    m_line += newlines + (ended_by_newline ? 1 : 0);
    return p;
}

void CsvSplitter::Feed(const char* data, size_t size, Sink& sink) {
    const char* p = data;
    const char* end = data + size;
    if (!m_carry.empty()) {
        const char* after = FindRecordEnd(p, end);
        if (!after) {
            m_carry.append(p, end);
            return;
        }
        m_carry.append(p, after);
        Record(m_carry.data(), m_carry.data() + m_carry.size(), false, sink);
        m_carry.clear();
        p = after;
    }
    while (p < end) {
        const char* after = Record(p, end, false, sink);
        if (!after) {  // the record goes on in the next slice: keep its bytes and where the scan stands
            m_scan = State::FieldStart;
            FindRecordEnd(p, end);
            m_carry.assign(p, end);
            return;
        }
        p = after;
    }
}

void CsvSplitter::End(Sink& sink) {
    if (m_carry.empty()) return;
    Record(m_carry.data(), m_carry.data() + m_carry.size(), true, sink);
    m_carry.clear();
    m_scan = State::FieldStart;
}

}  // namespace chorus::core
