// The page's entry point: creates the ImGui context, the WebGL2 display and
// the App, then hands control back to the browser, which calls Frame() once per
// animation frame. Files arrive through the exports in exports.cpp.
#include <emscripten/emscripten.h>

#include <chrono>
#include <cstdint>

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app.hpp"
#include "display.hpp"
#include "exports.hpp"
#include "frame_clock.hpp"
#include "input.hpp"
#include "item_registry.hpp"
#include "layout.hpp"
#include "page_elements.hpp"
#include "panel_settings.hpp"
#include "save.hpp"

namespace chorus::web {
namespace {

constexpr const char* kCanvas = "#canvas";

App* g_app = nullptr;
Display g_display;
double g_last_frame_ms = 0;
uint64_t g_clusters_version = 0;  // of the atlas's cluster glyphs, as given to the explorer
// A frame's share for collecting a new dataset's characters (200K post texts at 10M posts: about 85 ms in all),
// in pieces of 1024 names or posts (well under a millisecond each).
constexpr shell::CoverageStep kGlyphCoverageStep{.time = std::chrono::microseconds{5000}, .items = 1024};

// clang-format off
EM_JS(void, chorus_set_page_theme, (int light), {
    document.documentElement.classList.toggle('theme-light', light != 0);
});
// clang-format on

// The page's own elements (the toolbar, chorus.css) follow the explorer's theme: a class on <html>
// whenever the theme changes (the settings window, a reset, the saved layout read at start).
void SyncPageTheme(const shell::Settings& settings) {
    static int shown = -1;
    const int light = settings.theme == shell::Theme::Light ? 1 : 0;
    if (light == shown) return;
    shown = light;
    chorus_set_page_theme(light);
}

void HandleRequests(App& app) {
    // First the saves: a capture must read the pixels of the frame just rendered, before anything changes.
    while (auto save = app.explorer.TakeSave())
        Save(*save);
    if (app.explorer.TakeRequest(shell::Request::ClearData)) ClearData();
    if (app.explorer.TakeRequest(shell::Request::ResetLayout)) ForgetLayout();
    if (auto url = app.explorer.TakeLinkToOpen()) OpenInNewTab(*url);
    ShowPostOverlay(app.explorer.PostOverlayShown());
}

void Frame() {
    App& app = *g_app;
    FrameClock::Begin();  // window.chorus.frameStats(): our work vs ImGui's and the GL submission
    ImGuiIO& io = ImGui::GetIO();
    const double now = emscripten_get_now();
    io.DeltaTime = g_last_frame_ms > 0 && now > g_last_frame_ms ? static_cast<float>((now - g_last_frame_ms) / 1000.0)
                                                                : 1.0f / 60.0f;
    g_last_frame_ms = now;
    // Queued input reaches ImGui one event per frame (input.cpp), so at slow frames (a loaded machine, 10M posts)
    // a double-click's second press arrives frames after it happened: the window grows with the frame time.
    io.MouseDoubleClickTime = 0.30f + 2.0f * io.DeltaTime;

    // A load's characters (collected over frames, a few ms each), then those of the posts the reader drew that
    // the load's scan did not see (text read back from disk, rule 84, or past the scan's cap): a batch at most
    // every 250 ms.
    const core::Dataset& ds = app.session.dataset();
    for (core::RowId row : app.explorer.ReaderShown())
        if (row < ds.Posts() && ds.Text().Has(row)) app.glyphs.AddLateText(ds.TextOf(row));
    const bool loaded = app.glyphs.Update(app.session, kGlyphCoverageStep);
    if (app.glyphs.TakeLate(now) || loaded) {
        g_display.SetCodePoints(app.glyphs.CodePoints());
        g_display.SetClusters(app.glyphs.Clusters());
    }
    g_display.SetFontSize(static_cast<float>(app.explorer.settings().font_size));
    FrameClock::Switch(FrameClock::Part::Gl);
    g_display.BeginFrame();
    FrameClock::Switch(FrameClock::Part::Ours);
    // The clusters that got a glyph are drawn as one from this frame on.
    if (g_display.Atlas().Clusters().Version() != g_clusters_version) {
        g_clusters_version = g_display.Atlas().Clusters().Version();
        app.explorer.cluster_glyphs().Assign(g_display.Atlas().Clusters().Clusters());
    }
    InputNewFrame();
    TickLoadClock();
    FrameClock::Switch(FrameClock::Part::ImGui);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    FrameClock::Switch(FrameClock::Part::Ours);
    shell::ItemRegistry::NewFrame();
    app.explorer.Frame();
    FrameClock::Switch(FrameClock::Part::ImGui);
    ImGui::Render();
    FrameClock::Switch(FrameClock::Part::Gl);
    // An unchanged frame is not drawn again (an idle page draws nothing), except one whose pixels are saved.
    if (g_display.Render(app.explorer.SavePending())) FrameClock::Drawn(g_display.LastShare());
    FrameClock::Switch(FrameClock::Part::Ours);
    UpdateCursor();
    UpdateTextField();
    SaveLayoutIfWanted();
    HandleRequests(app);
    SyncPageTheme(app.explorer.settings());
    FrameClock::End();
}

}  // namespace

App* TheApp() {
    return g_app;
}

const FontAtlas& TheFontAtlas() {
    return g_display.Atlas();
}

}  // namespace chorus::web

// window.chorus.redraw() (web/chorus.js): the next frame is drawn whole.
extern "C" EMSCRIPTEN_KEEPALIVE void chorus_redraw() {
    chorus::web::g_display.Redraw();
}

int main() {
    using namespace chorus::web;
    ImGui::CreateContext();
    chorus::shell::ItemRegistry::Install(ImGui::GetCurrentContext());
    ImGui::GetIO().IniFilename = nullptr;  // no file: the layout goes to localStorage (layout.hpp)

    if (!g_display.Init(kCanvas)) {
        // clang-format off
        EM_ASM({
            if (Module.chorusFatal) Module.chorusFatal('This browser cannot draw with WebGL 2, which Chorus needs.');
        });
        // clang-format on
        return 1;
    }
    InstallInput(kCanvas);
    g_app = new App();  // lives as long as the page
    chorus::shell::InstallSettingsHandler(g_app->explorer.settings());
    LoadLayout();
    emscripten_set_main_loop(Frame, 0, false);
    return 0;
}
