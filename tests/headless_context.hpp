// ImGui on its null backend, for tests and benches: a context of 1280x800 at 60 frames a second with its font
// atlas built and no .ini file. No doctest here: the benchmark programs include it too.
//
//   chorus::test::CreateHeadlessContext();   // before an Explorer, whose settings handlers need the context
//   ...
//   ImGui::DestroyContext();
#pragma once

#include <imgui.h>

namespace chorus::test {

inline void CreateHeadlessContext() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

}  // namespace chorus::test
