// TextSpans: where each post's text sits in the uncompressed file it was read from, so it can be read again.
//
// While a plain (uncompressed, UTF-8) dump is read, Ingest tells the recorder which bytes of the file its reader
// is looking at (Enter); Dataset::Add then notes, for each post, the span of those bytes its text was decoded
// from: the JSON string literal between its quotes (a reader sets PostRecord::text_source to it), or the bytes
// themselves when the text is a view into them (a CSV cell that needed no unescaping). Decoding the span
// (DecodeSpan) gives the post's text byte for byte. A post whose text was built (HTML turned to text, a byte
// literal, text read as Windows-1252, an original found in another record, a cell with doubled quotes) has no
// span: its text must stay in memory (COUNTING.md, rule 101).
//
//   TextSpans& spans = dataset.Spans();
//   spans.Start(file, 0);                          // Ingest::KeepTextPlaces; ranges: the range's first byte
//   spans.Enter(line, size, offset_of_line);       // per record (nullptr when the bytes are not the file's)
//   dataset.Add(record, file, place);              // notes the span of the new row
//   TextSpan s = spans.Of(row);                    // s.Known(): bytes [s.offset, s.offset + s.length) of s.file
//   DecodeSpan(s.coding, bytes, text);             // == dataset.TextOf(row)
//
// Invariants: rows below First() or added while not started have no span; Of(row) is valid for every row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::core {

// How the bytes of a span turn into the text: as they are, or as the inside of a JSON string literal; then,
// with the entity bit (2), Twitter's &amp; &lt; &gt; undone (html_entities.hpp, rule 110).
enum class SpanCoding : uint8_t { Plain = 0, JsonString = 1, PlainEntities = 2, JsonStringEntities = 3 };
inline SpanCoding WithEntitiesUndone(SpanCoding c) {
    return static_cast<SpanCoding>(static_cast<uint8_t>(c) | 2);
}

struct TextSpan {
    uint64_t offset = 0;    // byte offset in the whole file
    uint32_t length = 0;    // bytes, escapes included
    uint32_t file = kNone;  // the dataset's file index; kNone: no span, the text exists only in memory
    SpanCoding coding = SpanCoding::Plain;
    static constexpr uint32_t kNone = 0xFFFFFFFFu;
    bool Known() const { return file != kNone; }
};

// The text a span's bytes hold (JSON: escapes undone, \uXXXX surrogate pairs joined). False when the bytes are
// not a valid span of that coding (a file changed since it was read); `out` is then unspecified.
bool DecodeSpan(SpanCoding coding, std::string_view bytes, std::string& out);

// The inside of the JSON string literal that starts at `token` (its opening quote; simdjson's raw_json_token):
// the bytes between the quotes, escapes as written. Empty when `token` does not start a closed literal.
std::string_view JsonLiteralInside(std::string_view token);

class TextSpans {
public:
    // Rows added from now on, to `file`, note their spans; the file's first byte read is `base` bytes into it.
    void Start(uint32_t file, uint64_t base);
    void Stop();
    bool Started() const { return m_file != TextSpan::kNone; }
    // The reader now reads `size` bytes at `data`, which are bytes [offset, offset + size) of what was fed since
    // Start (nullptr: bytes that are not the file's, transcoded or decompressed).
    void Enter(const char* data, size_t size, uint64_t offset) {
        m_data = data;
        m_size = data ? size : 0;
        m_offset = offset;
    }
    // Notes the span of `row` (the next row), whose text is `text`; `source` is its literal when the reader gave one.
    void Add(size_t row, std::string_view text, std::string_view source, SpanCoding coding);

    size_t First() const { return m_first; }
    TextSpan Of(size_t row) const;
    size_t Known() const { return m_known; }  // rows with a span
    size_t MemoryBytes() const { return m_spans.capacity() * sizeof(Packed); }
    void Clear() { *this = TextSpans(); }

private:
    struct Packed {
        uint64_t offset_coding;  // offset << 2 | coding
        uint32_t length;
        uint32_t file;
    };
    static_assert(sizeof(Packed) == 16);
    std::vector<Packed> m_spans;  // row m_first + i
    size_t m_first = 0;
    size_t m_known = 0;
    uint32_t m_file = TextSpan::kNone;
    uint64_t m_base = 0;
    const char* m_data = nullptr;
    size_t m_size = 0;
    uint64_t m_offset = 0;
};

}  // namespace chorus::core
