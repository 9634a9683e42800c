#include "display.hpp"

#include <GLES3/gl3.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui_impl_opengl3.h>

namespace chorus::web {
namespace {

constexpr const char* kFontPath = "/fonts/NotoSans-Regular.ttf";  // --preload-file, see CMakeLists.txt
constexpr float kFontSize = 16.0f;                                // CSS pixels
constexpr float kDefaultFontSize = 13.0f;                         // ImGui's own font, the fallback

bool FileExists(const char* path) {
    std::FILE* file = std::fopen(path, "rb");
    if (!file) return false;
    std::fclose(file);
    return true;
}

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
    ImFontGlyphRangesBuilder builder;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    builder.AddRanges(atlas.GetGlyphRangesCyrillic());
    builder.AddRanges(kExtraRanges);
    builder.BuildRanges(&m_glyph_ranges);

    return ImGui_ImplOpenGL3_Init("#version 300 es");
}

void Display::BuildFonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    // At dpr >= 2 a glyph has enough pixels that horizontal oversampling buys little
    // and would quadruple the atlas.
    config.OversampleH = dpr >= 2.0f ? 1 : 2;
    config.OversampleV = 1;
    ImFont* font = nullptr;
    if (FileExists(kFontPath))
        font = io.Fonts->AddFontFromFileTTF(kFontPath, std::round(kFontSize * dpr), &config, m_glyph_ranges.Data);
    if (!font) {
        std::fprintf(stderr, "chorus: %s missing, using ImGui's built-in font\n", kFontPath);
        config.SizePixels = std::round(kDefaultFontSize * dpr);
        io.Fonts->AddFontDefault(&config);
    }
    io.FontGlobalScale = 1.0f / dpr;
    m_font_dpr = dpr;
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
        emscripten_set_canvas_element_size(m_canvas.c_str(), fb_width, fb_height);
        m_fb_width = fb_width;
        m_fb_height = fb_height;
    }
    io.DisplaySize = ImVec2(static_cast<float>(css_width), static_cast<float>(css_height));
    io.DisplayFramebufferScale =
        ImVec2(static_cast<float>(fb_width / css_width), static_cast<float>(fb_height / css_height));

    if (dpr != m_font_dpr) {
        BuildFonts(dpr);
        if (m_texture_made) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
}

void Display::Render() {
    emscripten_webgl_make_context_current(m_context);
    glViewport(0, 0, m_fb_width, m_fb_height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    m_texture_made = true;
}

}  // namespace chorus::web
