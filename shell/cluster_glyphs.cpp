#include "cluster_glyphs.hpp"

#include <algorithm>

#include "emoji.hpp"
#include "visual_text.hpp"

namespace chorus::shell {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

size_t CodePoints(std::string_view utf8) {
    return static_cast<size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void AppendUtf8(std::string& out, char32_t cp) {  // a code point above U+FFFF
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
}

// The cluster code point whose UTF-8 starts at text[at], or 0. The range U+F0000..U+F03FF is
// F3 B0 80..8F xx.
char32_t ClusterGlyphAt(std::string_view text, size_t at) {
    if (at + 3 >= text.size() || static_cast<unsigned char>(text[at]) != 0xF3 ||
        static_cast<unsigned char>(text[at + 1]) != 0xB0)
        return 0;
    const auto b2 = static_cast<unsigned char>(text[at + 2]), b3 = static_cast<unsigned char>(text[at + 3]);
    if ((b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) return 0;
    const char32_t cp = 0xF0000 | static_cast<char32_t>(b2 & 0x3F) << 6 | (b3 & 0x3F);
    return IsClusterGlyph(cp) ? cp : 0;
}

// Appends `text`, each reserved code point of it as U+FFFD.
void AppendPlain(std::string& out, std::string_view text) {
    size_t from = 0;
    for (size_t at = text.find('\xF3'); at != std::string_view::npos; at = text.find('\xF3', at + 1)) {
        if (!ClusterGlyphAt(text, at)) continue;
        out.append(text.substr(from, at - from));
        out += kReplacement;
        from = at + 4;
        at += 3;
    }
    out.append(text.substr(from));
}

}  // namespace

void ClusterGlyphs::Assign(const std::vector<std::string>& clusters) {
    std::vector<std::string> kept;
    std::unordered_map<std::string, char32_t> code_points;
    for (const std::string& cluster : clusters) {
        if (kept.size() == kMaxClusterGlyphs) break;
        core::EmojiKey(cluster, m_key);
        if (CodePoints(m_key) < 2 || code_points.count(m_key)) continue;
        code_points.emplace(m_key, kFirstClusterGlyph + static_cast<char32_t>(kept.size()));
        kept.push_back(m_key);
    }
    if (kept == m_clusters) return;
    m_clusters = std::move(kept);
    m_code_points = std::move(code_points);
    ++m_version;
}

char32_t ClusterGlyphs::CodePointOf(std::string_view cluster) const {
    core::EmojiKey(cluster, m_key);
    auto it = m_code_points.find(m_key);
    return it == m_code_points.end() ? 0 : it->second;
}

std::string ClusterGlyphs::ToDrawn(std::string_view text) const {
    // Every cluster, and every reserved code point, has a byte above ASCII; a keycap has U+20E3.
    const bool wide =
        std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (!wide) return std::string(text);
    std::string out;
    out.reserve(text.size());
    size_t at = 0;
    if (!m_code_points.empty()) {
        std::vector<std::string_view> found;
        core::FindEmoji(text, found);
        for (std::string_view cluster : found) {
            const auto begin = static_cast<size_t>(cluster.data() - text.data());
            const char32_t cp = CodePointOf(cluster);
            if (cp == 0) continue;  // drawn as it is, with what comes before
            AppendPlain(out, text.substr(at, begin - at));
            AppendUtf8(out, cp);
            at = begin + cluster.size();
        }
    }
    AppendPlain(out, text.substr(at));
    return out;
}

std::string ClusterGlyphs::FromDrawn(std::string_view drawn) const {
    std::string out;
    out.reserve(drawn.size());
    size_t from = 0;
    for (size_t at = drawn.find('\xF3'); at != std::string_view::npos; at = drawn.find('\xF3', at + 1)) {
        const char32_t cp = ClusterGlyphAt(drawn, at);
        if (!cp || cp - kFirstClusterGlyph >= m_clusters.size()) continue;
        out.append(drawn.substr(from, at - from));
        out += m_clusters[cp - kFirstClusterGlyph];
        from = at + 4;
        at += 3;
    }
    out.append(drawn.substr(from));
    return out;
}

std::string ClusterGlyphs::Drawn(std::string_view text) const {
    return VisualText(ToDrawn(text));
}

std::vector<std::string> CollectEmojiClusters(const core::Dataset& dataset, size_t max_posts) {
    std::vector<uint64_t> uses(dataset.Emoji().Size());
    const size_t posts = std::min(dataset.Posts(), max_posts);
    for (size_t row = 0; row < posts; ++row)
        CountEmojiUses(dataset, static_cast<core::RowId>(row), uses);
    return RankEmojiClusters(dataset.Emoji(), uses);
}

void CountEmojiUses(const core::Dataset& dataset, core::RowId row, std::vector<uint64_t>& uses) {
    for (uint32_t id : dataset.EmojiOf(row))
        if (id < uses.size()) ++uses[id];
}

std::vector<std::string> RankEmojiClusters(const core::Dictionary& emoji, const std::vector<uint64_t>& uses) {
    std::vector<uint32_t> ids;
    for (uint32_t id = 0; id < emoji.Size(); ++id)
        if (CodePoints(emoji.Text(id)) > 1) ids.push_back(id);
    auto used = [&uses](uint32_t id) { return id < uses.size() ? uses[id] : 0; };
    std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
        if (used(a) != used(b)) return used(a) > used(b);
        return emoji.Text(a) < emoji.Text(b);
    });
    std::vector<std::string> clusters;
    clusters.reserve(ids.size());
    for (uint32_t id : ids)
        clusters.emplace_back(emoji.Text(id));
    return clusters;
}

}  // namespace chorus::shell
