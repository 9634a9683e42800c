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
// The browser draws a few hundred characters in over 100 ms, and ImGui's build of the
// font takes tens: Prepare() spreads the work over frames within a budget each (what
// the bundled font has in one frame, then the browser's characters in batches sized by
// its measured time per glyph), so that Build(), in a frame of its own, finds them all
// drawn. Until then the previous atlas stays in use.
//
//   FontAtlas atlas;
//   atlas.SetCodePoints(coverage.CodePoints());
//   if (atlas.NeedsBuild(dpr) && atlas.Prepare(dpr, 8.0)) atlas.Build(dpr);   // between frames; then upload
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
    // The characters or the size changed since the last Build().
    bool Dirty() const { return m_dirty; }
    // Does part of the next Build()'s work within about `budget_ms` (at least one batch of glyphs past it):
    // first what the bundled font draws, then the characters the browser draws, in batches. True when
    // Build() has nothing left to draw and this call did none of that work (with an infinite budget: once
    // everything is drawn), so the build gets a frame of its own.
    bool Prepare(float dpr, double budget_ms);
    // Rebuilds io.Fonts (between frames: not between NewFrame() and Render()); draws what Prepare() did not.
    void Build(float dpr);
    const AtlasStats& Stats() const { return m_stats; }

private:
    // What the next Build() draws with the bundled font and what it asks of the browser (MakePlan).
    struct Plan {
        bool valid = false;
        int pixel_size = 0;
        double font_area = 0;  // texture area of the bundled font's glyphs alone
        float baseline = 0;    // where the browser's glyphs sit: the font's ascent
        int in_font = 0;
        std::vector<char32_t> invisible;        // empty glyphs
        std::vector<char32_t> others;           // from the browser, most used first
        std::vector<std::string> cluster_keys;  // the clusters that may get a glyph, most used first
    };

    int PixelSize(float dpr) const;
    void UseCachePixelSize(int pixel_size);  // a new size empties the browser's glyph caches
    // Builds the bundled font alone in an atlas of its own: which characters it has, the room it takes.
    void MakePlan(int pixel_size);
    double GlyphBudget() const;                      // texture area the planned glyphs may fill
    std::vector<char32_t> CodePointsToDraw() const;  // not in the cache yet, as many as may fit
    std::vector<std::string> ClustersToDraw() const;
    void Forget();  // the plan is stale: characters, size or limit changed
    ImFont* AddFont(ImFontAtlas& atlas, int pixel_size, const ImWchar* ranges) const;
    void BuildRanges(ImVector<ImWchar>& ranges) const;  // the interface's and the data's code points
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
    Plan m_plan;
    // The browser's measured time per character and per cluster, to size the next batch.
    double m_ms_per_glyph = 0.5, m_ms_per_cluster = 1.0;
    double m_prepared_browser_ms = 0;  // drawing done by Prepare() since the last Build()
    bool m_browser_failed = false;     // the page could not draw: Build() goes on without
    AtlasStats m_stats;
};

}  // namespace chorus::web
