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
    const ImDrawData* data = ImGui::GetDrawData();
    if (data == nullptr) return false;  // no ImGui::Render() this frame
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    m_frame.clear();
    auto add = [this](const void* bytes, size_t size) {
        const auto* p = static_cast<const unsigned char*>(bytes);
        m_frame.insert(m_frame.end(), p, p + size);
    };
    add(&background, sizeof background);
    add(&data->DisplaySize, sizeof data->DisplaySize);
    add(&data->FramebufferScale, sizeof data->FramebufferScale);
    add(&data->CmdListsCount, sizeof data->CmdListsCount);
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        for (int size : {list->VtxBuffer.Size, list->IdxBuffer.Size, list->CmdBuffer.Size})
            add(&size, sizeof size);
        add(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        add(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            add(&cmd.ClipRect, sizeof cmd.ClipRect);
            add(&cmd.TextureId, sizeof cmd.TextureId);
            add(&cmd.VtxOffset, sizeof cmd.VtxOffset);
            add(&cmd.IdxOffset, sizeof cmd.IdxOffset);
            add(&cmd.ElemCount, sizeof cmd.ElemCount);
            add(&cmd.UserCallback, sizeof cmd.UserCallback);
        }
    }
    if (!force && !m_stale && m_frame == m_shown) return false;
    m_frame.swap(m_shown);
    m_stale = false;

    emscripten_webgl_make_context_current(m_context);
    glViewport(0, 0, m_fb_width, m_fb_height);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    m_texture_made = true;
    return true;
}

}  // namespace chorus::web
