// ingest_bench: how fast the core turns a dump into posts (a program that prints numbers, not a test).
//
//   ingest_bench FILE [--slice BYTES]
// Prints one JSON line: bytes, seconds, MB/s, posts. Built natively and for node (NODERAWFS).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "ingest.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ingest_bench FILE [--slice BYTES]\n");
        return 2;
    }
    size_t slice = 8u << 20;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--slice") == 0) slice = static_cast<size_t>(std::strtoull(argv[i + 1], nullptr, 10));
    FILE* f = std::fopen(argv[1], "rb");
    if (!f) {
        std::fprintf(stderr, "ingest_bench: cannot open %s\n", argv[1]);
        return 1;
    }
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    std::vector<char> buffer(slice + chorus::core::Ingest::kPadding, ' ');
    uint64_t bytes = 0;
    double read_seconds = 0;
    auto start = std::chrono::steady_clock::now();
    ingest.BeginFile(argv[1]);
    for (;;) {
        auto r0 = std::chrono::steady_clock::now();
        size_t n = std::fread(buffer.data(), 1, slice, f);
        read_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count();
        if (n == 0) break;
        bytes += n;
        ingest.Feed(buffer.data(), n);
    }
    ingest.EndFile();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fclose(f);
    double mb = static_cast<double>(bytes) / 1e6;
    std::printf(
        "{\"bytes\": %llu, \"seconds\": %.3f, \"read_seconds\": %.3f, \"MBps\": %.1f, \"parse_MBps\": %.1f, "
        "\"posts\": %zu, \"skipped\": %llu}\n",
        static_cast<unsigned long long>(bytes), seconds, read_seconds, mb / seconds, mb / (seconds - read_seconds),
        dataset.Posts(), static_cast<unsigned long long>(dataset.Skipped()));
    return 0;
}
