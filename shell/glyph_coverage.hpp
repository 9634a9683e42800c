// Glyph coverage: the characters the explorer may have to draw for a dataset.
//
// A front end whose font holds only some scripts (the web page's atlas) makes
// glyphs for exactly these code points, once per finished load. The names the
// lists show (hashtags, mentions, author names, language codes) come first, with
// the forms VisualText draws in their place (Arabic presentation forms, mirrored
// brackets); post texts are scanned up to a cap, since they are not drawn yet.
// Printable ASCII is left out: every font has it.
//
//   GlyphCoverage coverage;
//   if (coverage.Update(session, {.time = 4ms}))           // each frame: a load finished with new characters
//       for (const CodePointUse& use : coverage.CodePoints()) ...;
//
// At 10 million posts the collection takes longer than a frame: Update() given a
// time budget collects in pieces over as many calls as it needs, and CodePoints()
// and Clusters() keep the previous load's set until it is done (the result is the
// one a single call gives). A new load or change of the data starts it over.
//
// Text the scan did not see (a post's text kept on disk and read back for the
// reader, COUNTING.md rule 84, or a post past the scan's cap) is handed to
// AddLateText as it is drawn: its new code points join CodePoints() in batches, at
// most one a TakeLate interval, so the atlas is rebuilt a few times while the
// reader fills, not every frame.
//
// Emoji clusters of several code points (a flag, a ZWJ sequence, a skin tone) are
// collected too (Clusters(), cluster_glyphs.hpp): an atlas with room makes one glyph
// of each; otherwise they draw one code point at a time, joiners and selectors as nothing.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "session.hpp"

namespace chorus::shell {

struct CodePointUse {
    char32_t code_point = 0;
    uint64_t in_names = 0;   // occurrences in the names of the lists
    uint64_t in_texts = 0;   // occurrences in the scanned post texts
    bool invisible = false;  // draws nothing and takes no room (IsInvisible)
    bool operator==(const CodePointUse&) const = default;
};

struct CoverageLimits {
    size_t max_posts = 200000;                 // post texts scanned, from the first post
    size_t max_text_bytes = size_t{64} << 20;  // and at most this much of them
};

// How much of a collection one Update() call may do: pieces of `items` (dictionary entries, author names,
// posts) while `time` lasts, and at least one piece a call, so a call does at most one piece past its time.
struct CoverageStep {
    std::chrono::microseconds time = std::chrono::microseconds::max();  // unlimited: all in one call
    size_t items = size_t{1} << 12;
};

// Distinct code points above ASCII, most important first: those in names, then
// by how often they occur, then by code point. Lower ranks are the first to go
// when an atlas runs out of room.
std::vector<CodePointUse> CollectCodePoints(const core::Dataset& dataset, const CoverageLimits& limits = {});

// Code points a renderer draws as nothing: Unicode's default ignorables (joiners,
// variation selectors, bidi controls, soft hyphen, tags) and other controls.
bool IsInvisible(char32_t code_point);

class GlyphCoverage {
public:
    explicit GlyphCoverage(CoverageLimits limits = {});
    ~GlyphCoverage();

    // Collects again when the session changed and no load is running, within `step` (CoverageStep); a
    // collection left unfinished goes on at the next call, or starts over when the session changed again or a
    // load began. True when a collection ended and its set of code points or clusters is not the one
    // CodePoints() and Clusters() held before.
    bool Update(const Session& session, const CoverageStep& step = {});
    // A collection is under way: CodePoints() and Clusters() are still the previous ones.
    bool Collecting() const { return m_collection != nullptr; }
    // Items the last Update() went through (at most one CoverageStep::items piece past its time).
    size_t LastStepItems() const { return m_last_step_items; }
    const std::vector<CodePointUse>& CodePoints() const { return m_uses; }
    // The emoji clusters of several code points in the posts, most used first (CollectEmojiClusters).
    const std::vector<std::string>& Clusters() const { return m_clusters; }
    // Text drawn that the load's scan did not see: its code points not in CodePoints() wait for TakeLate.
    void AddLateText(std::string_view text);
    // True when code points of late text waited and `interval_ms` passed since the last batch: they are in
    // CodePoints() now (after the others, as used once), and stay there until the data is cleared.
    bool TakeLate(double now_ms, double interval_ms = 250);
    size_t LateWaiting() const { return m_late_waiting.size(); }
    // The session's generation CodePoints() was collected at (a collection under way has not changed it yet).
    uint64_t Generation() const { return m_generation; }

private:
    struct Collection;  // a collection in pieces (glyph_coverage.cpp)
    bool Finish(const Session& session, Collection& collection);
    void AddUse(char32_t code_point);  // with VisualText's variants, unless listed

    CoverageLimits m_limits;
    std::unique_ptr<Collection> m_collection;
    size_t m_last_step_items = 0;
    std::vector<char32_t> m_listed;        // CodePoints()' code points, sorted
    std::vector<char32_t> m_late;          // every late code point taken, kept across Update()
    std::vector<char32_t> m_late_waiting;  // late code points not in CodePoints() yet
    double m_late_taken_ms = -1e300;
    uint64_t m_generation = UINT64_MAX;
    std::vector<CodePointUse> m_uses;
    std::vector<std::string> m_clusters;
};

}  // namespace chorus::shell
