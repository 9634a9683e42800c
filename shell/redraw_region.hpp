// RedrawRegion: the part of the canvas a frame draws again. The canvas keeps its pixels between frames (WebGL's
// preserveDrawingBuffer), so a frame whose draw lists equal those of the last frame drawn draws nothing, and one
// where some draw lists changed (a hovered row, the brush moving over the timeline) clears and draws only the
// rectangle around what those lists covered, then and now. Outside it every pixel gets the same draws, in the
// same order, as when it was last drawn, so the canvas is what drawing the whole frame would give.
//
// Rectangles are in framebuffer pixels as the OpenGL3 backend (imgui_impl_opengl3.cpp, 1.86) makes a command's
// scissor box from its clip rectangle: scaled by FramebufferScale, truncated to integers, y from the bottom.
// ClipTo() rewrites the commands' clip rectangles so that each one's box becomes its intersection with the
// region, to the pixel, or says it cannot.
//
//   RedrawRegion region;
//   ImGui::Render();
//   PixelBox box = region.Update(*ImGui::GetDrawData(), clear_colour, canvas_was_reset);
//   if (box.Empty()) return;                                   // the canvas shows this frame already
//   bool part = box != FramebufferBox(data) && ClipTo(data, box, lists);   // else draw it all
//   ... when part: glScissor(box), data's CmdLists = lists; glClear; ImGui_ImplOpenGL3_RenderDrawData(data);
#pragma once

#include <imgui.h>

#include <cstddef>
#include <vector>

namespace chorus::shell {

// Framebuffer pixels [x0, x1) x [y0, y1), y counted from the bottom (OpenGL's glScissor).
struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;

    bool Empty() const { return x1 <= x0 || y1 <= y0; }
    long long Area() const { return Empty() ? 0 : static_cast<long long>(x1 - x0) * (y1 - y0); }
    PixelBox Union(const PixelBox& o) const;      // the smallest box holding both (an empty one adds nothing)
    PixelBox Intersect(const PixelBox& o) const;  // empty when they do not overlap
    bool operator==(const PixelBox&) const = default;
};

// The whole framebuffer as the backend sizes it: DisplaySize * FramebufferScale, truncated.
PixelBox FramebufferBox(const ImDrawData& data);
// The scissor box the backend gives a command clipped to `clip` (unclamped; empty when it skips the command).
PixelBox ScissorOf(const ImDrawData& data, const ImVec4& clip);
// Rewrites every command's clip rectangle so that its scissor box is its old box intersected with `region`
// (commands outside it are skipped by the backend) and puts in `drawing` the lists that still draw something
// (the others need not even be uploaded). False, with nothing changed, when some box cannot be made exactly (a
// scale whose float rounding does not allow it) or a command has a callback that may draw.
bool ClipTo(ImDrawData& data, const PixelBox& region, std::vector<ImDrawList*>& drawing);

class RedrawRegion {
public:
    // This frame's draw data, the colour the canvas is cleared in, and whether the canvas lost its pixels (or
    // they are read: a PNG export), which makes the region the whole framebuffer. Empty when the frame is the
    // one last drawn; else the box around the triangles that differ from the last frame drawn: for each draw
    // list that differs from the one at its place then, its triangles after those both begin with and before
    // those both end with (a hovered row's highlight, a number's glyphs, the brush), as they were and as they
    // are. The frame is then taken as drawn.
    PixelBox Update(const ImDrawData& data, const ImVec4& clear_colour, bool everything);

private:
    struct Command {
        ImVec4 clip;
        ImTextureID texture = nullptr;
        unsigned vtx_offset = 0, idx_offset = 0, elements = 0;
        ImDrawCallback callback = nullptr;
        void* callback_data = nullptr;
    };
    // A draw list as drawn: its buffers and commands, and the box of all it may draw on.
    struct List {
        std::vector<ImDrawVert> vertices;
        std::vector<ImDrawIdx> indices;
        std::vector<Command> commands;
        PixelBox box;
    };
    struct Frame {
        ImVec4 clear;
        ImVec2 pos, size, scale;
        std::vector<List> lists;  // the first `count` are the frame's (the others keep their memory)
        size_t count = 0;
    };
    // A triangle's corner: its vertex and its command's clip rectangle and texture.
    struct Corner {
        ImDrawVert vertex;
        const Command* command;
    };
    void Corners(const List& list, std::vector<Corner>& out) const;
    PixelBox Changed(const ImDrawData& data, const List& then, const List& now);

    Frame m_frame, m_shown;
    bool m_any_shown = false;
    std::vector<Corner> m_then, m_now;  // scratch
};

}  // namespace chorus::shell
