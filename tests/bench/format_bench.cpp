// format_bench: ingest rate per file as the CLI reads it (core::LoadFile: gzip and zip unpacked by zlib,
// zstd decoded inside Ingest), a program that prints numbers, not a test (tests/bench/README.md).
//
//   format_bench FILE...
// Prints one JSON line per file: format, bytes on disk, bytes of text, seconds, MB/s of each, posts.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "dataset.hpp"
#include "ingest.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: format_bench FILE...\n");
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        struct stat st {};
        if (stat(argv[i], &st) != 0) {
            std::fprintf(stderr, "format_bench: cannot open %s\n", argv[i]);
            return 1;
        }
        chorus::core::Dataset dataset;
        chorus::core::Ingest ingest(dataset);
        std::string error;
        auto start = std::chrono::steady_clock::now();
        bool ok = chorus::core::LoadFile(ingest, argv[i], error);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!ok) {
            std::fprintf(stderr, "format_bench: %s\n", error.c_str());
            return 1;
        }
        uint64_t text = 0;
        std::string format;
        for (const auto& file : dataset.Files()) {
            text += file.bytes;
            if (format.empty()) format = file.format;
        }
        double disk_mb = static_cast<double>(st.st_size) / 1e6, text_mb = static_cast<double>(text) / 1e6;
        std::printf(
            "{\"file\": \"%s\", \"format\": \"%s\", \"disk_bytes\": %lld, \"text_bytes\": %llu, \"seconds\": %.3f, "
            "\"disk_MBps\": %.1f, \"text_MBps\": %.1f, \"posts\": %zu, \"skipped\": %llu}\n",
            argv[i], format.c_str(), static_cast<long long>(st.st_size), static_cast<unsigned long long>(text), seconds,
            disk_mb / seconds, text_mb / seconds, dataset.Posts(), static_cast<unsigned long long>(dataset.Skipped()));
        std::fflush(stdout);
    }
    return 0;
}
