// Stop words: short lists of the most common function words, written for Chorus (not taken from any
// corpus or library), for English, Spanish, French, German, Italian and Portuguese (COUNTING.md,
// rule 53). Words are folded as queries fold them (lower-case, NFKC); apostrophes split words, so
// "don't" is "don" + "t" and "l'homme" is "l" + "homme": the lists hold such pieces where common.
//
//   const StopWords* stop = StopWordsFor("en-GB");   // the English list (the part before '-' or '_')
//   stop->Contains("the");                          // true
#pragma once

#include <algorithm>
#include <string_view>

#include "string_table.hpp"

namespace chorus::core {

class StopWords {
public:
    explicit StopWords(std::initializer_list<std::string_view> words) {
        for (std::string_view w : words) {
            m_words.Insert(w, StringTable::Hash(w));
            m_max_length = std::max(m_max_length, w.size());
        }
    }
    bool Contains(std::string_view folded_word) const {
        return folded_word.size() <= m_max_length &&
               m_words.Find(folded_word, StringTable::Hash(folded_word)) != StringTable::kNotFound;
    }
    size_t Size() const { return m_words.Size(); }

private:
    StringTable m_words;
    size_t m_max_length = 0;
};

// The list for a language code as posts give it ("en", "EN", "pt-BR", "es_419"), or nullptr when
// Chorus has none for it (then no word of the post is dropped as a stop word).
const StopWords* StopWordsFor(std::string_view lang);

}  // namespace chorus::core
