#include "font_atlas.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace chorus::web {
namespace {

constexpr const char* kFontPath = "/fonts/NotoSans-Regular.ttf";  // --preload-file, see CMakeLists.txt
constexpr float kDefaultFontSize = 13.0f;  // ImGui's own font, the fallback, at a font size of 16 px
constexpr float kDefaultFontBase = 16.0f;
constexpr int kAtlasLimit = 4096;  // texture side; 64 MB of RGBA at most, on every WebGL2 GPU
// Share of the texture the glyphs may plan to fill (the packer leaves gaps).
constexpr double kPackingShare = 0.8;

bool FileExists(const char* path) {
    std::FILE* file = std::fopen(path, "rb");
    if (!file) return false;
    std::fclose(file);
    return true;
}

int PowerOfTwoAtLeast(double n, int lo, int hi) {
    int side = lo;
    while (side < hi && static_cast<double>(side) < n)
        side *= 2;
    return side;
}

}  // namespace

void FontAtlas::SetMaxSide(int gpu_max_side) {
    m_max_side = gpu_max_side > 0 ? std::min(kAtlasLimit, gpu_max_side) : kAtlasLimit;
    m_dirty = true;
}

void FontAtlas::SetFontSize(float css_pixels) {
    if (!(css_pixels > 0) || css_pixels == m_font_size) return;
    m_font_size = css_pixels;
    m_dirty = true;
}

void FontAtlas::SetCodePoints(const std::vector<shell::CodePointUse>& uses) {
    m_uses = uses;
    m_dirty = true;
}

void FontAtlas::SetClusters(const std::vector<std::string>& clusters) {
    if (clusters == m_cluster_candidates) return;
    m_cluster_candidates = clusters;
    m_dirty = true;
}

void FontAtlas::AddInterfaceRanges(ImFontGlyphRangesBuilder& builder) {
    // Names as the post authors write them: Latin with its extensions, Greek, Cyrillic,
    // and the punctuation and symbols the interface uses ("…", "–", arrows, triangles).
    static const ImWchar kExtraRanges[] = {
        0x0100, 0x024F,  // Latin Extended-A and -B
        0x0370, 0x03FF,  // Greek and Coptic
        0x1E00, 0x1EFF,  // Latin Extended Additional
        0x2000, 0x206F,  // General Punctuation
        0x20A0, 0x20CF,  // Currency Symbols
        0x2190, 0x21FF,  // Arrows
        0x2200, 0x22FF,  // Mathematical Operators
        0x25A0, 0x25FF,  // Geometric Shapes
        0,
    };
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddRanges(atlas.GetGlyphRangesCyrillic());
    builder.AddRanges(kExtraRanges);
}

ImFont* FontAtlas::AddFont(int pixel_size) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    ImFontConfig config;
    // At dpr >= 2 a glyph has enough pixels that horizontal oversampling buys little
    // and would double the atlas.
    config.OversampleH = static_cast<float>(pixel_size) >= 2 * m_font_size ? 1 : 2;
    config.OversampleV = 1;
    ImFont* font = nullptr;
    if (FileExists(kFontPath))
        font = atlas.AddFontFromFileTTF(kFontPath, static_cast<float>(pixel_size), &config, m_ranges.Data);
    if (!font) {
        std::fprintf(stderr, "chorus: %s missing, using ImGui's built-in font\n", kFontPath);
        config.SizePixels = std::round(kDefaultFontSize * static_cast<float>(pixel_size) / kDefaultFontBase);
        font = atlas.AddFontDefault(&config);
    }
    return font;
}

void FontAtlas::Build(float dpr) {
    const double start = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas& atlas = *io.Fonts;
    const int pixel_size = static_cast<int>(std::lround(m_font_size * dpr));
    if (pixel_size != m_cache_pixel_size) {
        m_cache.clear();
        m_cluster_cache.clear();
        m_cache_pixel_size = pixel_size;
    }
    const int builds = m_stats.builds + 1;
    m_stats = {};
    m_stats.builds = builds;
    m_stats.requested = static_cast<int>(m_uses.size());
    m_stats.max_side = m_max_side;
    m_stats.pixel_size = pixel_size;

    // 1. The bundled font, asked for every character of the data: it draws those it has.
    ImFontGlyphRangesBuilder builder;
    AddInterfaceRanges(builder);
    for (const shell::CodePointUse& use : m_uses)
        builder.AddChar(static_cast<ImWchar>(use.code_point));
    m_ranges.clear();
    builder.BuildRanges(&m_ranges);
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL2 takes any texture size
    atlas.TexDesiredWidth = 0;
    ImFont* font = AddFont(pixel_size);
    atlas.Build();
    const float baseline = std::round(font->Ascent);  // the browser's glyphs sit on the font's baseline

    std::vector<char32_t> invisible, others;
    for (const shell::CodePointUse& use : m_uses) {
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(use.code_point)))
            ++m_stats.in_font;
        else if (use.invisible)
            invisible.push_back(use.code_point);
        else
            others.push_back(use.code_point);
    }

    // 2. The rest from the browser (once per pixel size), most used first, as many as may fit: a
    //    glyph is planned at about an em wide and 1.3 em tall until the browser says how big it is.
    const double font_area = static_cast<double>(atlas.TexWidth) * atlas.TexHeight;
    const double budget = kPackingShare * m_max_side * m_max_side - font_area;
    const double estimate = (pixel_size + 2.0) * (1.3 * pixel_size + 2.0);
    std::vector<char32_t> to_draw;
    double planned = 0;
    for (char32_t cp : others) {
        auto it = m_cache.find(cp);
        planned += it != m_cache.end() ? static_cast<double>(it->second.width) * it->second.height : estimate;
        if (planned > budget) break;
        if (it == m_cache.end()) to_draw.push_back(cp);
    }
    if (!to_draw.empty()) {
        const double t = emscripten_get_now();
        std::vector<BrowserGlyph> drawn = DrawInBrowser(to_draw, pixel_size);
        m_stats.browser_ms = emscripten_get_now() - t;
        if (drawn.empty()) std::fprintf(stderr, "chorus: the page could not draw %zu characters\n", to_draw.size());
        for (BrowserGlyph& glyph : drawn)
            m_cache[glyph.code_point] = std::move(glyph);
    }
    // The cache keeps the characters of this data only, so it never holds much more than the atlas.
    std::unordered_map<char32_t, BrowserGlyph> kept;
    std::vector<char32_t> undrawn;  // past the budget
    for (char32_t cp : others) {
        auto it = m_cache.find(cp);
        if (it == m_cache.end())
            undrawn.push_back(cp);
        else
            kept.emplace(cp, std::move(it->second));
    }
    m_cache = std::move(kept);
    std::vector<const BrowserGlyph*> glyphs;
    for (char32_t cp : others) {
        auto it = m_cache.find(cp);
        if (it == m_cache.end()) continue;
        if (it->second.missing || it->second.width <= 0 || it->second.height <= 0) {
            if (++m_stats.missing <= 20) m_stats.missing_examples.push_back(cp);
        } else
            glyphs.push_back(&it->second);
    }

    // 2b. Emoji clusters of several code points, each drawn whole by the browser (once per pixel size).
    shell::ClusterGlyphs candidates;
    candidates.Assign(m_cluster_candidates);                      // the most used kMaxClusterGlyphs, by key
    std::unordered_map<std::string, BrowserGlyph> kept_clusters;  // the clusters of this data only
    for (const std::string& key : candidates.Clusters())
        if (auto it = m_cluster_cache.find(key); it != m_cluster_cache.end())
            kept_clusters.emplace(key, std::move(it->second));
    m_cluster_cache = std::move(kept_clusters);
    std::vector<std::string> clusters_to_draw;
    for (const std::string& key : candidates.Clusters())
        if (!m_cluster_cache.count(key)) clusters_to_draw.push_back(key);
    if (!clusters_to_draw.empty()) {
        const double t = emscripten_get_now();
        std::vector<BrowserGlyph> drawn = DrawClustersInBrowser(clusters_to_draw, pixel_size);
        m_stats.browser_ms += emscripten_get_now() - t;
        for (size_t i = 0; i < drawn.size(); ++i)
            m_cluster_cache[clusters_to_draw[i]] = std::move(drawn[i]);
    }
    std::vector<std::pair<std::string, const BrowserGlyph*>> cluster_glyphs;
    for (const std::string& key : candidates.Clusters()) {
        auto it = m_cluster_cache.find(key);
        if (it != m_cluster_cache.end() && !it->second.missing && it->second.width > 0 && it->second.height > 0)
            cluster_glyphs.emplace_back(key, &it->second);
    }

    // 3. As many as fit within the texture limit: code points first, then clusters.
    double area = 0;
    size_t fit = 0;
    for (; fit < glyphs.size(); ++fit) {
        const double a = static_cast<double>(glyphs[fit]->width) * glyphs[fit]->height;
        if (area + a > budget) break;
        area += a;
    }
    size_t cluster_fit = 0;
    for (; fit == glyphs.size() && cluster_fit < cluster_glyphs.size(); ++cluster_fit) {
        const BrowserGlyph& g = *cluster_glyphs[cluster_fit].second;
        if (area + static_cast<double>(g.width) * g.height > budget) break;
        area += static_cast<double>(g.width) * g.height;
    }
    std::vector<int> rects;
    for (;;) {
        if (invisible.empty() && fit == 0 && cluster_fit == 0) break;  // the first build stands
        font = AddFont(pixel_size);
        atlas.TexDesiredWidth = PowerOfTwoAtLeast(std::sqrt((font_area + area) / kPackingShare), 512, m_max_side);
        rects.clear();
        for (char32_t cp : invisible)
            atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(cp), 1, 1, 0.0f);
        for (size_t i = 0; i < fit; ++i) {
            const BrowserGlyph& g = *glyphs[i];
            rects.push_back(atlas.AddCustomRectFontGlyph(
                font, static_cast<ImWchar>(g.code_point), g.width, g.height, std::round(g.advance),
                ImVec2(static_cast<float>(g.left), baseline + static_cast<float>(g.top))));
        }
        for (size_t i = 0; i < cluster_fit; ++i) {
            const BrowserGlyph& g = *cluster_glyphs[i].second;
            rects.push_back(atlas.AddCustomRectFontGlyph(
                font, static_cast<ImWchar>(shell::kFirstClusterGlyph + i), g.width, g.height, std::round(g.advance),
                ImVec2(static_cast<float>(g.left), baseline + static_cast<float>(g.top))));
        }
        atlas.Build();
        if (atlas.TexHeight <= m_max_side || (fit == 0 && cluster_fit == 0)) break;
        // The packer did worse than planned: leave out the rarest tenth (clusters first).
        if (cluster_fit > 0)
            cluster_fit -= std::max<size_t>(1, cluster_fit / 10);
        else
            fit -= std::max<size_t>(1, fit / 10);
        area = 0;
        for (size_t i = 0; i < fit; ++i)
            area += static_cast<double>(glyphs[i]->width) * glyphs[i]->height;
    }
    std::vector<std::string> fitted;
    for (size_t i = 0; i < cluster_fit; ++i)
        fitted.push_back(cluster_glyphs[i].first);
    m_clusters.Assign(fitted);  // the same order, so cluster i is kFirstClusterGlyph + i
    m_stats.clusters = static_cast<int>(cluster_fit);
    m_stats.clusters_left_out = static_cast<int>(m_cluster_candidates.size() - cluster_fit);
    m_stats.from_browser = static_cast<int>(fit);
    m_stats.colour = static_cast<int>(std::count_if(glyphs.begin(), glyphs.begin() + static_cast<std::ptrdiff_t>(fit),
                                                    [](const BrowserGlyph* g) { return g->colour; }));
    m_stats.invisible = static_cast<int>(invisible.size());
    m_stats.left_out = static_cast<int>(glyphs.size() - fit + undrawn.size());
    if (m_stats.left_out > 0)
        std::fprintf(stderr, "chorus: the font atlas is full (%dx%d): %d rarely used characters show as '?'\n",
                     m_max_side, m_max_side, m_stats.left_out);

    // 4. The browser's pixels into their rectangles.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    for (size_t i = 0; i < rects.size(); ++i) {
        const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(rects[i]);
        const BrowserGlyph& g = i < fit ? *glyphs[i] : *cluster_glyphs[i - fit].second;
        if (!r->IsPacked()) continue;
        for (int y = 0; y < g.height; ++y)
            std::memcpy(pixels + (static_cast<size_t>(r->Y + y) * width + r->X) * 4,
                        g.rgba.data() + static_cast<size_t>(y) * g.width * 4, static_cast<size_t>(g.width) * 4);
    }
    m_stats.width = width;
    m_stats.height = height;
    io.FontGlobalScale = 1.0f / dpr;
    m_built_dpr = dpr;
    m_dirty = false;
    m_stats.build_ms = emscripten_get_now() - start;
}

}  // namespace chorus::web
