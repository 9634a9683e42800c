#include "query_text.hpp"

#include <utf8proc.h>

#include <array>
#include <bit>
#include <cassert>

#include "text_normalize.hpp"

namespace chorus::core {
namespace {

enum class CharClass : uint8_t { Separator, Word, Single };

char AsciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Decodes the UTF-8 sequence starting at s[i] (a byte >= 0x80). Returns its length, or 0 when the
// bytes are not valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF included).
size_t Decode(std::string_view s, size_t i, char32_t& cp) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    size_t len = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, cp = b0 & 0x1Fu, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, cp = b0 & 0x0Fu, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, cp = b0 & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        unsigned char b = byte(i + k);
        if ((b & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Scripts written without spaces between words: each character is a word of its own.
bool IsSingleCharWord(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) ||  // hiragana, katakana
           (cp >= 0x31F0 && cp <= 0x31FF) ||  // katakana phonetic extensions
           (cp >= 0x3005 && cp <= 0x3007) ||  // 々 〆 〇
           (cp >= 0x3400 && cp <= 0x4DBF) ||  // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified ideographs
           (cp >= 0xF900 && cp <= 0xFAFF) ||  // CJK compatibility ideographs
           (cp >= 0xFF66 && cp <= 0xFF9F) ||  // half-width katakana
           (cp >= 0x20000 && cp <= 0x3134F);  // CJK extensions B..G
}

CharClass ClassOf(char32_t cp) {
    if (IsSingleCharWord(cp)) return CharClass::Single;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
        case UTF8PROC_CATEGORY_PC: return CharClass::Word;
        default: return CharClass::Separator;
    }
}

// Calls f(raw_word, is_ascii) for every word of `text` in order until f returns false.
template <class F>
void ForEachWord(std::string_view text, F&& f) {
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (!kAsciiWordByte[c]) {
                ++i;
                continue;
            }
        } else {
            char32_t cp = 0;
            size_t len = Decode(text, i, cp);
            if (len == 0) {
                ++i;
                continue;
            }
            CharClass cls = ClassOf(cp);
            if (cls == CharClass::Separator) {
                i += len;
                continue;
            }
            if (cls == CharClass::Single) {
                if (!f(text.substr(i, len), false)) return;
                i += len;
                continue;
            }
        }
        size_t start = i;
        bool ascii = true;
        while (i < n) {
            c = static_cast<unsigned char>(text[i]);
            if (c < 0x80) {
                if (!kAsciiWordByte[c]) break;
                ++i;
                continue;
            }
            char32_t cp = 0;
            size_t len = Decode(text, i, cp);
            if (len == 0 || ClassOf(cp) != CharClass::Word) break;
            ascii = false;
            i += len;
        }
        if (!f(text.substr(start, i - start), ascii)) return;
    }
}

void FoldWord(std::string_view raw, bool ascii, std::string& out) {
    if (ascii) {
        out.assign(raw);
        for (char& ch : out)
            ch = AsciiLower(ch);
    } else {
        // The hashtag fold (NFKC + full case folding); a word never starts with '#', so nothing is stripped.
        NormalizeHashtag(raw, out);
    }
}

}  // namespace

std::vector<std::string> FoldedWords(std::string_view text) {
    std::vector<std::string> words;
    std::string folded;
    ForEachWord(text, [&](std::string_view raw, bool ascii) {
        FoldWord(raw, ascii, folded);
        if (!folded.empty()) words.push_back(folded);
        return true;
    });
    return words;
}

void VisitWords(std::string_view text, WordVisitor visit, void* context) {
    ForEachWord(text, [&](std::string_view raw, bool ascii) { return visit(context, raw, ascii); });
}

void FoldQueryWord(std::string_view raw, bool ascii, std::string& out) {
    FoldWord(raw, ascii, out);
}

WordMatcher::WordMatcher(std::vector<std::string> words) : m_words(std::move(words)), m_filter(m_words) {
    assert(!m_words.empty() && m_words.size() <= kMaxWords);
    m_min_len = SIZE_MAX;
    for (const std::string& w : m_words) {
        m_min_len = std::min(m_min_len, w.size());
    }
}

bool WordMatcher::WordEquals(std::string_view raw, bool ascii, size_t k) {
    const std::string& want = m_words[k];
    if (ascii) {
        if (raw.size() != want.size()) return false;
        for (size_t i = 0; i < raw.size(); ++i)
            if (AsciiLower(raw[i]) != want[i]) return false;
        return true;
    }
    // Fold once per text word, however many needle words it is compared with.
    if (m_folded_of.data() != raw.data() || m_folded_of.size() != raw.size()) {
        FoldWord(raw, false, m_folded);
        m_folded_of = raw;
    }
    return m_folded == want;
}

bool WordMatcher::MatchesEveryWord(std::string_view text) {
    const size_t n = m_words.size();
    const uint64_t last = uint64_t{1} << (n - 1);
    const uint64_t mask = last | (last - 1);
    uint64_t partial = 0;  // bit k: the words ending here equal needle words 0..k
    bool found = false;
    m_folded_of = {};
    ForEachWord(text, [&](std::string_view raw, bool ascii) {
        // An ASCII word shorter than every needle word cannot match any of them.
        if (ascii && raw.size() < m_min_len) {
            partial = 0;
            return true;
        }
        uint64_t candidates = ((partial << 1) | 1u) & mask;
        uint64_t next = 0;
        while (candidates != 0) {
            auto k = static_cast<size_t>(std::countr_zero(candidates));
            if (WordEquals(raw, ascii, k)) next |= uint64_t{1} << k;
            candidates &= candidates - 1;
        }
        partial = next;
        found = (partial & last) != 0;
        return !found;
    });
    return found;
}

}  // namespace chorus::core
