// The CSV export of the explorer's Words and Bigrams tabs (rule 53). The tabs themselves are ImGui tab
// items, which the item registry does not list, so they are drawn by the browser tests only.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "export_csv.hpp"
#include "test_support.hpp"
#include "words.hpp"

TEST_CASE("export: the Words and Bigrams lists save as CSV with their own header") {
    chorus::core::Dataset ds;
    chorus::test::LoadSummary(ds, {"v1_mixed.jsonl"});
    const auto all = chorus::core::Selection::All(ds.Posts());
    for (auto kind : {chorus::core::WordList::Words, chorus::core::WordList::Bigrams}) {
        chorus::core::TopList list = chorus::core::TopWords(ds, all, 20, chorus::core::Amplification::Both, kind);
        REQUIRE_FALSE(list.items.empty());
        std::string header = kind == chorus::core::WordList::Words ? "word" : "bigram";
        std::string csv = chorus::shell::TopListCsv(header, list);
        CHECK(csv.rfind("\xEF\xBB\xBFrank," + header + ",posts,share of selection\r\n", 0) == 0);
        CHECK(csv.find("\r\n1," + list.items[0].text + "," + std::to_string(list.items[0].count) + ",") !=
              std::string::npos);
        CHECK(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')) == list.items.size() + 1);
    }
}
