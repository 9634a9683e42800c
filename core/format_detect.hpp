// Format detection, part one: how a file holds its records, decided from its first bytes.
//
// A dump is either JSON lines (one record per line, read as a stream) or one JSON document
// (an array or an object spanning lines, or a JavaScript assignment such as a Twitter archive's
// `window.YTD.tweets.part0 = [`), read whole. The file name never matters (COUNTING.md, rule 18).
//
//   ContainerDetector detect;
//   Container c = detect.Decide(head, /*at_end=*/false);  // head: every byte of the file so far
//   if (c == Container::Undecided) { /* feed more bytes, call again with the longer head */ }
//
// Decide() remembers how far it looked: each call only scans the bytes added since the last one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::core {

enum class Container : uint8_t {
    Undecided,     // more bytes are needed
    JsonLines,     // one record per line; also the fallback for anything that is not JSON
    JsonDocument,  // one JSON value, read whole (DocumentStart() says where it begins)
};

class ContainerDetector {
public:
    // `head` holds the file's bytes from its first one; it only grows between calls.
    Container Decide(std::string_view head, bool at_end);

    // JsonDocument: offset of the document's opening '[' or '{'.
    size_t DocumentStart() const { return m_value_start; }
    // The assigned name when the document is a JavaScript assignment ("window.YTD.tweets.part0",
    // "Grailbird.data.tweets_2018_12"), else "".
    const std::string& ScriptName() const { return m_script_name; }

private:
    enum class State : uint8_t { Start, Lead, Script, ScriptValue, Value, AfterValue };
    static constexpr size_t kMaxScriptName = 256;

    State m_state = State::Start;
    size_t m_pos = 0;
    size_t m_value_start = 0;
    size_t m_script_start = 0;
    int64_t m_depth = 0;
    bool m_in_string = false;
    bool m_escape = false;
    std::string m_script_name;
};

}  // namespace chorus::core
