// The fast CSV path (COUNTING.md, rule 80): CsvSplitter against the character machine it replaced, the
// hashtags cell's quick JSON reading against nlohmann, and the mapping text the page hands its workers.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "csv_split.hpp"
#include "test_support.hpp"

namespace {

struct Row {
    std::vector<std::string> cells;
    uint64_t line;
    bool operator==(const Row&) const = default;
};

// The reader before rule 80, one character at a time (kept here as the reference).
std::vector<Row> ReferenceSplit(const std::string& text, char delimiter) {
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted } state = State::FieldStart;
    std::vector<Row> rows;
    std::vector<std::string> row;
    std::string field;
    bool record_empty = true;
    uint64_t line = 1, record_line = 1;
    auto end_field = [&] {
        row.push_back(field);
        field.clear();
        state = State::FieldStart;
    };
    auto end_record = [&] {
        if (record_empty && row.empty() && field.empty()) {
            state = State::FieldStart;
            return;
        }
        end_field();
        rows.push_back({row, record_line});
        row.clear();
        record_empty = true;
    };
    for (char c : text) {
        switch (state) {
            case State::FieldStart:
                if (c == '"') {
                    state = State::Quoted;
                    record_empty = false;
                } else if (c == delimiter) {
                    record_empty = false;
                    end_field();
                } else if (c == '\n') {
                    end_record();
                } else if (c != '\r') {
                    field.push_back(c);
                    state = State::Unquoted;
                    record_empty = false;
                }
                break;
            case State::Unquoted:
                if (c == delimiter) {
                    end_field();
                } else if (c == '\n') {
                    if (!field.empty() && field.back() == '\r') field.pop_back();
                    end_record();
                } else {
                    field.push_back(c);
                }
                break;
            case State::Quoted:
                if (c == '"') {
                    state = State::QuoteInQuoted;
                } else {
                    field.push_back(c);
                }
                break;
            case State::QuoteInQuoted:
                if (c == '"') {
                    field.push_back('"');
                    state = State::Quoted;
                } else if (c == delimiter) {
                    end_field();
                } else if (c == '\n') {
                    end_record();
                } else if (c != '\r') {
                    field.push_back(c);
                    state = State::Unquoted;
                }
                break;
        }
        if (c == '\n') {
            ++line;
            if (state == State::FieldStart && row.empty() && record_empty) record_line = line;
        }
    }
    if (state != State::FieldStart || !row.empty() || !field.empty() || !record_empty) end_record();
    return rows;
}

struct Collect : chorus::core::CsvSplitter::Sink {
    std::vector<Row> rows;
    void Record(const std::vector<std::string_view>& cells, uint64_t line) override {
        Row row{{}, line};
        for (std::string_view cell : cells)
            row.cells.emplace_back(cell);
        rows.push_back(std::move(row));
    }
};

}  // namespace

TEST_CASE("rule 80: the CSV splitter reads what the character machine reads, at any slicing") {
    std::mt19937 random(80);
    const std::string alphabet[] = {"a", "bc", ",", ";", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\xC3\xA9", "\xE9"};
    for (int round = 0; round < 4000; ++round) {
        std::string text;
        const int parts = static_cast<int>(random() % 40);
        for (int i = 0; i < parts; ++i)
            text += alphabet[random() % std::size(alphabet)];
        const char delimiter = round % 3 == 0 ? ';' : ',';
        const std::vector<Row> want = ReferenceSplit(text, delimiter);
        // Whole, one byte at a time, and in random slices.
        for (int mode = 0; mode < 3; ++mode) {
            chorus::core::CsvSplitter split;
            Collect got;
            split.Begin(delimiter);
            size_t at = 0;
            while (at < text.size()) {
                size_t n = mode == 0 ? text.size() : mode == 1 ? 1 : 1 + random() % 7;
                n = std::min(n, text.size() - at);
                std::string slice = text.substr(at, n);  // its own buffer: views must not outlive it
                split.Feed(slice.data(), slice.size(), got);
                at += n;
            }
            split.End(got);
            INFO("text: " << text << " mode " << mode);
            REQUIRE(got.rows == want);
        }
    }
}

TEST_CASE("rule 80: a hashtags cell is read as nlohmann reads its JSON, with or without the quick path") {
    // Each row's cell and the tags nlohmann's reading gives (an object's last "tag", else its "text").
    const std::vector<std::pair<std::string, std::vector<std::string>>> cells = {
        {R"([])", {}},
        {R"([{"tag": "Plain"}, {"tag": "Two"}])", {"Plain", "Two"}},
        {R"([{"tag": "f\u00e9minisme"}])", {"f\xC3\xA9minisme"}},
        {R"([{"tag": "Smile\ud83d\ude00x"}])", {"Smile\xF0\x9F\x98\x80x"}},
        {R"([{"tag": "First", "tag": "Last"}])", {"Last"}},
        {R"([{"text": "ByText"}, {"start": "1", "tag": "Strings"}])", {"ByText", "Strings"}},
        {R"([{"tag": 7, "text": "NumberTag"}])", {"NumberTag"}},
        {R"([{"t\u0061g": "EscapedKey"}])", {"EscapedKey"}},
        {R"([ { "tag" : "Spaced" } , 3, "x" ] )", {"Spaced"}},
        {R"([{"tag": "Broken"})", {}},
        {R"([{"tag": "Trailing"}] x)", {}},
        {R"([{"tag": "Lone\ud83d"}])", {}},
        {R"([{"tag": "Bad\q"}])", {}},
    };
    std::string csv = "id,created_at,text,entities.hashtags\n";
    for (size_t i = 0; i < cells.size(); ++i) {
        std::string quoted;
        for (char c : cells[i].first)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        csv += std::to_string(100 + i) + ",2020-01-01T00:00:00Z,post " + std::to_string(i) + ",\"" + quoted + "\"\n";
    }
    chorus::core::Dataset ds;
    chorus::core::Ingest ingest(ds);
    chorus::test::FeedInSlices(ingest, "tags.csv", csv, csv.size());
    REQUIRE(ds.Posts() == cells.size());
    for (size_t i = 0; i < cells.size(); ++i) {
        std::vector<std::string> got;
        for (uint32_t tag : ds.HashtagsOf(static_cast<chorus::core::RowId>(i)))
            got.emplace_back(ds.HashtagDisplay(tag));
        INFO("cell " << cells[i].first);
        CHECK(got == cells[i].second);
    }
}

TEST_CASE("rule 80: a column mapping goes to the page's workers as text and back") {
    chorus::core::CsvColumns c;
    c.id = 3;
    c.time = 0;
    c.text = 12;
    c.author_name = 1;
    c.archive_owner = true;
    chorus::core::CsvColumns back;
    REQUIRE(chorus::core::CsvColumnsFromText(chorus::core::CsvColumnsText(c), back));
    CHECK(chorus::core::CsvColumnsText(back) == chorus::core::CsvColumnsText(c));
    CHECK(back.text == 12);
    CHECK(back.author_id == -1);
    CHECK(back.archive_owner);
    CHECK_FALSE(chorus::core::CsvColumnsFromText("", back));
    CHECK_FALSE(chorus::core::CsvColumnsFromText("1,2,3", back));
    CHECK_FALSE(chorus::core::CsvColumnsFromText(chorus::core::CsvColumnsText(c) + ",4", back));
}
