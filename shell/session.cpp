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

}  // namespace chorus::shell
