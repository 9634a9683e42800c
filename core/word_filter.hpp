// A fast first pass for word and phrase queries: which texts may hold a sequence of folded words.
//
//   WordPrefilter filter(FoldedWords("Ne vi"));
//   filter.MayMatch("nothing here");   // false: WordMatcher cannot match this text
//   filter.MayMatch("NE, vi!");        // true: run the exact WordMatcher on it
//
// MayMatch over-approximates: it is false only when no word of the text can fold (query_text.hpp) to one
// of the needle words, so running the exact matcher on the texts it lets through gives the same set of
// posts as running it on every text. It reads the raw bytes and folds nothing:
//  - a text word made of ASCII bytes folds to its lower case: a needle word of ASCII letters is searched
//    for with ASCII case ignored, where the bytes before and after are not ASCII word characters;
//  - a text word with other characters is folded by utf8proc one code point at a time (case folding and
//    compatibility decomposition, applied until nothing changes), then composed. Composition never makes
//    ASCII, so a word that folds to an ASCII needle word holds only code points whose decomposed fold
//    is made of that word's characters (full-width letters, mathematical letters, ligatures, ß...): the
//    text must hold one of them. A non-ASCII needle word's canonical decomposition holds a non-ASCII
//    code point y: the text must hold a code point whose decomposed fold holds y (y itself, its other
//    cases, its compatibility variants, the precomposed letters built on it).
// Thread-safe once built (no scratch).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus::core {

// The ASCII bytes that belong to a word (digits, letters, '_'): the one definition the exact matcher
// (query_text.cpp) and this prefilter's word-boundary checks share, so the two cannot disagree.
inline constexpr std::array<bool, 256> kAsciiWordByte = [] {
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c)
        t[static_cast<size_t>(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        t[static_cast<size_t>(c)] = t[static_cast<size_t>(c - 'a' + 'A')] = true;
    t['_'] = true;
    return t;
}();

class WordPrefilter {
public:
    // `words` as FoldedWords returns them (none empty, at most 64).
    explicit WordPrefilter(const std::vector<std::string>& words);
    // False only when WordMatcher(words).Matches(text) is false.
    bool MayMatch(std::string_view text) const;

private:
    struct AsciiWord {
        std::string word;  // lower case
        uint64_t bit = 0;  // the word's bit in m_need
    };
    bool FromOtherCharacters(std::string_view text, uint64_t& have) const;

    std::vector<AsciiWord> m_ascii;                      // longest first
    std::vector<std::pair<char32_t, uint64_t>> m_chars;  // code point -> bits of the needle words it may serve
    uint64_t m_char_bits = 0;                            // OR of the bits in m_chars
    uint64_t m_need = 0;                                 // one bit per distinct needle word
    std::array<uint64_t, 1024> m_pairs{};  // first two UTF-8 bytes of the code points in m_chars (65,536 bits)
};

}  // namespace chorus::core
