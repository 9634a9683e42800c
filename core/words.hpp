// Words and bigrams of the selected posts' texts (COUNTING.md, rule 53), counted from the text arena
// when asked: nothing is stored per post.
//
//   TopList words = TopWords(dataset, rows, 20);                       // "metoo", "women", ...
//   TopList pairs = TopWords(dataset, rows, 20, Amplification::Both, WordList::Bigrams);  // "sexual harassment"
//
// Words are cut and folded as queries cut and fold them (query_text.hpp). Left out: words inside a
// URL, @mentions and #hashtags, words of one character, words of digits only, and the stop words of
// the post's language (stop_words.hpp). A bigram is two kept words next to each other in the text.
// Each word or bigram counts once per post. Order as every top list: count descending, then text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aggregate.hpp"

namespace chorus::core {

enum class WordList : uint8_t { Words, Bigrams };
const char* WordListName(WordList list);  // "words", "bigrams"
bool ParseWordList(std::string_view name, WordList& out);

// The words of one post's text in order, folded, each left-out word as "" (so two kept words make a
// bigram when no "" stands between them). `lang` picks the stop words. For tests.
std::vector<std::string> KeptWords(std::string_view text, std::string_view lang);

// TopList.items' ids are positions in a list of this call only (not dictionary ids).
TopList TopWords(const Dataset& dataset, const Selection& rows, size_t k,
                 Amplification amplification = Amplification::Both, WordList list = WordList::Words);

}  // namespace chorus::core
