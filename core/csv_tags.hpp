// The hashtags cell of a tweet CSV read fast (COUNTING.md, rule 80): the usual JSON entity list
// ([{"tag": "x"}, ...]) without a JSON library, with the result nlohmann's full parse gives.
#pragma once

#include <string_view>
#include <vector>

#include "post_builder.hpp"

namespace chorus::core {

// An array of objects whose values are all strings: appends each object's last "tag", else its last
// "text" (escaped ones kept in `post`), and returns true. False (out partly filled) for any other JSON or
// text: the caller then parses the cell in full.
bool QuickTagList(std::string_view s, PostBuilder& post, std::vector<std::string_view>& out);

}  // namespace chorus::core
