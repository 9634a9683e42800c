#include "client.hpp"

namespace chorus::core {
namespace {

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && IsSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && IsSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

}  // namespace

void ClientName(std::string_view source, std::string& out) {
    out.clear();
    source = Trim(source);
    if (source.size() >= 2 && (source[0] == '<') && (source[1] == 'a' || source[1] == 'A')) {
        size_t open_end = source.find('>');
        size_t close = source.rfind("</");
        if (open_end != std::string_view::npos && close != std::string_view::npos && close > open_end)
            source = Trim(source.substr(open_end + 1, close - open_end - 1));
    }
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
    for (size_t at = 0; at < source.size();) {
        bool decoded = false;
        if (source[at] == '&') {
            for (const auto& [entity, c] : kEntities) {
                if (source.substr(at).starts_with(entity)) {
                    out += c;
                    at += entity.size();
                    decoded = true;
                    break;
                }
            }
        }
        if (!decoded) out += source[at++];
    }
}

}  // namespace chorus::core
