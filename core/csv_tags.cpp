#include "csv_tags.hpp"

#include "encoding.hpp"

namespace chorus::core {
namespace {

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A JSON string at s[i] == '"' (no control characters; escapes decoded): its text, as a view of `s`
// when it holds no escape, else in `buffer`. False when it is not one the fast path reads.
bool QuickJsonString(std::string_view s, size_t& i, std::string_view& out, std::string& buffer, bool& escaped) {
    size_t start = ++i;
    escaped = false;
    for (; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '"') break;
        if (c < 0x20) return false;
        if (c == '\\') {
            escaped = true;
            ++i;
        }
    }
    if (i >= s.size()) return false;
    std::string_view raw = s.substr(start, i - start);
    ++i;
    if (!escaped) {
        out = raw;
        return true;
    }
    buffer.clear();
    for (size_t j = 0; j < raw.size(); ++j) {
        if (raw[j] != '\\') {
            buffer.push_back(raw[j]);
            continue;
        }
        char e = raw[++j];
        switch (e) {
            case '"':
            case '\\':
            case '/': buffer.push_back(e); break;
            case 'b': buffer.push_back('\b'); break;
            case 'f': buffer.push_back('\f'); break;
            case 'n': buffer.push_back('\n'); break;
            case 'r': buffer.push_back('\r'); break;
            case 't': buffer.push_back('\t'); break;
            case 'u': {
                auto hex4 = [&](size_t at, uint32_t& v) {
                    if (at + 4 > raw.size()) return false;
                    v = 0;
                    for (size_t k = at; k < at + 4; ++k) {
                        int h = HexDigit(raw[k]);
                        if (h < 0) return false;
                        v = v * 16 + static_cast<uint32_t>(h);
                    }
                    return true;
                };
                uint32_t cp;
                if (!hex4(j + 1, cp)) return false;
                j += 4;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    uint32_t low;
                    if (j + 2 >= raw.size() || raw[j + 1] != '\\' || raw[j + 2] != 'u' || !hex4(j + 3, low) ||
                        low < 0xDC00 || low > 0xDFFF)
                        return false;
                    j += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                AppendUtf8(cp, buffer);
                break;
            }
            default: return false;
        }
    }
    out = buffer;
    return true;
}

// The usual hashtags cell, an array of objects whose values are all strings ([{"tag": "x"}, ...]),
// read without a JSON library: each object's last "tag", else its last "text" (as nlohmann reads
// duplicate keys). False (out partly filled) for anything else: the caller then parses it fully.
}  // namespace

bool QuickTagList(std::string_view s, PostBuilder& post, std::vector<std::string_view>& out) {
    size_t i = 0;
    auto ws = [&] {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            ++i;
    };
    auto eat = [&](char c) {
        ws();
        if (i >= s.size() || s[i] != c) return false;
        ++i;
        return true;
    };
    std::string buffer;
    if (!eat('[')) return false;
    ws();
    if (i < s.size() && s[i] == ']') {
        ++i;
    } else {
        for (;;) {
            if (!eat('{')) return false;
            std::string_view tag, text;
            bool has_tag = false, has_text = false;
            ws();
            if (i < s.size() && s[i] == '}') {
                ++i;
            } else {
                for (;;) {
                    ws();
                    std::string_view key, value;
                    bool key_escaped, value_escaped;
                    if (i >= s.size() || s[i] != '"' || !QuickJsonString(s, i, key, buffer, key_escaped)) return false;
                    if (key_escaped) return false;
                    if (!eat(':')) return false;
                    ws();
                    if (i >= s.size() || s[i] != '"' || !QuickJsonString(s, i, value, buffer, value_escaped))
                        return false;
                    if (value_escaped) value = post.Keep(value);
                    if (key == "tag") {
                        tag = value;
                        has_tag = true;
                    } else if (key == "text") {
                        text = value;
                        has_text = true;
                    }
                    ws();
                    if (i < s.size() && s[i] == ',') {
                        ++i;
                        continue;
                    }
                    if (!eat('}')) return false;
                    break;
                }
            }
            if (has_tag) {
                out.push_back(tag);
            } else if (has_text) {
                out.push_back(text);
            }
            ws();
            if (i < s.size() && s[i] == ',') {
                ++i;
                continue;
            }
            if (!eat(']')) return false;
            break;
        }
    }
    ws();
    return i == s.size();
}

}  // namespace chorus::core
