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
// The fewest characters Prepare() asks the browser for at once (a call costs about 2 ms besides its glyphs; a character
// the system must look for in its fonts can cost several ms alone).
constexpr size_t kMinBatch = 1;

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
    Forget();
}

void FontAtlas::SetFontSize(float css_pixels) {
    if (!(css_pixels > 0) || css_pixels == m_font_size) return;
    m_font_size = css_pixels;
    Forget();
}

void FontAtlas::SetCodePoints(const std::vector<shell::CodePointUse>& uses) {
    m_uses = uses;
    Forget();
}

void FontAtlas::SetClusters(const std::vector<std::string>& clusters) {
    if (clusters == m_cluster_candidates) return;
    m_cluster_candidates = clusters;
    Forget();
}

void FontAtlas::Forget() {
    m_dirty = true;
    m_plan.valid = false;
    m_browser_failed = false;
}

int FontAtlas::PixelSize(float dpr) const {
    return static_cast<int>(std::lround(m_font_size * dpr));
}

void FontAtlas::UseCachePixelSize(int pixel_size) {
    if (pixel_size == m_cache_pixel_size) return;
    m_cache.clear();
    m_cluster_cache.clear();
    m_cache_pixel_size = pixel_size;
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

void FontAtlas::BuildRanges(ImVector<ImWchar>& ranges) const {
    ImFontGlyphRangesBuilder builder;
    AddInterfaceRanges(builder);
    for (const shell::CodePointUse& use : m_uses)
        builder.AddChar(static_cast<ImWchar>(use.code_point));
    ranges.clear();
    builder.BuildRanges(&ranges);
}

ImFont* FontAtlas::AddFont(ImFontAtlas& atlas, int pixel_size, const ImWchar* ranges) const {
    atlas.Clear();
    ImFontConfig config;
    // At dpr >= 2 a glyph has enough pixels that horizontal oversampling buys little
    // and would double the atlas.
    config.OversampleH = static_cast<float>(pixel_size) >= 2 * m_font_size ? 1 : 2;
    config.OversampleV = 1;
    ImFont* font = nullptr;
    if (FileExists(kFontPath))
        font = atlas.AddFontFromFileTTF(kFontPath, static_cast<float>(pixel_size), &config, ranges);
    if (!font) {
        std::fprintf(stderr, "chorus: %s missing, using ImGui's built-in font\n", kFontPath);
        config.SizePixels = std::round(kDefaultFontSize * static_cast<float>(pixel_size) / kDefaultFontBase);
        font = atlas.AddFontDefault(&config);
    }
    return font;
}

void FontAtlas::MakePlan(int pixel_size) {
    // 1. The bundled font, asked for every character of the data: it draws those it has. Built apart from
    //    io.Fonts, which the frames keep drawing with until Build().
    ImVector<ImWchar> ranges;  // must outlive the build
    BuildRanges(ranges);
    ImFontAtlas probe;
    probe.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL2 takes any texture size
    probe.TexDesiredWidth = 0;
    ImFont* font = AddFont(probe, pixel_size, ranges.Data);
    probe.Build();
    m_plan = {};
    m_plan.pixel_size = pixel_size;
    m_plan.font_area = static_cast<double>(probe.TexWidth) * probe.TexHeight;
    m_plan.baseline = std::round(font->Ascent);  // the browser's glyphs sit on the font's baseline
    for (const shell::CodePointUse& use : m_uses) {
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(use.code_point)))
            ++m_plan.in_font;
        else if (use.invisible)
            m_plan.invisible.push_back(use.code_point);
        else
            m_plan.others.push_back(use.code_point);
    }
    shell::ClusterGlyphs candidates;
    candidates.Assign(m_cluster_candidates);  // the most used kMaxClusterGlyphs, by key
    m_plan.cluster_keys = candidates.Clusters();
    m_plan.valid = true;
}

double FontAtlas::GlyphBudget() const {
    return kPackingShare * m_max_side * m_max_side - m_plan.font_area;
}

std::vector<char32_t> FontAtlas::CodePointsToDraw() const {
    // 2. The rest from the browser (once per pixel size), most used first, as many as may fit: a
    //    glyph is planned at about an em wide and 1.3 em tall until the browser says how big it is.
    const double budget = GlyphBudget();
    const double estimate = (m_plan.pixel_size + 2.0) * (1.3 * m_plan.pixel_size + 2.0);
    std::vector<char32_t> to_draw;
    double planned = 0;
    for (char32_t cp : m_plan.others) {
        auto it = m_cache.find(cp);
        planned += it != m_cache.end() ? static_cast<double>(it->second.width) * it->second.height : estimate;
        if (planned > budget) break;
        if (it == m_cache.end()) to_draw.push_back(cp);
    }
    return to_draw;
}

std::vector<std::string> FontAtlas::ClustersToDraw() const {
    std::vector<std::string> to_draw;
    for (const std::string& key : m_plan.cluster_keys)
        if (!m_cluster_cache.count(key)) to_draw.push_back(key);
    return to_draw;
}

bool FontAtlas::Prepare(float dpr, double budget_ms) {
    const double start = emscripten_get_now();
    const int pixel_size = PixelSize(dpr);
    UseCachePixelSize(pixel_size);
    bool worked = false;
    if (!m_plan.valid || m_plan.pixel_size != pixel_size) {
        MakePlan(pixel_size);
        worked = true;
    }
    const bool unlimited = !std::isfinite(budget_ms);
    auto left_ms = [&] { return unlimited ? budget_ms : budget_ms - (emscripten_get_now() - start); };
    // A batch as large as the time left allows at the last measured rate (which counts the page's cost of a
    // call: a first batch of a new script or font costs more), and one glyph at least.
    auto batch = [&](size_t waiting, double ms_each) {
        if (unlimited) return waiting;
        const size_t fits = static_cast<size_t>(std::max(0.0, left_ms()) / ms_each);
        return std::min(waiting, std::max(kMinBatch, fits));
    };
    // Another batch only with a good part of the budget left: the call itself costs a few ms.
    auto time_for_more = [&] { return left_ms() > budget_ms / 4; };
    // Batches of what `missing()` lists, drawn by `draw` into `cache`, while the budget lasts; `ms_each` learns the
    // browser's time per glyph. A batch the page could not draw whole stops the drawing (the build then goes on).
    auto draw_batches = [&](auto missing, auto draw, double& ms_each, auto& cache) {
        while (!m_browser_failed && time_for_more()) {
            auto to_draw = missing();
            if (to_draw.empty()) break;
            to_draw.resize(batch(to_draw.size(), ms_each));
            worked = true;
            const double t = emscripten_get_now();
            std::vector<BrowserGlyph> drawn = draw(to_draw, pixel_size);
            const double ms = emscripten_get_now() - t;
            m_prepared_browser_ms += ms;
            if (drawn.size() != to_draw.size()) {
                std::fprintf(stderr, "chorus: the page could not draw %zu characters\n", to_draw.size());
                m_browser_failed = true;
                break;
            }
            ms_each = std::max(0.01, ms / static_cast<double>(to_draw.size()));
            for (size_t i = 0; i < drawn.size(); ++i)
                cache[to_draw[i]] = std::move(drawn[i]);
        }
    };
    draw_batches([this] { return CodePointsToDraw(); }, DrawInBrowser, m_ms_per_glyph, m_cache);
    draw_batches([this] { return ClustersToDraw(); }, DrawClustersInBrowser, m_ms_per_cluster, m_cluster_cache);
    const bool drawn_all = m_browser_failed || (CodePointsToDraw().empty() && ClustersToDraw().empty());
    return drawn_all && (unlimited || !worked);
}

void FontAtlas::Build(float dpr) {
    const double start = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas& atlas = *io.Fonts;
    const int pixel_size = PixelSize(dpr);
    UseCachePixelSize(pixel_size);
    if (!m_plan.valid || m_plan.pixel_size != pixel_size) MakePlan(pixel_size);
    const int builds = m_stats.builds + 1;
    m_stats = {};
    m_stats.builds = builds;
    m_stats.requested = static_cast<int>(m_uses.size());
    m_stats.max_side = m_max_side;
    m_stats.pixel_size = pixel_size;
    m_stats.in_font = m_plan.in_font;
    m_stats.browser_ms = m_prepared_browser_ms;
    m_prepared_browser_ms = 0;
    const std::vector<char32_t>& invisible = m_plan.invisible;
    const std::vector<char32_t>& others = m_plan.others;
    const double font_area = m_plan.font_area;
    const float baseline = m_plan.baseline;
    const double budget = GlyphBudget();

    // 2. What Prepare() left to the browser (all of it when called alone).
    std::vector<char32_t> to_draw = m_browser_failed ? std::vector<char32_t>{} : CodePointsToDraw();
    if (!to_draw.empty()) {
        const double t = emscripten_get_now();
        std::vector<BrowserGlyph> drawn = DrawInBrowser(to_draw, pixel_size);
        m_stats.browser_ms += emscripten_get_now() - t;
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
    std::unordered_map<std::string, BrowserGlyph> kept_clusters;  // the clusters of this data only
    for (const std::string& key : m_plan.cluster_keys)
        if (auto it = m_cluster_cache.find(key); it != m_cluster_cache.end())
            kept_clusters.emplace(key, std::move(it->second));
    m_cluster_cache = std::move(kept_clusters);
    std::vector<std::string> clusters_to_draw = m_browser_failed ? std::vector<std::string>{} : ClustersToDraw();
    if (!clusters_to_draw.empty()) {
        const double t = emscripten_get_now();
        std::vector<BrowserGlyph> drawn = DrawClustersInBrowser(clusters_to_draw, pixel_size);
        m_stats.browser_ms += emscripten_get_now() - t;
        for (size_t i = 0; i < drawn.size(); ++i)
            m_cluster_cache[clusters_to_draw[i]] = std::move(drawn[i]);
    }
    std::vector<std::pair<std::string, const BrowserGlyph*>> cluster_glyphs;
    for (const std::string& key : m_plan.cluster_keys) {
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
    BuildRanges(m_ranges);
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // WebGL2 takes any texture size
    for (;;) {
        ImFont* font = AddFont(atlas, pixel_size, m_ranges.Data);
        const bool font_alone = invisible.empty() && fit == 0 && cluster_fit == 0;
        atlas.TexDesiredWidth =
            font_alone ? 0 : PowerOfTwoAtLeast(std::sqrt((font_area + area) / kPackingShare), 512, m_max_side);
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
    m_plan.valid = false;  // the next change plans again
    m_browser_failed = false;
    m_stats.build_ms = emscripten_get_now() - start;
}

}  // namespace chorus::web
