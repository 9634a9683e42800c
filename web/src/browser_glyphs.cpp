#include "browser_glyphs.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <cstring>

namespace chorus::web {
namespace {

// Per glyph: left, top, width, height, advance, colour (0/1), missing (0/1).
constexpr int kFields = 7;

// Calls Module.chorusDrawGlyphs (chorus.js); copies its metrics into `metrics` and its
// pixels into a buffer it allocates (freed by the caller). 0 when the page cannot draw.
// clang-format off
EM_JS(uint8_t*, chorus_draw_glyphs, (const uint32_t* codes, int count, int pixel_size, float* metrics, int* bytes), {
    if (!Module.chorusDrawGlyphs) return 0;
    var drawn = Module.chorusDrawGlyphs(Array.from(HEAPU32.subarray(codes >>> 2, (codes >>> 2) + count)), pixel_size);
    if (!drawn || drawn.metrics.length !== count * 7) return 0;
    HEAPF32.set(drawn.metrics, metrics >>> 2);  // pointers past 2 GiB arrive negative: >>>
    var pixels = _malloc(Math.max(1, drawn.pixels.length));
    if (!pixels) return 0;
    HEAPU8.set(drawn.pixels, pixels >>> 0);
    HEAP32[bytes >>> 2] = drawn.pixels.length;
    return pixels;
});
// The same for strings: `joined` holds them separated by '\n'.
EM_JS(uint8_t*, chorus_draw_clusters, (const char* joined, int length, int count, int pixel_size, float* metrics, int* bytes), {
    if (!Module.chorusDrawGlyphs) return 0;
    var texts = UTF8ToString(joined, length).split(String.fromCharCode(10));
    if (texts.length !== count) return 0;
    var drawn = Module.chorusDrawGlyphs(texts, pixel_size);
    if (!drawn || drawn.metrics.length !== count * 7) return 0;
    HEAPF32.set(drawn.metrics, metrics >> 2);
    var pixels = _malloc(Math.max(1, drawn.pixels.length));
    if (!pixels) return 0;
    HEAPU8.set(drawn.pixels, pixels);
    HEAP32[bytes >> 2] = drawn.pixels.length;
    return pixels;
});
// clang-format on

// Glyphs from the page's metrics and pixels (freed here); code points are filled in by the caller.
std::vector<BrowserGlyph> Unpack(size_t count, const std::vector<float>& metrics, uint8_t* pixels, int bytes) {
    std::vector<BrowserGlyph> glyphs(count);
    size_t offset = 0;
    for (size_t i = 0; i < glyphs.size(); ++i) {
        const float* m = &metrics[i * kFields];
        BrowserGlyph& g = glyphs[i];
        g.left = static_cast<int>(m[0]);
        g.top = static_cast<int>(m[1]);
        g.width = static_cast<int>(m[2]);
        g.height = static_cast<int>(m[3]);
        g.advance = m[4];
        g.colour = m[5] != 0;
        g.missing = m[6] != 0;
        const size_t size = static_cast<size_t>(g.width) * static_cast<size_t>(g.height) * 4;
        if (offset + size > static_cast<size_t>(bytes)) {  // the page and this file disagree: draw nothing
            g.width = g.height = 0;
            g.missing = true;
            continue;
        }
        g.rgba.assign(pixels + offset, pixels + offset + size);
        offset += size;
    }
    std::free(pixels);
    return glyphs;
}

}  // namespace

std::vector<BrowserGlyph> DrawInBrowser(const std::vector<char32_t>& code_points, int pixel_size) {
    if (code_points.empty()) return {};
    std::vector<uint32_t> codes(code_points.begin(), code_points.end());
    std::vector<float> metrics(codes.size() * kFields);
    int bytes = 0;
    uint8_t* pixels =
        chorus_draw_glyphs(codes.data(), static_cast<int>(codes.size()), pixel_size, metrics.data(), &bytes);
    if (!pixels) return {};

    std::vector<BrowserGlyph> glyphs = Unpack(codes.size(), metrics, pixels, bytes);
    for (size_t i = 0; i < glyphs.size(); ++i)
        glyphs[i].code_point = code_points[i];
    return glyphs;
}

std::vector<BrowserGlyph> DrawClustersInBrowser(const std::vector<std::string>& clusters, int pixel_size) {
    if (clusters.empty()) return {};
    std::string joined;
    for (const std::string& cluster : clusters)
        joined += (joined.empty() ? "" : "\n") + cluster;
    std::vector<float> metrics(clusters.size() * kFields);
    int bytes = 0;
    uint8_t* pixels = chorus_draw_clusters(joined.c_str(), static_cast<int>(joined.size()),
                                           static_cast<int>(clusters.size()), pixel_size, metrics.data(), &bytes);
    if (!pixels) return {};
    return Unpack(clusters.size(), metrics, pixels, bytes);
}

}  // namespace chorus::web
