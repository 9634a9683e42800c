#include "text_normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>

namespace chorus::core {
namespace {

bool IsAscii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void Trim(std::string& s) {
    size_t b = 0, e = s.size();
    while (b < e && IsSpace(s[b]))
        ++b;
    while (e > b && IsSpace(s[e - 1]))
        --e;
    if (b > 0 || e < s.size()) s = s.substr(b, e - b);
}

// Replaces invalid UTF-8 sequences by U+FFFD so utf8proc accepts the text.
std::string ValidUtf8(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(in.data());
    auto left = static_cast<utf8proc_ssize_t>(in.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n < 0) {
            out += "\xEF\xBF\xBD";
            n = 1;
        } else {
            out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
        }
        p += n;
        left -= n;
    }
    return out;
}

void FoldUnicode(std::string_view raw, std::string& out) {
    std::string valid = ValidUtf8(raw);
    utf8proc_uint8_t* folded = nullptr;
    utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(valid.data()), static_cast<utf8proc_ssize_t>(valid.size()), &folded,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    if (n < 0) {
        out = std::move(valid);
    } else {
        out.assign(reinterpret_cast<const char*>(folded), static_cast<size_t>(n));
    }
    std::free(folded);
}

void Normalize(std::string_view raw, std::string& out) {
    if (IsAscii(raw)) {
        out.assign(raw);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else {
        FoldUnicode(raw, out);
    }
    Trim(out);
}

}  // namespace

void NormalizeHashtag(std::string_view raw, std::string& out) {
    if (!raw.empty() && raw.front() == '#') {
        raw.remove_prefix(1);
    } else if (raw.starts_with("\xEF\xBC\x83")) {  // U+FF03 FULLWIDTH NUMBER SIGN
        raw.remove_prefix(3);
    }
    Normalize(raw, out);
}

std::string_view HashtagSpelling(std::string_view raw) {
    if (!raw.empty() && raw.front() == '#') {
        raw.remove_prefix(1);
    } else if (raw.starts_with("\xEF\xBC\x83")) {
        raw.remove_prefix(3);
    }
    while (!raw.empty() && IsSpace(raw.front()))
        raw.remove_prefix(1);
    while (!raw.empty() && IsSpace(raw.back()))
        raw.remove_suffix(1);
    return raw;
}

void NormalizeMention(std::string_view raw, std::string& out) {
    if (!raw.empty() && raw.front() == '@') raw.remove_prefix(1);
    Normalize(raw, out);
}

}  // namespace chorus::core
