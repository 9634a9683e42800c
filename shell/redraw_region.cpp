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

// The pixels a list's triangles may cover (a window's background is clipped to the whole screen, its
// vertices are not): the box around its vertices, a pixel wider on each side.
PixelBox VertexBox(const ImDrawData& data, const ImDrawList& list) {
    if (list.VtxBuffer.Size == 0) return {};
    ImVec2 lo = list.VtxBuffer[0].pos, hi = lo;
    for (const ImDrawVert& vertex : list.VtxBuffer) {
        lo = ImVec2(std::min(lo.x, vertex.pos.x), std::min(lo.y, vertex.pos.y));
        hi = ImVec2(std::max(hi.x, vertex.pos.x), std::max(hi.y, vertex.pos.y));
    }
    const auto fb_height = static_cast<float>(FramebufferBox(data).y1);
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    return {Truncate(std::floor((lo.x - off.x) * scale.x)) - 1,
            Truncate(std::floor(fb_height - (hi.y - off.y) * scale.y)) - 1,
            Truncate(std::ceil((hi.x - off.x) * scale.x)) + 1,
            Truncate(std::ceil(fb_height - (lo.y - off.y) * scale.y)) + 1};
}

template <typename T>
void Append(std::vector<unsigned char>& bytes, const T* items, size_t count) {
    const auto* p = reinterpret_cast<const unsigned char*>(items);
    bytes.insert(bytes.end(), p, p + count * sizeof(T));
}

template <typename T>
void Append(std::vector<unsigned char>& bytes, const T& item) {
    Append(bytes, &item, 1);
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

PixelBox RedrawRegion::Update(const ImDrawData& data, const ImVec4& clear_colour, bool everything) {
    Frame& frame = m_frame;
    frame.bytes.clear();
    frame.lists.clear();
    Append(frame.bytes, clear_colour);
    Append(frame.bytes, data.DisplayPos);
    Append(frame.bytes, data.DisplaySize);
    Append(frame.bytes, data.FramebufferScale);
    frame.header = frame.bytes.size();

    const PixelBox screen = FramebufferBox(data);
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        List shot{.begin = frame.bytes.size(), .end = 0, .box = {}};
        for (int size : {list.VtxBuffer.Size, list.IdxBuffer.Size, list.CmdBuffer.Size})
            Append(frame.bytes, size);
        Append(frame.bytes, list.VtxBuffer.Data, static_cast<size_t>(list.VtxBuffer.Size));
        Append(frame.bytes, list.IdxBuffer.Data, static_cast<size_t>(list.IdxBuffer.Size));
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            Append(frame.bytes, cmd.ClipRect);
            Append(frame.bytes, cmd.TextureId);
            Append(frame.bytes, cmd.VtxOffset);
            Append(frame.bytes, cmd.IdxOffset);
            Append(frame.bytes, cmd.ElemCount);
            Append(frame.bytes, cmd.UserCallback);
            Append(frame.bytes, cmd.UserCallbackData);
            if (cmd.UserCallback == nullptr)
                shot.box = shot.box.Union(ScissorOf(data, cmd.ClipRect).Intersect(screen));
            else if (cmd.UserCallback != ImDrawCallback_ResetRenderState)
                shot.box = screen;  // a callback may draw anywhere
        }
        shot.end = frame.bytes.size();
        shot.box = shot.box.Intersect(VertexBox(data, list));
        frame.lists.push_back(shot);
    }

    const Frame& shown = m_shown;
    auto same = [&](size_t a_begin, size_t a_end, size_t b_begin, size_t b_end) {
        return a_end - a_begin == b_end - b_begin &&
               std::memcmp(frame.bytes.data() + a_begin, shown.bytes.data() + b_begin, a_end - a_begin) == 0;
    };
    PixelBox region;
    if (everything || !m_any_shown || !same(0, frame.header, 0, shown.header)) {
        region = screen;
    } else {
        const size_t lists = std::max(frame.lists.size(), shown.lists.size());
        for (size_t n = 0; n < lists; ++n) {
            if (n >= shown.lists.size()) {
                region = region.Union(frame.lists[n].box);
            } else if (n >= frame.lists.size()) {
                region = region.Union(shown.lists[n].box);
            } else {
                const List& now = frame.lists[n];
                const List& then = shown.lists[n];
                if (!same(now.begin, now.end, then.begin, then.end)) region = region.Union(now.box).Union(then.box);
            }
        }
    }
    std::swap(m_frame, m_shown);
    m_any_shown = true;
    return region;
}

}  // namespace chorus::shell
