#include "text_entities.hpp"

#include <utf8proc.h>

#include <cstdint>
#include <cstring>

namespace chorus::core {
namespace {

constexpr int32_t kNone = -1;  // "no character": the start of the text

// Decodes the character at `pos`; returns its length in bytes (1 for a broken byte, read as U+FFFD).
size_t Decode(std::string_view s, size_t pos, int32_t& cp) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                              static_cast<utf8proc_ssize_t>(s.size() - pos), &c);
    if (n <= 0) {
        cp = 0xFFFD;
        return 1;
    }
    cp = c;
    return static_cast<size_t>(n);
}

bool IsDigit(int32_t cp) {
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

// Letters, marks, decimal digits and '_'.
bool IsWord(int32_t cp) {
    if (cp < 0) return false;
    if (cp == '_') return true;
    utf8proc_category_t cat = utf8proc_category(cp);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) || cat == UTF8PROC_CATEGORY_ND;
}

// The end of the run of ASCII bytes at text[pos ..), at most `limit`.
size_t AsciiRunEnd(std::string_view text, size_t pos, size_t limit) {
    uint64_t word;
    while (limit - pos >= 8 && (std::memcpy(&word, text.data() + pos, 8), (word & 0x8080808080808080ull) == 0))
        pos += 8;
    while (pos < limit && static_cast<unsigned char>(text[pos]) < 0x80)
        ++pos;
    return pos;
}

bool IsAsciiHandle(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
    if (s.size() - pos < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[pos + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

void AppendUtf8(int32_t cp, std::string& out) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(cp, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Decodes the character reference starting at `s[pos] == '&'`; returns its length, or 0.
size_t DecodeReference(std::string_view s, size_t pos, std::string& out) {
    size_t semi = s.find(';', pos);
    if (semi == std::string_view::npos || semi - pos > 12) return 0;
    std::string_view name = s.substr(pos + 1, semi - pos - 1);
    struct Named {
        std::string_view name;
        int32_t cp;
    };
    static constexpr Named kNamed[] = {{"amp", '&'},  {"lt", '<'},    {"gt", '>'},
                                       {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};
    for (const Named& n : kNamed) {
        if (name == n.name) {
            AppendUtf8(n.cp, out);
            return semi - pos + 1;
        }
    }
    if (name.size() < 2 || name[0] != '#') return 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    int32_t cp = 0;
    for (char c : digits) {
        int v = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (v < 0) return 0;
        cp = cp * (hex ? 16 : 10) + v;
    }
    if (!utf8proc_codepoint_valid(cp)) return 0;
    AppendUtf8(cp, out);
    return semi - pos + 1;
}

}  // namespace

void HashtagsInText(std::string_view text, std::vector<std::string_view>& out) {
    if (text.find('#') == std::string_view::npos && text.find("\xEF\xBC\x83") == std::string_view::npos) return;
    int32_t prev = kNone;
    for (size_t pos = 0; pos < text.size();) {
        int32_t cp;
        size_t n = Decode(text, pos, cp);
        if ((cp == '#' || cp == 0xFF03) && !IsWord(prev) && prev != '&') {
            size_t start = pos + n, end = start;
            bool has_non_digit = false;
            int32_t last = cp;
            while (end < text.size()) {
                int32_t c;
                size_t m = Decode(text, end, c);
                if (!IsWord(c)) break;
                has_non_digit = has_non_digit || !IsDigit(c);
                last = c;
                end += m;
            }
            if (end > start && has_non_digit) out.push_back(text.substr(start, end - start));
            prev = last;
            pos = end;
            continue;
        }
        prev = cp;
        pos += n;
    }
}

void MentionsInText(std::string_view text, std::vector<std::string_view>& out) {
    if (text.find('@') == std::string_view::npos) return;  // the common case, found fast
    int32_t prev = kNone;
    for (size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80 && text[pos] != '@') {
            // Plain ASCII up to the next '@' is read a word at a time: only the character before it matters.
            size_t at = text.find('@', pos);
            if (at == std::string_view::npos) return;
            size_t ascii = AsciiRunEnd(text, pos, at);
            prev = static_cast<unsigned char>(text[ascii - 1]);
            pos = ascii;
            continue;
        }
        int32_t cp;
        size_t n = Decode(text, pos, cp);
        if (cp == '@' && !IsWord(prev) && prev != '@' && prev != '.') {
            size_t start = pos + 1, end = start;
            while (end < text.size() && IsAsciiHandle(text[end]))
                ++end;
            if (end > start) {
                out.push_back(text.substr(start, end - start));
                prev = static_cast<unsigned char>(text[end - 1]);
                pos = end;
                continue;
            }
        }
        prev = cp;
        pos += n;
    }
}

void LinksInText(std::string_view text, std::vector<std::string_view>& out) {
    if (text.find("://") == std::string_view::npos) return;  // no link can start: found fast
    int32_t prev = kNone;
    for (size_t pos = 0; pos < text.size();) {
        int32_t cp;
        size_t n = Decode(text, pos, cp);
        size_t scheme = StartsWithNoCase(text, pos, "https://") ? 8 : StartsWithNoCase(text, pos, "http://") ? 7 : 0;
        if (scheme > 0 && !IsWord(prev)) {
            size_t end = pos + scheme;
            while (end < text.size() && !IsAsciiSpace(text[end]) && text[end] != '<' && text[end] != '>' &&
                   text[end] != '"')
                ++end;
            std::string_view url = text.substr(pos, end - pos);
            for (;;) {
                char last = url.empty() ? '\0' : url.back();
                bool trailing = last == '.' || last == ',' || last == ';' || last == ':' || last == '!' ||
                                last == '?' || last == '\'' || last == '"';
                if (last == ')') {
                    size_t open = 0, close = 0;
                    for (char c : url) {
                        open += c == '(';
                        close += c == ')';
                    }
                    trailing = close > open;
                }
                if (!trailing) break;
                url.remove_suffix(1);
            }
            if (url.size() > scheme) out.push_back(url);
            prev = 'a';  // the rest of the link is part of a word
            pos = end;
            continue;
        }
        prev = cp;
        pos += n;
    }
}

void HtmlToText(std::string_view html, std::string& out) {
    out.clear();
    for (size_t pos = 0; pos < html.size();) {
        char c = html[pos];
        if (c == '<') {
            size_t close = html.find('>', pos);
            if (close == std::string_view::npos) {
                out.append(html.substr(pos));
                break;
            }
            std::string_view tag = html.substr(pos + 1, close - pos - 1);
            size_t name_end = 0;
            while (name_end < tag.size() && tag[name_end] != ' ' && tag[name_end] != '/' && tag[name_end] != '\t')
                ++name_end;
            std::string name(tag.substr(0, name_end));
            for (char& ch : name)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            if (name == "br") {
                out.push_back('\n');
            } else if (name == "p" && !out.empty()) {
                out.append("\n\n");
            }
            pos = close + 1;
        } else if (c == '&') {
            size_t n = DecodeReference(html, pos, out);
            if (n == 0) {
                out.push_back('&');
                n = 1;
            }
            pos += n;
        } else {
            out.push_back(c);
            ++pos;
        }
    }
}

}  // namespace chorus::core
