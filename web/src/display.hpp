// Display: the canvas, its WebGL2 context, and a font atlas that follows the
// device pixel ratio.
//
// ImGui works in CSS pixels (io.DisplaySize); the canvas backing store has
// round(css * dpr) pixels and the font is rasterised at its size * dpr, then
// drawn at 1/dpr scale, so text stays crisp on any screen and at any zoom.
//
//   Display display;
//   if (!display.Init("#canvas")) ...;      // after ImGui::CreateContext()
//   display.BeginFrame();                    // before ImGui_ImplOpenGL3_NewFrame()
//   ... ImGui::Render();
//   display.Render();
#pragma once

#include <emscripten/html5_webgl.h>

#include <string>

#include <imgui.h>

namespace chorus::web {

class Display {
public:
    // Creates the WebGL2 context on the canvas and the ImGui renderer.
    // False when the browser offers no WebGL2.
    bool Init(const char* canvas_selector);
    // Sizes the canvas backing store, sets io.DisplaySize and
    // io.DisplayFramebufferScale, and rebuilds the font when the dpr changed.
    void BeginFrame();
    // Clears the canvas and draws ImGui's draw data.
    void Render();

private:
    void BuildFonts(float dpr);

    std::string m_canvas;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE m_context = 0;
    int m_fb_width = 0, m_fb_height = 0;
    float m_font_dpr = 0;
    bool m_texture_made = false;  // the renderer has uploaded a font texture
    ImVector<ImWchar> m_glyph_ranges;
};

}  // namespace chorus::web
