// The C++ side of the page's loader (the C functions themselves are in
// exports.cpp and listed in web/CMakeLists.txt).
#pragma once

namespace chorus::web {

// Keeps LoadProgress::seconds moving while a load waits on the disk.
void TickLoadClock();
// Empties the dataset; during a load, cancels it first and empties it when it ends.
void ClearData();
// A file of the current load read whole by other means (a snapshot, web/src/snapshot_load.cpp): the progress
// names it and counts it, as chorus_file_begin does.
void CountFile(const char* name);

}  // namespace chorus::web
