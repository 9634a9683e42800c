#include "encoding.hpp"

#include <cstring>

namespace chorus::core {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

}  // namespace

ByteOrderMark DetectByteOrderMark(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) return ByteOrderMark::Utf8;
    if (head.starts_with("\xFF\xFE")) return ByteOrderMark::Utf16Le;
    if (head.starts_with("\xFE\xFF")) return ByteOrderMark::Utf16Be;
    return ByteOrderMark::None;
}

bool IsValidUtf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char* end = p + text.size();
    while (p < end) {
        uint64_t word, next;
        if (end - p >= 16 &&
            (std::memcpy(&word, p, 8), std::memcpy(&next, p + 8, 8), ((word | next) & 0x8080808080808080ull) == 0)) {
            p += 16;  // sixteen ASCII bytes
            continue;
        }
        if (end - p >= 8 && (std::memcpy(&word, p, 8), (word & 0x8080808080808080ull) == 0)) {
            p += 8;  // eight ASCII bytes
            continue;
        }
        unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (static_cast<size_t>(end - p) <= n) return false;
        for (size_t i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n + 1;
    }
    return true;
}

void AppendUtf8(uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

void Cp1252ToUtf8(std::string_view text, std::string& out) {
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 && c <= 0x9F) {
            uint16_t cp = kCp1252High[c - 0x80];
            AppendUtf8(cp == 0 ? kReplacement : cp, out);
        } else {
            AppendUtf8(c, out);
        }
    }
}

void Utf16Decoder::Unit(uint16_t unit, std::string& out) {
    if (m_high != 0) {
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            AppendUtf8(0x10000 + ((uint32_t{m_high} - 0xD800) << 10) + (uint32_t{unit} - 0xDC00), out);
            m_high = 0;
            return;
        }
        AppendUtf8(kReplacement, out);
        ++m_replaced;
        m_high = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        m_high = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
        AppendUtf8(kReplacement, out);
        ++m_replaced;
    } else {
        AppendUtf8(unit, out);
    }
}

void Utf16Decoder::Feed(const char* data, size_t size, std::string& out) {
    for (size_t i = 0; i < size; ++i) {
        auto b = static_cast<uint8_t>(data[i]);
        if (!m_have_byte) {
            m_byte = b;
            m_have_byte = true;
            continue;
        }
        m_have_byte = false;
        auto unit = static_cast<uint16_t>(m_big_endian ? (m_byte << 8) | b : (b << 8) | m_byte);
        Unit(unit, out);
    }
}

void Utf16Decoder::Finish(std::string& out) {
    if (m_high != 0 || m_have_byte) {
        AppendUtf8(kReplacement, out);
        ++m_replaced;
    }
    if (m_high != 0 && m_have_byte) {
        AppendUtf8(kReplacement, out);
        ++m_replaced;
    }
    m_high = 0;
    m_have_byte = false;
}

}  // namespace chorus::core
