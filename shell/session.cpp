#include "session.hpp"

namespace chorus::shell {

void Session::Reset() {
    m_ingest.reset();
    m_dataset = std::make_unique<core::Dataset>();
    m_ingest = std::make_unique<core::Ingest>(*m_dataset);
    m_progress = {};
    cancel_requested = false;
    Changed();
}

bool Session::SetTimeZone(std::string_view name) {
    core::TimeZoneResult loaded = core::LoadTimeZone(name);
    if (!loaded.ok()) {
        m_zone_error = loaded.error;
        return false;
    }
    m_zone_error.clear();
    if (loaded.zone.Name() != m_zone.Name()) {
        m_zone = loaded.zone;
        Changed();
    }
    return true;
}

}  // namespace chorus::shell
