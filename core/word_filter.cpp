#include "word_filter.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>

namespace chorus::core {
namespace {

// The options of the fold in text_normalize.cpp: utf8proc decomposes each code point with them, then composes.
constexpr auto kFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);

// The non-ASCII code points that the fold changes, by what their decomposed fold (which the fold leaves
// alone) holds.
struct FoldTable {
    struct AsciiFold {
        char32_t code_point;
        uint64_t low, high;  // the ASCII characters of its decomposed fold (bit c of low, bit c - 64 of high)
    };
    std::vector<AsciiFold> ascii;                        // those whose decomposed fold is all ASCII
    std::vector<std::pair<char32_t, char32_t>> by_char;  // (non-ASCII y, code point whose fold holds y), sorted
};

const FoldTable& Folds() {
    static const FoldTable table = [] {
        FoldTable t;
        utf8proc_int32_t buffer[64];
        for (utf8proc_int32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            const utf8proc_property_t* p = utf8proc_get_property(cp);
            const bool hangul = cp >= 0xAC00 && cp <= 0xD7A3;
            if (p->decomp_seqindex == UINT16_MAX && p->casefold_seqindex == UINT16_MAX && !hangul) continue;
            // Only word characters are in words (query_text.hpp): letters, marks, numbers, connectors, kana.
            const bool word = (p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_PC) ||
                              (cp >= 0x3040 && cp <= 0x30FF);
            if (!word) continue;  // e.g. no-break and other spaces, which fold to ' '

            int boundclass = UTF8PROC_BOUNDCLASS_START;
            utf8proc_ssize_t n = utf8proc_decompose_char(cp, buffer, 64, kFoldOptions, &boundclass);
            assert(n >= 0 && n <= 64);
            if (n == 1 && buffer[0] == cp) continue;
            FoldTable::AsciiFold fold{static_cast<char32_t>(cp), 0, 0};
            bool ascii = true;
            for (utf8proc_ssize_t k = 0; k < n; ++k) {
                const auto y = static_cast<char32_t>(buffer[k]);
                if (y >= 0x80) {
                    ascii = false;
                    t.by_char.emplace_back(y, static_cast<char32_t>(cp));
                } else {
                    (y < 64 ? fold.low : fold.high) |= uint64_t{1} << (y % 64);
                }
            }
            if (ascii) t.ascii.push_back(fold);
        }
        std::sort(t.by_char.begin(), t.by_char.end());
        t.by_char.erase(std::unique(t.by_char.begin(), t.by_char.end()), t.by_char.end());
        return t;
    }();
    return table;
}

constexpr std::array<unsigned char, 256> kLower = [] {
    std::array<unsigned char, 256> t{};
    for (size_t c = 0; c < 256; ++c)
        t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return t;
}();

bool IsAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// True when `word` (lower-case ASCII word characters) starts at text[i] with ASCII case ignored, not preceded
// or followed by an ASCII word character.
bool AsciiWordAt(const unsigned char* p, size_t n, size_t i, std::string_view word) {
    const size_t m = word.size();
    if (i + m > n || (i > 0 && kAsciiWordByte[p[i - 1]]) || (i + m < n && kAsciiWordByte[p[i + m]])) return false;
    for (size_t k = 0; k < m; ++k)
        if (kLower[p[i + k]] != static_cast<unsigned char>(word[k])) return false;
    return true;
}

// True when `text` holds `word` as AsciiWordAt says. Eight bytes at a time: the bytes equal to the word's
// first character (either case) are found with word arithmetic, then each is checked.
bool HasAsciiWord(std::string_view text, std::string_view word) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    if (word.size() > n) return false;
    const auto first = static_cast<unsigned char>(word[0]);
    static_assert(std::endian::native == std::endian::little, "byte k of a loaded word is bits 8k..8k+7");
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    // Setting bit 5 lower-cases a letter; only the letter's two cases give the lower-case letter then.
    const uint64_t fold = first >= 'a' && first <= 'z' ? kOnes * 0x20 : 0;
    const uint64_t pattern = kOnes * first;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        std::memcpy(&v, p + i, 8);
        const uint64_t x = (v | fold) ^ pattern;
        uint64_t zero = (x - kOnes) & ~x & kHighs;  // every zero byte flagged (and maybe some above one)
        while (zero != 0) {
            if (AsciiWordAt(p, n, i + static_cast<size_t>(std::countr_zero(zero)) / 8, word)) return true;
            zero &= zero - 1;
        }
    }
    for (; i < n; ++i)
        if (kLower[p[i]] == first && AsciiWordAt(p, n, i, word)) return true;
    return false;
}

size_t EncodeUtf8(char32_t cp, unsigned char* out) {
    if (cp < 0x800) {
        out[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
        out[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
        out[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
        out[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
    out[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 4;
}

std::vector<char32_t> CodePoints(std::string_view utf8) {
    std::vector<char32_t> out;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    auto left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {
            n = 1;
            cp = 0xFFFD;
        }
        out.push_back(static_cast<char32_t>(cp));
        p += n;
        left -= n;
    }
    return out;
}

// The canonical decomposition of a folded word (what utf8proc composed it from).
std::vector<char32_t> Decomposed(std::string_view folded) {
    utf8proc_uint8_t* out = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(folded.data()),
                                      static_cast<utf8proc_ssize_t>(folded.size()), &out,
                                      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
    std::vector<char32_t> cps =
        n < 0 ? CodePoints(folded)
              : CodePoints(std::string_view(reinterpret_cast<const char*>(out), static_cast<size_t>(n)));
    std::free(out);
    return cps;
}

bool IsMark(char32_t cp) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME: return true;
        default: return false;
    }
}

// Decodes the UTF-8 sequence at p[0] (a byte >= 0xC2) of at most `left` bytes, as query_text.cpp does; 0 if
// it is not valid UTF-8.
size_t Decode(const unsigned char* p, size_t left, char32_t& cp) {
    size_t len = p[0] <= 0xDF ? 2 : p[0] <= 0xEF ? 3 : p[0] <= 0xF4 ? 4 : 0;
    if (len == 0 || len > left) return 0;
    cp = p[0] & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
    for (size_t k = 1; k < len; ++k) {
        if ((p[k] & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (p[k] & 0x3Fu);
    }
    static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

}  // namespace

WordPrefilter::WordPrefilter(const std::vector<std::string>& words) {
    assert(!words.empty() && words.size() <= 64);
    std::vector<std::string> distinct;
    for (const std::string& w : words)
        if (std::find(distinct.begin(), distinct.end(), w) == distinct.end()) distinct.push_back(w);
    const FoldTable& folds = Folds();
    std::vector<std::pair<char32_t, uint64_t>> chars;
    for (size_t k = 0; k < distinct.size(); ++k) {
        const std::string& w = distinct[k];
        const uint64_t bit = uint64_t{1} << k;
        m_need |= bit;
        if (IsAscii(w)) {
            m_ascii.push_back({w, bit});
            // Code points whose decomposed fold holds only this word's characters (and white space, which
            // the fold trims at a word's ends).
            uint64_t low = 0, high = 0;
            for (char c : std::string_view(" \t\n\r\f\v"))
                low |= uint64_t{1} << static_cast<unsigned char>(c);
            for (char c : w)
                (static_cast<unsigned char>(c) < 64 ? low : high) |= uint64_t{1}
                                                                     << (static_cast<unsigned char>(c) % 64);
            for (const FoldTable::AsciiFold& f : folds.ascii)
                if ((f.low & ~low) == 0 && (f.high & ~high) == 0) chars.emplace_back(f.code_point, bit);
            continue;
        }
        // A non-ASCII code point of the word's decomposition, the one the fewest code points fold into
        // (marks last: an accent is on many letters).
        std::vector<char32_t> best;
        bool best_is_mark = true;
        for (char32_t y : Decomposed(w)) {
            if (y < 0x80) continue;
            std::vector<char32_t> sources = {y};
            auto from =
                std::lower_bound(folds.by_char.begin(), folds.by_char.end(), std::pair<char32_t, char32_t>{y, 0});
            for (; from != folds.by_char.end() && from->first == y; ++from)
                sources.push_back(from->second);
            const bool mark = IsMark(y);
            if (best.empty() || (best_is_mark && !mark) || (mark == best_is_mark && sources.size() < best.size())) {
                best = std::move(sources);
                best_is_mark = mark;
            }
        }
        assert(!best.empty());
        for (char32_t cp : best)
            chars.emplace_back(cp, bit);
    }
    std::sort(chars.begin(), chars.end());
    for (const auto& [cp, bit] : chars) {
        if (!m_chars.empty() && m_chars.back().first == cp) {
            m_chars.back().second |= bit;
        } else {
            m_chars.emplace_back(cp, bit);
        }
        m_char_bits |= bit;
        unsigned char utf8[4];
        EncodeUtf8(cp, utf8);
        const size_t pair = size_t{utf8[0]} << 8 | utf8[1];
        m_pairs[pair / 64] |= uint64_t{1} << (pair % 64);
    }
    std::stable_sort(m_ascii.begin(), m_ascii.end(),
                     [](const AsciiWord& a, const AsciiWord& b) { return a.word.size() > b.word.size(); });
}

bool WordPrefilter::FromOtherCharacters(std::string_view text, uint64_t& have) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t eight;
            std::memcpy(&eight, p + i, 8);
            if ((eight & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if (p[i] < 0xC2 || i + 1 >= n) {
            ++i;
            continue;
        }
        const size_t pair = size_t{p[i]} << 8 | p[i + 1];
        if ((m_pairs[pair / 64] >> (pair % 64) & 1) == 0) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        const size_t len = Decode(p + i, n - i, cp);
        if (len == 0) {
            ++i;
            continue;
        }
        auto it = std::lower_bound(m_chars.begin(), m_chars.end(), std::pair<char32_t, uint64_t>{cp, 0});
        if (it != m_chars.end() && it->first == cp) {
            have |= it->second;
            if (have == m_need) return true;
        }
        i += len;
    }
    return have == m_need;
}

bool WordPrefilter::MayMatch(std::string_view text) const {
    uint64_t have = 0;
    for (const AsciiWord& a : m_ascii) {
        if (HasAsciiWord(text, a.word)) {
            have |= a.bit;
        } else if ((m_char_bits & a.bit) == 0) {
            return false;
        }
    }
    if (have == m_need) return true;
    return FromOtherCharacters(text, have);
}

}  // namespace chorus::core
