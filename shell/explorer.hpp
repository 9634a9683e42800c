// Explorer: the Dear ImGui interface over a Session.
//
// Panels (panel_*.cpp) read cached results and write intent into ViewState; they
// never compute over posts themselves. The query is parsed when its text changes and
// evaluated, with the brushed time range, only when the text, the range or the
// Session's generation changes; every list, count and the reader show that selection.
//
//   chorus::shell::Explorer explorer(session);
//   ImGui::NewFrame();
//   explorer.Frame();            // whole-window UI
//   ImGui::Render();
//   if (explorer.TakeRequest(Request::ClearData)) session.Reset();
//   while (auto save = explorer.TakeSave()) platform.Save(*save);  // right after this frame's render
//
// Runs on any backend, including none (ImGui's null backend in tests).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aggregate.hpp"
#include "cluster_glyphs.hpp"
#include "csv_reader.hpp"
#include "dataset_preparation.hpp"
#include "frame_budget.hpp"
#include "panel_settings.hpp"
#include "query.hpp"
#include "query_evaluation.hpp"
#include "selection.hpp"
#include "session.hpp"
#include "summary.hpp"
#include "timeline.hpp"
#include "timeline_layers.hpp"
#include "top_counts.hpp"

namespace chorus::shell {

// What the user asked the platform to do (the explorer does not own the data's lifetime).
// ReloadFiles: read the loaded files again (a CSV column mapping was chosen: CsvMappingFor() gives it).
// ResetLayout: forget the saved layout (settings() is back to its defaults already).
enum class Request : uint8_t { ClearData, ReloadFiles, ResetLayout };

// A file the user asked to save (an Export button): the platform hands it to the user (a download in
// the browser); nothing is sent anywhere. Either bytes, produced piece by piece so that a big export is
// never one giant string, or a picture of part of the frame just drawn.
struct SaveRequest {
    std::string file_name;  // suggested, e.g. "chorus-hashtags-metoo.csv"
    std::string mime_type;  // "text/csv", "application/x-ndjson", "image/png"
    // Replaces `chunk` with the next piece of the file; false (chunk empty) once there is none left.
    // Unset for a capture. Call it before the next Frame(): it reads the session's dataset.
    std::function<bool(std::string& chunk)> next;
    // A capture: the rectangle, in display units (CSS pixels), of the frame just rendered to save as PNG.
    bool capture = false;
    float x = 0, y = 0, w = 0, h = 0;

    // A request whose whole content is `bytes`.
    static SaveRequest Bytes(std::string file_name, std::string mime_type, std::string bytes);
};

// Plain view state: what the user looks at. Written by panels, read by the app.
struct ViewState {
    // Visible time range of the timeline, [view_start, view_end) in UTC seconds;
    // both 0 = fit the data.
    core::UnixSeconds view_start = 0, view_end = 0;
    bool user_moved = false;  // zoomed or panned: new data keeps the view instead of re-fitting
    // The query bar's text (core/query.hpp language), as typed.
    std::string query;
    // The brushed time range [brush_start, brush_end) in UTC seconds, when `brushed`: it
    // restricts every list, count and the reader, without touching the query's text.
    bool brushed = false;
    core::UnixSeconds brush_start = 0, brush_end = 0;
    bool focus_query = false;  // move the keyboard to the query bar on the next frame
};

// The post selected in the reader, when its text is right-to-left (Arabic, Hebrew...): ImGui cannot
// shape it, so the platform shows `text` over the reader's rectangle (CSS pixels) in its own text
// element (the browser: an HTML element with dir="auto" and lang). Only while that rectangle is in view.
struct PostOverlay {
    std::string text;  // as the source wrote it (logical order)
    std::string lang;  // the post's language code, or ""
    float x = 0, y = 0, w = 0, h = 0;
};

// The top lists the explorer shows, in tab order.
inline constexpr core::EntityField kListFields[] = {
    core::EntityField::Hashtag, core::EntityField::Mention,  core::EntityField::Author, core::EntityField::Domain,
    core::EntityField::Link,    core::EntityField::Language, core::EntityField::Emoji,  core::EntityField::Client};
inline constexpr size_t kListCount = std::size(kListFields);

class Explorer {
public:
    explicit Explorer(Session& session);  // create the ImGui context first (event labels' settings handler)
    ~Explorer();
    Explorer(const Explorer&) = delete;
    Explorer& operator=(const Explorer&) = delete;

    // Draws the whole window. Call between ImGui::NewFrame() and ImGui::Render().
    void Frame();
    // True once per user request of that kind.
    bool TakeRequest(Request request);
    // The files the user asked to save this frame, one per call, oldest first.
    std::optional<SaveRequest> TakeSave();
    bool SavePending() const { return !m_saves.empty(); }

    ViewState& view() { return m_view; }
    // The address the user asked to open (the reader's link to the original post), once per click.
    std::optional<std::string> TakeLinkToOpen();
    // This frame's right-to-left post to show over the reader, if any.
    const std::optional<PostOverlay>& PostOverlayShown() const { return m_post_overlay; }
    // Emoji clusters the font has one glyph for (cluster_glyphs.hpp): the platform assigns them after it
    // built its font atlas; lists, reader and tooltips draw those clusters as one glyph from then on.
    ClusterGlyphs& cluster_glyphs() { return m_cluster_glyphs; }
    // Theme and font size (panel_settings.hpp); the platform installs its .ini handler and reads the font size.
    Settings& settings() { return m_settings; }
    // The CSV columns the user chose for a file of this name (the mapping panel), to pass to
    // Ingest::SetCsvColumns before that file is read again; std::nullopt: map by header names.
    std::optional<core::CsvColumns> CsvMappingFor(const std::string& file_name) const;
    // The bins the timeline shows now (for tests and exports): posts of the query's selection.
    const core::TimeBins& TimelineBins() const { return m_bins; }
    // The Settings' fixed bin was set aside for the automatic one: the view is too wide for it (rule 117).
    bool FixedBinSetAside() const { return m_bins_fixed_set_aside; }
    const core::TopList& List(size_t list) const { return m_lists[list]; }  // the lists shown, kListFields order
    // The names the top lists show, as drawn (VisualText), for tests and exports.
    std::vector<std::string> ListedTexts() const;
    // Every row the reader lists, in its order (for tests: the selection's, once complete).
    const std::vector<core::RowId>& ReaderRows() const { return m_reader_rows; }
    // The rows the reader drew in the last frame (for tests: their text as drawn has glyphs).
    const std::vector<core::RowId>& ReaderShown() const { return m_reader_shown; }
    // The posts every list, count and the reader show: the last valid query within the brushed range.
    const core::Selection& Selected() const { return m_selected; }
    // The syntax error of the query bar's text, if any (the selection is then the previous query's).
    const std::optional<core::QueryError>& QueryErrorShown() const { return m_query_error; }
    // True while a new query is evaluated or the numbers of a new selection are counted (a few milliseconds
    // per frame; the previous selection and numbers stay drawn, marked "updating", until the new ones are complete).
    // A change made in this frame's panels (a query typed, a brush moved) counts from that frame on, before the
    // next frame starts its evaluation (ChangeWaiting).
    bool Updating() const {
        return !m_counting.Done() || m_evaluation.Running() || m_order_at != SIZE_MAX || !m_brush_ranges.empty() ||
               m_preparation != nullptr || ChangeWaiting();
    }
    // True while a new dataset's summary and index are prepared over frames (rule 112; explorer_preparation.cpp).
    bool Preparing() const { return m_preparation != nullptr; }
    // The explorer's own work per frame (frame_budget.hpp; tests and benches): at least one step a frame.
    void SetFrameWork(std::chrono::microseconds work) { m_limits.frame = m_limits.first_preparation = work; }
    // {"posts": selected, "total": posts, "query": text, "error": null | {"position", "message"},
    //  "brush": null | [start, end], "updating": Updating()} for the page's tests.
    std::string SelectionJson() const;
    // How much of its own work (evaluating, ordering in time, counting) the explorer does a frame: kRowsAtOnce
    // rows of each piece, then blocks of kStepRows while the frame's budget lasts (frame_budget.hpp). Tests and
    // benches shrink them: the numbers once complete are the same for any limits.
    struct WorkLimits {
        std::chrono::microseconds frame = kFrameWork;
        size_t at_once = kRowsAtOnce;
        size_t step = kStepRows;
        std::chrono::microseconds first_preparation = kFirstPreparationWork;  // while nothing is drawn yet
    };
    void SetWorkLimits(const WorkLimits& limits) { m_limits = limits; }

    // The timeline's layers (timeline_layers.hpp): peaks, stacked types, compared series, events.
    const TimelineLayers& Timeline() const { return m_layers; }
    TimelineLayers& Timeline() { return m_layers; }
    // Adds a compared series; false, with the reason in `message`, when refused (the 9th, a syntax
    // error, one already compared).
    bool AddSeries(const std::string& query, std::string& message);
    void RemoveSeries(size_t i);
    void AddEvent(core::UnixSeconds time, std::string text);  // marks imgui.ini to be saved
    void RemoveEvent(size_t i);

private:
    void Refresh();
    void RefreshData();         // explorer_preparation.cpp: starts and steps the preparation of a new dataset
    bool IndexCurrent() const;  // m_index is prepared for the session's dataset as it is now (rule 112)
    // No numbers to draw yet: the first preparation of a dataset is under way (the page says "Preparing").
    bool NothingDrawn() const { return !m_index || (m_preparation && m_summary.posts == 0); }
    void DropData();  // forgets the index and every pointer into a dataset being replaced
    void StartPreparation();
    void StepPreparation();
    void DrawPreparing();  // "Preparing the index of N posts: X%" while nothing else is drawn
    void RefreshSelection();
    void StepCounting(bool to_the_end = false);  // explorer_counting.cpp
    bool StepEvaluation();                       // explorer_counting.cpp: true once the query's rows are known
    bool StepOrdering();         // explorer_counting.cpp: true once m_pending_rows are in time order (m_pending_order)
    bool BrushMoved() const;     // the view's brush is not the one m_selected was made for
    bool ChangeWaiting() const;  // a query, zone or brush of the view not yet taken up by RefreshSelection()
    void StartBrush();  // explorer_counting.cpp: the brushed range of m_query_order (rule 113) into m_selected,
    bool StepBrush();   // at once, or through m_brush_rows over frames: true once it is complete
    size_t FirstStep(size_t work) const;  // explorer_counting.cpp: rows of the first step of a piece of work
    void UpdateBins(float width);
    void FitView();
    void AppendTerm(const std::string& term, bool negated);
    void ClearFilters();
    void SaveList(size_t list);  // export_*.hpp
    void SaveTimelineCsv();
    void SavePosts();
    bool ExportButton(const char* text, const char* label, const char* tooltip);

    // Panels (panel_*.cpp).
    void DrawToolbar();
    void DrawQueryBar();  // panel_query_bar.cpp
    void DrawQueryHelp();
    void DrawTextOnDiskNote();
    void DrawProgress();
    void DrawSummary();                                     // panel_summary.cpp
    void DrawTimeline();                                    // panel_timeline.cpp
    void UpdateLayers(bool base_changed);                   // timeline_series.cpp
    void DrawTimelineToolbar();                             // timeline_series.cpp
    void DrawSeriesLegend();                                // timeline_series.cpp
    void DrawBinTooltipDetails(size_t bin);                 // timeline_series.cpp
    void DrawMarkerLane(const TimelineGeometry& geometry);  // timeline_marks.cpp
    void DrawTimelinePopups();                              // timeline_marks.cpp
    void OpenBinDrivers(core::UnixSeconds at);              // panel_drivers.cpp
    void DrawBinDrivers();                                  // panel_drivers.cpp
    // The drivers' rows (a click adds the value to the query: true, the caller closes its popup).
    bool DrawDriverLists(const std::vector<core::PeakDriver>& hashtags, const std::vector<core::PeakDriver>& authors,
                         const std::vector<core::PeakDriver>& domains);  // panel_drivers.cpp
    void DrawLists();                                                    // panel_lists.cpp
    void DrawTopTable(size_t list);
    void DrawWordTable(size_t which);  // 0: words, 1: bigrams (rule 53), counted when first shown
    void DrawReader();                 // panel_reader.cpp
    void DrawReaderOrder();            // panel_reader.cpp
    void DrawPostLink();
    void DrawImportReport();
    void DrawCsvMapping();  // panel_mapping.cpp

    Session& m_session;
    ViewState m_view;
    Settings m_settings;
    std::string m_applied_zone = "UTC";  // settings.time_zone as last given to the session
    uint64_t m_generation = UINT64_MAX;
    uint64_t m_scans_finished = 0;             // core::TextScans::Finished() at the last evaluation
    const core::Dataset* m_dataset = nullptr;  // the dataset m_index reads
    std::chrono::steady_clock::time_point m_refreshed_at{};
    double m_refresh_seconds = 0;  // how long the last refresh took
    uint32_t m_requests = 0;
    FrameBudget m_budget;  // this frame's time for evaluating, ordering, counting (started in Frame())
    // The preparation of a new dataset's summary and index over the frames (explorer_preparation.cpp).
    std::unique_ptr<core::DatasetPreparation> m_preparation;  // in progress, if any
    uint64_t m_prepared_generation = UINT64_MAX;              // the generation last prepared or being prepared
    size_t m_index_rows = 0;                                  // the rows m_index was prepared for
    double m_preparation_seconds = 0;                         // the work of the preparation so far
    std::vector<SaveRequest> m_saves;                         // asked for, not yet taken

    // The query: parsed when the text changes; m_query is the last one that parsed.
    std::unique_ptr<core::QueryIndex> m_index;  // rebuilt when the generation changes
    std::string m_parsed_text = "\x01";         // text last parsed (never a real query at first)
    std::string m_parsed_zone;                  // the zone it was parsed in
    core::Query m_query;
    std::optional<core::QueryError> m_query_error;
    bool m_selection_dirty = true;
    core::QueryEvaluation m_evaluation;  // m_query over the frames after it changed (explorer_counting.cpp)
    bool m_eval_brushed = false;
    core::UnixSeconds m_eval_brush_start = 0, m_eval_brush_end = 0;
    // The query's rows in time order (rule 113): put in order over the frames after the evaluation, from the
    // dataset's sorted times; the brush is then a binary search in them, the bins and peaks two a bin.
    core::Selection m_pending_rows;            // the evaluation's result, while it is put in time order
    std::vector<core::RowId> m_pending_order;  // its rows with a time, by time then row, so far
    size_t m_order_at = SIZE_MAX;              // next position of SortedTimes() read; SIZE_MAX: not ordering
    size_t m_order_size = 0;                   // SortedTimes().size() when the ordering started
    std::vector<core::RowId> m_query_order;    // m_query_rows' rows with a time, by time then row
    WorkLimits m_limits;                       // SetWorkLimits()
    // The brushed selection being built: m_query_order's positions still to add to (or remove from) m_brush_rows.
    core::Selection m_brush_rows;
    std::vector<std::pair<size_t, size_t>> m_brush_ranges;  // [from, to) positions, in order; empty: none pending
    bool m_brush_removing = false;
    // m_selected's rows with a time in time order: m_query_order's positions [from, to) (the count does not sort).
    std::pair<size_t, size_t> m_selected_order{0, 0};

    // Cached results (recomputed in Refresh()); the lists' texts are in visual order (VisualText).
    core::Summary m_summary;
    core::Selection m_query_rows;  // the query alone: the timeline
    core::Selection m_selected;    // within the brush: lists, counts, reader
    core::Summary m_stats;         // of the selection
    // m_stats, m_lists and m_reader_rows of m_selected while being counted (explorer_counting.cpp).
    core::SelectionCount m_counting;
    core::TopList m_lists[kListCount];
    std::vector<std::string> m_list_texts[kListCount];                // m_lists' texts as drawn
    std::vector<core::RowId> m_reader_rows;                           // m_selected in m_reader_order
    std::vector<core::RowId> m_reader_shown;                          // of which drawn in the last frame
    core::PostOrder m_reader_order = core::PostOrder::TimeAscending;  // chosen in the reader (engagement.hpp)
    core::RowId m_reader_post = UINT32_MAX;                           // the post clicked in the reader (a row), or none
    std::optional<std::string> m_link_to_open;                        // asked for this frame
    std::optional<PostOverlay> m_post_overlay;                        // drawn this frame
    core::TimeBins m_bins, m_all_bins;                                // the query's posts, every post (context)
    core::UnixSeconds m_bins_view_start = 0, m_bins_view_end = 0;
    float m_bins_width = 0;
    int64_t m_bins_fixed = 0;             // the Settings' fixed bin when the bins were made (0: automatic)
    bool m_bins_fixed_set_aside = false;  // the view held too many of them a pixel: automatic bins (rule 117)
    TimelineLayers m_layers;
    ClusterGlyphs m_cluster_glyphs;
    uint64_t m_cluster_version = 0;  // of m_cluster_glyphs when the lists' texts were drawn

    // Timeline interaction in flight.
    bool m_brushing = false;
    core::UnixSeconds m_brush_anchor = 0, m_brush_to = 0;
    // Characters typed after '/' while the query bar takes the keyboard (a frame or two): given to it then.
    std::vector<unsigned int> m_query_typeahead;
    bool m_query_awaiting = false;
    size_t m_list_tab = 2;  // which list the third column shows (authors ... clients; kListCount + 0/1: words)
    // Words and bigrams of m_selected, counted from the text when their tab is shown (stale: not yet).
    core::TopList m_word_lists[2];
    std::vector<std::string> m_word_texts[2];
    bool m_words_stale[2] = {true, true};

    // CSV column mappings: chosen (applied on the next read of that file) and being chosen.
    std::map<std::string, core::CsvColumns> m_csv_mappings;
    std::string m_mapping_file;  // the file the mapping panel shows
    core::CsvColumns m_mapping_draft;
};

}  // namespace chorus::shell
