// The client a post was written with ("Twitter for iPhone", "Mastodon for iOS"), COUNTING.md rule 52.
//
//   std::string name;
//   ClientName("<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>", name);
//   // name == "Twitter for iPhone"; ClientName("Twitter Web App", name) gives it unchanged.
//
// Readers hand the source as the format gives it (v1.1 and archives: an HTML anchor; v2: the name;
// Gnip Activity Streams: generator.displayName; Mastodon: application.name; CSV: a source column);
// the Dataset keeps the name.
#pragma once

#include <string>
#include <string_view>

namespace chorus::core {

// The anchor's text when `source` is an HTML anchor, else `source`; the five XML entities (&amp;
// &lt; &gt; &quot; &#39;) decoded, ASCII white space trimmed. "" when nothing is left.
void ClientName(std::string_view source, std::string& out);

}  // namespace chorus::core
