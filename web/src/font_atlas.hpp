// FontAtlas: ImGui's font texture, with a glyph for each character the data needs.
//
// Noto Sans (preloaded into the module) draws Latin, Greek, Cyrillic, the
// interface's symbols and whatever else of the data it has. Every other code
// point is drawn by the browser with the system's fonts (browser_glyphs.hpp) into
// an RGBA rectangle of the same atlas, so colour emoji keep their colours;
// invisible code points (joiners, variation selectors) get an empty glyph of no
// width. Everything is rasterised at the font size (16 px unless the settings say
// otherwise) times the device pixel ratio and drawn
// at 1/dpr, so text stays crisp on any screen and at any zoom.
//
// Emoji clusters of several code points (a flag, a ZWJ family, a skin tone, a keycap)
// are drawn whole by the browser, each as a glyph on a private-use code point
// (shell/cluster_glyphs.hpp): Clusters() says which, for the explorer's text.
//
// The texture stays within MaxSide() (4096, or WebGL's limit if lower). When the
// characters do not fit, the least used ones (CollectCodePoints' order) are left
// out and show as '?', and the console says how many. Clusters come after every
// code point: at most shell::kMaxClusterGlyphs (1024), the most used first, in the
// room left; the others draw code point by code point.
//
//   FontAtlas atlas;
//   atlas.SetCodePoints(coverage.CodePoints());
//   if (atlas.NeedsBuild(dpr)) atlas.Build(dpr);   // between frames; then upload io.Fonts' texture
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "browser_glyphs.hpp"
#include "cluster_glyphs.hpp"
#include "glyph_coverage.hpp"

namespace chorus::web {

// What the last Build() made, for the page's tests (chorus_glyphs_json).
struct AtlasStats {
    int requested = 0;                       // code points the data needs (above ASCII)
    int in_font = 0;                         // of which the bundled font draws
    int from_browser = 0;                    // drawn by the browser
    int colour = 0;                          // of which in colour (emoji)
    int invisible = 0;                       // empty glyphs
    int missing = 0;                         // no font of this system has them: '?'
    std::vector<char32_t> missing_examples;  // the most used of them, up to 20
    int left_out = 0;                        // did not fit in the atlas: '?'
    int clusters = 0;                        // emoji clusters with a glyph of their own
    int clusters_left_out = 0;               // past the cap or the room: drawn code point by code point
    int width = 0, height = 0;
    int max_side = 0;
    int pixel_size = 0;
    double build_ms = 0;    // the whole build
    double browser_ms = 0;  // of which the browser's drawing
    int builds = 0;         // atlases built since the page opened (text read back later adds a few, batched)
};

class FontAtlas {
public:
    // The largest texture side the GPU takes (GL_MAX_TEXTURE_SIZE); the atlas stays within 4096 anyway.
    void SetMaxSide(int gpu_max_side);
    int MaxSide() const { return m_max_side; }
    // The characters of the data; the atlas is rebuilt with them on the next Build().
    void SetCodePoints(const std::vector<shell::CodePointUse>& uses);
    // The emoji clusters of the data, most used first (GlyphCoverage::Clusters()); rebuilt on the next Build().
    void SetClusters(const std::vector<std::string>& clusters);
    // The clusters the last Build() gave a glyph (for Explorer::cluster_glyphs()).
    const shell::ClusterGlyphs& Clusters() const { return m_clusters; }
    // The text's size in CSS pixels (the settings' font size); the atlas is rebuilt at it on the next Build().
    void SetFontSize(float css_pixels);
    float FontSize() const { return m_font_size; }
    bool NeedsBuild(float dpr) const { return m_dirty || dpr != m_built_dpr; }
    // Rebuilds io.Fonts (between frames: not between NewFrame() and Render()).
    void Build(float dpr);
    const AtlasStats& Stats() const { return m_stats; }

private:
    ImFont* AddFont(int pixel_size);
    static void AddInterfaceRanges(ImFontGlyphRangesBuilder& builder);

    int m_max_side = 4096;
    float m_font_size = 16.0f;  // CSS pixels
    std::vector<shell::CodePointUse> m_uses;
    std::vector<std::string> m_cluster_candidates;
    shell::ClusterGlyphs m_clusters;
    bool m_dirty = true;
    float m_built_dpr = 0;
    ImVector<ImWchar> m_ranges;  // must outlive the atlas' font config
    // Glyphs the browser drew, at m_cache_pixel_size, kept across rebuilds.
    std::unordered_map<char32_t, BrowserGlyph> m_cache;
    std::unordered_map<std::string, BrowserGlyph> m_cluster_cache;
    int m_cache_pixel_size = 0;
    AtlasStats m_stats;
};

}  // namespace chorus::web
