// WordPrefilter (word_filter.hpp) may only skip texts the exact matcher would not match: WordMatcher::Matches
// (prefilter, then the exact step) must give MatchesEveryWord's answer (every word folded) on every input.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "query_text.hpp"
#include "word_filter.hpp"

using namespace chorus::core;

namespace {

std::string Utf8(char32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return s;
}

// Pieces of text: words in several cases and scripts, their full-width, mathematical, ligature and
// precomposed or decomposed variants, marks, emoji, CJK, URLs, mentions, hashtags, invalid bytes.
const std::vector<std::string> kPieces = {
    "bemi",
    "BEMI",
    "BeMi",
    "ne",
    "NE",
    "Ne",
    "vi",
    "VI",
    "nevi",
    "ne_vi",
    "ne2",
    "2",
    "42",
    "_",
    "\xEF\xBD\x82\xEF\xBD\x85\xEF\xBD\x8D\xEF\xBD\x89",  // ｂｅｍｉ
    "\xEF\xBC\xAE\xEF\xBC\xA5",                          // ＮＥ
    "\xF0\x9D\x90\xAF\xF0\x9D\x90\xA2",                  // 𝐯𝐢
    "\xE2\x85\xB0",                                      // ⅰ (small roman numeral one)
    "\xE2\x85\xAB",                                      // Ⅻ
    "\xE2\x93\x9D\xE2\x93\x94",                          // ⓝⓔ
    "\xC2\xB2",
    "\xE2\x91\xA0",  // ² ①
    "\xEF\xAC\x81ne",
    "fine",
    "FINE",  // ﬁne
    "Stra\xC3\x9F"
    "e",
    "STRASSE",
    "strasse",
    "\xC3\x9F",
    "ss",
    "\xE1\xBA\x9E",  // Straße, ß, ẞ
    "\xE2\x84\xAA",
    "k",
    "\xC5\xBF",
    "s",  // K (Kelvin), ſ
    "\xC4\xB0stanbul",
    "i\xCC\x87stanbul",
    "istanbul",  // İstanbul
    "\xC7\xB0",
    "j\xCC\x8C",
    "J\xCC\x8C",  // ǰ
    "caf\xC3\xA9",
    "CAF\xC3\x89",
    "cafe\xCC\x81",
    "cafe",
    "e\xCC\x81\xCC\xA3",
    "\xE1\xBA\xB9\xCC\x81",
    "\xC3\x85",
    "\xE2\x84\xAB",
    "A\xCC\x8A",  // Å, Å (Angstrom), A + ring
    "\xC7\x84",
    "\xC7\x85",
    "\xC7\x86",
    "d\xC5\xBE",  // Ǆ ǅ ǆ dž
    "\xCE\xA3\xCE\x91\xCE\xA3",
    "\xCF\x83\xCE\xB1\xCF\x82",
    "\xE2\x84\xA6",
    "\xCF\x89",
    "\xC2\xB5",
    "\xCE\xBC",
    "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
    "\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90",
    "\xE6\x9D\xB1\xE4\xBA\xAC",
    "\xE6\x9D\xB1",
    "\xEF\xA9\xB1",
    "\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC",
    "\xEF\xBD\xB6\xEF\xBE\x80",
    "\xE3\x82\xAB\xE3\x82\xBF",  // ｶﾀ, カタ
    "\xED\x95\x9C\xEA\xB5\xAD",
    "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB",  // 한국, decomposed 한
    "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9",
    "\xEF\xB9\xB0",  // العربية, ﹰ
    "\xCC\x81",
    "\xEF\xB8\x8F",
    "\xE2\x80\x8D",
    "\xC2\xAD",  // acute, VS16, ZWJ, soft hyphen
    "\xF0\x9F\x98\x80",
    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
    "\xE2\x80\xA6",  // emoji, ellipsis
    "#bemi",
    "#NE",
    "@vi",
    "@ne_vi",
    "https://example.com/bemi?ne=vi",
    "ne-vi",
    "ne'vi",
    "ne.vi",
    "\xFF",
    "\xC3",
    "\xE2\x82",
    "\xED\xA0\x80",
    "\xC0\xAE",  // invalid UTF-8
    "\xEF\xBC\x91\xEF\xBC\x92",
    "12",
    "\xE2\x80\xBF",  // １２, ‿ (a connector)
};
const std::vector<std::string> kSeparators = {
    "", "", " ", " ", ", ", "\n", "\t", "#", "@", "-", "!", "\xF0\x9F\x98\x80", "\xE2\x80\x94", "\xC2\xA0"};

std::string RandomText(std::mt19937& rng, size_t max_pieces) {
    std::string text;
    const size_t pieces = 1 + rng() % max_pieces;
    for (size_t p = 0; p < pieces; ++p) {
        if (p > 0 || rng() % 4 == 0) text += kSeparators[rng() % kSeparators.size()];
        text += kPieces[rng() % kPieces.size()];
    }
    if (rng() % 4 == 0) text += kSeparators[rng() % kSeparators.size()];
    return text;
}

}  // namespace

TEST_CASE("word queries: the prefilter never changes which texts match (random texts, Unicode variants)") {
    std::mt19937 rng(20261123);
    size_t compared = 0, matched = 0, skipped = 0;
    for (int needle_round = 0; needle_round < 600; ++needle_round) {
        std::vector<std::string> words = FoldedWords(RandomText(rng, 3));
        if (words.empty() || words.size() > WordMatcher::kMaxWords) continue;
        WordMatcher matcher(words);
        WordMatcher reference(words);
        WordPrefilter filter(words);
        for (int t = 0; t < 60; ++t) {
            const std::string text = RandomText(rng, 12);
            const bool want = reference.MatchesEveryWord(text);
            const bool may = filter.MayMatch(text);
            if (want && !may) FAIL_CHECK("prefilter skipped a match: words[0] '", words[0], "' text '", text, "'");
            CHECK(matcher.Matches(text) == want);
            ++compared;
            matched += want;
            skipped += !may;
        }
    }
    MESSAGE("compared ", compared, " texts: ", matched, " match, the prefilter skipped ", skipped);
    CHECK(compared > 30000);
    CHECK(matched > 1000);   // the random texts do hold the needles often
    CHECK(skipped > 10000);  // and the prefilter does skip texts
}

TEST_CASE("word queries: the prefilter keeps every code point that folds to a word, alone and between letters") {
    size_t checked = 0, missed = 0;
    std::string first_missed;
    for (char32_t cp = 0x80; cp <= 0x3134F; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        // Han ideographs and Hangul syllables, ~100,000 alike: one in 50 (the compatibility ones all).
        const bool han = (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3134F);
        if ((han || (cp >= 0xAC00 && cp <= 0xD7A3)) && cp % 50 != 0) continue;
        const std::string alone = Utf8(cp);
        for (const std::string& text : {alone, "ab" + alone}) {
            std::vector<std::string> words = FoldedWords(text);
            for (const std::string& w : words) {
                ++checked;
                if (!WordPrefilter({w}).MayMatch(text)) {
                    if (missed++ == 0) first_missed = text;
                }
            }
        }
    }
    CHECK_MESSAGE(missed == 0, missed, " words skipped, the first in '", first_missed, "'");
    CHECK(checked > 100000);
}

TEST_CASE("word queries: the prefilter skips texts without the words, whatever their case") {
    WordPrefilter bemi(FoldedWords("bemi"));
    CHECK(bemi.MayMatch("Say BEMI."));
    CHECK(bemi.MayMatch("\xEF\xBD\x82\xEF\xBD\x85\xEF\xBD\x8D\xEF\xBD\x89"));  // full-width
    CHECK_FALSE(bemi.MayMatch("bemis and abemi"));                             // not a word of its own
    CHECK_FALSE(bemi.MayMatch("caf\xC3\xA9 \xF0\x9F\x98\x80 be mi"));
    WordPrefilter moscow(FoldedWords("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));
    CHECK(moscow.MayMatch("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90!"));  // upper case
    CHECK_FALSE(moscow.MayMatch("Moskva"));
    WordPrefilter phrase(FoldedWords("\"ne vi\""));
    CHECK(phrase.MayMatch("NE... vi"));
    CHECK_FALSE(phrase.MayMatch("ne plus ultra"));  // every word must be there
}
