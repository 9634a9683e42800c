// The explorer's settings (theme, font size) in ImGui's .ini text, the reader's link to the
// original post, and the right-to-left overlay of the selected post; on ImGui's null backend.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "explorer.hpp"
#include "headless_ui.hpp"
#include "item_registry.hpp"
#include "panel_settings.hpp"
#include "post_link.hpp"
#include "test_support.hpp"

using chorus::core::RowId;
using chorus::shell::Explorer;
using chorus::shell::ItemRegistry;
using chorus::shell::Request;
using chorus::shell::Session;
using chorus::shell::Settings;
using chorus::shell::Theme;

namespace {

using Ui = chorus::test::Headless;

using chorus::test::Load;

RowId RowOf(const chorus::core::Dataset& ds, const std::string& id) {
    for (RowId row = 0; row < ds.Posts(); ++row)
        if (ds.PostIdOf(row) == id) return row;
    FAIL("no post with id " << id);
    return 0;
}

}  // namespace

TEST_CASE("settings: theme, font size and bin go into the .ini text and come back, clamped") {
    std::string ini;
    {
        Ui ui;
        Session session;
        Explorer explorer(session);
        chorus::shell::InstallSettingsHandler(explorer.settings());
        explorer.settings().theme = Theme::Light;
        explorer.settings().font_size = 20;
        explorer.settings().bin = chorus::shell::BinChoice::Hour;
        ini = ImGui::SaveIniSettingsToMemory();
    }
    CHECK(ini.find("[Chorus][Settings]\nTheme=light\nFontSize=20\n") != std::string::npos);
    CHECK(ini.find("\nBin=hour\n") != std::string::npos);
    {
        Ui ui;
        Settings settings;
        CHECK(ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w < 1.0f);  // ImGui's dark popups let the window show
        chorus::shell::InstallSettingsHandler(settings);
        CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x < 0.5f);  // ImGui starts dark
        CHECK(ImGui::GetStyle().Colors[ImGuiCol_PopupBg].w == 1.0f);  // ours are opaque from the first frame
        ImGui::LoadIniSettingsFromMemory(ini.c_str());
        CHECK(settings.theme == Theme::Light);
        CHECK(settings.font_size == 20);
        CHECK(settings.bin == chorus::shell::BinChoice::Hour);
        CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.5f);  // the light theme is applied
        ImGui::LoadIniSettingsFromMemory("[Chorus][Settings]\nTheme=purple\nFontSize=99\nBin=fortnight\n");
        CHECK(settings.theme == Theme::Light);                  // an unknown theme changes nothing
        CHECK(settings.bin == chorus::shell::BinChoice::Hour);  // nor an unknown bin
        ImGui::LoadIniSettingsFromMemory("[Chorus][Settings]\nBin=week\n");
        CHECK(settings.bin == chorus::shell::BinChoice::Week);
        ImGui::LoadIniSettingsFromMemory("[Chorus][Settings]\nBin=month\n");
        CHECK(settings.bin == chorus::shell::BinChoice::Month);
        CHECK(settings.font_size == Settings::kMaxFontSize);
    }
}

TEST_CASE("settings: the window opens from the toolbar, switches the theme, and Reset layout asks the platform") {
    Ui ui;
    Session session;
    Load(session, "v1_mixed.jsonl");
    Explorer explorer(session);
    chorus::shell::InstallSettingsHandler(explorer.settings());
    ui.Frame(explorer);
    ui.Frame(explorer);
    CHECK(ItemRegistry::Find("Light") == nullptr);
    ui.Click(explorer, "Settings");
    for (int i = 0; i < 3; ++i)  // a new window settles its size in its first frames
        ui.Frame(explorer);
    ui.Click(explorer, "Light");
    CHECK(explorer.settings().theme == Theme::Light);
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x > 0.5f);
    ui.Click(explorer, "Bin: Day");
    CHECK(explorer.settings().bin == chorus::shell::BinChoice::Day);
    ui.Click(explorer, "Larger text");
    CHECK(explorer.settings().font_size == Settings::kDefaultFontSize + 1);
    CHECK(!explorer.TakeRequest(Request::ResetLayout));
    ui.Click(explorer, "Reset layout");
    CHECK(explorer.TakeRequest(Request::ResetLayout));
    CHECK(!explorer.TakeRequest(Request::ResetLayout));
    CHECK(explorer.settings().theme == Theme::Dark);
    CHECK(explorer.settings().font_size == Settings::kDefaultFontSize);
    CHECK(explorer.settings().bin == chorus::shell::BinChoice::Automatic);
}

TEST_CASE("settings: the time zone is kept in the .ini text and rules the session (rule 45)") {
    std::string ini;
    {
        Ui ui;
        Session session;
        Explorer explorer(session);
        chorus::shell::InstallSettingsHandler(explorer.settings());
        ui.Frame(explorer);
        CHECK(session.time_zone().Name() == "UTC");
        REQUIRE(session.SetTimeZone("Europe/Paris"));  // as the window's zone picker does
        explorer.settings().open = true;
        ui.Frame(explorer);
        CHECK(explorer.settings().time_zone == "Europe/Paris");
        ini = ImGui::SaveIniSettingsToMemory();
    }
    CHECK(ini.find("TimeZone=Europe/Paris\n") != std::string::npos);
    {
        Ui ui;
        Session session;
        Explorer explorer(session);
        chorus::shell::InstallSettingsHandler(explorer.settings());
        ImGui::LoadIniSettingsFromMemory(ini.c_str());
        ui.Frame(explorer);
        CHECK(session.time_zone().Name() == "Europe/Paris");
        ImGui::LoadIniSettingsFromMemory("[Chorus][Settings]\nTimeZone=Mars/Olympus_Mons\n");
        ui.Frame(explorer);
        CHECK(session.time_zone().Name() == "Europe/Paris");  // an unknown zone changes nothing
        CHECK(explorer.settings().time_zone == "Europe/Paris");
    }
}

TEST_CASE("post links: built from each platform's id, never guessed") {
    chorus::core::Dataset ds;
    chorus::test::LoadSummary(
        ds, {"v1_mixed.jsonl", "fmt_reddit.jsonl", "fmt_bluesky_jetstream.jsonl", "fmt_mastodon_statuses.json"});
    using chorus::shell::LinkToPost;
    CHECK(LinkToPost(ds, RowOf(ds, "9007199254740993")).url == "https://twitter.com/i/web/status/9007199254740993");
    CHECK(LinkToPost(ds, RowOf(ds, "t3_9m2taz")).url == "https://www.reddit.com/comments/9m2taz");
    const auto comment = LinkToPost(ds, RowOf(ds, "t1_e7bg6rc"));
    CHECK(comment.url.empty());
    CHECK(comment.why_not.find("Reddit comments") != std::string::npos);
    CHECK(LinkToPost(ds, RowOf(ds, "at://did:plc:ana/app.bsky.feed.post/3kana1")).url ==
          "https://bsky.app/profile/did:plc:ana/post/3kana1");
    CHECK(LinkToPost(ds, RowOf(ds, "https://m.example/users/amy/statuses/1")).url ==
          "https://m.example/users/amy/statuses/1");
}

TEST_CASE("reader: a clicked post offers its link once per click; an Arabic post gets the overlay") {
    Ui ui;
    Session session;
    const std::string text = "\xd8\xa3\xd9\x86\xd8\xa7 \xd9\x83\xd9\x85\xd8\xa7\xd9\x86 #metoo";  // "أنا كمان"
    const std::string jsonl =
        R"({"created_at":"Sun Oct 15 20:21:00 +0000 2017","id_str":"111","text":")" + text +
        R"(","lang":"ar","user":{"id_str":"1","screen_name":"a"},"entities":{"hashtags":[{"text":"metoo"}]}})"
        "\n"
        R"({"created_at":"Sun Oct 15 21:21:00 +0000 2017","id_str":"222","text":"plain words","lang":"en","user":{"id_str":"2","screen_name":"b"}})"
        "\n";
    chorus::test::FeedInSlices(session.ingest(), "posts.jsonl", jsonl, 1 << 16);
    session.Changed();
    Explorer explorer(session);
    ui.Frame(explorer);
    ui.Frame(explorer);
    REQUIRE(session.dataset().Posts() == 2);
    CHECK(ItemRegistry::Find("Open original post") == nullptr);
    CHECK(!explorer.PostOverlayShown());
    ui.Click(explorer, "Post 1");  // the Arabic post comes first in time
    ui.Frame(explorer);            // the link shows above the rows from the next frame,
    ui.Frame(explorer);            // and the registry lists the items of the frame before the last
    REQUIRE(ItemRegistry::Find("Open original post") != nullptr);
    REQUIRE(explorer.PostOverlayShown());
    const chorus::shell::PostOverlay overlay = *explorer.PostOverlayShown();
    CHECK(overlay.text == text);
    CHECK(overlay.lang == "ar");
    const chorus::shell::ItemInfo* post = ItemRegistry::Find("Post 1");
    REQUIRE(post != nullptr);
    CHECK(overlay.x >= post->x);
    CHECK(overlay.y >= post->y);
    CHECK(overlay.x + overlay.w <= post->x + post->w + 1);
    CHECK(overlay.y + overlay.h <= post->y + post->h + 1);
    CHECK(!explorer.TakeLinkToOpen());
    ui.Click(explorer, "Open original post");
    auto link = explorer.TakeLinkToOpen();
    REQUIRE(link);
    CHECK(*link == "https://twitter.com/i/web/status/111");
    CHECK(!explorer.TakeLinkToOpen());
    ui.Click(explorer, "Post 2");  // a Latin post: no overlay
    ui.Frame(explorer);
    ui.Frame(explorer);
    CHECK(ItemRegistry::Find("Open original post") != nullptr);
    CHECK(!explorer.PostOverlayShown());
}
