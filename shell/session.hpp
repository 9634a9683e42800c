// Session: the dataset being explored and the ingest that feeds it.
//
// Front ends (the page, the CLI, tests) own one Session, stream files into
// `ingest()`, and hand the Session to the Explorer. Reset() starts over with
// an empty dataset (e.g. before loading the demo).
//
//   chorus::shell::Session session;
//   session.ingest().BeginFile("a.jsonl"); ... session.ingest().EndFile();
//   session.Changed();   // tell views the data moved on
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "dataset.hpp"
#include "ingest.hpp"
#include "query.hpp"
#include "time_zone.hpp"

namespace chorus::shell {

// Progress of the load in flight, written by the platform, read by the Explorer.
struct LoadProgress {
    bool active = false;
    std::string file_name;  // file being read now
    int file_index = 0;     // 0-based, of file_count
    int file_count = 0;
    uint64_t bytes_done = 0;   // over all files of this load
    uint64_t bytes_total = 0;  // 0 when unknown
    double seconds = 0;        // since the load started

    std::string action = "Reading";  // what is done to the file: "Opening" a snapshot
};

class Session {
public:
    Session() { Reset(); }
    void Reset();

    core::Dataset& dataset() { return *m_dataset; }
    const core::Dataset& dataset() const { return *m_dataset; }
    core::Ingest& ingest() { return *m_ingest; }

    LoadProgress& progress() { return m_progress; }
    const LoadProgress& progress() const { return m_progress; }

    // Bumped whenever posts were added or the dataset was reset: views
    // recompute their cached aggregates when it differs from theirs.
    uint64_t Generation() const { return m_generation; }
    void Changed() { ++m_generation; }

    // Set by the Explorer's Cancel button; the platform reads and clears it.
    bool cancel_requested = false;

    // The zone whose clock time histograms follow and since:/until: dates are read on (COUNTING.md,
    // rules 46-47); UTC until set, kept across Reset(). An unknown name changes nothing and returns
    // false (time_zone_error() says why); a new zone counts as a change (Changed()).
    bool SetTimeZone(std::string_view name);
    const core::TimeZone& time_zone() const { return m_zone; }
    const std::string& time_zone_error() const { return m_zone_error; }
    core::QueryOptions query_options() const { return core::QueryOptions{m_zone}; }

private:
    std::unique_ptr<core::Dataset> m_dataset;
    std::unique_ptr<core::Ingest> m_ingest;
    LoadProgress m_progress;
    uint64_t m_generation = 0;
    core::TimeZone m_zone;
    std::string m_zone_error;
};

}  // namespace chorus::shell
