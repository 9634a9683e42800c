// Twitter's HTML escapes in post text (COUNTING.md, rule 110).
//
// Twitter's APIs send a tweet's text with &, < and > escaped as &amp;, &lt; and &gt; (v1.1 and v2 JSON,
// archives, Gnip, the web app's GraphQL that Zeeschuimer saves), and CSVs exported from them keep the escapes.
// The readers of those formats undo the three before a post is added, so the text kept is the text as written:
// the reader, the exports, the words and phrase queries all see "&", never "&amp;". Nothing else is undone
// (Twitter escapes nothing else; "&quot;" stays as written), and each escape is undone once ("&amp;lt;" is "&lt;").
//
//   std::string out;
//   UndoTwitterEntities("AT&amp;T &lt;3", out);   // true; out == "AT&T <3"
//   UndoTextEntities(record, builder.Slot());      // record.text undone; its span decodes to the same text
#pragma once

#include <string>
#include <string_view>

#include "post.hpp"

namespace chorus::core {

// True when `text` holds &amp;, &lt; or &gt;; `out` is then the text with each undone (otherwise untouched).
bool UndoTwitterEntities(std::string_view text, std::string& out);

// Undoes them in r.text, built in `slot` (which must outlive Dataset::Add). The text keeps its span in the file:
// its coding says the escapes are undone after decoding (SpanCoding's entity bit, text_span.hpp).
void UndoTextEntities(PostRecord& r, std::string& slot);

}  // namespace chorus::core
