// Browser glyphs: characters drawn by the page with the system's fonts, for the
// code points the bundled font lacks (CJK, Arabic, Thai, emoji...).
//
// The page's JavaScript (chorus.js, drawGlyphs) draws each code point alone on a
// 2D canvas and hands back its bitmap and metrics.
//
//   std::vector<BrowserGlyph> glyphs = DrawInBrowser({0x3042, 0x1F600}, 16);
//
// One code point, one glyph: no shaping. Emoji clusters of several code points
// (a flag, a ZWJ family) are drawn whole by DrawClustersInBrowser, for the atlas's
// cluster glyphs (cluster_glyphs.hpp). An empty vector means the page cannot draw.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chorus::web {

struct BrowserGlyph {
    char32_t code_point = 0;  // 0 for a cluster
    // The bitmap's top-left corner from the pen on the baseline, in pixels (top < 0: above).
    int left = 0, top = 0;
    int width = 0, height = 0;  // with a transparent border of one pixel
    float advance = 0;          // pixels
    bool colour = false;        // a colour emoji: its pixels are not just white with alpha
    bool missing = false;       // no font of this system has it
    std::vector<uint8_t> rgba;  // width * height pixels, not premultiplied
};

// Draws `code_points` at `pixel_size` pixels (the font's em size times the device pixel ratio).
std::vector<BrowserGlyph> DrawInBrowser(const std::vector<char32_t>& code_points, int pixel_size);
// Draws each UTF-8 string (an emoji cluster, without '\n') as one glyph, the way the browser lays it out.
std::vector<BrowserGlyph> DrawClustersInBrowser(const std::vector<std::string>& clusters, int pixel_size);

}  // namespace chorus::web
