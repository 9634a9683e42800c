// What the explorer asks of the page outside its canvas: a link opened in a new tab (only ever
// after the user clicked it), and the HTML element that shows a right-to-left post over the
// reader, shaped by the browser (web/page_input.js draws both).
//
//   if (auto url = explorer.TakeLinkToOpen()) OpenInNewTab(*url);
//   ShowPostOverlay(explorer.PostOverlayShown());   // each frame, after ImGui::Render()
#pragma once

#include <optional>
#include <string>

#include "explorer.hpp"

namespace chorus::web {

void OpenInNewTab(const std::string& url);
void ShowPostOverlay(const std::optional<shell::PostOverlay>& overlay);

}  // namespace chorus::web
