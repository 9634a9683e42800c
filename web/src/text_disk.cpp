// Post text kept on disk, and loads stopped before memory runs out (COUNTING.md, rules 84-86).
//
// Text on disk (core/text_store.hpp): chorus.js keeps the snapshot's File and, a few times a second, asks
//   chorus_text_wanted()            -> "[[row, offset, length, file], ...]": rows the reader showed without text
//                                      (file -1: the snapshot's File, else the dataset's file index of a dump's,
//                                      text_dump.cpp; a dump's bytes are decoded here before they are kept)
//   chorus_text_buffer(n); chorus_text_remember(row, n)   for each, once read with File.slice
//   chorus_scan_next(max)           -> "[offset, length, file]" or "": the next piece of a word query's scan
//   chorus_text_buffer(n); chorus_scan_feed(n)            once read
//   chorus_text_unreadable(why)     when the File can no longer be read (it changed on disk)
// Memory: the page calls chorus_memory_low(extra) before each slice it hands the module; 1 means the next one
// could need more memory than the page may take (chorus_memory_limit, default the browser's 4 GB), so it stops
// the load as a cancel and chorus_memory_note() says in the file's report that memory ran out.
#include "text_disk.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"

namespace chorus::web {
namespace {

std::vector<char>& Buffer() {
    static std::vector<char> buffer;
    return buffer;
}

uint64_t& LimitSetting() {
    static uint64_t limit = 0;
    return limit;
}

bool& ForcedSetting() {
    static bool forced = false;
    return forced;
}

core::TextScans::Piece& PendingPiece() {
    static core::TextScans::Piece piece;
    return piece;
}

// Which File holds a place, for the page: -1 the snapshot's, else the dataset's file index (text_on_disk.js).
std::string FileKey(const core::TextStore::Place& place) {
    return place.file == core::TextStore::kSnapshotFile ? "-1" : std::to_string(place.file);
}

}  // namespace

uint64_t MemoryLimit() {
    const uint64_t max = emscripten_get_heap_max();
    return LimitSetting() != 0 ? std::min(LimitSetting(), max) : max;
}

// mallinfo's fields are int: past 2 GB in use they read negative (the heap never passes 4 GB).
uint64_t MemoryInUse() {
    return static_cast<uint32_t>(mallinfo().uordblks);
}

bool TextOnDiskForced() {
    return ForcedSetting();
}

}  // namespace chorus::web

extern "C" {

// Bytes the page may use at most (0: the browser's maximum). For tests (chorus.memoryLimit).
EMSCRIPTEN_KEEPALIVE void chorus_memory_limit(double bytes) {
    chorus::web::LimitSetting() = bytes > 0 ? static_cast<uint64_t>(bytes) : 0;
}

// Bytes in use now (chorus.textStatus().memoryInUse, for tests).
EMSCRIPTEN_KEEPALIVE double chorus_memory_in_use() {
    return static_cast<double>(chorus::web::MemoryInUse());
}

// 1: a snapshot's or a plain dump's text stays on disk whatever the budget (chorus.textOnDisk, for tests and
// benchmarks). Called as each load begins, which starts the budget of plain dumps' text again (rule 102).
EMSCRIPTEN_KEEPALIVE void chorus_text_on_disk_forced(int forced) {
    chorus::web::ForcedSetting() = forced != 0;
    chorus::web::StartDumpTextBudget();
}

// 1 when taking `extra` more bytes could go past the limit (rule 86): what is in use, plus `extra`, plus the
// largest column growing once (a vector doubling holds its old and new copies at once), plus a margin.
EMSCRIPTEN_KEEPALIVE int chorus_memory_low(double extra) {
    chorus::web::App* app = chorus::web::TheApp();
    if (!app) return 0;
    size_t largest = 0;
    for (const chorus::core::Dataset::MemoryPart& part : app->session.dataset().MemoryParts())
        largest = std::max(largest, part.capacity);
    const uint64_t need =
        chorus::web::MemoryInUse() + static_cast<uint64_t>(extra) + 2 * uint64_t{largest} + (uint64_t{32} << 20);
    return need > chorus::web::MemoryLimit() ? 1 : 0;
}

// After a load stopped by chorus_memory_low: the last file's report says memory ran out and how many posts it
// kept. Returns the message for the page.
EMSCRIPTEN_KEEPALIVE const char* chorus_memory_note() {
    static std::string message;
    message.clear();
    chorus::web::App* app = chorus::web::TheApp();
    if (!app || app->session.dataset().Files().empty()) return "";
    chorus::core::Dataset& ds = app->session.dataset();
    chorus::core::IngestReport& report = ds.Report(ds.Files().size() - 1);
    const std::string why = "memory ran out (" + std::to_string(chorus::web::MemoryInUse() >> 20) +
                            " MB in use, at most " + std::to_string(chorus::web::MemoryLimit() >> 20) +
                            " MB): the load stopped with " + std::to_string(report.posts) + " posts of this file kept";
    for (auto it = report.problems.rbegin(); it != report.problems.rend(); ++it) {
        if (it->problem != chorus::core::Problem::Cancelled) continue;
        it->detail = why + "; " + it->detail;
        break;
    }
    app->session.Changed();
    message = report.name + ": " + why + " (" + std::to_string(ds.Posts()) + " posts loaded in all)";
    return message.c_str();
}

// 1 when some loaded posts' text stays in a file (the snapshot opened alone, or plain dumps past the budget).
EMSCRIPTEN_KEEPALIVE int chorus_text_on_disk() {
    chorus::web::App* app = chorus::web::TheApp();
    return app && app->session.dataset().Text().OnDisk() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* chorus_text_wanted() {
    static std::string json;
    json = "[";
    chorus::web::App* app = chorus::web::TheApp();
    if (app) {
        chorus::core::TextStore& text = app->session.dataset().Text();
        for (uint32_t row : text.TakeWanted()) {
            chorus::core::TextStore::Place place = text.PlaceOf(row);
            if (json.size() > 1) json += ",";
            json += "[" + std::to_string(row) + "," + std::to_string(place.offset) + "," +
                    std::to_string(place.length) + "," + chorus::web::FileKey(place) + "]";
        }
    }
    json += "]";
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE char* chorus_text_buffer(double size) {
    std::vector<char>& buffer = chorus::web::Buffer();
    buffer.resize(static_cast<size_t>(size));
    return buffer.data();
}

EMSCRIPTEN_KEEPALIVE void chorus_text_remember(double row, double size) {
    chorus::web::App* app = chorus::web::TheApp();
    std::vector<char>& buffer = chorus::web::Buffer();
    if (!app || row < 0 || !app->session.dataset().Text().OnDiskRow(static_cast<size_t>(row))) return;
    chorus::core::TextStore& text = app->session.dataset().Text();
    const size_t n = std::min(buffer.size(), static_cast<size_t>(size));
    const chorus::core::TextStore::Place place = text.PlaceOf(static_cast<size_t>(row));
    if (place.file == chorus::core::TextStore::kSnapshotFile) {
        text.Remember(static_cast<size_t>(row), std::string_view(buffer.data(), n));
        return;
    }
    std::string decoded;  // a dump's span (rule 101): decoded as the reader did
    if (chorus::core::DecodeSpan(place.coding, std::string_view(buffer.data(), n), decoded))
        text.Remember(static_cast<size_t>(row), decoded);
    else {
        text.MarkUnreadable(app->session.dataset().Report(place.file).name + " changed since it was read");
        app->session.dataset().Scans().Abandon();
    }
}

EMSCRIPTEN_KEEPALIVE const char* chorus_scan_next(double max_bytes) {
    static std::string json;
    json.clear();
    chorus::web::App* app = chorus::web::TheApp();
    if (!app) return "";
    const chorus::core::Dataset& ds = app->session.dataset();
    chorus::core::TextScans::Piece& piece = chorus::web::PendingPiece();
    if (!ds.Scans().Next(ds.Text(), static_cast<uint64_t>(max_bytes), piece)) return "";
    json = "[" + std::to_string(piece.place.offset) + "," + std::to_string(piece.place.length) + "," +
           chorus::web::FileKey(piece.place) + "]";
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE void chorus_scan_feed(double size) {
    chorus::web::App* app = chorus::web::TheApp();
    if (!app) return;
    const chorus::core::Dataset& ds = app->session.dataset();
    std::vector<char>& buffer = chorus::web::Buffer();
    const size_t n = std::min(buffer.size(), static_cast<size_t>(size));
    ds.Scans().Feed(ds.Text(), chorus::web::PendingPiece(), std::string_view(buffer.data(), n));
}

// The File holding the text could not be read (rule 85): word queries match none of its posts from now on.
EMSCRIPTEN_KEEPALIVE void chorus_text_unreadable(const char* why) {
    chorus::web::App* app = chorus::web::TheApp();
    if (!app) return;
    chorus::core::Dataset& ds = app->session.dataset();
    ds.Text().MarkUnreadable(why && *why ? why : "the file could not be read");
    ds.Scans().Abandon();
}

}  // extern "C"
