#include "emoji.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <iterator>

namespace chorus::core {
namespace {

struct Range {
    int32_t first, last;
};
constexpr Range kEmojiPresentation[] = {
#include "emoji_presentation.inc"
};

constexpr int32_t kZwj = 0x200D, kVs15 = 0xFE0E, kVs16 = 0xFE0F, kKeycap = 0x20E3;

bool IsModifier(int32_t cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
}

bool IsKeycapBase(int32_t cp) {
    return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
}

int BoundClass(int32_t cp) {
    return utf8proc_get_property(cp)->boundclass;
}

// Decodes the code point at text[at]; -1 (one byte long) for an invalid sequence.
int32_t Decode(std::string_view text, size_t at, size_t& length) {
    auto cp = static_cast<utf8proc_int32_t>(-1);
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                          static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) {
        length = 1;
        return -1;
    }
    length = static_cast<size_t>(n);
    return cp;
}

// Whether a cluster may start here: what the classification below could accept as a first code point.
bool MayStartEmoji(int32_t cp) {
    if (cp < 0x80) return IsKeycapBase(cp);
    int bc = BoundClass(cp);
    return bc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC || bc == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR ||
           IsEmojiPresentation(cp);
}

bool IsEmojiCluster(const std::vector<int32_t>& cps) {
    const int32_t first = cps[0];
    if (BoundClass(first) == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR)
        return cps.size() >= 2 && BoundClass(cps[1]) == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR;
    if (IsKeycapBase(first)) return std::find(cps.begin(), cps.end(), kKeycap) != cps.end();
    if (cps.size() >= 2 && cps[1] == kVs15) return false;  // asked for text presentation
    if (IsEmojiPresentation(first)) return true;
    for (size_t i = 1; i < cps.size(); ++i)
        if (cps[i] == kVs16 || IsModifier(cps[i]) || (cps[i] == kZwj && i + 1 < cps.size())) return true;
    return false;
}

}  // namespace

bool IsEmojiPresentation(int32_t cp) {
    // Fast exits for most text (Latin, Cyrillic, CJK, ...): the table has nothing there.
    if (cp < kEmojiPresentation[0].first || (cp > 0x2B55 && cp < 0x1F004)) return false;
    auto it = std::upper_bound(std::begin(kEmojiPresentation), std::end(kEmojiPresentation), cp,
                               [](int32_t v, const Range& r) { return v < r.first; });
    return it != std::begin(kEmojiPresentation) && cp <= std::prev(it)->last;
}

void FindEmoji(std::string_view text, std::vector<std::string_view>& out) {
    std::vector<int32_t> cps;
    int32_t last = -1;  // the code point before `at` (-1: none, or invalid)
    size_t at = 0;
    while (at < text.size()) {
        uint64_t word;
        if (text.size() - at >= 8 && (std::memcpy(&word, text.data() + at, 8), (word & 0x8080808080808080ull) == 0)) {
            // Eight ASCII bytes: the first seven are followed by ASCII, so none starts an emoji; the eighth
            // goes through the test below.
            last = static_cast<unsigned char>(text[at + 6]);
            at += 7;
        }
        auto byte = static_cast<unsigned char>(text[at]);
        // Fast path: an ASCII character starts an emoji only as a keycap base followed by U+FE0F or
        // U+20E3 (both start with 0xEF or 0xE2).
        if (byte < 0x80 &&
            !(IsKeycapBase(byte) && at + 1 < text.size() &&
              (static_cast<unsigned char>(text[at + 1]) == 0xEF || static_cast<unsigned char>(text[at + 1]) == 0xE2))) {
            last = byte;
            ++at;
            continue;
        }
        size_t length = 0;
        int32_t cp = Decode(text, at, length);
        // A skin-tone modifier (class Extend) after a letter belongs to the letter's cluster.
        if (cp < 0 || !MayStartEmoji(cp) || (last >= 0 && !utf8proc_grapheme_break(last, cp))) {
            last = cp;
            at += length;
            continue;
        }
        // The whole cluster: code points up to the next grapheme break.
        cps.assign(1, cp);
        size_t end = at + length;
        utf8proc_int32_t state = 0;
        while (end < text.size()) {
            size_t next_length = 0;
            int32_t next = Decode(text, end, next_length);
            if (next < 0 || utf8proc_grapheme_break_stateful(cps.back(), next, &state)) break;
            cps.push_back(next);
            end += next_length;
        }
        if (IsEmojiCluster(cps)) out.push_back(text.substr(at, end - at));
        last = cps.back();
        at = end;
    }
}

void EmojiKey(std::string_view cluster, std::string& out) {
    out.clear();
    int32_t previous = -1;
    for (size_t at = 0; at < cluster.size();) {
        size_t length = 0;
        int32_t cp = Decode(cluster, at, length);
        if (!(cp == kVs16 && previous >= 0 && IsEmojiPresentation(previous))) out.append(cluster.substr(at, length));
        previous = cp;
        at += length;
    }
}

}  // namespace chorus::core
