// Saving the explorer's exports (shell::SaveRequest) as downloads: the bytes go to chorus.js, which
// joins them into a Blob and clicks an <a download> on a blob: URL. Nothing leaves the browser.
#pragma once

#include "explorer.hpp"

namespace chorus::web {

// Call right after the frame is rendered, before the browser presents it: a capture reads the
// pixels back from the WebGL drawing buffer, which the browser clears once it has shown the frame
// (the context keeps preserveDrawingBuffer off, so no frame pays for a copy).
void Save(shell::SaveRequest& request);

}  // namespace chorus::web
