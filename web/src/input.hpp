// Input: the browser's mouse, wheel, keyboard, focus and clipboard, fed to ImGui.
//
// Mouse moves and buttons are read on the window, so a drag that leaves the
// canvas keeps going; the wheel is read on the canvas. Keys reach ImGui only
// while the canvas (or nothing) has focus, so the page's own buttons keep
// working, and the browser's default action is prevented only when ImGui
// wants the keyboard.
//
//   InstallInput("#canvas");   // once, after ImGui::CreateContext()
//   InputNewFrame();           // before ImGui::NewFrame()
//   ... ImGui::Render();
//   UpdateCursor();            // shows ImGui's cursor on the canvas
#pragma once

namespace chorus::web {

void InstallInput(const char* canvas_selector);
void InputNewFrame();
void UpdateCursor();
// After ImGui::Render(): while an ImGui text field is active the page's hidden textarea has the
// focus, at the caret, and takes typed, composed and picked text (web/page_input.js).
void UpdateTextField();
// Text committed in that textarea: typed into the active field, in order with the keys.
void TypeText(const char* utf8);
// Text of a paste event (the page listens for it): typed into the active field.
void PasteText(const char* utf8);

}  // namespace chorus::web
