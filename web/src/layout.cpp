#include "layout.hpp"

#include <emscripten/em_asm.h>

#include <cstdint>
#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>

namespace chorus::web {

void LoadLayout() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // ImGui writes no file: the text goes to localStorage
    io.IniSavingRate = 0.5f;   // seconds after a change (ImGui's 5 s would lose changes made just before leaving)
    // clang-format off
    const int address = EM_ASM_INT({
        let text = "";
        try { text = localStorage.getItem('chorus.layout') || ""; } catch (e) { /* storage disabled */ }
        const size = lengthBytesUTF8(text) + 1;
        const pointer = _malloc(size);
        if (pointer) stringToUTF8(text, pointer, size);
        return pointer;
    });
    // clang-format on
    auto* text = reinterpret_cast<char*>(static_cast<uintptr_t>(address));
    if (!text) return;
    if (*text) ImGui::LoadIniSettingsFromMemory(text);
    std::free(text);
}

void SaveLayoutIfWanted() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.WantSaveIniSettings) return;
    io.WantSaveIniSettings = false;
    size_t size = 0;
    const char* text = ImGui::SaveIniSettingsToMemory(&size);
    // clang-format off
    EM_ASM({
        try { localStorage.setItem('chorus.layout', UTF8ToString($0, $1)); } catch (e) { /* full or disabled */ }
    }, text, size);
    // clang-format on
}

void ForgetLayout() {
    ImGui::ClearIniSettings();
    // clang-format off
    EM_ASM({ try { localStorage.removeItem('chorus.layout'); } catch (e) { /* storage disabled */ } });
    // clang-format on
}

}  // namespace chorus::web
