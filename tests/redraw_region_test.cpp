// The region a frame draws again (shell/redraw_region.hpp): the scissor boxes of the OpenGL3 backend, clip
// rectangles rewritten to the pixel, and a canvas drawn in part that always equals one drawn whole.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "redraw_region.hpp"

using chorus::shell::ClipTo;
using chorus::shell::FramebufferBox;
using chorus::shell::PixelBox;
using chorus::shell::RedrawRegion;
using chorus::shell::ScissorOf;

namespace doctest {
template <>
struct StringMaker<PixelBox> {
    static String convert(const PixelBox& b) {
        return ("{" + std::to_string(b.x0) + ", " + std::to_string(b.y0) + ", " + std::to_string(b.x1) + ", " +
                std::to_string(b.y1) + "}")
            .c_str();
    }
};
}  // namespace doctest

namespace {

// Draw lists made by hand: each command has a clip rectangle and draws a few vertices of its own.
struct Frame {
    std::vector<std::unique_ptr<ImDrawList>> lists;
    std::vector<ImDrawList*> pointers;
    ImDrawData data;

    Frame(ImVec2 display, float scale) {
        data.Valid = true;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = display;
        data.FramebufferScale = ImVec2(scale, scale);
    }
    ImDrawList& AddList() {
        lists.push_back(std::make_unique<ImDrawList>(nullptr));
        return *lists.back();
    }
    // A triangle: its corners span `area` (its box); `mark` is its colour.
    struct Triangle {
        ImVec4 area;
        unsigned mark = 0;
    };
    // A command clipped to `clip` drawing `triangles` in order, its vertices after the list's (indices from 0).
    static void AddCommand(ImDrawList& list, ImVec4 clip, const std::vector<Triangle>& triangles) {
        ImDrawCmd cmd;
        cmd.ClipRect = clip;
        cmd.VtxOffset = static_cast<unsigned>(list.VtxBuffer.Size);
        cmd.IdxOffset = static_cast<unsigned>(list.IdxBuffer.Size);
        cmd.ElemCount = static_cast<unsigned>(3 * triangles.size());
        for (const Triangle& t : triangles) {
            for (ImVec2 corner : {ImVec2(t.area.x, t.area.y), ImVec2(t.area.z, t.area.y), ImVec2(t.area.x, t.area.w)}) {
                ImDrawVert vertex{};
                vertex.pos = corner;
                vertex.col = t.mark;
                list.IdxBuffer.push_back(static_cast<ImDrawIdx>(list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset)));
                list.VtxBuffer.push_back(vertex);
            }
        }
        list.CmdBuffer.push_back(cmd);
    }
    static void AddCommand(ImDrawList& list, ImVec4 clip, ImVec4 area, unsigned mark) {
        AddCommand(list, clip, {Triangle{area, mark}});
    }
    static void AddCommand(ImDrawList& list, ImVec4 clip, unsigned mark) { AddCommand(list, clip, clip, mark); }
    ImDrawData& Data() {
        pointers.clear();
        for (auto& list : lists)
            pointers.push_back(list.get());
        data.CmdLists = pointers.data();
        data.CmdListsCount = static_cast<int>(pointers.size());
        return data;
    }
};

// A canvas that "draws" a command by mixing its colour into every pixel its triangle could cover (those whose
// centre is in the box of its vertices) within its scissor box, so the order of the draws and every pixel they
// may touch count, as with blending.
struct Canvas {
    int width, height;
    std::vector<uint64_t> pixels;
    explicit Canvas(const PixelBox& box)
        : width(box.x1), height(box.y1), pixels(static_cast<size_t>(width * height), 0) {}

    void Clear(const PixelBox& box) {
        Fill(box, [](uint64_t) { return uint64_t{7}; });
    }
    void Draw(const ImDrawData& data) {
        const ImVec2 scale = data.FramebufferScale;
        for (int n = 0; n < data.CmdListsCount; ++n) {
            const ImDrawList& list = *data.CmdLists[n];
            for (const ImDrawCmd& cmd : list.CmdBuffer) {
                for (unsigned k = 0; k < cmd.ElemCount; k += 3) {
                    const ImDrawIdx* index = &list.IdxBuffer[static_cast<int>(cmd.IdxOffset + k)];
                    const ImDrawVert* corner[3];
                    for (int c = 0; c < 3; ++c)
                        corner[c] = &list.VtxBuffer[static_cast<int>(cmd.VtxOffset + index[c])];
                    const ImVec2 lo(std::min({corner[0]->pos.x, corner[1]->pos.x, corner[2]->pos.x}) * scale.x,
                                    std::min({corner[0]->pos.y, corner[1]->pos.y, corner[2]->pos.y}) * scale.y);
                    const ImVec2 hi(std::max({corner[0]->pos.x, corner[1]->pos.x, corner[2]->pos.x}) * scale.x,
                                    std::max({corner[0]->pos.y, corner[1]->pos.y, corner[2]->pos.y}) * scale.y);
                    // Pixel centres (x + 0.5) within [lo, hi], rows counted from the bottom.
                    const auto h = static_cast<float>(height);
                    const PixelBox covered{static_cast<int>(std::ceil(lo.x - 0.5f)),
                                           static_cast<int>(std::ceil(h - hi.y - 0.5f)),
                                           static_cast<int>(std::floor(hi.x - 0.5f)) + 1,
                                           static_cast<int>(std::floor(h - lo.y - 0.5f)) + 1};
                    const uint64_t ink = corner[0]->col;
                    Fill(ScissorOf(data, cmd.ClipRect).Intersect(covered),
                         [ink](uint64_t p) { return p * 1000003u + ink; });
                }
            }
        }
    }
    template <typename F>
    void Fill(const PixelBox& box, F f) {
        const PixelBox in = box.Intersect({0, 0, width, height});
        for (int y = in.y0; y < in.y1; ++y)
            for (int x = in.x0; x < in.x1; ++x) {
                uint64_t& pixel = pixels[static_cast<size_t>(y * width + x)];
                pixel = f(pixel);
            }
    }
};

ImVec4 RandomClip(std::mt19937& random, ImVec2 display) {
    std::uniform_real_distribution<float> x(-5.0f, display.x + 5.0f), y(-5.0f, display.y + 5.0f);
    const float a = x(random), b = x(random), c = y(random), d = y(random);
    return ImVec4(std::min(a, b), std::min(c, d), std::max(a, b), std::max(c, d));
}

}  // namespace

TEST_CASE("redraw region: scissor boxes as the OpenGL3 backend makes them, y from the bottom") {
    Frame frame(ImVec2(1280, 800), 1.0f);
    ImDrawData& data = frame.Data();
    CHECK(FramebufferBox(data) == PixelBox{0, 0, 1280, 800});
    CHECK(ScissorOf(data, ImVec4(10, 20, 110, 70)) == PixelBox{10, 730, 110, 780});
    CHECK(ScissorOf(data, ImVec4(10.7f, 20, 110.2f, 70)) == PixelBox{10, 730, 109, 780});  // truncated: x 10, width 99
    CHECK(ScissorOf(data, ImVec4(50, 20, 50, 70)).Empty());
    data.FramebufferScale = ImVec2(2, 2);
    CHECK(FramebufferBox(data) == PixelBox{0, 0, 2560, 1600});
    CHECK(ScissorOf(data, ImVec4(10, 20, 110, 70)) == PixelBox{20, 1460, 220, 1560});
}

TEST_CASE("redraw region: clip rectangles rewritten to a region give each command its box within it, to the pixel") {
    std::mt19937 random(5);
    for (float scale : {1.0f, 2.0f, 1.25f, 1.5f, 1.1f, 2.625f, 0.9f, 3.0f}) {
        CAPTURE(scale);
        const ImVec2 display(float(std::lround(1280 / scale)), float(std::lround(800 / scale)));
        Frame frame(display, scale);
        ImDrawList& list = frame.AddList();
        for (unsigned k = 0; k < 400; ++k)
            Frame::AddCommand(list, RandomClip(random, display), k);
        ImDrawData& data = frame.Data();
        const PixelBox screen = FramebufferBox(data);
        std::vector<ImDrawList*> drawing;
        for (int trial = 0; trial < 20; ++trial) {
            std::uniform_int_distribution<int> x(0, screen.x1), y(0, screen.y1);
            const int a = x(random), b = x(random), c = y(random), d = y(random);
            const PixelBox region{std::min(a, b), std::min(c, d), std::max(a, b) + 1, std::max(c, d) + 1};
            std::vector<PixelBox> want;
            std::vector<ImVec4> before;
            for (const ImDrawCmd& cmd : list.CmdBuffer) {
                want.push_back(ScissorOf(data, cmd.ClipRect).Intersect(region));
                before.push_back(cmd.ClipRect);
            }
            REQUIRE(ClipTo(data, region.Intersect(screen), drawing));
            for (int k = 0; k < list.CmdBuffer.Size; ++k) {
                const PixelBox got = ScissorOf(data, list.CmdBuffer[k].ClipRect);
                CHECK(got == want[static_cast<size_t>(k)].Intersect(screen));
                list.CmdBuffer[k].ClipRect = before[static_cast<size_t>(k)];
            }
        }
    }
}

TEST_CASE("redraw region: nothing when the frame is the one shown; the changed lists' boxes, then and now") {
    const ImVec2 display(200, 100);
    auto make = [&](unsigned left_mark, bool third, ImVec4 middle_clip) {
        auto frame = std::make_unique<Frame>(display, 1.0f);
        Frame::AddCommand(frame->AddList(), ImVec4(0, 0, 50, 100), left_mark);  // the left column
        Frame::AddCommand(frame->AddList(), middle_clip, 1);
        if (third) Frame::AddCommand(frame->AddList(), ImVec4(150, 0, 200, 20), 2);  // a popup, top right
        return frame;
    };
    RedrawRegion region;
    const ImVec4 colour(0.1f, 0.2f, 0.3f, 1);
    auto first = make(0, false, ImVec4(60, 40, 100, 60));
    CHECK(region.Update(first->Data(), colour, false) == PixelBox{0, 0, 200, 100});  // the first frame: all
    auto same = make(0, false, ImVec4(60, 40, 100, 60));
    CHECK(region.Update(same->Data(), colour, false).Empty());
    CHECK(region.Update(same->Data(), colour, true) == PixelBox{0, 0, 200, 100});  // told to draw it all
    auto left = make(5, false, ImVec4(60, 40, 100, 60));
    CHECK(region.Update(left->Data(), colour, false) == PixelBox{0, 0, 50, 100});
    auto moved = make(5, false, ImVec4(70, 10, 120, 30));  // the middle list moved up and right
    CHECK(region.Update(moved->Data(), colour, false) == PixelBox{60, 40, 120, 90});  // y from the bottom
    auto popup = make(5, true, ImVec4(70, 10, 120, 30));
    CHECK(region.Update(popup->Data(), colour, false) == PixelBox{150, 80, 200, 100});
    auto closed = make(5, false, ImVec4(70, 10, 120, 30));
    CHECK(region.Update(closed->Data(), colour, false) == PixelBox{150, 80, 200, 100});
    // A tooltip: clipped to the whole screen (as ImGui clips a window's background), its box is its vertices'.
    auto tooltip = make(5, false, ImVec4(70, 10, 120, 30));
    Frame::AddCommand(tooltip->AddList(), ImVec4(0, 0, 200, 100), ImVec4(20.5f, 30, 40, 50.25f), 3);
    CHECK(region.Update(tooltip->Data(), colour, false) == PixelBox{19, 48, 41, 71});
    CHECK(region.Update(closed->Data(), colour, false) == PixelBox{19, 48, 41, 71});
    CHECK(region.Update(closed->Data(), ImVec4(0, 0, 0, 1), false) == PixelBox{0, 0, 200, 100});  // theme
    closed->data.DisplaySize = ImVec2(190, 100);
    CHECK(region.Update(closed->Data(), ImVec4(0, 0, 0, 1), false) == PixelBox{0, 0, 190, 100});  // resized
}

TEST_CASE("redraw region: a canvas drawn in part, frame after frame, equals the canvas drawn whole") {
    std::mt19937 random(11);
    for (float scale : {1.0f, 2.0f, 1.5f, 1.1f}) {
        CAPTURE(scale);
        const ImVec2 display(float(std::lround(160 / scale)), float(std::lround(96 / scale)));
        // Six windows of a few commands of a few triangles; every frame one thing changes: a triangle recoloured,
        // moved (or only one corner), added or taken out (the triangles after it shift in the buffers), a command
        // clipped elsewhere, a window opened or closed.
        struct Command {
            ImVec4 clip;
            std::vector<Frame::Triangle> triangles;
        };
        auto triangle = [&](unsigned mark) { return Frame::Triangle{RandomClip(random, display), mark}; };
        auto command = [&](unsigned mark) {
            return Command{RandomClip(random, display), {triangle(mark), triangle(mark + 1), triangle(mark + 2)}};
        };
        std::vector<std::vector<Command>> windows(6);
        for (auto& window : windows)
            for (unsigned k = 0; k < 3; ++k)
                window.push_back(command(3 * k));
        RedrawRegion region;
        std::unique_ptr<Canvas> whole, part;
        std::vector<ImDrawList*> drawing;
        long long drawn = 0, all = 0;
        for (int step = 0; step < 300; ++step) {
            CAPTURE(step);
            if (step > 0) {
                std::uniform_int_distribution<size_t> pick(0, windows.size() - 1);
                auto& window = windows[pick(random)];
                Command& cmd = window[random() % window.size()];
                const size_t at = random() % cmd.triangles.size();
                switch (random() % 8) {
                    case 0: cmd.triangles[at].mark += 1; break;
                    case 1: cmd.triangles[at].area = RandomClip(random, display); break;
                    case 2: cmd.triangles.insert(cmd.triangles.begin() + static_cast<long>(at), triangle(50)); break;
                    case 3:
                        if (cmd.triangles.size() > 1)
                            cmd.triangles.erase(cmd.triangles.begin() + static_cast<long>(at));
                        break;
                    case 4: cmd.clip = RandomClip(random, display); break;
                    case 5:  // only its third corner moves
                        cmd.triangles[at].area.w += static_cast<float>(random() % 20) - 9.5f;
                        break;
                    case 6:
                        if (windows.size() < 9) windows.push_back({command(0)});
                        break;
                    default:
                        if (windows.size() > 2)
                            windows.erase(windows.begin() + static_cast<long>(pick(random) % windows.size()));
                        break;
                }
            }
            Frame frame(display, scale);
            for (const auto& window : windows) {
                ImDrawList& list = frame.AddList();
                for (const Command& c : window)
                    Frame::AddCommand(list, c.clip, c.triangles);
            }
            ImDrawData& data = frame.Data();
            const PixelBox screen = FramebufferBox(data);
            if (!whole) whole = std::make_unique<Canvas>(screen), part = std::make_unique<Canvas>(screen);
            whole->Clear(screen);
            whole->Draw(data);

            const PixelBox changed = region.Update(data, ImVec4(0, 0, 0, 1), false);
            if (!changed.Empty()) {
                REQUIRE(ClipTo(data, changed, drawing));
                // Only the lists that draw in the region, as the display does.
                ImDrawData only = data;
                only.CmdLists = drawing.data();
                only.CmdListsCount = static_cast<int>(drawing.size());
                part->Clear(changed);
                part->Draw(only);
            }
            drawn += changed.Area();
            all += screen.Area();
            REQUIRE(part->pixels == whole->pixels);
        }
        CHECK(drawn < all * 3 / 4);  // most frames drew a part
    }
}
