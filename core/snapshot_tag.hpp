// Section tags of a snapshot (snapshot.hpp): four ASCII letters read as a little-endian u32.
// Internal to snapshot*.cpp.
#pragma once

#include <cstdint>

namespace chorus::core {

constexpr uint32_t Tag(const char (&name)[5]) {
    return static_cast<uint32_t>(static_cast<uint8_t>(name[0])) |
           static_cast<uint32_t>(static_cast<uint8_t>(name[1])) << 8 |
           static_cast<uint32_t>(static_cast<uint8_t>(name[2])) << 16 |
           static_cast<uint32_t>(static_cast<uint8_t>(name[3])) << 24;
}

}  // namespace chorus::core
