// Code points written as UTF-8 by the tests themselves (not by the core's encoder they check), so that
// expectations name U+ values instead of holding right-to-left or invisible characters.
//
//   U8({0x05E9, 0x05DC})  // two Hebrew letters, in logical order
//   U8(0xF0000)           // one code point
#pragma once

#include <initializer_list>
#include <string>

namespace chorus::test {

inline std::string U8(std::initializer_list<char32_t> cps) {
    std::string out;
    for (char32_t cp : cps) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

inline std::string U8(char32_t cp) {
    return U8({cp});
}

}  // namespace chorus::test
