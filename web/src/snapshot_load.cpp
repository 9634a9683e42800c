// A `.chorus` snapshot opened in the page (core/snapshot.hpp; COUNTING.md, "Snapshots").
//
// load_snapshot.js, inside a load (chorus_load_begin ... chorus_load_end, as for a dump), reads the File into a list of
// ArrayBuffers in Module.chorusSnapshot = {chunks, index, offset, received, taken} and, while it reads, opens it:
// chorus_snapshot_open, then chorus_snapshot_step with a budget of a few ms (yielding to the browser between steps:
// core/snapshot_open.hpp; waiting for the next slice while chorus_snapshot_waiting) until done, then
// chorus_snapshot_end. The core pulls the bytes a piece at a time (SnapshotSource::Take, never past
// SnapshotSource::Ready), each copied from those chunks straight into its column, and each chunk is let go once
// used: the file is never copied whole into the module's memory, whose peak is the dataset; past a budget the posts'
// text is left in the file (rule 84, web/src/text_disk.cpp). Several snapshots and dumps in one load merge as natively
// (rule S3); the explorer shows the dataset as it was until the last step; on any error or a cancel it is left as it
// was, and the message says why.
#include <emscripten/emscripten.h>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "app.hpp"
#include "exports.hpp"
#include "snapshot.hpp"
#include "snapshot_open.hpp"
#include "text_disk.hpp"

namespace {

// Copies the next n bytes of Module.chorusSnapshot to dst; 0 when fewer are left.
// clang-format off
EM_JS(int, chorus_snapshot_take, (char* dst, double n), {
    const s = Module['chorusSnapshot'];
    if (!s || n > s.received - s.taken) return 0;
    s.taken += n;
    let at = dst >>> 0;
    let left = n;
    while (left > 0) {
        const chunk = s.chunks[s.index];
        if (!chunk) return 0;
        const step = Math.min(left, chunk.byteLength - s.offset);
        HEAPU8.set(new Uint8Array(chunk, s.offset, step), at);
        at += step;
        left -= step;
        s.offset += step;
        if (s.offset === chunk.byteLength) {
            s.chunks[s.index++] = null;  // used: the browser may free it
            s.offset = 0;
        }
    }
    return 1;
});
// The bytes of Module.chorusSnapshot read from the file and not yet taken.
EM_JS(double, chorus_snapshot_ready, (), {
    const s = Module['chorusSnapshot'];
    return s ? s.received - s.taken : 0;
});
// clang-format on

class PageSource : public chorus::core::SnapshotSource {
public:
    bool Take(void* dst, uint64_t n) override {
        return chorus_snapshot_take(static_cast<char*>(dst), static_cast<double>(n)) != 0;
    }
    uint64_t Ready() const override { return static_cast<uint64_t>(chorus_snapshot_ready()); }
};

// What the columns other than the text take in memory, for `bytes` of them in the file: measured on a 10M-post
// snapshot with its text on disk (735 MB of other sections; 1,001 MB in use once read with its indexes and the
// explorer's caches, the heap at 1,139 MB): list offsets are packed below their 4 bytes per post in the file.
uint64_t OtherNeed(uint64_t bytes) {
    return bytes * 7 / 5;
}
// Room kept free for queries, lists and the reader once the snapshot is open.
constexpr uint64_t kWorkingRoom = uint64_t{384} << 20;

// The snapshot being opened: its source, where its text goes, and the message when it is not opened.
struct Opening {
    PageSource source;
    std::string file;
    std::string message;
    std::unique_ptr<chorus::core::SnapshotOpen> open;
};
Opening& TheOpening() {
    static Opening opening;
    return opening;
}

}  // namespace

extern "C" {

// Starts opening the snapshot of `total_bytes` named `name` from Module.chorusSnapshot into the dataset: nothing is
// read before the first step.
EMSCRIPTEN_KEEPALIVE void chorus_snapshot_open(const char* name, double total_bytes) {
    Opening& o = TheOpening();
    o.open.reset();
    o.message.clear();
    chorus::web::App* app = chorus::web::TheApp();
    if (!app) return;
    o.file = name ? name : "";
    chorus::web::CountFile(o.file.c_str());
    chorus::shell::Session& session = app->session;
    session.progress().action = "Opening";
    const uint64_t in_use = chorus::web::MemoryInUse();
    const uint64_t limit = chorus::web::MemoryLimit();
    // COUNTING.md rule 84: the text stays in memory while everything fits with room to work; past that budget
    // it stays in the file; when even the other columns would not fit, the snapshot is not opened.
    using Place = chorus::core::Snapshot::TextPlace;
    auto place = [in_use, limit](uint64_t text, uint64_t other) {
        const uint64_t base = in_use + OtherNeed(other) + kWorkingRoom;
        if (base + text <= limit && !chorus::web::TextOnDiskForced()) return Place::Memory;
        if (base <= limit) return Place::Disk;
        Opening& opening = TheOpening();
        opening.message = opening.file + ": not opened: it needs about " +
                          std::to_string((OtherNeed(other) + kWorkingRoom) >> 20) +
                          " MB of memory even with its text left on disk, and the page has " +
                          std::to_string((limit > in_use ? limit - in_use : 0) >> 20) + " MB left (at most " +
                          std::to_string(limit >> 20) + " MB in all); what was loaded stays";
        return Place::Refuse;
    };
    o.open = std::make_unique<chorus::core::SnapshotOpen>(o.source, static_cast<uint64_t>(total_bytes),
                                                          session.dataset(), place);
}

// Opens on for about `budget_ms`; returns the fraction done, 1 once finished (then chorus_snapshot_end).
EMSCRIPTEN_KEEPALIVE double chorus_snapshot_step(double budget_ms) {
    Opening& o = TheOpening();
    if (!o.open) return 1;
    o.open->Step(std::chrono::microseconds(static_cast<int64_t>(budget_ms * 1000)));
    return o.open->Fraction();
}

// 1 while the open waits for bytes the page has not read yet (SnapshotOpen::Waiting): step again once more came.
EMSCRIPTEN_KEEPALIVE int chorus_snapshot_waiting() {
    Opening& o = TheOpening();
    return o.open && o.open->Waiting() ? 1 : 0;
}

// Ends the open: cancelled (before its last step) the dataset is as it was. Returns "" when the snapshot was opened,
// otherwise the message for the page (the dataset is then unchanged); valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* chorus_snapshot_end(int cancel) {
    Opening& o = TheOpening();
    chorus::web::App* app = chorus::web::TheApp();
    if (!app) return "the page's module is not ready";
    app->session.progress().action = "Reading";
    std::unique_ptr<chorus::core::SnapshotOpen> open = std::move(o.open);
    if (!open || cancel || !open->Finished()) return "";
    const chorus::core::SnapshotStatus& status = open->Status();
    if (status.error == chorus::core::SnapshotError::TooLarge) {
        if (o.message.empty())
            o.message = o.file +
                        ": not opened: its text would have to stay on disk, which only a snapshot opened alone "
                        "(into an empty page) can do; what was loaded stays";
        return o.message.c_str();
    }
    app->session.Changed();
    if (!status.ok()) o.message = o.file + ": not opened: " + status.message + "; what was loaded stays";
    return o.message.c_str();
}

}  // extern "C"
