// Visual text: strings prepared for a renderer that draws one glyph per code
// point, left to right, with no shaping (Dear ImGui).
//
// Arabic letters take their contextual form (initial, medial, final, isolated,
// and the lam-alef ligatures) from Unicode's presentation forms, and runs of
// right-to-left text are put in the order they are seen (a subset of the
// Unicode Bidirectional Algorithm, UAX #9, with mirrored brackets).
//
//   std::string shown = VisualText("#مساء_الخير 2019");  // draw `shown` left to right
//
// What is left out: explicit embeddings, overrides and isolates (their
// controls are ignored), bracket pairs (N0), line breaking (one string is one
// line), and real shaping: letters without presentation forms (many of Arabic
// Extended-A, Syriac, N'Ko) stay in their isolated form, marks are not
// positioned by the font, and Indic or Thai clusters are not reordered.
// Strings without a right-to-left character come back unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus::shell {

// The string as it should be drawn left to right: Arabic shaped, then bidi-reordered.
std::string VisualText(std::string_view utf8);

// Arabic letters in their contextual presentation forms, still in logical order.
std::string ShapeArabic(std::string_view utf8);
// Code points in visual (left-to-right) order. A mark stays after its base in left-to-right
// runs and comes just before it in right-to-left ones (where the base's pen starts).
std::string VisualOrder(std::string_view utf8);

// Every code point VisualText may draw in place of `code_point` (its
// presentation forms, lam-alef ligatures, its mirror image); empty for most.
std::vector<char32_t> VisualVariants(char32_t code_point);

}  // namespace chorus::shell
