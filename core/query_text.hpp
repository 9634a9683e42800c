// Words of a post's text, as the query language matches them (COUNTING.md, "Queries").
//
//   std::vector<std::string> words = FoldedWords("Me, too!");   // {"me", "too"}
//   WordMatcher m(words);
//   m.Matches("ME TOO");                                         // true: contiguous words
//
// A word is a maximal run of word characters: ASCII letters, digits and '_', and
// any code point of Unicode category L (letter), M (mark), N (number) or Pc
// (connector punctuation). Every other character separates words ('#', '@',
// '-', '\'', spaces, emoji, punctuation; invalid UTF-8 bytes too), except that
// each Han ideograph (CJK compatibility ideographs included) and each kana is
// a word on its own, so a run of them is matched as a phrase of characters.
// A word is folded before comparison: ASCII lower-cased; a word with non-ASCII
// characters goes through the hashtag fold (NFKC, then full case folding).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "word_filter.hpp"

namespace chorus::core {

// The folded words of `text`, in order.
std::vector<std::string> FoldedWords(std::string_view text);

// Calls visit(context, raw, ascii) for each word of `text` (a view into it, not folded; `ascii`: only
// ASCII bytes), in order, until it returns false. For lists that cut words as queries do.
using WordVisitor = bool (*)(void* context, std::string_view raw, bool ascii);
void VisitWords(std::string_view text, WordVisitor visit, void* context);
// Folds a word as queries compare words (ASCII lower-case; otherwise NFKC + case folding).
void FoldQueryWord(std::string_view raw, bool ascii, std::string& out);

// Matches a sequence of folded words against texts. Not thread-safe (keeps scratch space).
class WordMatcher {
public:
    // At most kMaxWords words; `words` as FoldedWords returns them (none empty).
    explicit WordMatcher(std::vector<std::string> words);
    // True when the folded words of `text` contain the matcher's words contiguously. Texts WordPrefilter
    // rules out are not folded (word_filter.hpp); the others go through MatchesEveryWord.
    bool Matches(std::string_view text) { return m_filter.MayMatch(text) && MatchesEveryWord(text); }
    // The same answer from folding every word of `text` (the reference the prefilter is tested against).
    bool MatchesEveryWord(std::string_view text);

    static constexpr size_t kMaxWords = 64;

private:
    bool WordEquals(std::string_view raw, bool ascii, size_t k);

    std::vector<std::string> m_words;
    size_t m_min_len = 0;  // length of the shortest needle word
    std::string m_folded;  // scratch: the fold of the current non-ASCII word
    std::string_view m_folded_of;
    WordPrefilter m_filter;
};

}  // namespace chorus::core
