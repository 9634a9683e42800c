#include "format_detect.hpp"

namespace chorus::core {
namespace {

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool IsNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
}

bool IsNameChar(char c) {
    return IsNameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == ' ' || c == '\t';
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

Container ContainerDetector::Decide(std::string_view head, bool at_end) {
    while (m_pos < head.size()) {
        char c = head[m_pos];
        switch (m_state) {
            case State::Start:
                if (head.size() < kBom.size() && !at_end && kBom.starts_with(head)) return Container::Undecided;
                if (head.starts_with(kBom)) m_pos = kBom.size();
                m_state = State::Lead;
                continue;
            case State::Lead:
                if (IsSpace(c)) break;
                if (c == '{' || c == '[') {
                    m_value_start = m_pos;
                    m_state = State::Value;
                    continue;
                }
                if (!IsNameStart(c)) return Container::JsonLines;
                m_script_start = m_pos;
                m_state = State::Script;
                break;
            case State::Script:
                if (c == '=') {
                    std::string_view name = head.substr(m_script_start, m_pos - m_script_start);
                    while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
                        name.remove_suffix(1);
                    m_script_name = name;
                    m_state = State::ScriptValue;
                    break;
                }
                if (!IsNameChar(c) || m_pos - m_script_start > kMaxScriptName) return Container::JsonLines;
                break;
            case State::ScriptValue:
                if (IsSpace(c)) break;
                if (c != '[' && c != '{') return Container::JsonLines;
                m_value_start = m_pos;
                return Container::JsonDocument;
            case State::Value:
                // The first value spans lines: one document (JSON strings hold no raw line breaks).
                if (c == '\n') return Container::JsonDocument;
                if (m_in_string) {
                    if (m_escape) {
                        m_escape = false;
                    } else if (c == '\\') {
                        m_escape = true;
                    } else if (c == '"') {
                        m_in_string = false;
                    }
                } else if (c == '"') {
                    m_in_string = true;
                } else if (c == '{' || c == '[') {
                    ++m_depth;
                } else if (c == '}' || c == ']') {
                    if (--m_depth == 0) m_state = State::AfterValue;
                }
                break;
            case State::AfterValue:
                // A second value after the first line: JSON lines.
                if (!IsSpace(c)) return Container::JsonLines;
                break;
        }
        ++m_pos;
    }
    if (!at_end) return Container::Undecided;
    // A single value (one line or many) is one document; anything unfinished is read as lines
    // so that each broken line is reported where it is.
    return m_state == State::AfterValue ? Container::JsonDocument : Container::JsonLines;
}

}  // namespace chorus::core
