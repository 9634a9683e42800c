// Entities read from a post's text, for formats that have no entity lists of their own
// (Reddit, YouTube, scraped comments, Instagram captions), and HTML to plain text (Mastodon).
// The rules are COUNTING.md's rule 35; the views returned point into `text`.
//
//   std::vector<std::string_view> tags;
//   HashtagsInText("Vote #MeToo, not #1!", tags);   // tags == {"MeToo"}
//   std::string plain;
//   HtmlToText("<p>a &amp; b<br>c</p>", plain);     // plain == "a & b\nc"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus::core {

// '#' or '＃' not preceded by a word character or '&', then a run of word characters
// (letters, marks, decimal digits, '_') holding at least one that is not a digit. Appends the
// run, without the '#'.
void HashtagsInText(std::string_view text, std::vector<std::string_view>& out);
// '@' not preceded by a word character, '@' or '.', then a run of ASCII letters, digits and '_'.
void MentionsInText(std::string_view text, std::vector<std::string_view>& out);
// "http://" or "https://" (any case) not preceded by a word character, up to white space or one of
// <>"; trailing . , ; : ! ? ' " and an unmatched ')' are not part of it.
void LinksInText(std::string_view text, std::vector<std::string_view>& out);

// Mastodon's HTML: <br> is a line break, </p><p> a blank line, other tags are dropped, character
// references (&amp; &#39; &#x1F600; ...) are decoded.
void HtmlToText(std::string_view html, std::string& out);

}  // namespace chorus::core
