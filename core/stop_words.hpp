// Stop words: short lists of the most common function words, written for Chorus (not taken from any
// corpus or library), for English, Spanish, French, German, Italian and Portuguese (COUNTING.md,
// rule 53). Words are folded as queries fold them (lower-case, NFKC); apostrophes split words, so
// "don't" is "don" + "t" and "l'homme" is "l" + "homme": the lists hold such pieces where common.
//
//   const StopWords* stop = StopWordsFor("en-GB");   // the English list (the part before '-' or '_')
//   stop->Contains("the");                          // true
#pragma once

#include <string_view>
#include <unordered_set>

namespace chorus::core {

class StopWords {
public:
    explicit StopWords(std::initializer_list<std::string_view> words) : m_words(words) {}
    bool Contains(std::string_view folded_word) const { return m_words.count(folded_word) != 0; }
    size_t Size() const { return m_words.size(); }

private:
    std::unordered_set<std::string_view> m_words;
};

// The list for a language code as posts give it ("en", "EN", "pt-BR", "es_419"), or nullptr when
// Chorus has none for it (then no word of the post is dropped as a stop word).
const StopWords* StopWordsFor(std::string_view lang);

}  // namespace chorus::core
