// The C/JS boundary of the page: the only functions chorus.js calls
// (listed in CHORUS_EXPORTS in web/CMakeLists.txt).
//
// A load, driven by chorus.js:
//   chorus_load_begin(files, total_bytes, replace)
//   for each file: p = chorus_file_begin(name);
//                  repeat: copy up to chorus_buffer_capacity() bytes to p; chorus_file_chunk(n);
//                          stop early when chorus_cancel_requested()
//                  chorus_file_end()
//   chorus_load_end(cancelled)
// No exception crosses the boundary: the core reports bad input as values, never throws on it
// (the web build has C++ exceptions off; an allocation failure aborts the module and the page says so).
#include "exports.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app.hpp"
#include "input.hpp"
#include "item_registry.hpp"
#include "snapshot.hpp"
#include "snapshot_open.hpp"
#include "summary.hpp"

namespace chorus::web {
namespace {

constexpr size_t kBufferCapacity = size_t{8} << 20;
// The explorer recomputes its views when the session changes; during a load
// that is at most this often.
constexpr double kChangeIntervalMs = 100.0;

// A worker's range (snapshot bytes) read a step at a time (chorus_part_step) before chorus_part_merge merges it.
struct PartRead {
    explicit PartRead(std::span<const char> bytes) : source(bytes), open(source, bytes.size(), part) {}
    core::BytesSource source;
    core::Dataset part;
    core::SnapshotOpen open;
    std::unique_ptr<core::Snapshot::RangeMerge> merge;  // once read: merged a step at a time (chorus_part_merge)
};

struct Load {
    std::unique_ptr<PartRead> part_read;  // of `part`, under way
    std::unique_ptr<char[]> buffer;       // kBufferCapacity + Ingest::kPadding bytes, reused by every file
    double start_ms = 0;
    double last_change_ms = 0;
    int files_begun = 0;
    bool reset_when_done = false;  // the user cleared the data during the load
    // One worker's range as snapshot bytes (chorus_part_buffer): left uninitialized, as the page fills it (zeroing
    // a CSV file's few hundred MB took a quarter of a second in one call).
    std::unique_ptr<char[]> part;
    size_t part_size = 0;
    std::span<const char> Part() const { return {part.get(), part_size}; }
    bool parts_file = false;  // chorus_parts_file counted the file: chorus_file_begin reads it (a CSV file)
};

Load& TheLoad() {
    static Load load;
    return load;
}

char* Buffer() {
    Load& load = TheLoad();
    if (!load.buffer) {
        const size_t size = kBufferCapacity + core::Ingest::kPadding;
        load.buffer = std::make_unique<char[]>(size);
        std::memset(load.buffer.get(), 0, size);
    }
    return load.buffer.get();
}

void UpdateSeconds(shell::LoadProgress& progress, double now_ms) {
    progress.seconds = (now_ms - TheLoad().start_ms) / 1000.0;
}

}  // namespace

void TickLoadClock() {
    App* app = TheApp();
    if (app && app->session.progress().active) UpdateSeconds(app->session.progress(), emscripten_get_now());
}

void ClearData() {
    App* app = TheApp();
    if (!app) return;
    if (app->session.progress().active) {
        TheLoad().reset_when_done = true;
        app->session.cancel_requested = true;
        return;
    }
    app->session.Reset();
}

void CountFile(const char* name) {
    App* app = TheApp();
    if (!app) return;
    shell::LoadProgress& progress = app->session.progress();
    progress.file_name = name ? name : "";
    progress.file_index = TheLoad().files_begun++;
    app->session.Changed();
}

}  // namespace chorus::web

using chorus::web::App;
using chorus::web::TheApp;
using chorus::web::TheLoad;

extern "C" {

EMSCRIPTEN_KEEPALIVE int chorus_buffer_capacity() {
    return static_cast<int>(chorus::web::kBufferCapacity);
}

// replace = 1 empties the dataset first (loading the demo, or files over the demo).
EMSCRIPTEN_KEEPALIVE void chorus_load_begin(int file_count, double total_bytes, int replace) {
    App* app = TheApp();
    if (!app) return;
    chorus::shell::Session& session = app->session;
    if (replace) session.Reset();
    const double now = emscripten_get_now();
    auto& load = TheLoad();
    load.start_ms = now;
    load.last_change_ms = now;
    load.files_begun = 0;
    load.parts_file = false;
    load.reset_when_done = false;
    chorus::shell::LoadProgress& progress = session.progress();
    progress = {};
    progress.active = true;
    progress.file_count = file_count;
    progress.bytes_total = total_bytes > 0 ? static_cast<uint64_t>(total_bytes) : 0;
    session.cancel_requested = false;
    session.Changed();
}

// Returns the buffer the page copies each slice of the file into.
EMSCRIPTEN_KEEPALIVE char* chorus_file_begin(const char* name) {
    App* app = TheApp();
    if (!app) return nullptr;
    char* buffer = chorus::web::Buffer();
    chorus::core::Ingest& ingest = app->session.ingest();
    if (ingest.InFile()) ingest.EndFile();
    chorus::shell::LoadProgress& progress = app->session.progress();
    progress.file_name = name ? name : "";
    progress.file_index = TheLoad().parts_file ? TheLoad().files_begun - 1 : TheLoad().files_begun++;
    TheLoad().parts_file = false;
    // A CSV file the user mapped by hand (the explorer's mapping panel) is read with those columns.
    ingest.SetCsvColumns(app->explorer.CsvMappingFor(progress.file_name));
    ingest.BeginFile(progress.file_name);
    app->session.Changed();
    return buffer;
}

// The page copied `size` bytes of the current file into the buffer.
EMSCRIPTEN_KEEPALIVE void chorus_file_chunk(int size) {
    App* app = TheApp();
    if (!app || size <= 0 || !TheLoad().buffer) return;
    chorus::shell::Session& session = app->session;
    if (!session.ingest().InFile()) return;
    const auto bytes = static_cast<size_t>(size) < chorus::web::kBufferCapacity ? static_cast<size_t>(size)
                                                                                : chorus::web::kBufferCapacity;
    session.ingest().Feed(TheLoad().buffer.get(), bytes);
    chorus::shell::LoadProgress& progress = session.progress();
    progress.bytes_done += bytes;
    const double now = emscripten_get_now();
    chorus::web::UpdateSeconds(progress, now);
    if (now - TheLoad().last_change_ms >= chorus::web::kChangeIntervalMs) {
        TheLoad().last_change_ms = now;
        session.Changed();
    }
}

EMSCRIPTEN_KEEPALIVE void chorus_file_end() {
    App* app = TheApp();
    if (!app) return;
    if (app->session.ingest().InFile()) app->session.ingest().EndFile();
    app->session.Changed();
}

// cancelled = 1: the user cancelled or a file could not be read; what was read stays.
EMSCRIPTEN_KEEPALIVE void chorus_load_end(int cancelled) {
    App* app = TheApp();
    if (!app) return;
    chorus::shell::Session& session = app->session;
    chorus::core::Ingest& ingest = session.ingest();
    if (ingest.InFile()) {
        if (cancelled)
            ingest.CancelFile();
        else
            ingest.EndFile();
    }
    session.dataset().LoadEnded();  // frees the post-id index (rebuilt if more files come)
    chorus::web::UpdateSeconds(session.progress(), emscripten_get_now());
    session.progress().active = false;
    session.cancel_requested = false;
    if (TheLoad().reset_when_done) {
        TheLoad().reset_when_done = false;
        session.Reset();
    }
    session.Changed();
}

// A plain file read by the page's workers (web/ingest_worker.js), range by range, instead of chorus_file_begin /
// chunk / end: each range comes back as snapshot bytes and is merged here in file order (core/ingest_range.hpp).
EMSCRIPTEN_KEEPALIVE void chorus_parts_file(const char* name) {
    App* app = TheApp();
    if (!app) return;
    chorus::shell::LoadProgress& progress = app->session.progress();
    progress.file_name = name ? name : "";
    progress.file_index = TheLoad().files_begun++;
    TheLoad().parts_file = true;
    app->session.Changed();
}

// A buffer for `size` bytes of one range's snapshot, valid until the next call.
EMSCRIPTEN_KEEPALIVE char* chorus_part_buffer(double size) {
    chorus::web::Load& load = TheLoad();
    load.part_read.reset();
    load.part.reset();
    load.part_size = static_cast<size_t>(size);
    if (load.part_size > 0) load.part.reset(new char[load.part_size]);
    return load.part.get();
}

// Reads the part in the buffer for about `budget_ms` (core/snapshot_open.hpp); returns the fraction read, 1 when done.
EMSCRIPTEN_KEEPALIVE double chorus_part_step(double budget_ms) {
    chorus::web::Load& load = TheLoad();
    if (!load.part_read) load.part_read = std::make_unique<chorus::web::PartRead>(load.Part());
    const bool done = load.part_read->open.Step(std::chrono::microseconds(static_cast<int64_t>(budget_ms * 1000)));
    return done ? 1 : load.part_read->open.Fraction();
}

// Merges the part in the buffer (read to its end first) for about `budget_ms` a call (Snapshot::RangeMerge), so
// the page draws between calls: continues = 0 for a file's first range (a new file), 1 for the next ones, whose
// problems' lines move down by `line_offset` (both taken by the first call of a part). Returns 0 while the merge
// is under way (call again), 1 once the part is merged, -1 when its bytes are not a sound snapshot (nothing merged).
EMSCRIPTEN_KEEPALIVE int chorus_part_merge(double line_offset, int continues, double budget_ms) {
    App* app = TheApp();
    if (!app) return -1;
    chorus::web::Load& load = TheLoad();
    chorus::core::Dataset& dataset = app->session.dataset();
    if (!load.part_read) load.part_read = std::make_unique<chorus::web::PartRead>(load.Part());
    chorus::web::PartRead& read = *load.part_read;
    bool ok = true;
    if (!read.merge) {
        ok = read.open.Run().ok() && read.part.Files().size() == 1 && (!continues || !dataset.Files().empty());
        if (ok)
            read.merge = std::make_unique<chorus::core::Snapshot::RangeMerge>(
                read.part, dataset, static_cast<uint64_t>(line_offset), continues != 0);
    }
    const bool done = !ok || read.merge->Step(std::chrono::microseconds(static_cast<int64_t>(budget_ms * 1000)));
    if (done) {
        if (ok) dataset.FileEnded();  // gives back spare capacity once the rows grew by a quarter (bounded copies)
        load.part_read.reset();
        load.part.reset();
        load.part_size = 0;
        load.parts_file = false;
    }
    const double now = emscripten_get_now();
    if (now - load.last_change_ms >= chorus::web::kChangeIntervalMs) {  // chorus_load_end tells views at the end
        load.last_change_ms = now;
        app->session.Changed();
    }
    return !ok ? -1 : done ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void chorus_parts_progress(double bytes_done) {
    App* app = TheApp();
    if (!app) return;
    chorus::shell::LoadProgress& progress = app->session.progress();
    progress.bytes_done = static_cast<uint64_t>(bytes_done);
    const double now = emscripten_get_now();
    chorus::web::UpdateSeconds(progress, now);
    if (now - TheLoad().last_change_ms >= chorus::web::kChangeIntervalMs) {
        TheLoad().last_change_ms = now;
        app->session.Changed();
    }
}

// The load of a file read by workers stopped (cancelled, or a worker failed) after `lines` lines and `bytes`
// bytes were merged (started = 0: none yet): its report says so, as Ingest::CancelFile's does.
EMSCRIPTEN_KEEPALIVE void chorus_parts_cancel(const char* name, int started, double lines, double bytes) {
    App* app = TheApp();
    if (!app) return;
    chorus::core::Dataset& dataset = app->session.dataset();
    if (!started || dataset.Files().empty()) dataset.BeginFile(name ? name : "");
    chorus::core::IngestReport& report = dataset.Report(dataset.Files().size() - 1);
    report.cancelled = true;
    report.Add(chorus::core::Problem::Cancelled, static_cast<uint64_t>(lines) + 1,
               "load cancelled after " + std::to_string(static_cast<uint64_t>(bytes)) +
                   " bytes: the rest of the file was not read");
    app->session.Changed();
}

// 1 once after the user asked to read the loaded files again (a CSV column mapping was applied): the page
// loads them again, replacing the dataset; chorus_file_begin applies each file's mapping.
EMSCRIPTEN_KEEPALIVE int chorus_reload_requested() {
    App* app = TheApp();
    return app && app->explorer.TakeRequest(chorus::shell::Request::ReloadFiles) ? 1 : 0;
}

// The CSV columns the user chose for the file `name` (CsvColumnsText), "" when none: handed to the ingest
// worker that reads the file (web/ingest_worker.js).
EMSCRIPTEN_KEEPALIVE const char* chorus_csv_mapping(const char* name) {
    static std::string text;
    App* app = TheApp();
    auto columns = app && name ? app->explorer.CsvMappingFor(name) : std::nullopt;
    text = columns ? chorus::core::CsvColumnsText(*columns) : std::string();
    return text.c_str();
}

// 1 once after the user pressed Cancel (the flag is cleared by reading it).
EMSCRIPTEN_KEEPALIVE int chorus_cancel_requested() {
    App* app = TheApp();
    if (!app || !app->session.cancel_requested) return 0;
    app->session.cancel_requested = false;
    return 1;
}

// core::SummaryJson of the dataset; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* chorus_summary_json() {
    static std::string json;
    App* app = TheApp();
    json = app ? chorus::core::SummaryJson(app->session.dataset()) : "null";
    return json.c_str();
}

// The widgets drawn last frame with their rectangles in CSS pixels (shell::ItemRegistry).
EMSCRIPTEN_KEEPALIVE const char* chorus_items_json() {
    static std::string json;
    json = chorus::shell::ItemRegistry::Json();
    return json.c_str();
}

// The timeline's visible range and bins: {"start","end","step","bins","user_moved","fixed_set_aside"} (UTC
// seconds; the last: the Settings' fixed bin gave way to the automatic one, rule 117), the
// zone the bins follow ("zone") and the bins themselves: "edges" (bins + 1 UTC seconds; bin i is
// [edges[i], edges[i + 1]), a 25-hour day where the zone falls back) and "counts" (the query's posts).
EMSCRIPTEN_KEEPALIVE const char* chorus_view_json() {
    static std::string json;
    App* app = TheApp();
    if (!app) return "null";
    const auto& view = app->explorer.view();
    const auto& bins = app->explorer.TimelineBins();
    json = "{\"start\":" + std::to_string(view.view_start) + ",\"end\":" + std::to_string(view.view_end) +
           ",\"step\":" + std::to_string(bins.step) + ",\"bins\":" + std::to_string(bins.counts.size()) +
           ",\"user_moved\":" + (view.user_moved ? "true" : "false") +
           ",\"fixed_set_aside\":" + (app->explorer.FixedBinSetAside() ? "true" : "false");
    std::string zone = app->session.time_zone().Name(), edges, counts;  // an IANA name: no quote to escape
    for (size_t i = 0; i < bins.edges.size(); ++i)
        edges += (i ? "," : "") + std::to_string(bins.edges[i]);
    for (size_t i = 0; i < bins.counts.size(); ++i)
        counts += (i ? "," : "") + std::to_string(bins.counts[i]);
    json += ",\"zone\":\"" + zone + "\",\"edges\":[" + edges + "],\"counts\":[" + counts + "]}";
    return json.c_str();
}

// The explorer's selection: {"posts", "total", "query", "error": null | {"position", "message"},
// "brush": null | [start, end]} (shell::Explorer::SelectionJson).
EMSCRIPTEN_KEEPALIVE const char* chorus_selection_json() {
    static std::string json;
    App* app = TheApp();
    if (!app) return "null";
    json = app->explorer.SelectionJson();
    return json.c_str();
}

// The font atlas (web/src/font_atlas.hpp): {"requested", "in_font", "from_browser", "colour", "invisible", "missing",
// "left_out", "width", "height", "max_side", "pixel_size", "build_ms", "browser_ms", "current", "listed_missing",
// "missing_examples"}. current: the atlas holds the characters of the data as it is now (no load running, nothing new
// since, the characters collected and the atlas rebuilt with them: both take a few frames after a load).
// listed_missing: code points in the names the top lists show that have no glyph and draw as '?'; missing_examples: the
// most used code points no font of this system has (up to 20). reader_shown, reader_with_text, reader_missing: the
// posts the reader drew last frame, those with their text, and their code points without a glyph.
EMSCRIPTEN_KEEPALIVE const char* chorus_glyphs_json() {
    static std::string json;
    App* app = TheApp();
    if (!app) return "null";
    const chorus::web::AtlasStats& s = chorus::web::TheFontAtlas().Stats();
    const bool current = !app->session.progress().active && app->glyphs.Generation() == app->session.Generation() &&
                         !chorus::web::TheFontAtlas().Dirty();
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const ImFont* font = atlas.Fonts.empty() ? nullptr : atlas.Fonts[0];
    std::vector<unsigned int> missing, reader_missing;
    int cluster_glyphs = 0;  // emoji clusters the lists draw as one glyph
    auto check = [&](const std::string& text, std::vector<unsigned int>& out) {
        for (const char* p = text.c_str(); *p;) {
            unsigned int cp = 0;
            p += ImTextCharFromUtf8(&cp, p, nullptr);  // as ImGui reads it when drawing
            if (chorus::shell::IsClusterGlyph(static_cast<char32_t>(cp))) ++cluster_glyphs;
            if (cp < 0x20 || (font && font->FindGlyphNoFallback(static_cast<ImWchar>(cp)))) continue;
            if (std::find(out.begin(), out.end(), cp) == out.end()) out.push_back(cp);
        }
    };
    for (const std::string& text : app->explorer.ListedTexts())
        check(text, missing);
    const int listed_clusters = cluster_glyphs;
    // The reader's posts drawn last frame, with their text (read back from disk when it stays there, rule 84).
    const chorus::core::Dataset& ds = app->session.dataset();
    int reader_with_text = 0;
    for (chorus::core::RowId row : app->explorer.ReaderShown()) {
        if (row >= ds.Posts() || !ds.Text().Has(row)) continue;
        ++reader_with_text;
        check(app->explorer.cluster_glyphs().Drawn(ds.TextOf(row)), reader_missing);
    }
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "{\"requested\":%d,\"in_font\":%d,\"from_browser\":%d,\"colour\":%d,\"invisible\":%d,\"missing\":%d,"
                  "\"left_out\":%d,\"width\":%d,\"height\":%d,\"max_side\":%d,\"pixel_size\":%d,"
                  "\"build_ms\":%.1f,\"browser_ms\":%.1f,\"current\":%s,\"clusters\":%d,\"clusters_left_out\":%d,"
                  "\"listed_missing\":[",
                  s.requested, s.in_font, s.from_browser, s.colour, s.invisible, s.missing, s.left_out, s.width,
                  s.height, s.max_side, s.pixel_size, s.build_ms, s.browser_ms, current ? "true" : "false", s.clusters,
                  s.clusters_left_out);
    json = buf;
    for (size_t i = 0; i < missing.size(); ++i)
        json += (i ? "," : "") + std::to_string(missing[i]);
    json += "],\"listed_cluster_glyphs\":" + std::to_string(listed_clusters) +
            ",\"reader_shown\":" + std::to_string(app->explorer.ReaderShown().size()) +
            ",\"reader_with_text\":" + std::to_string(reader_with_text) + ",\"builds\":" + std::to_string(s.builds) +
            ",\"reader_missing\":[";
    for (size_t i = 0; i < reader_missing.size(); ++i)
        json += (i ? "," : "") + std::to_string(reader_missing[i]);
    json += "],\"missing_examples\":[";
    for (size_t i = 0; i < s.missing_examples.size(); ++i)
        json += (i ? "," : "") + std::to_string(static_cast<uint32_t>(s.missing_examples[i]));
    json += "]}";
    return json.c_str();
}

// Text of a DOM paste event, typed into the active ImGui text field.
EMSCRIPTEN_KEEPALIVE void chorus_paste_text(const char* utf8) {
    chorus::web::PasteText(utf8);
}

}  // extern "C"
