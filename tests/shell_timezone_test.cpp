// The session's time zone and the zone picker (shell/panel_settings_time.hpp), drawn headless.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "panel_settings_time.hpp"
#include "session.hpp"
#include "time_utc.hpp"

using chorus::shell::ItemRegistry;
using chorus::shell::Session;

namespace {

// The zone picker alone in a window, on ImGui's null backend.
struct PickerFrames {
    explicit PickerFrames(Session& session) : m_session(session) {}
    void Frame() {
        m_ui.FrameOf([this] { Draw(); });
    }
    void Click(const std::string& label) {
        m_ui.ClickOf([this] { Draw(); }, label);
    }

private:
    void Draw() {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(600, 700));
        ImGui::Begin("Settings");
        chorus::shell::DrawTimeZoneSetting(m_session);
        ImGui::End();
    }

    chorus::test::Headless m_ui;
    Session& m_session;
};

}  // namespace

TEST_CASE("session: SetTimeZone takes a known zone, refuses an unknown one and keeps the old") {
    Session session;
    CHECK(session.time_zone().Name() == "UTC");
    const uint64_t before = session.Generation();
    CHECK(session.SetTimeZone("America/Los_Angeles"));
    CHECK(session.time_zone().Name() == "America/Los_Angeles");
    CHECK(session.Generation() > before);  // views recompute their bins and queries
    chorus::core::ParsedQuery q = chorus::core::ParseQuery("since:2017-10-15", session.query_options());
    CHECK(q.query.ToString() == "since:2017-10-15T07:00:00Z");
    CHECK_FALSE(session.SetTimeZone("Mars/Base"));
    CHECK(session.time_zone().Name() == "America/Los_Angeles");
    CHECK(session.time_zone_error().find("Mars/Base") != std::string::npos);
    session.Reset();
    CHECK(session.time_zone().Name() == "America/Los_Angeles");  // a setting, kept across loads
}

TEST_CASE("zone picker: typing filters the names; picking one sets the session's zone") {
    Session session;
    PickerFrames ui(session);
    ui.Frame();
    ui.Frame();  // the registry lists the items of the last complete frame
    ui.Click("Time zone");
    ui.Frame();
    for (char c : std::string("paris"))
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    ui.Frame();
    ui.Frame();
    CHECK(ItemRegistry::Find("Europe/Berlin") == nullptr);  // filtered out
    ui.Click("Europe/Paris");
    CHECK(session.time_zone().Name() == "Europe/Paris");
}

TEST_CASE("zone picker: axis labels on the zone's clock name the offset where it changes") {
    chorus::core::TimeZoneResult ny = chorus::core::LoadTimeZone("America/New_York");
    REQUIRE(ny.ok());
    using chorus::shell::FormatAxisTime;
    CHECK(FormatAxisTime(chorus::core::ParseIsoTime("2017-11-05T04:00:00Z"), 86400, ny.zone) == "2017-11-05");
    CHECK(FormatAxisTime(chorus::core::ParseIsoTime("2017-11-05T05:00:00Z"), 3600, ny.zone) == "11-05 01:00");
    CHECK(FormatAxisTime(chorus::core::ParseIsoTime("2017-11-05T06:00:00Z"), 3600, ny.zone) == "11-05 01:00 -05:00");
    CHECK(FormatAxisTime(chorus::core::ParseIsoTime("2017-11-05T06:00:15Z"), 15, ny.zone) == "01:00:15");
}
