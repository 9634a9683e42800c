#include "json_document.hpp"

#include <algorithm>

namespace chorus::core {
namespace {

constexpr size_t kNpos = std::string_view::npos;
constexpr std::string_view kListKeys[] = {"statuses", "orderedItems", "items", "feed", "posts"};

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

class Scanner {
public:
    Scanner(std::string_view text, DocumentScan& scan, const std::function<void(const DocumentRecord&)>& on_record)
        : m_text(text), m_scan(scan), m_on_record(on_record) {}

    void Run(size_t start, bool allow_semicolon) {
        size_t end = m_text[start] == '[' ? ScanRootArray(start) : ScanRootObject(start);
        if (end == kNpos) return;
        size_t pos = SkipSpace(end);
        if (allow_semicolon && pos < m_text.size() && m_text[pos] == ';') pos = SkipSpace(pos + 1);
        if (pos < m_text.size())
            Fail(pos, 0, true, "text after the end of the document at byte " + std::to_string(pos) + ": not read");
    }

private:
    size_t SkipSpace(size_t pos) const {
        while (pos < m_text.size() && IsSpace(m_text[pos]))
            ++pos;
        return pos;
    }

    // One past the closing quote of the string opening at `pos`, or kNpos when the text ends first.
    size_t SkipString(size_t pos) const {
        for (++pos; pos < m_text.size();) {
            char c = m_text[pos];
            if (c == '"') return pos + 1;
            pos += c == '\\' ? 2 : 1;
        }
        return kNpos;
    }

    // One past the end of the value starting at `pos`, or kNpos when the text ends inside it.
    size_t SkipValue(size_t pos) const {
        char c = m_text[pos];
        if (c == '"') return SkipString(pos);
        if (c == '{' || c == '[') {
            int64_t depth = 0;
            while (pos < m_text.size()) {
                c = m_text[pos];
                if (c == '"') {
                    pos = SkipString(pos);
                    if (pos == kNpos) return kNpos;
                    continue;
                }
                if (c == '{' || c == '[') {
                    ++depth;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return pos + 1;
                }
                ++pos;
            }
            return kNpos;
        }
        while (pos < m_text.size() && !IsSpace(m_text[pos]) && m_text[pos] != ',' && m_text[pos] != ']' &&
               m_text[pos] != '}')
            ++pos;
        return pos < m_text.size() ? pos : kNpos;  // a scalar cut by the end of the text
    }

    // Line of `pos`; positions asked for only grow.
    uint64_t LineAt(size_t pos) {
        m_line += static_cast<uint64_t>(std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_line_pos),
                                                   m_text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
        m_line_pos = pos;
        return m_line;
    }

    void Fail(size_t pos, uint64_t item, bool loses, std::string what) {
        m_scan.error = std::move(what);
        m_scan.error_line = LineAt(std::max(pos, m_line_pos));
        m_scan.error_item = item;
        m_scan.error_loses_record = loses;
    }

    // Hands every element of the list opening at `pos` to the callback; returns one past its ']'.
    size_t ScanList(size_t pos) {
        uint64_t item = 0;
        for (++pos;;) {
            pos = SkipSpace(pos);
            if (pos >= m_text.size()) {
                Fail(pos, 0, false, "the document ends before its list is closed");
                return kNpos;
            }
            if (m_text[pos] == ']') return pos + 1;
            size_t begin = pos;
            size_t end = SkipValue(pos);
            if (end == kNpos) {
                Fail(begin, item + 1, true,
                     "the document ends inside this record (truncated at byte " + std::to_string(m_text.size()) + ")");
                return kNpos;
            }
            ++item;
            ++m_scan.records;
            m_on_record({begin, end, LineAt(begin), item, m_scan.root_array, m_scan.list_key});
            pos = SkipSpace(end);
            if (pos < m_text.size() && m_text[pos] == ',') {
                ++pos;
            } else if (pos < m_text.size() && m_text[pos] != ']') {
                Fail(pos, item + 1, true,
                     "expected ',' or ']' at byte " + std::to_string(pos) + ": the rest of the list was not read");
                return kNpos;
            }
        }
    }

    size_t ScanRootArray(size_t start) {
        m_scan.root_array = true;
        return ScanList(start);
    }

    size_t ScanRootObject(size_t start) {
        bool found = false;
        size_t pos = start + 1;
        size_t root_end = kNpos;
        for (;;) {
            pos = SkipSpace(pos);
            if (pos >= m_text.size() || m_text[pos] != '"') {
                if (pos < m_text.size() && m_text[pos] == '}') root_end = pos + 1;
                break;
            }
            size_t key_end = SkipString(pos);
            if (key_end == kNpos) break;
            std::string_view key = m_text.substr(pos + 1, key_end - pos - 2);
            pos = SkipSpace(key_end);
            if (pos >= m_text.size() || m_text[pos] != ':') break;
            pos = SkipSpace(pos + 1);
            if (pos >= m_text.size()) break;
            if (!found && m_text[pos] == '[' &&
                std::find(std::begin(kListKeys), std::end(kListKeys), key) != std::end(kListKeys)) {
                found = true;
                m_scan.list_key = key;
                pos = ScanList(pos);
            } else {
                pos = SkipValue(pos);
            }
            if (pos == kNpos) break;
            pos = SkipSpace(pos);
            if (pos < m_text.size() && m_text[pos] == ',') ++pos;
        }
        if (found) {
            // The records were the list's; a root cut or broken after it loses none of them.
            return m_scan.error.empty() ? root_end : kNpos;
        }
        // No list: the root object is one record, parsed (and judged) whole.
        size_t end = root_end == kNpos ? m_text.size() : root_end;
        ++m_scan.records;
        m_on_record({start, end, LineAt(start), 0, false, {}});
        return root_end;
    }

    std::string_view m_text;
    DocumentScan& m_scan;
    const std::function<void(const DocumentRecord&)>& m_on_record;
    size_t m_line_pos = 0;
    uint64_t m_line = 1;
};

}  // namespace

DocumentScan ScanDocument(std::string_view text, size_t start, bool allow_semicolon,
                          const std::function<void(const DocumentRecord&)>& on_record) {
    DocumentScan scan;
    if (start >= text.size()) return scan;
    Scanner(text, scan, on_record).Run(start, allow_semicolon);
    return scan;
}

}  // namespace chorus::core
