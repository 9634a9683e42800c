// The module of the page's ingest workers (web/ingest_worker.js): chorus_core only, no ImGui, no GL.
// A worker reads one byte range of a file (ingest_range.hpp) and hands it back as .chorus snapshot
// bytes, which the page's module merges in file order (Snapshot::Read, Snapshot::MergeRange).
//
//   p = ciw_buffer(capacity)
//   ciw_columns(text)                            the user's CSV mapping for the next file (CsvColumnsText; "": none)
//   ciw_begin(name, begin, end, seed)            read the file from RangeCutter::ReadFrom() (ciw_read_from)
//   ciw_keep_text_places()                       posts note where their text sits in the file (rule 101)
//   repeat: copy up to capacity bytes to p; state = ciw_feed(n); stop when state has kDone
//   n = ciw_end(); the snapshot is ciw_result()[0 .. n); ciw_lines(); ciw_fed(); ciw_spans(); ciw_reset()
// ciw_seed() is the first range's continuation seed once known (0 before): the page then starts the others
// from ciw_next() on. Without a seed by the end of the file the first range was the whole file.
#include <emscripten/emscripten.h>

#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest.hpp"
#include "ingest_range.hpp"
#include "snapshot.hpp"

namespace {

// ciw_feed's answer, as bits.
constexpr int kDone = 1;  // the range's last line was read: stop reading

struct Range {
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest{dataset};
    chorus::core::RangeReader reader;
    bool done = false;
    Range(const char* name, uint64_t begin, uint64_t end, uint8_t seed, std::optional<chorus::core::CsvColumns> columns)
        : reader((ingest.SetCsvColumns(columns), ingest), name ? name : "", begin, end, seed) {}
};

std::unique_ptr<Range> range;
std::optional<chorus::core::CsvColumns> csv_columns;  // ciw_columns: for the next ciw_begin
std::unique_ptr<char[]> buffer;
size_t buffer_capacity = 0;
std::string result;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE char* ciw_buffer(int capacity) {
    if (capacity <= 0) return nullptr;
    const auto size = static_cast<size_t>(capacity);
    if (size > buffer_capacity) {
        buffer = std::make_unique<char[]>(size + chorus::core::Ingest::kPadding);
        std::memset(buffer.get(), 0, size + chorus::core::Ingest::kPadding);
        buffer_capacity = size;
    }
    return buffer.get();
}

// The CSV columns the user chose for the next file (the explorer's mapping panel), as CsvColumnsText; "": by
// the header's names.
EMSCRIPTEN_KEEPALIVE void ciw_columns(const char* text) {
    chorus::core::CsvColumns columns;
    csv_columns.reset();
    if (text && chorus::core::CsvColumnsFromText(text, columns)) csv_columns = columns;
}

EMSCRIPTEN_KEEPALIVE void ciw_begin(const char* name, double begin, double end, int seed) {
    range = std::make_unique<Range>(name, static_cast<uint64_t>(begin), static_cast<uint64_t>(end),
                                    static_cast<uint8_t>(seed), csv_columns);
}

EMSCRIPTEN_KEEPALIVE void ciw_keep_text_places() {
    if (range) range->reader.KeepTextPlaces();
}

EMSCRIPTEN_KEEPALIVE double ciw_read_from() {
    return range ? static_cast<double>(range->reader.ReadFrom()) : 0;
}

EMSCRIPTEN_KEEPALIVE int ciw_feed(int size) {
    if (!range || size <= 0 || static_cast<size_t>(size) > buffer_capacity) return 0;
    if (!range->done) range->done = range->reader.Feed(buffer.get(), static_cast<size_t>(size));
    return range->done ? kDone : 0;
}

EMSCRIPTEN_KEEPALIVE int ciw_seed() {
    return range ? range->reader.Seed() : 0;
}

EMSCRIPTEN_KEEPALIVE double ciw_next() {
    return range ? static_cast<double>(range->reader.Next()) : 0;
}

// Ends the range (the file's real last line is read here when the range reached the end of the file).
EMSCRIPTEN_KEEPALIVE double ciw_end() {
    if (!range) return 0;
    range->ingest.EndFile();
    result = chorus::core::Snapshot::Write(range->dataset);
    return static_cast<double>(result.size());
}

EMSCRIPTEN_KEEPALIVE const char* ciw_result() {
    return result.data();
}

EMSCRIPTEN_KEEPALIVE double ciw_lines() {
    return range ? static_cast<double>(range->ingest.Lines()) : 0;
}

// Bytes of the file the range took (its lines, moved to line ends).
EMSCRIPTEN_KEEPALIVE double ciw_fed() {
    return range ? static_cast<double>(range->ingest.FileBytes()) : 0;
}

// After ciw_end: the range's posts' text spans, 3 doubles a post in row order (offset in the file, length or -1
// when the text has none, coding), for web/src/text_dump.cpp; ciw_result() then holds them. Returns the rows.
EMSCRIPTEN_KEEPALIVE double ciw_spans() {
    if (!range) return 0;
    const chorus::core::Dataset& ds = range->dataset;
    std::vector<double> spans(ds.Posts() * 3);
    for (size_t row = 0; row < ds.Posts(); ++row) {
        const chorus::core::TextSpan span = ds.Spans().Of(row);
        spans[3 * row] = static_cast<double>(span.offset);
        spans[3 * row + 1] = span.Known() ? static_cast<double>(span.length) : -1.0;
        spans[3 * row + 2] = static_cast<double>(span.coding);  // SpanCoding's bits (JSON; entities, rule 110)
    }
    result.assign(reinterpret_cast<const char*>(spans.data()), spans.size() * sizeof(double));
    return static_cast<double>(ds.Posts());
}

EMSCRIPTEN_KEEPALIVE void ciw_reset() {
    range.reset();
    result.clear();
    result.shrink_to_fit();
}

}  // extern "C"
