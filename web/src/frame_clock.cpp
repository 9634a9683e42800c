#include "frame_clock.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace chorus::web {
namespace {

struct Frame {
    float ours = 0, imgui = 0, gl = 0;  // milliseconds
    bool drawn = false;
    float share = 0;  // of the canvas drawn
};

std::vector<Frame> g_frames;  // since the last TakeStatsJson(), at most kKept (the oldest dropped)
size_t g_next = 0;            // where the next frame goes once g_frames is full
Frame g_current;
FrameClock::Part g_part = FrameClock::Part::Ours;
double g_since = 0;  // emscripten_get_now() when g_part began

void Close() {
    const double now = emscripten_get_now();
    const auto ms = static_cast<float>(now - g_since);
    switch (g_part) {
        case FrameClock::Part::Ours: g_current.ours += ms; break;
        case FrameClock::Part::ImGui: g_current.imgui += ms; break;
        case FrameClock::Part::Gl: g_current.gl += ms; break;
    }
    g_since = now;
}

// "name":{"p50":..,"p95":..,"max":..} of `ms` (sorted here).
std::string Quantiles(const char* name, std::vector<float>& ms) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms.empty() ? 0.0
                          : static_cast<double>(
                                ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))]);
    };
    char buf[128];
    std::snprintf(buf, sizeof buf, "\"%s\":{\"p50\":%.2f,\"p95\":%.2f,\"max\":%.2f}", name, at(0.5), at(0.95),
                  ms.empty() ? 0.0 : static_cast<double>(ms.back()));
    return buf;
}

}  // namespace

void FrameClock::Begin() {
    g_current = Frame{};
    g_part = Part::Ours;
    g_since = emscripten_get_now();
}

void FrameClock::Switch(Part part) {
    Close();
    g_part = part;
}

void FrameClock::Drawn(double share) {
    g_current.drawn = true;
    g_current.share = static_cast<float>(share);
}

void FrameClock::End() {
    Close();
    if (g_frames.size() < kKept) {
        g_frames.push_back(g_current);
    } else {
        g_frames[g_next] = g_current;
        g_next = (g_next + 1) % kKept;
    }
}

std::string FrameClock::TakeStatsJson() {
    std::vector<float> total, ours, imgui, gl;
    size_t over16 = 0, over50 = 0, drawn = 0;
    double shares = 0;
    for (const Frame& f : g_frames) {
        drawn += f.drawn ? 1 : 0;
        shares += f.drawn ? f.share : 0.0;
        total.push_back(f.ours + f.imgui + f.gl);
        ours.push_back(f.ours);
        imgui.push_back(f.imgui);
        gl.push_back(f.gl);
        over16 += total.back() > 16 ? 1 : 0;
        over50 += total.back() > 50 ? 1 : 0;
    }
    char share[64];
    std::snprintf(share, sizeof share, ",\"drawn_share\":%.3f,", drawn > 0 ? shares / static_cast<double>(drawn) : 0.0);
    std::string json = "{\"frames\":" + std::to_string(g_frames.size()) + ",\"drawn\":" + std::to_string(drawn) +
                       share + Quantiles("total", total) + "," + Quantiles("ours", ours) + "," +
                       Quantiles("imgui", imgui) + "," + Quantiles("gl", gl) + ",\"over16\":" + std::to_string(over16) +
                       ",\"over50\":" + std::to_string(over50) + "}";
    g_frames.clear();
    g_next = 0;
    return json;
}

}  // namespace chorus::web

// window.chorus.frameStats() (web/chorus.js): FrameClock::TakeStatsJson().
extern "C" EMSCRIPTEN_KEEPALIVE const char* chorus_frame_stats() {
    static std::string json;
    json = chorus::web::FrameClock::TakeStatsJson();
    return json.c_str();
}
