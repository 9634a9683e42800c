// A plain dump's post text left in its File past a budget (COUNTING.md, rules 101-102).
//
// The page's workers note where each post's text sits in the file (Ingest::KeepTextPlaces) and send those
// spans beside each range's snapshot bytes. load_workers.js, for each range:
//   p = chorus_part_spans(rows)       copies the range's spans there (3 doubles a row: offset, length, coding;
//                                     length -1: none), then chorus_part_merge as before
//   f = chorus_part_text(bytes_done)  the budget decides: f >= 0, the dataset's file index whose rows now keep
//                                     their text in the File (text_on_disk.js reads it back), or -1
// chorus_text_on_disk_forced (called as each load begins) starts the budget's count again.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "app.hpp"
#include "text_disk.hpp"

namespace {

struct DumpText {
    std::vector<double> spans;  // the next range's, 3 a row
    size_t rows_before = 0;     // the dataset's rows when they were given
    uint64_t in_use_at_start = 0;
    bool on_disk = false;  // this load keeps plain dumps' text on disk from now on
};

DumpText& State() {
    static DumpText state;
    return state;
}

// Room kept free for queries, lists and the reader once loaded (as for a snapshot, rule 84).
constexpr uint64_t kWorkingRoom = uint64_t{384} << 20;

}  // namespace

namespace chorus::web {

void StartDumpTextBudget() {
    DumpText& state = State();
    state.in_use_at_start = MemoryInUse();
    state.on_disk = false;
}

}  // namespace chorus::web

extern "C" {

EMSCRIPTEN_KEEPALIVE double* chorus_part_spans(double rows) {
    DumpText& state = State();
    chorus::web::App* app = chorus::web::TheApp();
    state.spans.assign(static_cast<size_t>(std::max(0.0, rows)) * 3, -1.0);
    state.rows_before = app ? app->session.dataset().Posts() : 0;
    return state.spans.data();
}

// Rule 102: past the budget, the rows the last merge added keep their text in the file when their span is known.
EMSCRIPTEN_KEEPALIVE int chorus_part_text(double bytes_done) {
    DumpText& state = State();
    chorus::web::App* app = chorus::web::TheApp();
    std::vector<double> spans;
    spans.swap(state.spans);
    if (!app) return -1;
    chorus::core::Dataset& ds = app->session.dataset();
    const size_t rows = spans.size() / 3;
    // Rows refused as duplicates of earlier ranges leave no way to tell which span is whose: all stay in memory.
    if (rows == 0 || ds.Posts() != state.rows_before + rows || ds.Files().empty()) return -1;
    if (!state.on_disk) {
        // The end of the load, as the load so far goes: the heap in use, plus as much per byte still to read as
        // each byte read took, plus the working room.
        const uint64_t in_use = chorus::web::MemoryInUse();
        const uint64_t total = app->session.progress().bytes_total;
        const double done = std::max(1.0, bytes_done);
        const double grown = static_cast<double>(in_use > state.in_use_at_start ? in_use - state.in_use_at_start : 0);
        const double rest = std::max(0.0, static_cast<double>(total) - done);
        const double projected = static_cast<double>(in_use + kWorkingRoom) + grown / done * rest;
        state.on_disk = chorus::web::TextOnDiskForced() || projected > static_cast<double>(chorus::web::MemoryLimit());
    }
    if (!state.on_disk) return -1;
    const auto file = static_cast<uint32_t>(ds.Files().size() - 1);
    std::vector<chorus::core::TextSpan> moved(rows);
    for (size_t i = 0; i < rows; ++i) {
        const double length = spans[3 * i + 1];
        if (length < 0) continue;
        moved[i] = {static_cast<uint64_t>(spans[3 * i]), static_cast<uint32_t>(length), file,
                    static_cast<chorus::core::SpanCoding>(static_cast<uint8_t>(spans[3 * i + 2]) & 3)};
    }
    ds.Text().MoveToDisk(state.rows_before, moved);
    ds.Scans().Clear();  // scans asked for during the load cover fewer rows: asked again, they read the new ones too
    return static_cast<int>(file);
}

}  // extern "C"
