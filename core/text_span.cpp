#include "text_span.hpp"

#include <cassert>

#include "encoding.hpp"
#include "html_entities.hpp"

namespace chorus::core {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at s[at..at+4), or -1.
long Hex4(std::string_view s, size_t at) {
    if (at + 4 > s.size()) return -1;
    long value = 0;
    for (size_t i = at; i < at + 4; ++i) {
        int digit = HexValue(s[i]);
        if (digit < 0) return -1;
        value = value * 16 + digit;
    }
    return value;
}

// Undoes JSON's escapes as simdjson does (a surrogate pair is one code point; a lone surrogate is an error).
bool UnescapeJson(std::string_view s, std::string& out) {
    out.clear();
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        size_t slash = s.find('\\', i);
        if (slash == std::string_view::npos) slash = s.size();
        out.append(s.data() + i, slash - i);
        if (slash == s.size()) break;
        if (slash + 1 >= s.size()) return false;
        const char c = s[slash + 1];
        i = slash + 2;
        switch (c) {
            case '"': out.push_back('"'); continue;
            case '\\': out.push_back('\\'); continue;
            case '/': out.push_back('/'); continue;
            case 'b': out.push_back('\b'); continue;
            case 'f': out.push_back('\f'); continue;
            case 'n': out.push_back('\n'); continue;
            case 'r': out.push_back('\r'); continue;
            case 't': out.push_back('\t'); continue;
            case 'u': break;
            default: return false;
        }
        long cp = Hex4(s, i);
        if (cp < 0) return false;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00) {
            if (i + 2 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return false;
            long low = Hex4(s, i + 2);
            if (low < 0xDC00 || low > 0xDFFF) return false;
            cp = (((cp - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
            i += 6;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
        }
        AppendUtf8(static_cast<uint32_t>(cp), out);
    }
    return true;
}

}  // namespace

bool DecodeSpan(SpanCoding coding, std::string_view bytes, std::string& out) {
    const auto bits = static_cast<uint8_t>(coding);
    if (bits & 1) {
        if (!UnescapeJson(bytes, out)) return false;
    } else {
        out.assign(bytes);
    }
    std::string undone;  // rule 110: Twitter's escapes, undone as the reader did
    if ((bits & 2) && UndoTwitterEntities(out, undone)) out.swap(undone);
    return true;
}

std::string_view JsonLiteralInside(std::string_view token) {
    if (token.empty() || token[0] != '"') return {};
    for (size_t i = 1; i < token.size(); ++i) {
        if (token[i] == '\\') {
            ++i;
        } else if (token[i] == '"') {
            return token.substr(1, i - 1);
        }
    }
    return {};
}

void TextSpans::Start(uint32_t file, uint64_t base) {
    m_file = file;
    m_base = base;
    m_data = nullptr;
    m_size = 0;
}

void TextSpans::Stop() {
    m_file = TextSpan::kNone;
    m_data = nullptr;
    m_size = 0;
}

void TextSpans::Add(size_t row, std::string_view text, std::string_view source, SpanCoding coding) {
    if (m_spans.empty() && !Started()) {
        m_first = row + 1;  // nothing noted yet: earlier rows keep no entry at all
        return;
    }
    assert(row >= m_first + m_spans.size());
    m_spans.resize(row - m_first, Packed{0, 0, TextSpan::kNone});  // rows merged in without Add: no span
    if (source.empty()) {
        source = text;  // a view into the bytes read is its own span
        coding = SpanCoding::Plain;
    }
    const auto at = reinterpret_cast<uintptr_t>(source.data());
    const auto data = reinterpret_cast<uintptr_t>(m_data);
    if (Started() && m_data && !source.empty() && at >= data && source.size() <= m_size &&
        at - data <= m_size - source.size() && source.size() < TextSpan::kNone) {
        const uint64_t offset = m_base + m_offset + (at - data);
        m_spans.push_back({offset << 2 | static_cast<uint64_t>(coding), static_cast<uint32_t>(source.size()), m_file});
        ++m_known;
    } else {
        m_spans.push_back({0, 0, TextSpan::kNone});
    }
}

TextSpan TextSpans::Of(size_t row) const {
    if (row < m_first || row - m_first >= m_spans.size()) return {};
    const Packed& p = m_spans[row - m_first];
    if (p.file == TextSpan::kNone) return {};
    return {p.offset_coding >> 2, p.length, p.file, static_cast<SpanCoding>(p.offset_coding & 3)};
}

}  // namespace chorus::core
