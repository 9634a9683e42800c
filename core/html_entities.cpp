#include "html_entities.hpp"

namespace chorus::core {

bool UndoTwitterEntities(std::string_view text, std::string& out) {
    struct Escape {
        std::string_view written;
        char is;
    };
    static constexpr Escape kEscapes[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
    bool changed = false;
    size_t done = 0;  // text[0, done) is in `out`
    for (size_t at = text.find('&'); at != std::string_view::npos; at = text.find('&', at)) {
        const Escape* found = nullptr;
        for (const Escape& e : kEscapes)
            if (text.substr(at, e.written.size()) == e.written) found = &e;
        if (!found) {
            ++at;
            continue;
        }
        if (!changed) out.clear();
        changed = true;
        out.append(text.substr(done, at - done));
        out += found->is;
        at += found->written.size();
        done = at;
    }
    if (changed) out.append(text.substr(done));
    return changed;
}

void UndoTextEntities(PostRecord& r, std::string& slot) {
    if (r.text.find('&') == std::string_view::npos || !UndoTwitterEntities(r.text, slot)) return;
    if (r.text_source.empty()) {  // a view into the bytes read: its own span
        r.text_source = r.text;
        r.text_coding = SpanCoding::Plain;
    }
    r.text_coding = WithEntitiesUndone(r.text_coding);
    r.text = slot;
}

}  // namespace chorus::core
