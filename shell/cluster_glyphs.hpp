// Cluster glyphs: emoji of several code points (flags, ZWJ sequences, skin tones, keycaps, tag
// sequences, a symbol with U+FE0F) drawn as one glyph by a renderer that draws one glyph per code
// point (Dear ImGui).
//
// Each cluster gets a code point of Supplementary Private Use Area-A (from U+F0000), whose glyph the
// font atlas makes from the whole cluster (the page: the browser draws it, font_atlas.hpp). Text
// about to be drawn has its clusters replaced by those code points; text that is copied, exported or
// put in a query keeps the real code points (FromDrawn gives them back).
//
//   ClusterGlyphs glyphs;
//   glyphs.Assign(CollectEmojiClusters(dataset));   // then a glyph for each (CodePointOf / Clusters)
//   ImGui::TextUnformatted(glyphs.Drawn(text).c_str());
//
// Clusters are cut as rule 51 counts them (core/emoji.hpp) and looked up by their key (EmojiKey): a
// cluster of one code point (once a redundant U+FE0F is dropped) needs no glyph of its own. At most
// kMaxClusterGlyphs clusters, the most used first; the others draw code point by code point, as
// before. A code point of the reserved range found in the data draws as U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dataset.hpp"

namespace chorus::shell {

inline constexpr char32_t kFirstClusterGlyph = 0xF0000;
inline constexpr size_t kMaxClusterGlyphs = 1024;

// True for a code point of the range the clusters are given (drawn like an emoji: a bidi neutral).
inline bool IsClusterGlyph(char32_t cp) {
    return cp >= kFirstClusterGlyph && cp < kFirstClusterGlyph + kMaxClusterGlyphs;
}

class ClusterGlyphs {
public:
    // Gives clusters[i] the code point kFirstClusterGlyph + i: the first kMaxClusterGlyphs clusters of
    // more than one code point (by key); others, and repeats, are left out. Changes Version().
    void Assign(const std::vector<std::string>& clusters);
    // The clusters given code points, in code point order (their keys).
    const std::vector<std::string>& Clusters() const { return m_clusters; }
    // The code point of a cluster (any spelling with the same key), or 0.
    char32_t CodePointOf(std::string_view cluster) const;
    // `text` with every cluster that has a code point replaced by it (and reserved code points by U+FFFD).
    std::string ToDrawn(std::string_view text) const;
    // The reverse: each cluster code point back to its cluster's key.
    std::string FromDrawn(std::string_view drawn) const;
    // ToDrawn, then VisualText (visual_text.hpp): a string ready for ImGui.
    std::string Drawn(std::string_view text) const;
    // Counts the Assign calls that changed the table: texts drawn before differ from texts drawn now.
    uint64_t Version() const { return m_version; }

private:
    std::vector<std::string> m_clusters;
    std::unordered_map<std::string, char32_t> m_code_points;
    uint64_t m_version = 0;
    mutable std::string m_key;  // scratch
};

// The emoji clusters of more than one code point that the dataset's posts hold (its Emoji dictionary,
// rule 51), the most used first: counted over the first `max_posts` posts, then by key.
std::vector<std::string> CollectEmojiClusters(const core::Dataset& dataset, size_t max_posts = 200000);
// The same in pieces (GlyphCoverage collects over several frames): counts a post's emoji into `uses` (one
// slot per id of the Emoji dictionary), then ranks the clusters of more than one code point by those counts.
void CountEmojiUses(const core::Dataset& dataset, core::RowId row, std::vector<uint64_t>& uses);
std::vector<std::string> RankEmojiClusters(const core::Dictionary& emoji, const std::vector<uint64_t>& uses);

}  // namespace chorus::shell
