#include "explorer.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "time_utc.hpp"
#include "visual_text.hpp"

namespace chorus::shell {
namespace {

constexpr size_t kTopRows = 20;

std::string Thousands(uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string Bytes(uint64_t n) {
    char buf[32];
    if (n >= (1ull << 30)) {
        std::snprintf(buf, sizeof buf, "%.2f GB", static_cast<double>(n) / (1 << 30));
    } else {
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1 << 20));
    }
    return buf;
}

// "2017-10-16 14:00" style label for a time, precise to what `step` needs.
std::string TimeLabel(core::UnixSeconds t, int64_t step) {
    std::string iso = core::FormatIsoUtc(t);  // yyyy-mm-ddThh:mm:ssZ
    if (step >= core::kDay) return iso.substr(0, 10);
    if (step >= core::kMinute) return iso.substr(5, 5) + " " + iso.substr(11, 5);
    return iso.substr(11, 8);
}

const char* StepName(int64_t step) {
    switch (step) {
        case 1: return "per second";
        case 5: return "per 5 seconds";
        case 10: return "per 10 seconds";
        case 30: return "per 30 seconds";
        case core::kMinute: return "per minute";
        case 5 * core::kMinute: return "per 5 minutes";
        case 15 * core::kMinute: return "per 15 minutes";
        case 30 * core::kMinute: return "per 30 minutes";
        case core::kHour: return "per hour";
        case core::kDay: return "per day";
        case core::kWeek: return "per week";
        default: return "per bin";
    }
}

// Bin width for a visible span: per day, per hour under 3 days, finer under 3 hours,
// per week when days would be thinner than 2 px.
int64_t StepForView(int64_t span, float width) {
    if (span < 3 * core::kHour) return std::min(core::StepForSpan(span, std::max(1.0f, width / 6)), core::kHour);
    if (span < 3 * core::kDay) return core::kHour;
    if (static_cast<double>(span) / core::kDay > width / 2) return core::kWeek;
    return core::kDay;
}

// Tick spacing for the time axis: at least `min_px` apart.
int64_t TickStep(double span, float width, float min_px) {
    static constexpr int64_t kTicks[] = {core::kMinute,    5 * core::kMinute, 15 * core::kMinute, 30 * core::kMinute,
                                         core::kHour,      3 * core::kHour,   6 * core::kHour,    12 * core::kHour,
                                         core::kDay,       2 * core::kDay,    core::kWeek,        4 * core::kWeek,
                                         13 * core::kWeek, 52 * core::kWeek};
    for (int64_t t : kTicks)
        if (static_cast<double>(t) / span * width >= min_px) return t;
    return 52 * core::kWeek;
}

// ImGui draws code points left to right, unshaped: the lists hold names as they are seen.
std::vector<core::TopItem> Visual(std::vector<core::TopItem> items) {
    for (core::TopItem& item : items)
        item.text = VisualText(item.text);
    return items;
}

}  // namespace

bool Explorer::TakeRequest(Request request) {
    uint32_t bit = 1u << static_cast<unsigned>(request);
    bool was = (m_requests & bit) != 0;
    m_requests &= ~bit;
    return was;
}

std::vector<std::string> Explorer::ListedTexts() const {
    std::vector<std::string> texts;
    for (const auto* list : {&m_top_hashtags, &m_top_mentions, &m_top_authors})
        for (const core::TopItem& item : *list)
            texts.push_back(item.text);
    return texts;
}

void Explorer::FitView() {
    m_view.view_start = m_view.view_end = 0;
    m_view.user_moved = false;
}

void Explorer::Refresh() {
    const core::Dataset& ds = m_session.dataset();
    if (m_generation != m_session.Generation()) {
        // During a load the numbers refresh while the posts stream in, but the refresh may take at most
        // about a tenth of the time: a big dataset refreshes less often instead of slowing the load.
        auto now = std::chrono::steady_clock::now();
        double since = std::chrono::duration<double>(now - m_refreshed_at).count();
        if (m_session.progress().active && since < std::max(0.1, 10 * m_refresh_seconds)) return;
        m_generation = m_session.Generation();
        m_summary = core::Summarize(ds);
        m_top_hashtags = Visual(core::TopCounts(ds, core::Field::Hashtag, kTopRows));
        m_top_mentions = Visual(core::TopCounts(ds, core::Field::Mention, kTopRows));
        m_top_authors = Visual(core::TopCounts(ds, core::Field::Author, kTopRows));
        m_bins_width = -1;  // force new bins
        if (!m_view.user_moved || m_summary.posts == 0) FitView();
        m_refreshed_at = std::chrono::steady_clock::now();
        m_refresh_seconds = std::chrono::duration<double>(m_refreshed_at - now).count();
    }
}

void Explorer::Frame() {
    Refresh();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("Chorus", nullptr, flags);
    ImGui::PopStyleVar();
    DrawToolbar();
    if (m_session.progress().active) DrawProgress();
    if (m_summary.posts == 0 && !m_session.progress().active) {
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Open a dump of posts (Twitter API v1.1 JSON lines, twarc2 JSON lines) with the buttons at the top "
            "right, or drop files anywhere on this page. The files are read here, in this tab: nothing is "
            "uploaded.");
    }
    if (m_summary.posts > 0 || !m_session.dataset().Files().empty()) {
        DrawSummary();
        DrawTimeline();
        float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
        ImGui::BeginChild("top-hashtags", ImVec2(w, 0), false);
        DrawTopTable("hashtags-table", "Top hashtags", m_top_hashtags);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("top-mentions", ImVec2(w, 0), false);
        DrawTopTable("mentions-table", "Top mentions", m_top_mentions);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("top-authors", ImVec2(0, 0), false);
        DrawTopTable("authors-table", "Top authors", m_top_authors);
        DrawImportReport();
        ImGui::EndChild();
    }
    ImGui::End();
}

void Explorer::DrawToolbar() {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Chorus");
    ImGui::SameLine();
    ImGui::TextDisabled("posts, counted in your browser");
    if (m_summary.posts > 0 || !m_session.dataset().Files().empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Clear")) m_requests |= 1u << static_cast<unsigned>(Request::ClearData);
    }
    ImGui::Separator();
}

void Explorer::DrawProgress() {
    const LoadProgress& p = m_session.progress();
    double mbps = p.seconds > 0 ? static_cast<double>(p.bytes_done) / (1 << 20) / p.seconds : 0;
    float fraction = p.bytes_total > 0
                         ? static_cast<float>(static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total))
                         : 0.0f;
    std::string left;
    if (p.bytes_total > p.bytes_done && mbps > 0) {
        double seconds = static_cast<double>(p.bytes_total - p.bytes_done) / (1 << 20) / mbps;
        char buf[48];
        std::snprintf(buf, sizeof buf, ", about %.0f s left", std::ceil(seconds));
        left = buf;
    }
    char overlay[256];
    std::snprintf(overlay, sizeof overlay, "%s of %s  |  %s posts  |  %.0f MB/s%s", Bytes(p.bytes_done).c_str(),
                  p.bytes_total ? Bytes(p.bytes_total).c_str() : "?", Thousands(m_session.dataset().Posts()).c_str(),
                  mbps, left.c_str());
    ImGui::Text("Reading %s (file %d of %d)", p.file_name.c_str(), p.file_index + 1, p.file_count);
    ImGui::ProgressBar(fraction, ImVec2(-90, 0), overlay);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) m_session.cancel_requested = true;
}

void Explorer::DrawSummary() {
    const core::Summary& s = m_summary;
    auto cell = [](const char* label, const std::string& value) {
        ImGui::BeginGroup();
        ImGui::TextDisabled("%s", label);
        ImGui::TextUnformatted(value.c_str());
        ImGui::EndGroup();
        ImGui::SameLine(0, 28);
    };
    cell("Posts", Thousands(s.posts));
    cell("Authors", Thousands(s.authors));
    cell("First (UTC)", s.first == core::kNoTime ? "-" : core::FormatIsoUtc(s.first));
    cell("Last (UTC)", s.last == core::kNoTime ? "-" : core::FormatIsoUtc(s.last));
    cell("Originals", Thousands(s.types[static_cast<size_t>(core::PostType::Original)]));
    cell("Retweets", Thousands(s.types[static_cast<size_t>(core::PostType::Retweet)]));
    cell("Quotes", Thousands(s.types[static_cast<size_t>(core::PostType::Quote)]));
    cell("Replies", Thousands(s.types[static_cast<size_t>(core::PostType::Reply)]));
    cell("Duplicates", Thousands(s.duplicates));
    cell("Skipped", Thousands(s.skipped));
    ImGui::NewLine();
    ImGui::Separator();
}

void Explorer::DrawTimeline() {
    const core::Summary& s = m_summary;
    ImGui::TextUnformatted("Posts over time (UTC)");
    if (s.first == core::kNoTime) {
        ImGui::TextDisabled("No post has a usable time.");
        return;
    }
    // The visible range; the fitted range is the data's span with a margin, at least a minute.
    double actual = static_cast<double>(s.last - s.first + 1);
    double data_span = std::max(60.0, actual * 1.04);
    double data_start = static_cast<double>(s.first) - (data_span - actual) / 2;  // the data in the middle
    double data_end = data_start + data_span;
    bool fit = m_view.view_start == 0 && m_view.view_end == 0;
    double vs = fit ? data_start : static_cast<double>(m_view.view_start);
    double ve = fit ? data_end : static_cast<double>(m_view.view_end);

    ImVec2 avail = ImGui::GetContentRegionAvail();
    float height = std::clamp(avail.y * 0.45f, 140.0f, 420.0f);
    float axis_h = ImGui::GetTextLineHeightWithSpacing() + 4;
    float left_w = ImGui::CalcTextSize("000000").x + 8;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size(avail.x, height);
    ImGui::InvisibleButton("Timeline", size, ImGuiButtonFlags_MouseButtonLeft);
    ImGui::SetItemUsingMouseWheel();
    ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), "Timeline", 0);  // a label for tests
    bool hovered = ImGui::IsItemHovered();
    bool active = ImGui::IsItemActive();
    ImRect plot(ImVec2(origin.x + left_w, origin.y + 4), ImVec2(origin.x + size.x - 4, origin.y + size.y - axis_h));
    float pw = std::max(1.0f, plot.GetWidth());
    const ImGuiIO& io = ImGui::GetIO();

    // Interaction: wheel zooms around the cursor, drag pans, double-click fits.
    double span = ve - vs;
    if (hovered && io.MouseWheel != 0) {
        double at = vs + (io.MousePos.x - plot.Min.x) / pw * span;
        double factor = std::pow(1.25, -static_cast<double>(io.MouseWheel));
        double new_span = std::clamp(span * factor, 30.0, (data_end - data_start) * 8 + core::kWeek);
        vs = at - (at - vs) * new_span / span;
        ve = vs + new_span;
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
        double shift = static_cast<double>(io.MouseDelta.x) / pw * (ve - vs);
        vs -= shift;
        ve -= shift;
    }
    bool moved = !fit && (vs != static_cast<double>(m_view.view_start) || ve != static_cast<double>(m_view.view_end));
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        vs = data_start;
        ve = data_end;
        moved = false;
    }
    m_view.user_moved = (m_view.user_moved || moved) && !(hovered && ImGui::IsMouseDoubleClicked(0));
    m_view.view_start = static_cast<core::UnixSeconds>(std::floor(vs));
    m_view.view_end = std::max(m_view.view_start + 30, static_cast<core::UnixSeconds>(std::ceil(ve)));
    vs = static_cast<double>(m_view.view_start);
    ve = static_cast<double>(m_view.view_end);
    span = ve - vs;

    // Bins: recomputed only when the view, the width or the data changed.
    if (m_bins_view_start != m_view.view_start || m_bins_view_end != m_view.view_end || m_bins_width != pw) {
        int64_t step = StepForView(m_view.view_end - m_view.view_start, pw);
        core::UnixSeconds start = core::FloorTo(m_view.view_start, step);
        auto count = static_cast<size_t>((m_view.view_end - start + step - 1) / step);
        m_bins = core::Histogram(m_session.dataset(), start, step, count);
        m_bins_view_start = m_view.view_start;
        m_bins_view_end = m_view.view_end;
        m_bins_width = pw;
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border);
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImU32 bar = IM_COL32(86, 156, 214, 255);
    ImU32 bar_hot = IM_COL32(255, 196, 87, 255);
    dl->AddRectFilled(plot.Min, plot.Max, ImGui::GetColorU32(ImGuiCol_FrameBg));
    dl->PushClipRect(ImVec2(origin.x, origin.y), ImVec2(origin.x + size.x, origin.y + size.y), true);

    uint64_t max_count = std::max<uint64_t>(1, m_bins.Max());
    auto x_of = [&](double t) { return plot.Min.x + static_cast<float>((t - vs) / span) * pw; };
    auto y_of = [&](double c) {
        return plot.Max.y - static_cast<float>(c / static_cast<double>(max_count)) * (plot.GetHeight() - 4);
    };
    // Horizontal grid with counts (half and full height; only whole, distinct counts).
    for (int i = max_count >= 2 ? 1 : 2; i <= 2; ++i) {
        double c = std::floor(static_cast<double>(max_count) * i / 2);
        float y = y_of(c);
        dl->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), grid);
        char label[32];
        std::snprintf(label, sizeof label, "%s", Thousands(static_cast<uint64_t>(std::llround(c))).c_str());
        dl->AddText(ImVec2(origin.x, y - ImGui::GetTextLineHeight() * 0.5f), dim, label);
    }
    // Bars; a bin narrower than a pixel still shows as one pixel.
    int hot = -1;
    for (size_t i = 0; i < m_bins.counts.size(); ++i) {
        double b0 = static_cast<double>(m_bins.start + static_cast<int64_t>(i) * m_bins.step);
        float x0 = x_of(b0), x1 = x_of(b0 + static_cast<double>(m_bins.step));
        if (x1 < plot.Min.x || x0 > plot.Max.x) continue;
        if (hovered && io.MousePos.x >= x0 && io.MousePos.x < x1) hot = static_cast<int>(i);
        if (m_bins.counts[i] == 0) continue;
        float gap = x1 - x0 > 4 ? 1.0f : 0.0f;
        dl->AddRectFilled(ImVec2(x0, y_of(static_cast<double>(m_bins.counts[i]))),
                          ImVec2(std::max(x0 + 1, x1 - gap), plot.Max.y), hot == static_cast<int>(i) ? bar_hot : bar);
    }
    // Time axis.
    float label_w = ImGui::CalcTextSize("2017-10-16 00:00").x + 16;
    int64_t tick = TickStep(span, pw, label_w);
    for (core::UnixSeconds t = core::FloorTo(m_view.view_start, tick); static_cast<double>(t) <= ve; t += tick) {
        float x = x_of(static_cast<double>(t));
        std::string label = TimeLabel(t, tick);
        if (x < plot.Min.x || x + ImGui::CalcTextSize(label.c_str()).x > plot.Max.x) continue;
        dl->AddLine(ImVec2(x, plot.Max.y), ImVec2(x, plot.Max.y + 4), grid);
        dl->AddText(ImVec2(x + 2, plot.Max.y + 4), dim, label.c_str());
    }
    dl->PopClipRect();
    char caption[96];
    std::snprintf(caption, sizeof caption, "%s  |  wheel: zoom, drag: pan, double-click: fit", StepName(m_bins.step));
    dl->AddText(ImVec2(plot.Max.x - ImGui::CalcTextSize(caption).x, origin.y - ImGui::GetTextLineHeightWithSpacing()),
                dim, caption);
    (void)text;

    if (hot >= 0 && !active) {
        core::UnixSeconds b0 = m_bins.start + static_cast<int64_t>(hot) * m_bins.step;
        ImGui::BeginTooltip();
        ImGui::Text("%s - %s UTC", core::FormatIsoUtc(b0).c_str(), core::FormatIsoUtc(b0 + m_bins.step).c_str());
        ImGui::Text("%s posts", Thousands(m_bins.counts[static_cast<size_t>(hot)]).c_str());
        ImGui::EndTooltip();
    }
}

void Explorer::DrawTopTable(const char* id, const char* title, const std::vector<core::TopItem>& items) {
    ImGui::TextUnformatted(title);
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, 3, flags)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(title + 4, ImGuiTableColumnFlags_WidthStretch);  // "Top hashtags" -> "hashtags"
    ImGui::TableSetupColumn("Posts", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    int rank = 0;
    for (const core::TopItem& item : items) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%d", ++rank);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(item.text.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(Thousands(item.count).c_str());
    }
    if (items.empty()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("none");
    }
    ImGui::EndTable();
    ImGui::Spacing();
}

void Explorer::DrawImportReport() {
    const auto& files = m_session.dataset().Files();
    if (!ImGui::CollapsingHeader("Import report", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const core::IngestReport& f : files) {
        ImGui::Text("%s  (%s)", f.name.c_str(), f.format.empty() ? "format not recognised" : f.format.c_str());
        ImGui::TextDisabled("%s records: %s posts, %s duplicates, %s skipped%s", Thousands(f.lines).c_str(),
                            Thousands(f.posts).c_str(), Thousands(f.duplicates).c_str(), Thousands(f.skipped).c_str(),
                            f.cancelled ? ", cancelled" : "");
        for (const auto& [problem, n] : f.counts)
            ImGui::BulletText("%s: %s", core::ProblemName(problem), Thousands(n).c_str());
        if (!f.problems.empty() && ImGui::TreeNode(&f, "First %zu problems", f.problems.size())) {
            for (const core::ProblemEntry& p : f.problems)
                ImGui::TextWrapped("line %llu: %s", static_cast<unsigned long long>(p.line), p.detail.c_str());
            ImGui::TreePop();
        }
    }
}

}  // namespace chorus::shell
