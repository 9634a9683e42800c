// App: what the page keeps alive between frames (the session, its explorer, and
// the characters the font atlas must draw for it).
//
// main() creates the one App; the exported C functions reach it through
// TheApp(), which is nullptr until then, and the font atlas through TheFontAtlas().
#pragma once

#include "explorer.hpp"
#include "font_atlas.hpp"
#include "glyph_coverage.hpp"
#include "session.hpp"

namespace chorus::web {

struct App {
    shell::Session session;
    shell::Explorer explorer{session};
    shell::GlyphCoverage glyphs;
};

App* TheApp();
const FontAtlas& TheFontAtlas();

}  // namespace chorus::web
