// A `.chorus` snapshot opened in the page (core/snapshot.hpp; COUNTING.md, "Snapshots").
//
// chorus.js, inside a load (chorus_load_begin ... chorus_load_end, as for a dump), reads the File into a list of
// ArrayBuffers in Module.chorusSnapshot = {chunks, index, offset}, then calls chorus_snapshot_load. The core pulls
// the bytes section by section (SnapshotSource::Take), each copied from those chunks straight into its column, and
// each chunk is let go once used: the file is never copied whole into the module's memory, whose peak is the
// dataset. Several snapshots and dumps in one load merge as natively (rule S3); on any error the dataset is left
// as it was and the message says why.
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdint>
#include <string>

#include "app.hpp"
#include "exports.hpp"
#include "snapshot.hpp"

namespace {

// Copies the next n bytes of Module.chorusSnapshot to dst; 0 when fewer are left.
// clang-format off
EM_JS(int, chorus_snapshot_take, (char* dst, double n), {
    const s = Module['chorusSnapshot'];
    if (!s) return 0;
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
// clang-format on

class PageSource : public chorus::core::SnapshotSource {
public:
    bool Take(void* dst, uint64_t n) override {
        return chorus_snapshot_take(static_cast<char*>(dst), static_cast<double>(n)) != 0;
    }
};

// Roughly what a snapshot of `bytes` needs in memory once read: its columns (the file's size) and the post id
// index built on reading; merging into loaded posts copies them once more.
uint64_t NeededBytes(uint64_t bytes, bool merging) {
    const uint64_t read = bytes + bytes / 4;
    return merging ? read * 2 : read;
}

}  // namespace

extern "C" {

// Reads the snapshot of `total_bytes` named `name` from Module.chorusSnapshot into the dataset. Returns "" when
// it loaded, otherwise the message for the page (the dataset is then unchanged); valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* chorus_snapshot_load(const char* name, double total_bytes) {
    static std::string message;
    message.clear();
    chorus::web::App* app = chorus::web::TheApp();
    if (!app) return "the page's module is not ready";
    const std::string file = name ? name : "";
    chorus::web::CountFile(file.c_str());
    chorus::shell::Session& session = app->session;
    chorus::core::Dataset& dataset = session.dataset();
    const auto total = static_cast<uint64_t>(total_bytes);
    const uint64_t in_use = mallinfo().uordblks;
    const uint64_t max = emscripten_get_heap_max();
    const uint64_t needed = NeededBytes(total, !dataset.Files().empty() || dataset.Posts() != 0);
    if (in_use + needed > max) {
        message = file + ": not opened: it needs about " + std::to_string(needed >> 20) +
                  " MB of memory and the page has " + std::to_string((max - in_use) >> 20) + " MB left (at most " +
                  std::to_string(max >> 20) + " MB in all); what was loaded stays";
        return message.c_str();
    }
    PageSource source;
    const chorus::core::SnapshotStatus status = chorus::core::Snapshot::ReadFrom(source, total, dataset);
    session.Changed();
    if (!status.ok()) message = file + ": not opened: " + status.message + "; what was loaded stays";
    return message.c_str();
}

}  // extern "C"
