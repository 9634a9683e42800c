// Text encodings of the files Chorus reads, turned into UTF-8 (COUNTING.md, rule 36).
//
// Everything inside Chorus is UTF-8. A file that starts with a UTF-16 byte order mark is
// transcoded as it streams (Utf16Decoder); a CSV record that is not valid UTF-8 is read as
// Windows-1252 (Cp1252ToUtf8), record by record; so is a JSON line or document that is not UTF-8
// (rule 40). JSON files in UTF-8 are never copied.
//
//   Utf16Decoder utf16(/*big_endian=*/false);
//   std::string out;
//   utf16.Feed(bytes, n, out);   // appends UTF-8; keeps a split code unit for the next call
//   utf16.Finish(out);           // an odd last byte becomes U+FFFD
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::core {

enum class ByteOrderMark : uint8_t { None, Utf8, Utf16Le, Utf16Be };
// The byte order mark at the start of `head` (which holds at least the first 3 bytes, or the whole file).
ByteOrderMark DetectByteOrderMark(std::string_view head);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Appends `text` read as Windows-1252 to `out` as UTF-8. The five bytes Windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD.
void Cp1252ToUtf8(std::string_view text, std::string& out);

// Appends code point `cp` to `out` as UTF-8 (cp must be a scalar value).
void AppendUtf8(uint32_t cp, std::string& out);

// UTF-16 (after its byte order mark) to UTF-8, fed in slices of any size.
class Utf16Decoder {
public:
    explicit Utf16Decoder(bool big_endian) : m_big_endian(big_endian) {}
    void Feed(const char* data, size_t size, std::string& out);
    void Finish(std::string& out);
    // Unpaired surrogates and an odd last byte, each replaced by U+FFFD.
    uint64_t Replaced() const { return m_replaced; }

private:
    void Unit(uint16_t unit, std::string& out);
    bool m_big_endian;
    bool m_have_byte = false;
    uint8_t m_byte = 0;
    uint16_t m_high = 0;  // a high surrogate waiting for its low half (0: none)
    uint64_t m_replaced = 0;
};

}  // namespace chorus::core
