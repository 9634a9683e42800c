// The explorer on ImGui's null backend, for tests: a context with a font atlas, the item registry (labels
// and rectangles, as the page's tests read them), frames, and a click by label.
//
//   chorus::test::Headless ui;           // before the Explorer, whose settings handlers need the context
//   Explorer explorer(session);
//   ui.Frame(explorer, 3);
//   ui.Click(explorer, "Settings");      // press and release over the item's centre, three frames
//   Load(session, "v1_mixed.jsonl");      // a fixture into the session, which then tells the explorer
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "explorer.hpp"
#include "headless_context.hpp"
#include "item_registry.hpp"
#include "session.hpp"
#include "test_support.hpp"

namespace chorus::test {

struct Headless {
    Headless() {
        CreateHeadlessContext();
        shell::ItemRegistry::Install(ImGui::GetCurrentContext());
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void Frame(shell::Explorer& explorer, int n = 1) {
        for (int i = 0; i < n; ++i)
            FrameOf([&] { explorer.Frame(); });
    }
    void Click(shell::Explorer& explorer, const std::string& label) {
        ClickOf([&] { explorer.Frame(); }, label);
    }

    // The same for any drawing (a panel alone): `draw` runs between NewFrame and Render.
    template <class Draw>
    void FrameOf(Draw&& draw) {
        ImGui::NewFrame();
        shell::ItemRegistry::NewFrame();
        draw();
        ImGui::Render();
    }
    template <class Draw>
    void ClickOf(Draw&& draw, const std::string& label) {
        const shell::ItemInfo* item = shell::ItemRegistry::Find(label);
        REQUIRE_MESSAGE(item != nullptr, "no item labelled " << label);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(item->x + item->w / 2, item->y + item->h / 2);
        FrameOf(draw);
        io.MouseDown[0] = true;
        FrameOf(draw);
        io.MouseDown[0] = false;
        FrameOf(draw);
    }
};

inline void Load(shell::Session& session, const std::string& fixture) {
    std::string error;
    REQUIRE_MESSAGE(core::LoadFile(session.ingest(), Fixture(fixture), error), error);
    session.Changed();
}

// Clicks that wait out ImGui's double-click time, so consecutive clicks stay single clicks; typing.
struct SpacedHeadless : Headless {
    void ClickAt(shell::Explorer& explorer, ImVec2 at, int button = 0) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        Frame(explorer);
        io.MouseDown[button] = true;
        Frame(explorer);
        io.MouseDown[button] = false;
        Frame(explorer, 2);  // the registry holds the items of the frame before
        // Far from the last click, so the next click is never a double-click.
        for (int i = 0; i < 30; ++i)
            Frame(explorer);
    }
    void Click(shell::Explorer& explorer, const std::string& label) {
        const shell::ItemInfo* item = shell::ItemRegistry::Find(label);
        REQUIRE_MESSAGE(item != nullptr, "no item labelled " << label);
        ClickAt(explorer, ImVec2(item->x + item->w / 2, item->y + item->h / 2));
    }
    void Type(shell::Explorer& explorer, const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        Frame(explorer, 2);
    }
};

// The demo dataset (assets/demo): a wave on 16 Oct 2017 and a second peak on 6 Dec 2017.
inline void LoadDemo(shell::Session& session) {
    Load(session, "../../assets/demo/metoo-demo.jsonl");
}

}  // namespace chorus::test
