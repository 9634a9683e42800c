// Marks above the timeline: peaks (click: what drove them, and a button that brushes the peak's
// bin) and the user's event labels (kept in imgui.ini). Marks closer than a few pixels fold into
// one marker with their count, as Tracy folds zones; clicking it zooms onto them.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "explorer.hpp"
#include "panel_common.hpp"
#include "time_utc.hpp"

namespace chorus::shell {
namespace {

constexpr const char* kEventsType = "ChorusEvents";
constexpr float kFoldPx = 10;  // marks nearer than this fold together

// imgui.ini: [ChorusEvents][Events] then one "Event=<unix seconds> <text>" line per label.
void* EventsReadOpen(ImGuiContext*, ImGuiSettingsHandler* handler, const char* name) {
    return std::string_view(name) == "Events" ? handler->UserData : nullptr;
}

void EventsReadLine(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
    if (!entry || std::strncmp(line, "Event=", 6) != 0) return;
    char* end = nullptr;
    long long t = std::strtoll(line + 6, &end, 10);
    if (end == line + 6 || *end != ' ' || end[1] == '\0') return;  // not a label we wrote: ignored
    auto& explorer = *static_cast<Explorer*>(entry);
    for (const TimelineEvent& e : explorer.Timeline().events)
        if (e.time == t && e.text == end + 1) return;  // the same settings read twice
    explorer.AddEvent(static_cast<core::UnixSeconds>(t), end + 1);
}

void EventsWriteAll(ImGuiContext*, ImGuiSettingsHandler* handler, ImGuiTextBuffer* out) {
    if (!handler->UserData) return;
    const auto& events = static_cast<Explorer*>(handler->UserData)->Timeline().events;
    out->appendf("[%s][Events]\n", kEventsType);
    for (const TimelineEvent& e : events)
        out->appendf("Event=%lld %s\n", static_cast<long long>(e.time), e.text.c_str());
    out->append("\n");
}

// A peak or an event, or several folded, as placed on the lane.
struct Mark {
    float x = 0;  // screen x: an event's time, the middle of a peak's bin
    int peak = -1, event = -1;
    core::UnixSeconds start = 0, end = 0;
};

// An event's time on the zone's clock: "2017-10-15T21:00:00Z UTC", "2017-10-15T17:00:00-04:00 America/New_York".
std::string EventTime(core::UnixSeconds t, const core::TimeZone& zone) {
    return (zone.IsUtc() ? core::FormatIsoUtc(t) : core::FormatIsoLocal(t, zone)) + " " + zone.Name();
}

}  // namespace

Explorer::Explorer(Session& session) : m_session(session) {
    // ImGui 1.86 has no AddSettingsHandler: the handler joins the context's list directly.
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || ImGui::FindSettingsHandler(kEventsType)) return;
    ImGuiSettingsHandler handler;
    handler.TypeName = kEventsType;
    handler.TypeHash = ImHashStr(kEventsType);
    handler.ReadOpenFn = EventsReadOpen;
    handler.ReadLineFn = EventsReadLine;
    handler.WriteAllFn = EventsWriteAll;
    handler.UserData = this;
    g->SettingsHandlers.push_back(handler);
}

Explorer::~Explorer() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return;
    for (int i = 0; i < g->SettingsHandlers.Size; ++i)
        if (g->SettingsHandlers[i].UserData == this) g->SettingsHandlers.erase(g->SettingsHandlers.Data + i--);
}

void Explorer::AddEvent(core::UnixSeconds time, std::string text) {
    auto& events = m_layers.events;
    auto at = std::upper_bound(events.begin(), events.end(), time,
                               [](core::UnixSeconds t, const TimelineEvent& e) { return t < e.time; });
    events.insert(at, TimelineEvent{time, std::move(text)});
    if (ImGui::GetCurrentContext()) ImGui::MarkIniSettingsDirty();
}

void Explorer::RemoveEvent(size_t i) {
    if (i >= m_layers.events.size()) return;
    m_layers.events.erase(m_layers.events.begin() + static_cast<std::ptrdiff_t>(i));
    ImGui::MarkIniSettingsDirty();
}

void Explorer::DrawMarkerLane(const TimelineGeometry& g) {
    const TimelineLayers& layers = m_layers;
    std::vector<Mark> marks;
    float left = g.x0, right = g.x0 + g.width;
    for (size_t i = 0; i < layers.peaks.peaks.size(); ++i) {
        const core::Peak& p = layers.peaks.peaks[i];
        float x = g.X((static_cast<double>(p.start) + static_cast<double>(p.end)) / 2);
        if (x >= left && x <= right) marks.push_back(Mark{x, static_cast<int>(i), -1, p.start, p.end});
    }
    for (size_t i = 0; i < layers.events.size(); ++i) {
        const TimelineEvent& e = layers.events[i];
        float x = g.X(static_cast<double>(e.time));
        if (x >= left && x <= right) marks.push_back(Mark{x, -1, static_cast<int>(i), e.time, e.time + 1});
    }
    std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.x < b.x; });

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = g.lane_height, font = ImGui::GetFontSize();
    const ImU32 peak_colour = OnTheme(IM_COL32(255, 120, 80, 255)),
                event_colour = OnTheme(IM_COL32(120, 220, 255, 255));
    const ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
    dl->PushClipRect(ImVec2(left - h, g.lane_top), ImVec2(right + h, g.plot_bottom), true);
    for (size_t i = 0; i < marks.size();) {
        // Fold every mark that starts within kFoldPx of this one.
        size_t j = i + 1;
        while (j < marks.size() && marks[j].x - marks[i].x < kFoldPx)
            ++j;
        const Mark& m = marks[i];
        float cx = m.x;
        ImVec2 button_min(cx - h / 2, g.lane_top), button_size(h, h);
        std::string id, label;
        if (j - i > 1) {
            core::UnixSeconds s = marks[i].start, e = marks[i].end;
            for (size_t k = i; k < j; ++k) {
                s = std::min(s, marks[k].start);
                e = std::max(e, marks[k].end);
            }
            std::string count = std::to_string(j - i);
            button_size.x = std::max(h, ImGui::CalcTextSize(count.c_str()).x + 6);
            button_min.x = cx - button_size.x / 2;
            dl->AddRectFilled(button_min, ImVec2(button_min.x + button_size.x, button_min.y + h),
                              IM_COL32(160, 160, 170, 220), 3);
            dl->AddText(ImVec2(button_min.x + 3, button_min.y + (h - font) / 2), IM_COL32(20, 20, 20, 255),
                        count.c_str());
            label = "Folded " + count + " marks " + core::FormatIsoUtc(s);
            id = "##fold" + std::to_string(i);
            ImGui::SetCursorScreenPos(button_min);
            if (ImGui::InvisibleButton(id.c_str(), button_size)) {
                // Zoom onto the folded marks, with a margin of a fifth on each side.
                int64_t span = std::max<int64_t>(60, e - s);
                m_view.view_start = s - span / 5;
                m_view.view_end = e + span / 5;
                m_view.user_moved = true;
            }
            ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), label.c_str(), 0);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%zu peaks and events close together: click to zoom in", j - i);
        } else if (m.peak >= 0) {
            const core::Peak& p = layers.peaks.peaks[static_cast<size_t>(m.peak)];
            ImVec2 a(cx - h * 0.4f, g.lane_top + h * 0.2f), b(cx + h * 0.4f, g.lane_top + h * 0.2f),
                c(cx, g.lane_top + h * 0.9f);
            bool open = layers.open_peak == m.peak;
            dl->AddTriangleFilled(a, b, c, open ? OnTheme(IM_COL32(255, 220, 120, 255)) : peak_colour);
            dl->AddLine(ImVec2(cx, g.plot_top), ImVec2(cx, g.plot_top + 6), peak_colour);
            label = "Peak " + core::FormatIsoUtc(p.start);
            id = "##peak" + std::to_string(m.peak);
            ImGui::SetCursorScreenPos(button_min);
            if (ImGui::InvisibleButton(id.c_str(), button_size)) {
                m_layers.open_peak = m.peak;
                ImGui::OpenPopup("Peak drivers");
            }
            ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), label.c_str(), 0);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Peak: %s posts from %s (usual %.1f)\nclick: what drove it",
                                  Thousands(p.count).c_str(), EventTime(p.start, m_session.time_zone()).c_str(),
                                  p.mean);
        } else {
            const TimelineEvent& e = layers.events[static_cast<size_t>(m.event)];
            for (float y = g.lane_top + h; y < g.plot_bottom; y += 6)  // dashed line down the plot
                dl->AddLine(ImVec2(cx, y), ImVec2(cx, std::min(y + 3, g.plot_bottom)), event_colour);
            dl->AddRectFilled(ImVec2(cx - 1, g.lane_top), ImVec2(cx + 1, g.lane_top + h), event_colour);
            // The text to the right of the flag, cut where the next mark begins.
            float room = (j < marks.size() ? marks[j].x : right) - cx - h;
            if (room > font) {
                dl->PushClipRect(ImVec2(cx, g.lane_top), ImVec2(cx + room + h / 2, g.lane_top + h), true);
                dl->AddText(ImVec2(cx + 4, g.lane_top + (h - font) / 2), text_colour, e.text.c_str());
                dl->PopClipRect();
            }
            float w = std::min(std::max(room, 0.0f) + h / 2, ImGui::CalcTextSize(e.text.c_str()).x + 6);
            button_min.x = cx - h / 4;
            button_size.x = std::max(h / 2, w);
            label = "Event " + e.text;
            id = "##event" + std::to_string(m.event);
            ImGui::SetCursorScreenPos(button_min);
            if (ImGui::InvisibleButton(id.c_str(), button_size)) {
                m_layers.open_event = m.event;
                ImGui::OpenPopup("Event label");
            }
            ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), label.c_str(), 0);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s\nclick: remove", e.text.c_str(),
                                  EventTime(e.time, m_session.time_zone()).c_str());
        }
        i = j;
    }
    dl->PopClipRect();
}

void Explorer::DrawTimelinePopups() {
    TimelineLayers& layers = m_layers;
    if (ImGui::BeginPopup("Peak list")) {
        int chosen = -1;
        for (size_t i = 0; i < layers.peaks.peaks.size(); ++i) {
            const core::Peak& p = layers.peaks.peaks[i];
            char row[128];
            std::snprintf(row, sizeof row, "%s  %s posts  z %.1f##peak list",
                          core::FormatIsoLocal(p.start, m_session.time_zone()).c_str(), Thousands(p.count).c_str(),
                          p.z);
            if (ImGui::Selectable(row)) chosen = static_cast<int>(i);
        }
        ImGui::EndPopup();
        if (chosen >= 0) {  // the Selectable closed the list
            layers.open_peak = chosen;
            ImGui::OpenPopup("Peak drivers");
        }
    }
    if (ImGui::BeginPopup("Peak drivers")) {
        if (layers.open_peak < 0 || static_cast<size_t>(layers.open_peak) >= layers.peaks.peaks.size()) {
            ImGui::CloseCurrentPopup();
        } else {
            const auto open = static_cast<size_t>(layers.open_peak);
            if (open < layers.peak_drivers.size() && !layers.peak_drivers[open]) {  // found on demand (rule 113)
                core::PeakDrivers(m_session.dataset(), m_query_order, layers.peaks, layers.peaks.peaks[open]);
                layers.peak_drivers[open] = true;
            }
            const core::Peak& p = layers.peaks.peaks[open];
            const core::TimeZone& zone = layers.peaks.options.zone;  // the zone the peaks were binned in
            ImGui::Text("Peak %s - %s %s (per %s)", core::FormatIsoLocal(p.start, zone).c_str(),
                        core::FormatIsoLocal(p.end, zone).c_str(), zone.Name().c_str(),
                        core::TimeBinName(layers.peaks.options.bin));
            ImGui::TextDisabled("%s posts; the %zu %ss before held %.1f on average (sd %.1f): z = %.1f",
                                Thousands(p.count).c_str(), layers.peaks.options.window,
                                core::TimeBinName(layers.peaks.options.bin), p.mean, p.stddev, p.z);
            if (ImGui::Button("Brush this peak")) {
                m_view.brushed = true;
                m_view.brush_start = p.start;
                m_view.brush_end = p.end;
                ImGui::CloseCurrentPopup();
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show only this bin's posts in the lists and the reader");
            ImGui::TextDisabled("What rose (share of the bin's posts, and in the bins before):");
            if (DrawDriverLists(p.hashtags, p.authors, p.domains)) ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    } else {
        layers.open_peak = -1;  // closed: no marker stays highlighted
    }
    DrawBinDrivers();
    if (ImGui::BeginPopup("Event label")) {
        if (layers.open_event < 0 || static_cast<size_t>(layers.open_event) >= layers.events.size()) {
            ImGui::CloseCurrentPopup();
        } else {
            const TimelineEvent& e = layers.events[static_cast<size_t>(layers.open_event)];
            ImGui::Text("%s", e.text.c_str());
            ImGui::TextDisabled("%s", EventTime(e.time, m_session.time_zone()).c_str());
            if (ImGui::Button("Remove event")) {
                RemoveEvent(static_cast<size_t>(layers.open_event));
                layers.open_event = -1;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }
    bool drivers = false;  // "What drove this bin": its popup opens once this one is closed
    if (ImGui::BeginPopup("Add event")) {
        if (layers.context_time != core::kNoTime) {
            drivers = ImGui::Button("What drove this bin");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("The hashtags, authors and domains whose share rose most in this bar (rule 105)");
            if (drivers) ImGui::CloseCurrentPopup();
            ImGui::Separator();
        }
        char time_buf[64], text_buf[160];
        std::snprintf(time_buf, sizeof time_buf, "%s", layers.event_time_input.c_str());
        std::snprintf(text_buf, sizeof text_buf, "%s", layers.event_text_input.c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        const core::TimeZone& zone = m_session.time_zone();
        const std::string time_label = "Time (" + zone.Name() + ")";  // "Time (UTC)"
        ImGui::InputText(time_label.c_str(), time_buf, sizeof time_buf);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        bool enter = ImGui::InputText("Label", text_buf, sizeof text_buf, ImGuiInputTextFlags_EnterReturnsTrue);
        layers.event_time_input = time_buf;
        layers.event_text_input = text_buf;
        if (ImGui::Button("Add this event") || enter) {
            std::string when = layers.event_time_input;
            core::UnixSeconds t = core::ParseIsoTime(when);
            if (t == core::kNoTime && when.size() == 10) {  // a date alone: its midnight on the zone's clock
                t = core::ParseIsoTime(when + "T00:00:00Z");
                if (t != core::kNoTime) t = zone.LocalToUtc(t);
            }
            if (t == core::kNoTime) {
                layers.event_message = "Not a time: write 2017-10-15 or 2017-10-15T21:00:00Z";
            } else if (layers.event_text_input.find_first_not_of(' ') == std::string::npos) {
                layers.event_message = "Write a label for the event";
            } else {
                AddEvent(t, layers.event_text_input);
                layers.event_message.clear();
                ImGui::CloseCurrentPopup();
            }
        }
        if (!layers.event_message.empty())
            ImGui::TextColored(ImVec4(1, 0.55f, 0.4f, 1), "%s", layers.event_message.c_str());
        ImGui::EndPopup();
    }
    if (drivers) OpenBinDrivers(layers.context_time);
}

}  // namespace chorus::shell
