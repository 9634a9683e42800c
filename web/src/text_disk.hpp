// Memory the page may use (web/src/text_disk.cpp; COUNTING.md, rules 84 and 86).
#pragma once

#include <cstdint>

namespace chorus::web {

uint64_t MemoryLimit();      // the browser's maximum, or less when a test set chorus.memoryLimit
uint64_t MemoryInUse();      // bytes malloc has handed out
bool TextOnDiskForced();     // a test asked for text on disk whatever the budget (chorus.textOnDisk)
void StartDumpTextBudget();  // a load begins: plain dumps' text stays in memory until its budget (text_dump.cpp)

}  // namespace chorus::web
