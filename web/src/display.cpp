#include "display.hpp"

#include <GLES3/gl3.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include <imgui_impl_opengl3.h>

namespace chorus::web {
namespace {

// A frame's share for the font atlas' work before a rebuild (the bundled font's plan, the browser's glyphs).
constexpr double kAtlasWorkMs = 8.0;
// A frame whose changed region covers less than this share of the canvas draws that region only.
constexpr double kPartOfCanvas = 0.8;

}  // namespace

bool Display::Init(const char* canvas_selector) {
    m_canvas = canvas_selector;

    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    // The canvas keeps its pixels after each frame is shown: an unchanged frame draws nothing, a changed one only
    // the region that changed (shell/redraw_region.hpp).
    attrs.preserveDrawingBuffer = EM_TRUE;
    m_context = emscripten_webgl_create_context(m_canvas.c_str(), &attrs);
    if (m_context <= 0) return false;
    emscripten_webgl_make_context_current(m_context);

    GLint max_texture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture);
    m_atlas.SetMaxSide(max_texture);

    return ImGui_ImplOpenGL3_Init("#version 300 es");
}

void Display::BeginFrame() {
    ImGuiIO& io = ImGui::GetIO();
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(m_canvas.c_str(), &css_width, &css_height);
    css_width = std::max(css_width, 1.0);
    css_height = std::max(css_height, 1.0);
    float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!(dpr > 0.0f)) dpr = 1.0f;

    int fb_width = std::max(1, static_cast<int>(std::lround(css_width * dpr)));
    int fb_height = std::max(1, static_cast<int>(std::lround(css_height * dpr)));
    if (fb_width != m_fb_width || fb_height != m_fb_height) {
        emscripten_set_canvas_element_size(m_canvas.c_str(), fb_width, fb_height);  // clears the canvas
        m_fb_width = fb_width;
        m_fb_height = fb_height;
        m_stale = true;
    }
    io.DisplaySize = ImVec2(static_cast<float>(css_width), static_cast<float>(css_height));
    io.DisplayFramebufferScale =
        ImVec2(static_cast<float>(fb_width / css_width), static_cast<float>(fb_height / css_height));

    // The page's first atlas at once (nothing to draw with before it); the next ones over frames, the
    // previous atlas drawing meanwhile.
    const double budget_ms = m_atlas.Stats().builds == 0 ? std::numeric_limits<double>::infinity() : kAtlasWorkMs;
    if (m_atlas.NeedsBuild(dpr) && m_atlas.Prepare(dpr, budget_ms)) {
        m_atlas.Build(dpr);
        m_stale = true;
        if (m_texture_made) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            // The GPU has the pixels: the CPU copy (up to 80 MB for a full atlas) can go. Only once the
            // renderer exists, since it would rebuild a missing copy without the browser's glyphs.
            ImGui::GetIO().Fonts->ClearTexData();
        }
    }
}

bool Display::Render(bool force) {
    ImDrawData* data = ImGui::GetDrawData();
    if (data == nullptr) return false;  // no ImGui::Render() this frame
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const shell::PixelBox region = m_region.Update(*data, background, force || m_stale);
    if (region.Empty()) return false;
    m_stale = false;

    // A region of most of the canvas is drawn whole: clipping would save little and costs a pass over the commands.
    const shell::PixelBox screen = shell::FramebufferBox(*data);
    const bool part = static_cast<double>(region.Area()) < kPartOfCanvas * static_cast<double>(screen.Area()) &&
                      shell::ClipTo(*data, region, m_drawing);
    const shell::PixelBox drawn = part ? region : screen;
    m_last_share = screen.Area() > 0 ? static_cast<double>(drawn.Area()) / static_cast<double>(screen.Area()) : 1.0;

    emscripten_webgl_make_context_current(m_context);
    glViewport(0, 0, m_fb_width, m_fb_height);
    if (part) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(region.x0, region.y0, region.x1 - region.x0, region.y1 - region.y0);
    }
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (part) {
        // Only the lists that draw in the region, then the frame's own lists again.
        ImDrawList** lists = data->CmdLists;
        const int count = data->CmdListsCount;
        data->CmdLists = m_drawing.data();
        data->CmdListsCount = static_cast<int>(m_drawing.size());
        ImGui_ImplOpenGL3_RenderDrawData(data);
        data->CmdLists = lists;
        data->CmdListsCount = count;
        glDisable(GL_SCISSOR_TEST);
    } else {
        ImGui_ImplOpenGL3_RenderDrawData(data);
    }
    m_texture_made = true;
    return true;
}

}  // namespace chorus::web
