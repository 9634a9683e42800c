#include "save.hpp"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace chorus::web {
namespace {

// Module.chorusSave* live in chorus.js: begin a file, append a part (copied out of the heap at once),
// finish it as a download; a PNG is encoded by the browser (canvas.toBlob) from RGBA rows, top first.
// clang-format off
EM_JS(void, chorus_save_begin, (const char* name, const char* mime), {
    if (Module.chorusSaveBegin) Module.chorusSaveBegin(UTF8ToString(name), UTF8ToString(mime));
});
EM_JS(void, chorus_save_part, (const char* bytes, int size), {
    var from = bytes >>> 0;
    if (Module.chorusSavePart) Module.chorusSavePart(HEAPU8.slice(from, from + size));
});
EM_JS(void, chorus_save_end, (), {
    if (Module.chorusSaveEnd) Module.chorusSaveEnd();
});
EM_JS(void, chorus_save_png, (const char* name, const uint8_t* rgba, int width, int height), {
    var from = rgba >>> 0;
    if (Module.chorusSavePng)
        Module.chorusSavePng(UTF8ToString(name), HEAPU8.slice(from, from + width * height * 4), width, height);
});
// clang-format on

void SaveCapture(const shell::SaveRequest& request) {
    const ImGuiIO& io = ImGui::GetIO();
    const float sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
    const int fb_w = static_cast<int>(std::lround(io.DisplaySize.x * sx));
    const int fb_h = static_cast<int>(std::lround(io.DisplaySize.y * sy));
    const int x0 = std::clamp(static_cast<int>(std::lround(request.x * sx)), 0, fb_w);
    const int y0 = std::clamp(static_cast<int>(std::lround(request.y * sy)), 0, fb_h);
    const int x1 = std::clamp(static_cast<int>(std::lround((request.x + request.w) * sx)), 0, fb_w);
    const int y1 = std::clamp(static_cast<int>(std::lround((request.y + request.h) * sy)), 0, fb_h);
    const int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    const size_t stride = static_cast<size_t>(w) * 4;
    std::vector<uint8_t> pixels(stride * static_cast<size_t>(h));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x0, fb_h - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());  // GL rows go bottom up
    std::vector<uint8_t> row(stride);
    for (size_t top = 0, bottom = static_cast<size_t>(h) - 1; top < bottom; ++top, --bottom) {
        std::memcpy(row.data(), &pixels[top * stride], stride);
        std::memcpy(&pixels[top * stride], &pixels[bottom * stride], stride);
        std::memcpy(&pixels[bottom * stride], row.data(), stride);
    }
    chorus_save_png(request.file_name.c_str(), pixels.data(), w, h);
}

}  // namespace

void Save(shell::SaveRequest& request) {
    if (request.capture) {
        SaveCapture(request);
        return;
    }
    if (!request.next) return;
    chorus_save_begin(request.file_name.c_str(), request.mime_type.c_str());
    std::string chunk;
    while (request.next(chunk))
        chorus_save_part(chunk.data(), static_cast<int>(chunk.size()));
    chorus_save_end();
}

}  // namespace chorus::web
