#include "input.hpp"

#include <emscripten/em_asm.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#include <imgui.h>

namespace chorus::web {
namespace {

// DOM KeyboardEvent.keyCode values of the keys ImGui 1.86 asks for in io.KeyMap.
enum DomKey : int {
    kDomBackspace = 8,
    kDomTab = 9,
    kDomEnter = 13,
    kDomEscape = 27,
    kDomSpace = 32,
    kDomPageUp = 33,
    kDomPageDown = 34,
    kDomEnd = 35,
    kDomHome = 36,
    kDomLeft = 37,
    kDomUp = 38,
    kDomRight = 39,
    kDomDown = 40,
    kDomInsert = 45,
    kDomDelete = 46,
    kDomA = 65,
    kDomC = 67,
    kDomV = 86,
    kDomX = 88,
    kDomY = 89,
    kDomZ = 90,
};

// Mouse events wait in a queue and each frame takes at most one press or release, so a click, or a
// double-click, that happens between two frames still reaches ImGui (1.86 has no input queue). A press or a
// release ends the frame's events, and a release waits for a frame of its own after moves: a drag that
// happens between two frames reaches ImGui as a press where it began, the moves, then the release (pressed
// and moved in one frame, ImGui would take the press where the pointer ended).
struct MouseEvent {
    int button;  // -1: a move
    bool down;
    ImVec2 pos;
};

// Keys likewise: a press and its release in one frame reach ImGui in two frames, except keys that type a
// character (no Ctrl, Alt or Meta; not the space bar): ImGui and the panels read those as the characters,
// never as key states, so a word typed between two frames reaches the field in one (at 30 frames a second a
// character a frame lagged behind a typist). Text committed in the hidden textarea (web/page_input.js) joins
// the same queue, between the keys around it.
struct KeyEvent {
    int code;  // DOM keyCode, or 0 for a modifier-only change or text alone
    bool down;
    bool ctrl, shift, alt, meta;
    std::string text;        // the text this event types ("" when none)
    bool text_only = false;  // committed text: the modifiers stay as they are
    bool types = false;      // the press or release of a key that types a character
};

struct InputState {
    std::deque<MouseEvent> mouse;  // not yet given to ImGui
    std::deque<KeyEvent> keys;     // not yet given to ImGui
    bool held[3] = {};             // down now, as the browser last said
    bool down[3] = {};             // down as ImGui was last told
    ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
    // The text field's caret (ImGui's IME position) and what the page was last told of it.
    ImVec2 caret = ImVec2(0, 0);
    bool told_want = false;
    ImVec2 told_caret = ImVec2(-1, -1);
};

InputState& State() {
    static InputState state;
    return state;
}

// DOM buttons are 0 left, 1 middle, 2 right; ImGui's are 0 left, 1 right, 2 middle.
int ImGuiButton(unsigned short dom_button) {
    switch (dom_button) {
        case 0: return 0;
        case 1: return 2;
        case 2: return 1;
        default: return -1;
    }
}

bool AnyButtonHeld() {
    const InputState& s = State();
    return s.held[0] || s.held[1] || s.held[2];
}

void SetModifiers(bool ctrl, bool shift, bool alt, bool meta) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeySuper = meta;
}

EM_BOOL OnMouseMove(int, const EmscriptenMouseEvent* e, void*) {
    State().mouse.push_back({-1, false, ImVec2(static_cast<float>(e->clientX), static_cast<float>(e->clientY))});
    return EM_FALSE;
}

EM_BOOL OnMouseButton(int type, const EmscriptenMouseEvent* e, void*) {
    SetModifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    const int button = ImGuiButton(e->button);
    if (button < 0) return EM_FALSE;
    InputState& s = State();
    const bool down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    s.held[button] = down;
    s.mouse.push_back({button, down, ImVec2(static_cast<float>(e->clientX), static_cast<float>(e->clientY))});
    return EM_FALSE;  // let the canvas take focus
}

// The canvas fills the window, so leaving it means leaving the page or moving
// over the toolbar: either way ImGui should stop showing hover.
EM_BOOL OnMouseLeave(int, const EmscriptenMouseEvent*, void*) {
    if (!AnyButtonHeld()) State().mouse.push_back({-1, false, ImVec2(-FLT_MAX, -FLT_MAX)});
    return EM_FALSE;
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void*) {
    // deltaMode: 0 pixels (about 100 per notch), 1 lines (3 per notch), 2 pages.
    double scale = 1.0 / 100.0;
    if (e->deltaMode == DOM_DELTA_LINE) scale = 1.0 / 3.0;
    if (e->deltaMode == DOM_DELTA_PAGE) scale = 1.0;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel += static_cast<float>(-e->deltaY * scale);
    io.MouseWheelH += static_cast<float>(-e->deltaX * scale);
    State().mouse.push_back(
        {-1, false, ImVec2(static_cast<float>(e->mouse.clientX), static_cast<float>(e->mouse.clientY))});
    // Ctrl+wheel stays the browser's zoom (the display follows the device pixel ratio).
    return e->mouse.ctrlKey ? EM_FALSE : EM_TRUE;
}

// Keys belong to ImGui only while the canvas (or nothing) or the hidden text field has focus.
enum class Focus : int { Elsewhere = 0, Canvas = 1, TextField = 2 };

Focus KeyboardFocus() {
    // clang-format off
    return static_cast<Focus>(EM_ASM_INT({
        const active = document.activeElement;
        if (!active || active === document.body || active.id === 'canvas') return 1;
        return active.id === 'text-input' ? 2 : 0;
    }));
    // clang-format on
}

// True when `key` is one typed character (one UTF-8 code point), false when it
// names a key ("Enter", "Dead", "ArrowLeft").
bool IsOneCodePoint(const char* key) {
    const size_t length = std::strlen(key);
    if (length == 0) return false;
    const auto lead = static_cast<unsigned char>(key[0]);
    size_t expected = 1;
    if (lead >= 0xF0)
        expected = 4;
    else if (lead >= 0xE0)
        expected = 3;
    else if (lead >= 0xC0)
        expected = 2;
    return length == expected;
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const auto code = static_cast<int>(e->keyCode);
    const Focus focus = KeyboardFocus();
    if (down && focus == Focus::Elsewhere) return EM_FALSE;
    // In the text field a composition (keyCode 229, "Process") and a dead key are the browser's:
    // the text they make arrives through the field, and ImGui must not see the keys.
    const bool in_field = focus == Focus::TextField;
    if (in_field && (code == 229 || std::strcmp(e->key, "Process") == 0 || std::strcmp(e->key, "Dead") == 0))
        return EM_FALSE;

    KeyEvent event{code, down, e->ctrlKey != 0, e->shiftKey != 0, e->altKey != 0, e->metaKey != 0, {}};
    // AltGr arrives as Ctrl+Alt on Windows and types text ("@" on a German keyboard).
    const bool alt_gr = e->ctrlKey && e->altKey;
    const bool shortcut = (e->ctrlKey || e->metaKey) && !alt_gr;
    const bool types_text = down && !shortcut && IsOneCodePoint(e->key);
    // On the canvas the key's character is the text; in the text field the field's input event brings it.
    if (types_text && !in_field) event.text = e->key;
    event.types = !shortcut && !e->altKey && code != kDomSpace && IsOneCodePoint(e->key);
    State().keys.push_back(std::move(event));
    if (types_text && in_field) return EM_FALSE;  // the field types it
    if (!down || !io.WantCaptureKeyboard) return EM_FALSE;
    // Copy, cut and paste keep their default so the browser fires its clipboard events.
    if (shortcut) return code == kDomA || code == kDomZ || code == kDomY;
    return EM_TRUE;
}

void ReleaseAll() {
    ImGuiIO& io = ImGui::GetIO();
    io.ClearInputKeys();
    io.ClearInputCharacters();
    SetModifiers(false, false, false, false);
    InputState& s = State();
    s.keys.clear();
    for (int i = 0; i < 3; ++i) {
        if (s.held[i]) s.mouse.push_back({i, false, io.MousePos});
        s.held[i] = false;
    }
}

EM_BOOL OnBlur(int, const EmscriptenFocusEvent*, void*) {
    ReleaseAll();
    ImGui::GetIO().AddFocusEvent(false);
    return EM_FALSE;
}

EM_BOOL OnFocus(int, const EmscriptenFocusEvent*, void*) {
    ReleaseAll();
    ImGui::GetIO().AddFocusEvent(true);
    return EM_FALSE;
}

void SetClipboardText(void*, const char* text) {
    // clang-format off
    EM_ASM({
        const text = UTF8ToString($0);
        if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    }, text);
    // clang-format on
}

// Pasting arrives as a DOM paste event (see PasteText), never through Ctrl+V.
const char* GetClipboardText(void*) {
    return "";
}

void SetCaret(int x, int y) {
    State().caret = ImVec2(static_cast<float>(x), static_cast<float>(y));
}

const char* CssCursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

}  // namespace

void InstallInput(const char* canvas_selector) {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "chorus_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = SetClipboardText;
    io.GetClipboardTextFn = GetClipboardText;
    io.ImeSetInputScreenPosFn = SetCaret;
    // clang-format off
    EM_ASM({ if (window.chorusPageInput) window.chorusPageInput.attach(Module); });
    // clang-format on
    // clang-format off
    io.ConfigMacOSXBehaviors = EM_ASM_INT({ return /Mac|iPhone|iPad/.test(navigator.platform) ? 1 : 0; }) != 0;
    // clang-format on

    io.KeyMap[ImGuiKey_Tab] = kDomTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kDomLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kDomRight;
    io.KeyMap[ImGuiKey_UpArrow] = kDomUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDomDown;
    io.KeyMap[ImGuiKey_PageUp] = kDomPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kDomPageDown;
    io.KeyMap[ImGuiKey_Home] = kDomHome;
    io.KeyMap[ImGuiKey_End] = kDomEnd;
    io.KeyMap[ImGuiKey_Insert] = kDomInsert;
    io.KeyMap[ImGuiKey_Delete] = kDomDelete;
    io.KeyMap[ImGuiKey_Backspace] = kDomBackspace;
    io.KeyMap[ImGuiKey_Space] = kDomSpace;
    io.KeyMap[ImGuiKey_Enter] = kDomEnter;
    io.KeyMap[ImGuiKey_Escape] = kDomEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kDomEnter;  // the DOM gives both Enter keys one keyCode
    io.KeyMap[ImGuiKey_A] = kDomA;
    io.KeyMap[ImGuiKey_C] = kDomC;
    io.KeyMap[ImGuiKey_V] = kDomV;
    io.KeyMap[ImGuiKey_X] = kDomX;
    io.KeyMap[ImGuiKey_Y] = kDomY;
    io.KeyMap[ImGuiKey_Z] = kDomZ;

    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_mousemove_callback(window, nullptr, EM_FALSE, OnMouseMove);
    emscripten_set_mousedown_callback(window, nullptr, EM_FALSE, OnMouseButton);
    emscripten_set_mouseup_callback(window, nullptr, EM_FALSE, OnMouseButton);
    emscripten_set_mouseleave_callback(canvas_selector, nullptr, EM_FALSE, OnMouseLeave);
    emscripten_set_wheel_callback(canvas_selector, nullptr, EM_FALSE, OnWheel);
    emscripten_set_keydown_callback(window, nullptr, EM_FALSE, OnKey);
    emscripten_set_keyup_callback(window, nullptr, EM_FALSE, OnKey);
    emscripten_set_blur_callback(window, nullptr, EM_FALSE, OnBlur);
    emscripten_set_focus_callback(window, nullptr, EM_FALSE, OnFocus);
}

void InputNewFrame() {
    ImGuiIO& io = ImGui::GetIO();
    InputState& s = State();
    bool moved = false;  // this frame took a move to another place
    while (!s.mouse.empty()) {
        const MouseEvent& e = s.mouse.front();
        if (e.button >= 0) {
            const bool here = !moved || (e.pos.x == io.MousePos.x && e.pos.y == io.MousePos.y);
            if (!(e.down ? here : !moved)) break;  // waits for the next frame
            s.down[e.button] = e.down;
            io.MousePos = e.pos;
            s.mouse.pop_front();
            break;  // what follows a press or a release waits for the next frame
        }
        moved = moved || e.pos.x != io.MousePos.x || e.pos.y != io.MousePos.y;
        io.MousePos = e.pos;
        s.mouse.pop_front();
    }
    for (int i = 0; i < 3; ++i)
        io.MouseDown[i] = s.down[i];

    // At most one change per key per frame, in the order they happened; keys that type a character go
    // together. Text and other keys (Backspace, Enter, arrows) never share a frame: ImGui reads a frame's
    // characters and its key presses apart, so "ab", Backspace, "c" in one frame could edit in another order.
    std::vector<int> changed_keys;
    bool typed = false, pressed = false;  // this frame took text / a key that types none
    while (!s.keys.empty()) {
        const KeyEvent& e = s.keys.front();
        const bool in_range = e.code > 0 && e.code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown));
        const bool text = e.types || !e.text.empty();
        const bool key = in_range && !e.types;
        if ((key && typed) || (text && pressed)) break;
        if (key) {
            if (std::find(changed_keys.begin(), changed_keys.end(), e.code) != changed_keys.end()) break;
            changed_keys.push_back(e.code);
            pressed = true;
        }
        if (in_range) io.KeysDown[e.code] = e.down;
        if (!e.text_only) SetModifiers(e.ctrl, e.shift, e.alt, e.meta);
        if (!e.text.empty()) io.AddInputCharactersUTF8(e.text.c_str());
        typed = typed || text;
        s.keys.pop_front();
    }
}

void UpdateTextField() {
    const ImGuiIO& io = ImGui::GetIO();
    InputState& s = State();
    const bool want = io.WantTextInput;
    if (want == s.told_want && (!want || (s.caret.x == s.told_caret.x && s.caret.y == s.told_caret.y))) return;
    s.told_want = want;
    s.told_caret = s.caret;
    // clang-format off
    EM_ASM({
        if (window.chorusPageInput) window.chorusPageInput.textInput($0 !== 0, $1, $2, $3);
    }, want ? 1 : 0, s.caret.x, s.caret.y, ImGui::GetFontSize());
    // clang-format on
}

void TypeText(const char* utf8) {
    if (!utf8 || !*utf8) return;
    KeyEvent event{0, false, false, false, false, false, utf8, true};
    State().keys.push_back(std::move(event));
}

void UpdateCursor() {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiMouseCursor cursor = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    InputState& s = State();
    if (cursor == s.cursor) return;
    s.cursor = cursor;
    // clang-format off
    EM_ASM({ document.getElementById('canvas').style.cursor = UTF8ToString($0); }, CssCursor(cursor));
    // clang-format on
}

void PasteText(const char* utf8) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput && utf8) io.AddInputCharactersUTF8(utf8);
}

}  // namespace chorus::web

// Text committed in the page's hidden text field (web/page_input.js).
extern "C" EMSCRIPTEN_KEEPALIVE void chorus_text_input(const char* utf8) {
    chorus::web::TypeText(utf8);
}
