// The frame clock: how long the main loop's callback works each frame, in three parts: our own work (the
// explorer's refresh, query evaluation, counting slices, panels building their draw lists, platform
// requests), ImGui's frame (NewFrame, Render: the draw lists finished) and the GL submission (the font
// atlas, the display's draw calls; under SwiftShader a GL call may wait for the previous frame's drawing).
// The browser's own compositing and the GPU's work are not in it: requestAnimationFrame intervals show
// those (in headless Chromium, quantised to whole vsync periods whatever the work).
//
//   FrameClock::Begin();  ...ours...  FrameClock::Switch(FrameClock::Part::Gl);  ...GL...  FrameClock::End();
//
// The page reads it as window.chorus.frameStats(): the p50 / p95 / max of the frames since the last call
// (at most the last kKept), then starts over.
#pragma once

#include <cstddef>
#include <string>

namespace chorus::web {

class FrameClock {
public:
    enum class Part : unsigned char { Ours, ImGui, Gl };
    static constexpr size_t kKept = 16384;

    static void Begin();            // the frame starts, its time goes to Part::Ours
    static void Switch(Part part);  // what follows is counted to `part`
    // The frame was drawn (not the one the canvas shows already: Display::Render), `share` of the canvas.
    static void Drawn(double share);
    static void End();  // the frame is over: records it
    // {"frames", "drawn", "drawn_share" (the mean share of the canvas a drawn frame drew), "total": {"p50",
    // "p95", "max"}, "ours": {...}, "imgui": {...}, "gl": {...}, "over16", "over50"} in milliseconds, of the
    // frames recorded since the last call; then forgets them.
    static std::string TakeStatsJson();
};

}  // namespace chorus::web
