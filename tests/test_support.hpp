// Shared helpers for the core tests: load fixtures, read the summary JSON.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "ingest.hpp"
#include "summary.hpp"

namespace chorus::test {

inline std::string Fixture(const std::string& name) {
    return std::string(CHORUS_FIXTURES) + "/" + name;
}

// The whole file's bytes; the test stops when the file cannot be opened.
inline std::string ReadAll(const std::string& path) {
    std::string bytes;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE_MESSAGE(f != nullptr, "cannot open " << path);
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
        bytes.append(buffer, n);
    std::fclose(f);
    return bytes;
}

// Loads fixtures (in order, as one dataset) and returns the summary JSON.
inline nlohmann::json LoadSummary(core::Dataset& ds, const std::vector<std::string>& names) {
    core::Ingest ingest(ds);
    for (const auto& name : names) {
        std::string error;
        bool ok = core::LoadFile(ingest, Fixture(name), error);
        if (!ok) throw std::runtime_error(error);
    }
    return nlohmann::json::parse(core::SummaryJson(ds));
}

// Feeds `text` in slices of `slice` bytes (each slice copied into its own padded buffer).
inline void FeedInSlices(core::Ingest& ingest, const std::string& name, const std::string& text, size_t slice) {
    ingest.BeginFile(name);
    for (size_t at = 0; at < text.size(); at += slice) {
        size_t n = std::min(slice, text.size() - at);
        std::string buffer = text.substr(at, n);
        buffer.append(core::Ingest::kPadding, '\0');
        ingest.Feed(buffer.data(), n);
    }
    ingest.EndFile();
}

}  // namespace chorus::test
