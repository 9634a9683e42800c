#include "words.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "query_text.hpp"
#include "stop_words.hpp"
#include "string_table.hpp"

namespace chorus::core {
namespace {

bool IsAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != b[i]) return false;
    return true;
}

// One code point, or digits (any script's numbers) only: not a word worth listing.
bool TooPlain(std::string_view folded, bool ascii) {
    if (ascii) {
        if (folded.size() <= 1) return true;
        return std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
    auto left = static_cast<utf8proc_ssize_t>(folded.size());
    size_t code_points = 0;
    bool numbers = true;
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) return false;
        utf8proc_category_t cat = utf8proc_category(cp);
        numbers =
            numbers && (cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO);
        ++code_points;
        p += n;
        left -= n;
    }
    return code_points <= 1 || numbers;
}

// Cuts one text into kept words (rule 53) and calls on_word(folded) for each, on_gap() for each
// word left out.
class Cutter {
public:
    template <class OnWord, class OnGap>
    void Cut(std::string_view text, const StopWords* stop, OnWord&& on_word, OnGap&& on_gap) {
        struct Context {
            Cutter& self;
            std::string_view text;
            const StopWords* stop;
            OnWord& on_word;
            OnGap& on_gap;
            size_t skip_until = 0;
        } context{*this, text, stop, on_word, on_gap};
        VisitWords(
            text,
            [](void* c, std::string_view raw, bool ascii) {
                auto& ctx = *static_cast<Context*>(c);
                if (ctx.self.Keep(ctx.text, raw, ascii, ctx.stop, ctx.skip_until))
                    ctx.on_word(std::string_view(ctx.self.m_folded));
                else
                    ctx.on_gap();
                return true;
            },
            &context);
    }

private:
    bool Keep(std::string_view text, std::string_view raw, bool ascii, const StopWords* stop, size_t& skip_until) {
        const auto start = static_cast<size_t>(raw.data() - text.data());
        const size_t end = start + raw.size();
        if (start < skip_until) return false;
        // A URL: from its scheme or "www." to the next white space.
        if (ascii && (((EqualsNoCase(raw, "http") || EqualsNoCase(raw, "https")) && text.substr(end, 3) == "://") ||
                      (EqualsNoCase(raw, "www") && text.substr(end, 1) == "."))) {
            skip_until = end;
            while (skip_until < text.size() && !IsAsciiSpace(text[skip_until]))
                ++skip_until;
            return false;
        }
        if (start >= 1 && (text[start - 1] == '#' || text[start - 1] == '@')) return false;
        if (start >= 3 && (text.substr(start - 3, 3) == "\xEF\xBC\x83" || text.substr(start - 3, 3) == "\xEF\xBC\xA0"))
            return false;  // full-width ＃ and ＠
        if (ascii) {
            m_folded.assign(raw);
            for (char& c : m_folded)
                c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            if (TooPlain(m_folded, true)) return false;
        } else {
            // The Unicode fold is slow: done once per distinct spelling, remembered for the rest.
            uint32_t id = m_raw.Insert(raw, StringTable::Hash(raw));
            if (id == m_raw_folded.size()) {
                FoldQueryWord(raw, false, m_folded);
                m_raw_plain.push_back(TooPlain(m_folded, false));
                m_raw_folded.push_back(m_folded);
            }
            if (m_raw_plain[id]) return false;
            m_folded.assign(m_raw_folded[id]);
        }
        return stop == nullptr || !stop->Contains(m_folded);
    }

    std::string m_folded;
    StringTable m_raw;                      // non-ASCII words as written
    std::vector<std::string> m_raw_folded;  // per m_raw id: its fold
    std::vector<bool> m_raw_plain;          // per m_raw id: TooPlain
};

}  // namespace

const char* WordListName(WordList list) {
    return list == WordList::Words ? "words" : "bigrams";
}

bool ParseWordList(std::string_view name, WordList& out) {
    if (name == "words") {
        out = WordList::Words;
    } else if (name == "bigrams") {
        out = WordList::Bigrams;
    } else {
        return false;
    }
    return true;
}

std::vector<std::string> KeptWords(std::string_view text, std::string_view lang) {
    std::vector<std::string> out;
    Cutter cutter;
    cutter.Cut(
        text, StopWordsFor(lang), [&](std::string_view w) { out.emplace_back(w); }, [&] { out.emplace_back(); });
    return out;
}

TopList TopWords(const Dataset& ds, const Selection& rows, size_t k, Amplification amplification, WordList list) {
    std::vector<const StopWords*> stop_of_lang(ds.Languages().Size());
    for (uint32_t l = 0; l < ds.Languages().Size(); ++l)
        stop_of_lang[l] = StopWordsFor(ds.Languages().Text(l));
    StringTable values;
    struct Count {
        uint32_t posts = 0;
        uint32_t last_row = 0;  // 1 + the last row that counted the value
    };
    std::vector<Count> counts;  // per value
    std::string previous, bigram;
    bool have_previous = false;
    Cutter cutter;
    uint64_t posts = 0;
    RowId current = 0;
    auto count = [&](std::string_view value) {
        uint32_t id = values.Insert(value, StringTable::Hash(value));
        if (id == counts.size()) counts.emplace_back();
        Count& c = counts[id];
        if (c.last_row != current + 1) {
            c.last_row = current + 1;
            ++c.posts;
        }
    };
    rows.ForEach([&](RowId r) {
        if (!CountsToward(ds.TypeOf(r), amplification)) return;
        ++posts;
        current = r;
        uint32_t lang = ds.LangOf(r);
        const StopWords* stop = lang == Dataset::kNoLang ? nullptr : stop_of_lang[lang];
        have_previous = false;
        if (list == WordList::Words) {
            cutter.Cut(ds.TextOf(r), stop, count, [] {});
            return;
        }
        cutter.Cut(
            ds.TextOf(r), stop,
            [&](std::string_view word) {
                if (have_previous) {
                    bigram.assign(previous).append(" ").append(word);
                    count(bigram);
                }
                previous.assign(word);
                have_previous = true;
            },
            [&] { have_previous = false; });
    });
    // Sort ids, not strings: only the k kept get a std::string.
    std::vector<uint32_t> ids(counts.size());
    for (uint32_t id = 0; id < ids.size(); ++id)
        ids[id] = id;
    auto before = [&](uint32_t a, uint32_t b) {
        return counts[a].posts != counts[b].posts ? counts[a].posts > counts[b].posts : values.Text(a) < values.Text(b);
    };
    size_t n = std::min(k, ids.size());
    std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n), ids.end(), before);
    std::vector<TopItem> items;
    items.reserve(n);
    for (size_t i = 0; i < n; ++i)
        items.push_back({ids[i], std::string(values.Text(ids[i])), counts[ids[i]].posts});
    return TopList{std::move(items), posts};
}

}  // namespace chorus::core
