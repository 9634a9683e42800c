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
    // Clears the canvas and draws ImGui's draw data, unless it is exactly what the canvas shows (the last frame
    // drawn: the same draw lists, size, theme and atlas) and `force` is false: an idle page then draws nothing
    // and the browser keeps showing that frame. True when drawn. Force it when the frame's pixels are read
    // (a PNG export), since an undrawn frame's buffer holds nothing.
    bool Render(bool force);

    const FontAtlas& Atlas() const { return m_atlas; }

private:
    std::string m_canvas;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE m_context = 0;
    int m_fb_width = 0, m_fb_height = 0;
    bool m_texture_made = false;  // the renderer has uploaded a font texture
    // The draw lists of this frame and of the last one drawn, as bytes (about 1 MB for a full view); m_stale:
    // the canvas or the atlas changed since, so the next frame is drawn whatever its lists.
    std::vector<unsigned char> m_frame, m_shown;
    bool m_stale = true;
    FontAtlas m_atlas;
};

}  // namespace chorus::web
