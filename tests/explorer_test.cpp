// The explorer on ImGui's null backend: frames drawn with no window and no GPU.
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdlib>
#include <numeric>

#include "explorer.hpp"
#include "item_registry.hpp"
#include "test_support.hpp"

using chorus::shell::Explorer;
using chorus::shell::ItemRegistry;
using chorus::shell::Request;
using chorus::shell::Session;

namespace {

struct Headless {
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ItemRegistry::Install(ImGui::GetCurrentContext());
    }
    ~Headless() { ImGui::DestroyContext(); }
    void Frame(Explorer& explorer) {
        ImGui::NewFrame();
        ItemRegistry::NewFrame();
        explorer.Frame();
        ImGui::Render();
    }
    void Click(Explorer& explorer, const std::string& label) {
        const chorus::shell::ItemInfo* item = ItemRegistry::Find(label);
        REQUIRE_MESSAGE(item != nullptr, "no item labelled " << label);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(item->x + item->w / 2, item->y + item->h / 2);
        Frame(explorer);
        io.MouseDown[0] = true;
        Frame(explorer);
        io.MouseDown[0] = false;
        Frame(explorer);
    }
};

void Load(Session& session, const std::string& fixture) {
    std::string error;
    REQUIRE(chorus::core::LoadFile(session.ingest(), chorus::test::Fixture(fixture), error));
    session.Changed();
}

}  // namespace

TEST_CASE("explorer: an empty session has no timeline and no Clear button") {
    Headless ui;
    Session session;
    Explorer explorer(session);
    ui.Frame(explorer);
    ui.Frame(explorer);
    CHECK(ItemRegistry::Find("Timeline") == nullptr);
    CHECK(ItemRegistry::Find("Clear") == nullptr);
}

TEST_CASE("explorer: Clear asks the platform once per click") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer);
    ui.Frame(explorer);
    ui.Click(explorer, "Clear");
    CHECK(explorer.TakeRequest(Request::ClearData));
    CHECK_FALSE(explorer.TakeRequest(Request::ClearData));
}

TEST_CASE("explorer: new data re-fits the timeline unless the user zoomed") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer);
    auto first = explorer.view();
    Load(session, "v2_twarc2.jsonl");  // 2021: the fitted range must move there
    ui.Frame(explorer);
    CHECK(explorer.view().view_end > first.view_end + 365 * 86400);
}

TEST_CASE("explorer: the timeline bins hold every post with a time") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer);
    ui.Frame(explorer);
    const auto& bins = explorer.TimelineBins();
    uint64_t total = std::accumulate(bins.counts.begin(), bins.counts.end(), uint64_t{0});
    CHECK(total == 6);
    CHECK(bins.step == chorus::core::kHour);  // the posts span under 3 days
    REQUIRE(ItemRegistry::Find("Timeline") != nullptr);
    REQUIRE(ItemRegistry::Find("Clear") != nullptr);
}

TEST_CASE("explorer: the wheel zooms around the cursor, a drag pans, a double-click fits") {
    Headless ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    ui.Frame(explorer);
    ui.Frame(explorer);
    const chorus::shell::ItemInfo* timeline = ItemRegistry::Find("Timeline");
    REQUIRE(timeline != nullptr);
    auto fitted = explorer.view();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(timeline->x + timeline->w * 0.75f, timeline->y + timeline->h / 2);
    ui.Frame(explorer);
    io.MouseWheel = 2;
    ui.Frame(explorer);
    io.MouseWheel = 0;
    auto zoomed = explorer.view();
    CHECK(zoomed.view_end - zoomed.view_start < fitted.view_end - fitted.view_start);
    CHECK(zoomed.view_start > fitted.view_start);  // the cursor sat right of centre: the left edge moves most
    io.MouseDown[0] = true;
    ui.Frame(explorer);
    io.MousePos.x -= 100;
    ui.Frame(explorer);
    io.MouseDown[0] = false;
    ui.Frame(explorer);
    auto panned = explorer.view();
    CHECK(panned.view_start > zoomed.view_start);  // dragging left shows later times
    CHECK(std::llabs((panned.view_end - panned.view_start) - (zoomed.view_end - zoomed.view_start)) <= 120);
    for (int i = 0; i < 2; ++i) {
        io.MouseDown[0] = true;
        ui.Frame(explorer);
        io.MouseDown[0] = false;
        ui.Frame(explorer);
    }
    CHECK(explorer.view().view_start == fitted.view_start);
    CHECK(explorer.view().view_end == fitted.view_end);
}

TEST_CASE("explorer: the Cancel button asks the platform to stop the load") {
    Headless ui;
    Session session;
    Explorer explorer(session);
    session.progress() = {true, "big.jsonl", 0, 1, 1 << 20, 4 << 20, 0.5};
    ui.Frame(explorer);
    ui.Frame(explorer);
    ui.Click(explorer, "Cancel");
    CHECK(session.cancel_requested);
}
