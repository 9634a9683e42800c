#include "glyph_coverage.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string_view>

#include "cluster_glyphs.hpp"
#include "visual_text.hpp"

namespace chorus::shell {
namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr char32_t kReplacement = 0xFFFD;

// Counts per code point, in pages of 256 allocated on first use (a dataset uses a few scripts).
class CodePointCounts {
public:
    void Add(char32_t cp) {
        auto& page = m_pages[cp >> 8];
        if (!page) page = std::make_unique<std::array<uint64_t, 256>>();
        ++(*page)[cp & 0xFF];
    }
    uint64_t Get(char32_t cp) const {
        const auto& page = m_pages[cp >> 8];
        return page ? (*page)[cp & 0xFF] : 0;
    }
    template <class F>
    void ForEach(F f) const {
        for (size_t p = 0; p < m_pages.size(); ++p)
            if (m_pages[p])
                for (size_t i = 0; i < 256; ++i)
                    if ((*m_pages[p])[i]) f(static_cast<char32_t>(p << 8 | i), (*m_pages[p])[i]);
    }

private:
    std::vector<std::unique_ptr<std::array<uint64_t, 256>>> m_pages =
        std::vector<std::unique_ptr<std::array<uint64_t, 256>>>((kMaxCodePoint >> 8) + 1);
};

// Calls f(code point) for each code point above ASCII of `text` (invalid UTF-8 is U+FFFD, as ImGui draws it).
template <class F>
void ForEachAboveAscii(std::string_view text, F f) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
        if (n <= 0) {
            cp = static_cast<utf8proc_int32_t>(kReplacement);
            n = 1;
        }
        f(static_cast<char32_t>(cp));
        p += n;
    }
}

void Count(std::string_view text, CodePointCounts& counts) {
    ForEachAboveAscii(text, [&counts](char32_t cp) { counts.Add(cp); });
}

// The parts of a collection, in order. Emoji only for GlyphCoverage (CollectCodePoints starts at Hashtags).
enum class Part : uint8_t { Emoji, Hashtags, Mentions, Languages, Files, Authors, Texts, Done };

// Counts the code points of names and scanned texts (and the posts' emoji clusters), any number of items at
// a time: the same counts whether it runs in one piece or in many.
class Scan {
public:
    Scan(const core::Dataset& dataset, const CoverageLimits& limits, Part first)
        : m_limits(limits), m_part(first), m_emoji_uses(first == Part::Emoji ? dataset.Emoji().Size() : 0) {}

    bool Done() const { return m_part == Part::Done; }

    // Goes through up to `items` items (at least one unless done); returns how many.
    size_t Run(const core::Dataset& dataset, size_t items) {
        size_t done = 0;
        const size_t posts = std::min(dataset.Posts(), m_limits.max_posts);
        auto dictionary = [&](const core::Dictionary& d) {
            for (; m_next < d.Size() && done < items; ++m_next, ++done)
                Count(d.Text(static_cast<uint32_t>(m_next)), m_names);
            if (m_next >= d.Size()) NextPart();
        };
        while (done < items && m_part != Part::Done) {
            switch (m_part) {
                case Part::Emoji:
                    for (; m_next < posts && done < items; ++m_next, ++done)
                        CountEmojiUses(dataset, static_cast<core::RowId>(m_next), m_emoji_uses);
                    if (m_next >= posts) NextPart();
                    break;
                case Part::Hashtags: dictionary(dataset.Hashtags()); break;
                case Part::Mentions: dictionary(dataset.Mentions()); break;
                case Part::Languages: dictionary(dataset.Languages()); break;
                case Part::Files:
                    for (; m_next < dataset.Files().size() && done < items; ++m_next, ++done)
                        Count(dataset.Files()[m_next].name, m_names);
                    if (m_next >= dataset.Files().size()) NextPart();
                    break;
                case Part::Authors:
                    for (; m_next < dataset.Authors().Size() && done < items; ++m_next, ++done)
                        Count(dataset.AuthorName(static_cast<uint32_t>(m_next)), m_names);
                    if (m_next >= dataset.Authors().Size()) NextPart();
                    break;
                case Part::Texts:
                    for (; m_next < posts && m_text_bytes < m_limits.max_text_bytes && done < items; ++m_next, ++done) {
                        std::string_view text = dataset.TextOf(static_cast<core::RowId>(m_next));
                        m_text_bytes += text.size();
                        Count(text, m_texts);
                    }
                    if (m_next >= posts || m_text_bytes >= m_limits.max_text_bytes) NextPart();
                    break;
                case Part::Done: break;
            }
        }
        return done;
    }

    // Distinct code points above ASCII, ranked (CollectCodePoints); once Done().
    std::vector<CodePointUse> RankCodePoints() const;
    // The emoji clusters, ranked (CollectEmojiClusters); once Done(), when the scan began with Part::Emoji.
    std::vector<std::string> RankClusters(const core::Dataset& dataset) const {
        return RankEmojiClusters(dataset.Emoji(), m_emoji_uses);
    }

private:
    void NextPart() {
        m_part = static_cast<Part>(static_cast<uint8_t>(m_part) + 1);
        m_next = 0;
    }

    CoverageLimits m_limits;
    Part m_part;
    size_t m_next = 0;  // the next item of the part
    size_t m_text_bytes = 0;
    CodePointCounts m_names, m_texts;
    std::vector<uint64_t> m_emoji_uses;  // per id of the Emoji dictionary
};

std::vector<CodePointUse> Scan::RankCodePoints() const {
    const CodePointCounts& names = m_names;
    const CodePointCounts& texts = m_texts;
    std::vector<CodePointUse> uses;
    auto add = [&](char32_t cp) {
        if (names.Get(cp) == 0 && texts.Get(cp) == 0) return;
        uses.push_back({cp, names.Get(cp), texts.Get(cp), IsInvisible(cp)});
    };
    names.ForEach([&](char32_t cp, uint64_t) { add(cp); });
    texts.ForEach([&](char32_t cp, uint64_t) {
        if (names.Get(cp) == 0) add(cp);
    });
    // What VisualText draws instead (Arabic forms, mirrored brackets) is needed as much as the original.
    const size_t originals = uses.size();
    for (size_t i = 0; i < originals; ++i) {
        for (char32_t variant : VisualVariants(uses[i].code_point)) {
            auto it =
                std::find_if(uses.begin(), uses.end(), [&](const CodePointUse& u) { return u.code_point == variant; });
            if (it == uses.end()) {
                uses.push_back({variant, uses[i].in_names, uses[i].in_texts, false});
            } else {
                it->in_names = std::max(it->in_names, uses[i].in_names);
                it->in_texts = std::max(it->in_texts, uses[i].in_texts);
            }
        }
    }
    std::sort(uses.begin(), uses.end(), [](const CodePointUse& a, const CodePointUse& b) {
        if ((a.in_names > 0) != (b.in_names > 0)) return a.in_names > 0;
        if (a.in_names + a.in_texts != b.in_names + b.in_texts)
            return a.in_names + a.in_texts > b.in_names + b.in_texts;
        return a.code_point < b.code_point;
    });
    return uses;
}

}  // namespace

bool IsInvisible(char32_t cp) {
    if (cp > kMaxCodePoint) return false;
    const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    return p->ignorable || p->category == UTF8PROC_CATEGORY_CC || p->category == UTF8PROC_CATEGORY_ZL ||
           p->category == UTF8PROC_CATEGORY_ZP;
}

std::vector<CodePointUse> CollectCodePoints(const core::Dataset& dataset, const CoverageLimits& limits) {
    Scan scan(dataset, limits, Part::Hashtags);
    while (!scan.Done())
        scan.Run(dataset, SIZE_MAX);
    return scan.RankCodePoints();
}

struct GlyphCoverage::Collection {
    uint64_t generation;
    Scan scan;
};

GlyphCoverage::GlyphCoverage(CoverageLimits limits) : m_limits(limits) {}
GlyphCoverage::~GlyphCoverage() = default;

bool GlyphCoverage::Update(const Session& session, const CoverageStep& step) {
    using Clock = std::chrono::steady_clock;
    m_last_step_items = 0;
    // A load running changes the data under the scan: start over once it is done.
    if (session.progress().active) {
        m_collection.reset();
        return false;
    }
    if (m_collection && m_collection->generation != session.Generation()) m_collection.reset();
    if (!m_collection) {
        if (session.Generation() == m_generation) return false;
        m_collection.reset(new Collection{session.Generation(), Scan(session.dataset(), m_limits, Part::Emoji)});
    }
    const bool unlimited = step.time == std::chrono::microseconds::max();
    const Clock::time_point end = unlimited ? Clock::time_point::max() : Clock::now() + step.time;
    Scan& scan = m_collection->scan;
    do {
        m_last_step_items += scan.Run(session.dataset(), std::max<size_t>(1, step.items));
    } while (!scan.Done() && (unlimited || Clock::now() < end));
    if (!scan.Done()) return false;
    std::unique_ptr<Collection> done = std::move(m_collection);
    return Finish(session, *done);
}

bool GlyphCoverage::Finish(const Session& session, Collection& collection) {
    m_generation = collection.generation;
    if (session.dataset().Posts() == 0) m_late.clear();  // cleared: the atlas can shrink again
    std::vector<char32_t> before = std::move(m_listed);
    std::vector<std::string> clusters = collection.scan.RankClusters(session.dataset());
    m_uses = collection.scan.RankCodePoints();
    m_listed.clear();
    for (const CodePointUse& u : m_uses)
        m_listed.push_back(u.code_point);
    std::sort(m_listed.begin(), m_listed.end());
    for (char32_t cp : m_late)  // text read back before stays drawable
        AddUse(cp);
    const bool changed = m_listed != before || clusters != m_clusters;
    m_clusters = std::move(clusters);
    return changed;
}

void GlyphCoverage::AddUse(char32_t cp) {
    auto add = [this](char32_t c) {
        auto at = std::lower_bound(m_listed.begin(), m_listed.end(), c);
        if (at != m_listed.end() && *at == c) return;
        m_listed.insert(at, c);
        m_uses.push_back({c, 0, 1, IsInvisible(c)});
    };
    add(cp);
    for (char32_t variant : VisualVariants(cp))
        add(variant);
}

void GlyphCoverage::AddLateText(std::string_view text) {
    ForEachAboveAscii(text, [this](char32_t cp) {
        if (std::binary_search(m_listed.begin(), m_listed.end(), cp)) return;
        if (std::find(m_late_waiting.begin(), m_late_waiting.end(), cp) == m_late_waiting.end())
            m_late_waiting.push_back(cp);
    });
}

bool GlyphCoverage::TakeLate(double now_ms, double interval_ms) {
    if (m_late_waiting.empty() || now_ms - m_late_taken_ms < interval_ms) return false;
    m_late_taken_ms = now_ms;
    for (char32_t cp : m_late_waiting) {
        AddUse(cp);
        m_late.push_back(cp);
    }
    m_late_waiting.clear();
    return true;
}

}  // namespace chorus::shell
