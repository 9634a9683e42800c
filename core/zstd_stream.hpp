// ZstdStream: decodes a zstd file fed in slices of any size (COUNTING.md, rule 39), every frame in
// it, with a window of at most 2^kZstdWindowLog bytes. Ingest puts one in front of its parser when a
// file starts with the zstd magic (28 b5 2f fd), so the CLI and the page both hand it raw bytes.
// Natively it runs on Debian's libzstd; in the browser on zstd's decoder built from Debian's source
// (lib/common + lib/decompress, no assembly, one thread: CMakeLists.txt, ZSTD_DIR).
//
//   chorus::core::ZstdStream zstd;
//   zstd.Feed(data, n, [&](const char* text, size_t size) { ... });  // text[size .. + 64) readable
//   std::string problem = zstd.Finish();  // "" when every frame ended
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace chorus::core {

class ZstdStream {
public:
    using Sink = std::function<void(const char* text, size_t size)>;
    ZstdStream();
    ~ZstdStream();
    ZstdStream(const ZstdStream&) = delete;
    ZstdStream& operator=(const ZstdStream&) = delete;

    // Decodes `size` bytes into `sink` (in pieces of up to 1 MiB, each followed by 64 readable bytes).
    // Returns false once the stream is damaged or needs too large a window: Problem() says why, and
    // the rest is ignored (what was decoded before stays with the sink).
    bool Feed(const void* data, size_t size, const Sink& sink);
    // After the last Feed: "" when the last frame ended, else the problem (also the earlier one).
    std::string Finish();

    const std::string& Problem() const { return m_problem; }
    uint64_t Produced() const { return m_produced; }

private:
    void* m_context = nullptr;  // ZSTD_DCtx
    std::vector<char> m_out;
    uint64_t m_produced = 0;
    size_t m_pending = 0;  // 0 when the last frame is complete
    bool m_started = false;
    std::string m_problem;
};

}  // namespace chorus::core
