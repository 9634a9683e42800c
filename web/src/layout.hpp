// Layout: ImGui's .ini text (panel sizes, table columns, the explorer's settings, timeline event
// labels: whatever the context's settings handlers write) kept in this browser's localStorage
// under "chorus.layout". Nothing of it leaves the page.
//
//   LoadLayout();            // once, after every settings handler is installed, before the first frame
//   ... ImGui::Render();
//   SaveLayoutIfWanted();    // each frame: writes when ImGui says the settings changed
//   ForgetLayout();          // "Reset layout"
#pragma once

namespace chorus::web {

void LoadLayout();
void SaveLayoutIfWanted();
void ForgetLayout();

}  // namespace chorus::web
