// Display: the canvas, its WebGL2 context, and a font atlas that follows the
// device pixel ratio and the characters of the data.
//
// ImGui works in CSS pixels (io.DisplaySize); the canvas backing store has
// round(css * dpr) pixels and the font is rasterised at its size * dpr, then
// drawn at 1/dpr scale, so text stays crisp on any screen and at any zoom.
//
//   Display display;
//   if (!display.Init("#canvas")) ...;      // after ImGui::CreateContext()
//   display.SetCodePoints(coverage.CodePoints());  // after a load (font_atlas.hpp)
//   display.BeginFrame();                    // before ImGui_ImplOpenGL3_NewFrame()
//   ... ImGui::Render();
//   display.Render(capture);                 // false: the frame was the one shown, not drawn again
#pragma once

#include <emscripten/html5_webgl.h>

#include <string>
#include <vector>

#include "font_atlas.hpp"
#include "redraw_region.hpp"

namespace chorus::web {

class Display {
public:
    // Creates the WebGL2 context on the canvas and the ImGui renderer.
    // False when the browser offers no WebGL2.
    bool Init(const char* canvas_selector);
    // The characters the font atlas needs; it is rebuilt at the next BeginFrame().
    void SetCodePoints(const std::vector<shell::CodePointUse>& uses) { m_atlas.SetCodePoints(uses); }
    // The emoji clusters drawn as one glyph each (font_atlas.hpp), rebuilt at the next BeginFrame().
    void SetClusters(const std::vector<std::string>& clusters) { m_atlas.SetClusters(clusters); }
    // The text's size in CSS pixels; the atlas is rebuilt at the next BeginFrame() when it changes.
    void SetFontSize(float css_pixels) { m_atlas.SetFontSize(css_pixels); }
    // Sizes the canvas backing store, sets io.DisplaySize and io.DisplayFramebufferScale, and rebuilds the
    // font atlas when the dpr or the characters changed: over several frames, a budget each (FontAtlas::Prepare).
    void BeginFrame();
    // Draws ImGui's draw data where it differs from what the canvas shows (shell/redraw_region.hpp): nothing
    // when it is the last frame drawn (the same draw lists, size, theme and atlas), the region around the draw
    // lists that changed, or all of it. True when something was drawn. `force` draws all of it (a PNG export
    // reads the frame's pixels); so does the next frame after a resize, an atlas rebuild or Redraw().
    bool Render(bool force);
    // The next frame is drawn whole, whatever changed (a test compares it with the frames drawn in part).
    void Redraw() { m_stale = true; }
    // The share of the canvas the last frame drawn drew (1: all of it).
    double LastShare() const { return m_last_share; }

    const FontAtlas& Atlas() const { return m_atlas; }

private:
    std::string m_canvas;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE m_context = 0;
    int m_fb_width = 0, m_fb_height = 0;
    bool m_texture_made = false;  // the renderer has uploaded a font texture
    // What the canvas shows and what a frame changes; m_stale: the canvas or the atlas changed since the last
    // frame drawn, so the next one is drawn whole whatever its lists.
    shell::RedrawRegion m_region;
    std::vector<ImDrawList*> m_drawing;  // a frame drawn in part: the lists that draw in its region
    bool m_stale = true;
    double m_last_share = 1.0;
    FontAtlas m_atlas;
};

}  // namespace chorus::web
