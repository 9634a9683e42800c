// What the explorer's benches share: their command line (pairs "--name value"), a snapshot opened with its
// error on stderr, and one timed frame on ImGui's null backend (create the context with
// test::CreateHeadlessContext first).
//
//   const bench::Flags flags(argc, argv);
//   const int frames = flags.Int("--frames", 120);
//   if (!bench::OpenSnapshot("timeline_bench", flags.Text("--open"), session.dataset())) return 1;
//   const double ms = bench::FrameMs(explorer);   // NewFrame + Explorer::Frame + Render
#pragma once

#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "explorer.hpp"
#include "snapshot.hpp"

namespace chorus::bench {

// The arguments after the program's name, read as pairs "--name value"; a name given twice takes its last value.
class Flags {
public:
    Flags(int argc, char** argv) : m_argc(argc), m_argv(argv) {}

    // The value after `name`, or nullptr when `name` is not given.
    const char* Find(const char* name) const {
        const char* value = nullptr;
        for (int i = 1; i + 1 < m_argc; i += 2)
            if (std::strcmp(m_argv[i], name) == 0) value = m_argv[i + 1];
        return value;
    }
    std::string Text(const char* name) const {
        const char* value = Find(name);
        return value != nullptr ? value : "";
    }
    int Int(const char* name, int fallback) const {
        const char* value = Find(name);
        return value != nullptr ? std::atoi(value) : fallback;
    }
    uint64_t Count(const char* name, uint64_t fallback) const {
        const char* value = Find(name);
        return value != nullptr ? std::strtoull(value, nullptr, 10) : fallback;
    }

private:
    int m_argc;
    char** m_argv;
};

// Loads the snapshot at `path` into `ds`; when it cannot, prints "program: why" on stderr and returns false.
inline bool OpenSnapshot(const char* program, const std::string& path, core::Dataset& ds) {
    const core::SnapshotStatus loaded = core::Snapshot::Load(path, ds);
    if (!loaded.ok()) std::fprintf(stderr, "%s: %s\n", program, loaded.message.c_str());
    return loaded.ok();
}

// One frame of the explorer, timed (ms): NewFrame + Explorer::Frame + Render.
inline double FrameMs(shell::Explorer& explorer) {
    const auto t0 = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    explorer.Frame();
    ImGui::Render();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Frames until the explorer has prepared and counted everything, at least three (the layout settles).
inline void FramesUntilReady(shell::Explorer& explorer) {
    for (int i = 0; i < 3 || explorer.Updating(); ++i)
        FrameMs(explorer);
}

}  // namespace chorus::bench
