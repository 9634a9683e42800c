// Small formatting helpers the explorer's panels share.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

#include "engagement.hpp"

namespace chorus::shell {

// 1234567 -> "1,234,567".
inline std::string Thousands(uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// "  12 likes  1 repost  -3 likes": the engagement counts the source gave (rule 91), each after two spaces, one
// of a kind in the singular; "" when none was given.
inline std::string EngagementText(const core::Engagement& e) {
    static constexpr const char* kOne[] = {"like", "repost", "reply", "quote"};  // core::CountKind's order
    static_assert(std::size(kOne) == static_cast<size_t>(core::kCountKinds));
    std::string out;
    for (int k = 0; k < core::kCountKinds; ++k) {
        const int64_t c = e.counts[static_cast<size_t>(k)];
        if (c == core::kNotGiven) continue;
        out += c < 0 ? "  -" : "  ";
        out += Thousands(static_cast<uint64_t>(c < 0 ? -c : c));
        out += ' ';
        out += c == 1 ? kOne[k] : core::CountName(static_cast<core::CountKind>(k));
    }
    return out;
}

// The longest start of `text` (whole characters) that fits `width` in the current font with "..." after it.
// Call within a frame.
inline std::string CutToWidth(const std::string& text, float width) {
    const float room = std::max(0.0f, width - ImGui::CalcTextSize("...").x);
    const char* end = text.c_str();
    ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), room, 0.0f, text.c_str(), text.c_str() + text.size(), &end);
    return std::string(text.c_str(), end) + "...";
}

}  // namespace chorus::shell
