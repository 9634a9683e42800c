#include "dataset.hpp"

#include <algorithm>
#include <cassert>
#include <type_traits>

#include "client.hpp"
#include "emoji.hpp"
#include "text_normalize.hpp"

namespace chorus::core {
namespace {

// Parses an all-digit id of up to 19 digits (every Twitter id) into an integer.
bool ParseNumericId(std::string_view id, uint64_t& out) {
    if (id.empty() || id.size() > 19 || (id.size() > 1 && id[0] == '0')) return false;
    uint64_t v = 0;
    for (char c : id) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    out = v;
    return true;
}

}  // namespace

std::string_view DomainOf(std::string_view url) {
    size_t scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    size_t end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, end);
    if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    if (size_t colon = host.rfind(':'); colon != std::string_view::npos && host.find(']') == std::string_view::npos)
        host = host.substr(0, colon);
    thread_local std::string lower;
    lower.assign(host);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    std::string_view out = lower;
    if (out.starts_with("www.")) out.remove_prefix(4);
    return out;
}

size_t Dataset::BeginFile(std::string name) {
    m_files.emplace_back();
    m_files.back().name = std::move(name);
    return m_files.size() - 1;
}

uint64_t Dataset::IdKey(std::string_view id) {
    uint64_t numeric = 0;
    if (ParseNumericId(id, numeric) && numeric < kTextIdBit) return numeric;
    return kTextIdBit | m_text_ids.Intern(id);
}

void Dataset::AddEntities(const std::vector<std::string_view>& raw, Entity kind, Dictionary& dict,
                          std::vector<uint32_t>& ids, OffsetColumn& offsets) {
    size_t begin = ids.size();
    for (std::string_view text : raw) {
        switch (kind) {
            case Entity::Hashtag: NormalizeHashtag(text, m_scratch); break;
            case Entity::Mention: NormalizeMention(text, m_scratch); break;
            case Entity::Link: m_scratch.assign(text); break;
            case Entity::Domain: m_scratch.assign(DomainOf(text)); break;
        }
        if (m_scratch.empty()) continue;
        uint32_t id = dict.Intern(m_scratch);
        // Once per post: lists are short, a linear check beats a set.
        if (std::find(ids.begin() + static_cast<std::ptrdiff_t>(begin), ids.end(), id) != ids.end()) continue;
        ids.push_back(id);
        if (kind == Entity::Hashtag) CountSpelling(id, HashtagSpelling(text), 1);
    }
    offsets.push_back(static_cast<uint32_t>(ids.size()));
}

void Dataset::CountSpelling(uint32_t tag, std::string_view spelling, uint32_t posts) {
    uint32_t s = m_hashtag_spellings.Intern(spelling);
    if (s == m_spelling_tag.size()) {
        m_spelling_tag.push_back(tag);
        m_spelling_posts.push_back(0);
    }
    if (m_spelling_tag[s] != tag) return;  // cannot happen: a spelling normalises to one key
    m_spelling_posts[s] += posts;
    if (tag >= m_hashtag_display.size()) m_hashtag_display.resize(tag + 1, Dictionary::kNotFound);
    // Counts only grow, so the leader is the old one or `s`; on a tie the smaller id (seen first) leads.
    uint32_t& best = m_hashtag_display[tag];
    if (best == Dictionary::kNotFound || m_spelling_posts[s] > m_spelling_posts[best] ||
        (m_spelling_posts[s] == m_spelling_posts[best] && s < best))
        best = s;
}

std::string_view Dataset::HashtagDisplay(uint32_t tag) const {
    if (tag >= m_hashtag_display.size() || m_hashtag_display[tag] == Dictionary::kNotFound) return m_hashtags.Text(tag);
    return m_hashtag_spellings.Text(m_hashtag_display[tag]);
}

Dataset::AddResult Dataset::Add(const PostRecord& record, size_t file, uint64_t line) {
    return Add(record, file, RecordPlace{line, 0});
}

Dataset::AddResult Dataset::Add(const PostRecord& record, size_t file, const RecordPlace& place) {
    assert(file < m_files.size());
    IngestReport& report = m_files[file];
    if (record.id.empty()) {
        report.Add(Problem::NoId, place,
                   record.unusable_id.empty() ? std::string("post has no id: kept, but cannot be de-duplicated")
                                              : "unusable id " + std::string(record.unusable_id.substr(0, 40)) +
                                                    " (rounded or not an integer): kept, but cannot be de-duplicated");
    }
    uint64_t key = record.id.empty() ? kNoPostId : IdKey(record.id);
    EnsureIdIndex();
    if (key != kNoPostId && m_id_index.Find(key, m_post_id) != PostIdIndex::kNone) {
        ++report.duplicates;
        return AddResult::Duplicate;
    }
    if (record.time == kNoTime)
        report.Add(Problem::NoTime, place, "post has no usable time: kept, not on the timeline");

    auto row = static_cast<RowId>(m_time.size());
    m_post_id.push_back(key);
    if (key != kNoPostId) m_id_index.Insert(row, m_post_id);
    m_time.push_back(record.time);
    m_type.push_back(static_cast<uint8_t>(record.type));
    if (record.author_id.empty()) {
        report.Add(Problem::NoAuthor, place, "post has no author id");
        m_author.push_back(kNoAuthor);
    } else {
        uint32_t author = m_authors.Intern(record.author_id);
        if (author == m_author_name.size()) m_author_name.push_back(Dictionary::kNotFound);
        uint32_t& name = m_author_name[author];  // the same name again (the common case) needs no lookup
        if (!record.author_name.empty() && (name == Dictionary::kNotFound || m_names.Text(name) != record.author_name))
            name = m_names.Intern(record.author_name);
        m_author.push_back(author);
    }
    AddEntities(record.hashtags, Entity::Hashtag, m_hashtags, m_hashtag_ids, m_hashtag_offsets);
    AddEntities(record.mentions, Entity::Mention, m_mentions, m_mention_ids, m_mention_offsets);
    AddEntities(record.links, Entity::Link, m_links, m_link_ids, m_link_offsets);
    AddEntities(record.links, Entity::Domain, m_domains, m_domain_ids, m_domain_offsets);
    m_lang.push_back(record.lang.empty() ? kNoLang : m_langs.Intern(record.lang));
    ClientName(record.client, m_scratch);
    m_client.push_back(m_scratch.empty() ? kNoClient : m_clients.Intern(m_scratch));
    m_engagement.Add(record.engagement);
    m_found.clear();
    FindEmoji(record.text, m_found);
    size_t first_emoji = m_emoji_ids.size();
    for (std::string_view cluster : m_found) {
        EmojiKey(cluster, m_scratch);
        uint32_t id = m_emoji.Intern(m_scratch);
        if (std::find(m_emoji_ids.begin() + static_cast<std::ptrdiff_t>(first_emoji), m_emoji_ids.end(), id) ==
            m_emoji_ids.end())
            m_emoji_ids.push_back(id);
    }
    m_emoji_offsets.push_back(static_cast<uint32_t>(m_emoji_ids.size()));
    m_text_spans.Add(row, record.text, record.text_source, record.text_coding);
    m_text.Append(record.text);
    m_sorted_dirty = true;  // even for a post without time: SortedTimes() may be the time column itself
    ++report.posts;
    return AddResult::Added;
}

void Dataset::EnsureIdIndex() {
    if (!m_id_index_freed) return;
    m_id_index_freed = false;
    m_id_index.Reserve(m_post_id.size());
    for (size_t row = 0; row < m_post_id.size(); ++row)
        if (m_post_id[row] != kNoPostId) m_id_index.Insert(static_cast<RowId>(row), m_post_id);
}

std::span<const uint32_t> Dataset::HashtagsOf(RowId row) const {
    return {m_hashtag_ids.data() + m_hashtag_offsets[row], m_hashtag_offsets[row + 1] - m_hashtag_offsets[row]};
}

std::span<const uint32_t> Dataset::MentionsOf(RowId row) const {
    return {m_mention_ids.data() + m_mention_offsets[row], m_mention_offsets[row + 1] - m_mention_offsets[row]};
}

std::span<const uint32_t> Dataset::LinksOf(RowId row) const {
    return {m_link_ids.data() + m_link_offsets[row], m_link_offsets[row + 1] - m_link_offsets[row]};
}

std::span<const uint32_t> Dataset::DomainsOf(RowId row) const {
    return {m_domain_ids.data() + m_domain_offsets[row], m_domain_offsets[row + 1] - m_domain_offsets[row]};
}

std::span<const uint32_t> Dataset::EmojiOf(RowId row) const {
    return {m_emoji_ids.data() + m_emoji_offsets[row], m_emoji_offsets[row + 1] - m_emoji_offsets[row]};
}

std::string Dataset::PostIdOf(RowId row) const {
    uint64_t key = m_post_id[row];
    if (key == kNoPostId) return {};
    if (key & kTextIdBit) return std::string(m_text_ids.Text(static_cast<uint32_t>(key & ~kTextIdBit)));
    return std::to_string(key);
}

std::string_view Dataset::TextOf(RowId row) const {
    return m_text.TextOf(row);
}

std::string_view Dataset::AuthorName(uint32_t author) const {
    if (author >= m_author_name.size()) return {};
    uint32_t name = m_author_name[author];
    return name == Dictionary::kNotFound ? m_authors.Text(author) : m_names.Text(name);
}

SortedTimesView Dataset::SortedTimes() const {
    if (m_sorted_dirty) {
        // One pass (no time missing, none before the one above it) often saves building an order.
        const size_t n = m_time.size();
        size_t known = 0;
        m_time_in_order = true;
        for (size_t r = 0; r < n; ++r) {
            known += m_time[r] != kNoTime;
            if (r > 0 && m_time[r] < m_time[r - 1]) m_time_in_order = false;
        }
        m_time_in_order = m_time_in_order && known == n;
        m_sorted_dirty = false;
        std::vector<uint32_t>().swap(m_time_order);
        if (!m_time_in_order) {
            m_time_order.reserve(known);
            for (size_t r = 0; r < n; ++r)
                if (m_time[r] != kNoTime) m_time_order.push_back(static_cast<uint32_t>(r));
            const PostTimes& t = m_time;
            std::sort(m_time_order.begin(), m_time_order.end(),
                      [&t](uint32_t a, uint32_t b) { return t[a] < t[b] || (t[a] == t[b] && a < b); });
        }
    }
    if (m_time_in_order) return {&m_time, nullptr, m_time.size()};
    return {&m_time, m_time_order.data(), m_time_order.size()};
}

void Dataset::AdoptTimeOrder(size_t rows, bool in_order, std::vector<uint32_t> order) const {
    if (rows != m_time.size()) return;
    m_time_in_order = in_order;
    m_time_order = in_order ? std::vector<uint32_t>() : std::move(order);
    m_sorted_dirty = false;
}

uint64_t Dataset::Duplicates() const {
    uint64_t n = 0;
    for (const auto& f : m_files)
        n += f.duplicates;
    return n;
}

uint64_t Dataset::Skipped() const {
    uint64_t n = 0;
    for (const auto& f : m_files)
        n += f.skipped;
    return n;
}

Dataset::Memory Dataset::MemoryBytes() const {
    auto bytes = [](const auto& v) {
        if constexpr (requires { v.CapacityBytes(); })
            return v.CapacityBytes();
        else
            return v.capacity() * sizeof(v[0]);
    };
    Memory m;
    m.columns = bytes(m_time) + bytes(m_type) + bytes(m_author) + bytes(m_hashtag_offsets) + bytes(m_hashtag_ids) +
                bytes(m_mention_offsets) + bytes(m_mention_ids) + bytes(m_link_offsets) + bytes(m_link_ids) +
                bytes(m_domain_offsets) + bytes(m_domain_ids) + bytes(m_lang) + bytes(m_author_name) +
                bytes(m_time_order) + bytes(m_spelling_tag) + bytes(m_spelling_posts) + bytes(m_hashtag_display) +
                bytes(m_emoji_offsets) + bytes(m_emoji_ids) + bytes(m_client) + m_engagement.MemoryBytes();
    m.text = m_text.MemoryBytes() + m_text_spans.MemoryBytes();
    m.dictionaries = m_hashtags.MemoryBytes() + m_hashtag_spellings.MemoryBytes() + m_mentions.MemoryBytes() +
                     m_authors.MemoryBytes() + m_links.MemoryBytes() + m_domains.MemoryBytes() + m_langs.MemoryBytes() +
                     m_names.MemoryBytes() + m_emoji.MemoryBytes() + m_clients.MemoryBytes();
    m.ids = bytes(m_post_id) + m_id_index.MemoryBytes() + m_text_ids.MemoryBytes();
    return m;
}

uint64_t Dataset::ReassignAuthor(std::string_view from, std::string_view to_id, std::string_view to_name) {
    uint32_t old_author = m_authors.Find(from);
    if (old_author == Dictionary::kNotFound || to_id.empty() || from == to_id) return 0;
    uint32_t author = m_authors.Intern(to_id);
    if (author == m_author_name.size()) m_author_name.push_back(Dictionary::kNotFound);
    if (!to_name.empty()) m_author_name[author] = m_names.Intern(to_name);
    uint64_t moved = 0;
    for (uint32_t& a : m_author) {
        if (a != old_author) continue;
        a = author;
        ++moved;
    }
    if (moved > 0) ++m_reassignments;
    return moved;
}

std::vector<Dataset::MemoryPart> Dataset::MemoryParts() const {
    std::vector<MemoryPart> parts;
    auto add = [&](const char* name, const auto& v) {
        if constexpr (requires { v.CapacityBytes(); })
            parts.push_back({name, v.SizeBytes(), v.CapacityBytes()});
        else
            parts.push_back({name, v.size() * sizeof(v[0]), v.capacity() * sizeof(v[0])});
    };
    auto dict = [&](const char* name, const Dictionary& d) {
        parts.push_back({name, d.MemoryBytes(), d.MemoryBytes()});
    };
    add("time", m_time);
    add("type", m_type);
    add("author", m_author);
    add("lang", m_lang);
    add("client", m_client);
    parts.push_back({"engagement", m_engagement.MemoryBytes(), m_engagement.MemoryBytes()});
    add("hashtag_offsets", m_hashtag_offsets);
    add("hashtag_ids", m_hashtag_ids);
    add("mention_offsets", m_mention_offsets);
    add("mention_ids", m_mention_ids);
    add("link_offsets", m_link_offsets);
    add("link_ids", m_link_ids);
    add("domain_offsets", m_domain_offsets);
    add("domain_ids", m_domain_ids);
    add("emoji_offsets", m_emoji_offsets);
    add("emoji_ids", m_emoji_ids);
    add("sorted_times", m_time_order);  // the row order of the times (none when the rows are in order)
    add("spellings", m_spelling_tag);
    add("spelling_posts", m_spelling_posts);
    add("hashtag_display", m_hashtag_display);
    add("author_name", m_author_name);
    add("post_id", m_post_id);
    parts.push_back({"post_id_index", m_id_index.MemoryBytes(), m_id_index.MemoryBytes()});
    dict("text_ids", m_text_ids);
    dict("dict_hashtags", m_hashtags);
    dict("dict_spellings", m_hashtag_spellings);
    dict("dict_mentions", m_mentions);
    dict("dict_authors", m_authors);
    dict("dict_names", m_names);
    dict("dict_links", m_links);
    dict("dict_domains", m_domains);
    dict("dict_other", m_langs);  // languages, emoji and clients: a few hundred strings
    parts.back().size = parts.back().capacity = m_langs.MemoryBytes() + m_emoji.MemoryBytes() + m_clients.MemoryBytes();
    add("text_offsets", m_text.Offsets());
    add("text", m_text.Arena());
    return parts;
}

void Dataset::FileEnded() {
    if (Posts() < m_fitted_posts || (Posts() - m_fitted_posts) * 4 < Posts()) return;
    ShrinkToFit();
    m_fitted_posts = Posts();
}

void Dataset::ShrinkToFit() {
    auto fit = [](auto& v) { v.shrink_to_fit(); };
    fit(m_time);
    fit(m_type);
    fit(m_author);
    fit(m_lang);
    fit(m_client);
    m_engagement.ShrinkToFit();
    fit(m_hashtag_offsets);
    fit(m_hashtag_ids);
    fit(m_mention_offsets);
    fit(m_mention_ids);
    fit(m_link_offsets);
    fit(m_link_ids);
    fit(m_domain_offsets);
    fit(m_domain_ids);
    fit(m_emoji_offsets);
    fit(m_emoji_ids);
    fit(m_spelling_tag);
    fit(m_spelling_posts);
    fit(m_hashtag_display);
    fit(m_author_name);
    fit(m_post_id);
    m_text.ShrinkToFit();
}

void Dataset::LoadEnded() {
    m_id_index.Clear();
    m_id_index_freed = true;
}

}  // namespace chorus::core
