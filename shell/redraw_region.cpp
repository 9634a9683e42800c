#include "redraw_region.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace chorus::shell {
namespace {

// (int)value as the backend writes it, kept within int's range (the backend's boxes always are: ImGui's widest
// clip rectangle is +-8192 points).
int Truncate(float value) {
    return static_cast<int>(std::clamp(value, -1.0e9f, 1.0e9f));
}

// A clip rectangle whose scissor box is `box` (not empty, within the framebuffer), or false. Each edge is put
// between pixel boundaries, so the float rounding of the backend's arithmetic cannot move it to another pixel.
bool ClipFor(const ImDrawData& data, const PixelBox& box, ImVec4& clip) {
    const auto fb_height = static_cast<float>(FramebufferBox(data).y1);
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    if (!(scale.x > 0.0f) || !(scale.y > 0.0f)) return false;
    clip.x = off.x + (static_cast<float>(box.x0) + 0.5f) / scale.x;
    clip.z = off.x + (static_cast<float>(box.x1) + 0.75f) / scale.x;
    clip.w = off.y + (fb_height - static_cast<float>(box.y0) - 0.5f) / scale.y;
    clip.y = off.y + (fb_height - static_cast<float>(box.y1) - 0.75f) / scale.y;
    return ScissorOf(data, clip) == box;
}

// The pixels whose centres may lie between `lo` and `hi` (display coordinates), a pixel wider on each side.
PixelBox PixelsAround(const ImDrawData& data, ImVec2 lo, ImVec2 hi) {
    const auto fb_height = static_cast<float>(FramebufferBox(data).y1);
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    return {Truncate(std::floor((lo.x - off.x) * scale.x)) - 1,
            Truncate(std::floor(fb_height - (hi.y - off.y) * scale.y)) - 1,
            Truncate(std::ceil((hi.x - off.x) * scale.x)) + 1,
            Truncate(std::ceil(fb_height - (lo.y - off.y) * scale.y)) + 1};
}

// The pixels a list's triangles may cover (a window's background is clipped to the whole screen, its
// vertices are not): the box around its vertices.
PixelBox VertexBox(const ImDrawData& data, const ImDrawList& list) {
    if (list.VtxBuffer.Size == 0) return {};
    ImVec2 lo = list.VtxBuffer[0].pos, hi = lo;
    for (const ImDrawVert& vertex : list.VtxBuffer) {
        lo = ImVec2(std::min(lo.x, vertex.pos.x), std::min(lo.y, vertex.pos.y));
        hi = ImVec2(std::max(hi.x, vertex.pos.x), std::max(hi.y, vertex.pos.y));
    }
    return PixelsAround(data, lo, hi);
}

}  // namespace

PixelBox PixelBox::Union(const PixelBox& o) const {
    if (o.Empty()) return *this;
    if (Empty()) return o;
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

PixelBox PixelBox::Intersect(const PixelBox& o) const {
    const PixelBox box{std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
    return box.Empty() ? PixelBox{} : box;
}

PixelBox FramebufferBox(const ImDrawData& data) {
    return {0, 0, Truncate(data.DisplaySize.x * data.FramebufferScale.x),
            Truncate(data.DisplaySize.y * data.FramebufferScale.y)};
}

PixelBox ScissorOf(const ImDrawData& data, const ImVec4& clip) {
    // The same arithmetic, in the same order and types, as ImGui_ImplOpenGL3_RenderDrawData.
    const int fb_height = FramebufferBox(data).y1;
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    const ImVec2 clip_min((clip.x - off.x) * scale.x, (clip.y - off.y) * scale.y);
    const ImVec2 clip_max((clip.z - off.x) * scale.x, (clip.w - off.y) * scale.y);
    if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) return {};
    const int x = Truncate(clip_min.x);
    const int y = Truncate(static_cast<float>(fb_height) - clip_max.y);
    return {x, y, x + Truncate(clip_max.x - clip_min.x), y + Truncate(clip_max.y - clip_min.y)};
}

bool ClipTo(ImDrawData& data, const PixelBox& region, std::vector<ImDrawList*>& drawing) {
    std::vector<ImVec4> clips;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        for (const ImDrawCmd& cmd : data.CmdLists[n]->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) return false;
                continue;
            }
            const PixelBox box = ScissorOf(data, cmd.ClipRect).Intersect(region);
            ImVec4 clip(data.DisplayPos.x, data.DisplayPos.y, data.DisplayPos.x, data.DisplayPos.y);  // skipped
            if (!box.Empty() && !ClipFor(data, box, clip)) return false;
            clips.push_back(clip);
        }
    }
    size_t next = 0;
    drawing.clear();
    for (int n = 0; n < data.CmdListsCount; ++n) {
        bool draws = false;
        for (ImDrawCmd& cmd : data.CmdLists[n]->CmdBuffer) {
            if (cmd.UserCallback != nullptr) continue;
            cmd.ClipRect = clips[next++];
            draws = draws || (cmd.ClipRect.z > cmd.ClipRect.x && cmd.ClipRect.w > cmd.ClipRect.y);
        }
        if (draws) drawing.push_back(data.CmdLists[n]);
    }
    return true;
}

namespace {

bool SameVertex(const ImDrawVert& a, const ImDrawVert& b) {
    static_assert(sizeof(ImDrawVert) == sizeof(ImVec2) * 2 + sizeof(ImU32), "ImDrawVert has no padding");
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool SameClip(const ImVec4& a, const ImVec4& b) {
    return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w;
}

// The pixels a triangle may cover within its command's scissor box: the box around its corners, a pixel wider.
PixelBox TriangleBox(const ImDrawData& data, const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c,
                     const ImVec4& clip) {
    const ImVec2 lo(std::min({a.pos.x, b.pos.x, c.pos.x}), std::min({a.pos.y, b.pos.y, c.pos.y}));
    const ImVec2 hi(std::max({a.pos.x, b.pos.x, c.pos.x}), std::max({a.pos.y, b.pos.y, c.pos.y}));
    return PixelsAround(data, lo, hi).Intersect(ScissorOf(data, clip));
}

}  // namespace

void RedrawRegion::Corners(const List& list, std::vector<Corner>& out) const {
    out.clear();
    for (const Command& cmd : list.commands) {
        if (cmd.callback != nullptr) continue;
        for (unsigned k = cmd.idx_offset; k < cmd.idx_offset + cmd.elements && k < list.indices.size(); ++k) {
            const size_t v = cmd.vtx_offset + list.indices[k];
            if (v < list.vertices.size()) out.push_back({list.vertices[v], &cmd});
        }
    }
}

PixelBox RedrawRegion::Changed(const ImDrawData& data, const List& then, const List& now) {
    const PixelBox screen = FramebufferBox(data);
    for (const List* list : {&then, &now})
        for (const Command& cmd : list->commands)
            if (cmd.callback != nullptr && cmd.callback != ImDrawCallback_ResetRenderState) return screen;
    Corners(then, m_then);
    Corners(now, m_now);
    // Whole triangles (three corners each) that both lists begin with, then those they both end with.
    auto same = [](const Corner& a, const Corner& b) {
        return SameVertex(a.vertex, b.vertex) && SameClip(a.command->clip, b.command->clip) &&
               a.command->texture == b.command->texture;
    };
    auto same_triangle = [&](size_t i, size_t j) {
        return same(m_then[i], m_now[j]) && same(m_then[i + 1], m_now[j + 1]) && same(m_then[i + 2], m_now[j + 2]);
    };
    const size_t then_size = m_then.size() / 3 * 3, now_size = m_now.size() / 3 * 3;
    const size_t shorter = std::min(then_size, now_size);
    size_t begin = 0;
    while (begin < shorter && same_triangle(begin, begin))
        begin += 3;
    size_t end = 0;  // corners at the end of both
    while (end < shorter - begin && same_triangle(then_size - end - 3, now_size - end - 3))
        end += 3;
    PixelBox box;
    for (const auto* corners : {&m_then, &m_now}) {
        const size_t last = (corners == &m_then ? then_size : now_size) - end;
        for (size_t k = begin; k < last; k += 3) {
            const Corner* c = &(*corners)[k];
            box = box.Union(TriangleBox(data, c[0].vertex, c[1].vertex, c[2].vertex, c[0].command->clip));
        }
    }
    return box.Intersect(screen);
}

PixelBox RedrawRegion::Update(const ImDrawData& data, const ImVec4& clear_colour, bool everything) {
    Frame& frame = m_frame;
    frame.clear = clear_colour;
    frame.pos = data.DisplayPos;
    frame.size = data.DisplaySize;
    frame.scale = data.FramebufferScale;
    frame.count = static_cast<size_t>(data.CmdListsCount);
    if (frame.lists.size() < frame.count) frame.lists.resize(frame.count);

    const PixelBox screen = FramebufferBox(data);
    for (size_t n = 0; n < frame.count; ++n) {
        const ImDrawList& from = *data.CmdLists[n];
        List& list = frame.lists[n];
        list.vertices.assign(from.VtxBuffer.begin(), from.VtxBuffer.end());
        list.indices.assign(from.IdxBuffer.begin(), from.IdxBuffer.end());
        list.commands.clear();
        list.box = {};
        bool anywhere = false;  // a callback may draw anywhere
        for (const ImDrawCmd& cmd : from.CmdBuffer) {
            list.commands.push_back({cmd.ClipRect, cmd.TextureId, cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount,
                                     cmd.UserCallback, cmd.UserCallbackData});
            if (cmd.UserCallback == nullptr)
                list.box = list.box.Union(ScissorOf(data, cmd.ClipRect).Intersect(screen));
            else if (cmd.UserCallback != ImDrawCallback_ResetRenderState)
                anywhere = true;
        }
        list.box = anywhere ? screen : list.box.Intersect(VertexBox(data, from));
    }

    const Frame& shown = m_shown;
    auto same_list = [](const List& a, const List& b) {
        if (a.vertices.size() != b.vertices.size() || a.indices.size() != b.indices.size() ||
            a.commands.size() != b.commands.size())
            return false;
        for (size_t k = 0; k < a.commands.size(); ++k) {
            const Command &x = a.commands[k], &y = b.commands[k];
            if (!SameClip(x.clip, y.clip) || x.texture != y.texture || x.vtx_offset != y.vtx_offset ||
                x.idx_offset != y.idx_offset || x.elements != y.elements || x.callback != y.callback ||
                x.callback_data != y.callback_data)
                return false;
        }
        return std::memcmp(a.vertices.data(), b.vertices.data(), a.vertices.size() * sizeof(ImDrawVert)) == 0 &&
               std::memcmp(a.indices.data(), b.indices.data(), a.indices.size() * sizeof(ImDrawIdx)) == 0;
    };
    PixelBox region;
    if (everything || !m_any_shown || !SameClip(frame.clear, shown.clear) || frame.pos.x != shown.pos.x ||
        frame.pos.y != shown.pos.y || frame.size.x != shown.size.x || frame.size.y != shown.size.y ||
        frame.scale.x != shown.scale.x || frame.scale.y != shown.scale.y) {
        region = screen;
    } else {
        for (size_t n = 0; n < std::max(frame.count, shown.count); ++n) {
            if (n >= shown.count)
                region = region.Union(frame.lists[n].box);
            else if (n >= frame.count)
                region = region.Union(shown.lists[n].box);
            else if (!same_list(frame.lists[n], shown.lists[n]))
                region = region.Union(Changed(data, shown.lists[n], frame.lists[n]));
        }
    }
    std::swap(m_frame, m_shown);
    m_any_shown = true;
    return region;
}

}  // namespace chorus::shell
