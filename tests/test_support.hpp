// Shared helpers for the core tests: load fixtures, read the summary JSON, compare summaries, write a snapshot as
// version 2 did.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "ingest.hpp"
#include "snapshot.hpp"
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

// The numbers of two summaries, one check a field so that a failure names it; all but `skipped`, which a
// summary of selected rows keeps from its dataset.
inline void CheckSameCounts(const core::Summary& got, const core::Summary& want) {
    CHECK(got.posts == want.posts);
    CHECK(got.duplicates == want.duplicates);
    CHECK(got.types == want.types);
    CHECK(got.authors == want.authors);
    CHECK(got.first == want.first);
    CHECK(got.last == want.last);
    CHECK(got.no_time == want.no_time);
}

// A version 3 snapshot's bytes as version 2 wrote them: no ENGA section (the last one), 33 sections, the header's
// version, count, payload size and checksum to match.
inline std::string AsVersion2(const std::string& bytes) {
    const size_t enga = bytes.rfind("ENGA");
    REQUIRE(enga != std::string::npos);
    std::string v2 = bytes.substr(0, enga);
    uint32_t version = 2, sections = core::Snapshot::kSectionsVersion2;
    uint64_t payload = v2.size() - core::Snapshot::kHeaderBytes;
    std::memcpy(v2.data() + 8, &version, 4);
    std::memcpy(v2.data() + 12, &sections, 4);
    std::memcpy(v2.data() + 16, &payload, 8);
    uint64_t checksum = core::Snapshot::Checksum(
        {reinterpret_cast<const uint8_t*>(v2.data()) + core::Snapshot::kHeaderBytes, static_cast<size_t>(payload)});
    std::memcpy(v2.data() + 24, &checksum, 8);
    return v2;
}

}  // namespace chorus::test
