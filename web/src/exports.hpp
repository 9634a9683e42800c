// The C++ side of the page's loader (the C functions themselves are in
// exports.cpp and listed in web/CMakeLists.txt).
#pragma once

namespace chorus::web {

// Keeps LoadProgress::seconds moving while a load waits on the disk.
void TickLoadClock();
// Empties the dataset; during a load, cancels it first and empties it when it ends.
void ClearData();

}  // namespace chorus::web
