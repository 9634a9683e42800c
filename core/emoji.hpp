// Emoji in post text, each an extended grapheme cluster (COUNTING.md, rule 51).
//
//   std::vector<std::string_view> found;
//   FindEmoji("I \u270A\U0001F3FD in \U0001F1EB\U0001F1F7", found);  // {"✊🏽", "🇫🇷"}
//   std::string key;
//   EmojiKey(found[0], key);                                  // what the emoji is counted under
//
// Clusters are cut by UAX #29 (utf8proc's grapheme break rules, Unicode 15), so a ZWJ family, a flag
// (two regional indicators), a skin-toned hand, a keycap and a symbol with U+FE0F are one emoji each.
// A cluster is an emoji when it is a flag, a keycap ([0-9#*] with U+20E3), or starts with an
// Extended_Pictographic or Emoji_Presentation code point (not followed by U+FE0E) and is shown as
// emoji: its first code point has Emoji_Presentation, or it holds U+FE0F, a skin-tone modifier or a
// ZWJ. A lone regional indicator and text-presentation symbols (a bare ©) are not emoji.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::core {

// Appends each emoji of `text`, in order and with repeats, as views into `text`. Invalid UTF-8 bytes
// are never part of an emoji.
void FindEmoji(std::string_view text, std::vector<std::string_view>& out);
// The key of an emoji cluster: its bytes, less each U+FE0F that follows a code point already shown as
// emoji by default (Emoji_Presentation), so "\U0001F44D\uFE0F" and "\U0001F44D" are one emoji.
void EmojiKey(std::string_view cluster, std::string& out);
// Unicode's Emoji_Presentation property (emoji-data.txt, Emoji 15.0).
bool IsEmojiPresentation(int32_t code_point);

}  // namespace chorus::core
