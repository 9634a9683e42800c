// Snapshot::Merge and Snapshot::Swap: joining datasets row by row, de-duplicated by post id
// (the file format itself is in snapshot.cpp).
#include <algorithm>
#include <cassert>
#include <span>
#include <utility>
#include <vector>

#include "snapshot.hpp"

namespace chorus::core {
namespace {

// Maps a source dictionary's ids into a target dictionary, interning each value on first use (so the
// target's ids appear in the order the merged rows first use them, as when loading files together).
class Remap {
public:
    Remap(const Dictionary& from, Dictionary& into) : m_from(from), m_into(into), m_map(from.Size(), kUnset) {}
    uint32_t operator()(uint32_t id) {
        uint32_t& mapped = m_map[id];
        if (mapped == kUnset) mapped = m_into.Intern(m_from.Text(id));
        return mapped;
    }
    // The id already given to `id`, or kUnset when no merged row used it.
    uint32_t Mapped(uint32_t id) const { return m_map[id]; }
    static constexpr uint32_t kUnset = 0xFFFFFFFFu;

private:
    const Dictionary& m_from;
    Dictionary& m_into;
    std::vector<uint32_t> m_map;
};

void AppendList(std::span<const uint32_t> ids, Remap& remap, std::vector<uint32_t>& into_ids,
                OffsetColumn& into_offsets) {
    for (uint32_t id : ids)
        into_ids.push_back(remap(id));
    into_offsets.push_back(static_cast<uint32_t>(into_ids.size()));
}

void Uncount(IngestReport& report, Problem problem) {
    auto it = report.counts.find(problem);
    if (it == report.counts.end()) return;
    if (--it->second == 0) report.counts.erase(it);
}

}  // namespace

void Snapshot::Merge(const Dataset& from, Dataset& into) {
    assert(&from != &into);
    assert(!from.m_files.empty() || from.m_time.empty());  // every post belongs to a file
    const size_t base = into.m_files.size();
    into.m_files.insert(into.m_files.end(), from.m_files.begin(), from.m_files.end());
    AppendRows(from, into, base, nullptr);
}

void Snapshot::AppendRows(const Dataset& from, Dataset& into, size_t base, std::vector<bool>* refused) {
    into.EnsureIdIndex();
    Remap hashtags(from.m_hashtags, into.m_hashtags), mentions(from.m_mentions, into.m_mentions);
    Remap links(from.m_links, into.m_links), domains(from.m_domains, into.m_domains);
    Remap authors(from.m_authors, into.m_authors), names(from.m_names, into.m_names);
    Remap langs(from.m_langs, into.m_langs), text_ids(from.m_text_ids, into.m_text_ids);
    Remap emoji(from.m_emoji, into.m_emoji), clients(from.m_clients, into.m_clients);

    EngagementColumn::Scan engagement(from.m_engagement);
    std::vector<uint32_t> refused_tag_posts(from.m_hashtags.Size(), 0);  // per from hashtag: duplicate posts

    // The rows of from's files are consecutive, in file order: file f holds the next Files()[f].posts rows.
    size_t file = 0;
    uint64_t file_end = from.m_files.empty() ? 0 : from.m_files[0].posts;
    for (size_t row = 0; row < from.m_time.size(); ++row) {
        while (row >= file_end && file + 1 < from.m_files.size())
            file_end += from.m_files[++file].posts;
        auto r = static_cast<RowId>(row);
        uint64_t key = from.m_post_id[row];
        if (key != Dataset::kNoPostId && (key & Dataset::kTextIdBit) != 0)
            key = Dataset::kTextIdBit | text_ids(static_cast<uint32_t>(key & ~Dataset::kTextIdBit));
        if (key != Dataset::kNoPostId && into.m_id_index.Find(key, into.m_post_id) != PostIdIndex::kNone) {
            // As Dataset::Add: a duplicate is counted and refused before its time and author are looked at.
            IngestReport& report = into.m_files[base + file];
            --report.posts;
            ++report.duplicates;
            if (from.m_time[row] == kNoTime) Uncount(report, Problem::NoTime);
            if (from.m_author[row] == Dataset::kNoAuthor) Uncount(report, Problem::NoAuthor);
            for (uint32_t tag : from.HashtagsOf(r))
                ++refused_tag_posts[tag];
            if (refused) (*refused)[row] = true;
            continue;
        }
        auto at = static_cast<RowId>(into.m_time.size());
        into.m_post_id.push_back(key);
        if (key != Dataset::kNoPostId) into.m_id_index.Insert(at, into.m_post_id);
        into.m_time.push_back(from.m_time[row]);
        into.m_type.push_back(from.m_type[row]);
        uint32_t author = from.m_author[row];
        if (author == Dataset::kNoAuthor) {
            into.m_author.push_back(Dataset::kNoAuthor);
        } else {
            uint32_t mapped = authors(author);
            if (mapped == into.m_author_name.size()) into.m_author_name.push_back(Dictionary::kNotFound);
            if (from.m_author_name[author] != Dictionary::kNotFound)
                into.m_author_name[mapped] = names(from.m_author_name[author]);
            into.m_author.push_back(mapped);
        }
        AppendList(from.HashtagsOf(r), hashtags, into.m_hashtag_ids, into.m_hashtag_offsets);
        AppendList(from.MentionsOf(r), mentions, into.m_mention_ids, into.m_mention_offsets);
        AppendList(from.LinksOf(r), links, into.m_link_ids, into.m_link_offsets);
        AppendList(from.DomainsOf(r), domains, into.m_domain_ids, into.m_domain_offsets);
        AppendList(from.EmojiOf(r), emoji, into.m_emoji_ids, into.m_emoji_offsets);
        into.m_lang.push_back(from.m_lang[row] == Dataset::kNoLang ? Dataset::kNoLang : langs(from.m_lang[row]));
        into.m_client.push_back(from.m_client[row] == Dataset::kNoClient ? Dataset::kNoClient
                                                                         : clients(from.m_client[row]));
        into.m_engagement.Add(engagement.At(r));
        into.m_text.Append(from.TextOf(r));
        into.m_sorted_dirty = true;
    }
    // Spelling counts (rule 50): a refused duplicate's spelling is known only when its hashtag has one
    // spelling in `from`; otherwise it still counts, which can only change which spelling is shown.
    std::vector<uint32_t> spellings_of(from.m_hashtags.Size(), 0);
    for (uint32_t tag : from.m_spelling_tag)
        ++spellings_of[tag];
    for (uint32_t s = 0; s < from.m_spelling_tag.size(); ++s) {
        uint32_t tag = from.m_spelling_tag[s];
        uint32_t posts = from.m_spelling_posts[s];
        if (spellings_of[tag] == 1) posts -= std::min(posts, refused_tag_posts[tag]);
        uint32_t mapped = hashtags.Mapped(tag);
        if (posts != 0 && mapped != Remap::kUnset) into.CountSpelling(mapped, from.m_hashtag_spellings.Text(s), posts);
    }
}

void Snapshot::Swap(Dataset& a, Dataset& b) {
    a.m_files.swap(b.m_files);
    a.m_time.swap(b.m_time);
    a.m_type.swap(b.m_type);
    a.m_author.swap(b.m_author);
    a.m_hashtag_offsets.swap(b.m_hashtag_offsets);
    a.m_hashtag_ids.swap(b.m_hashtag_ids);
    a.m_mention_offsets.swap(b.m_mention_offsets);
    a.m_mention_ids.swap(b.m_mention_ids);
    a.m_link_offsets.swap(b.m_link_offsets);
    a.m_link_ids.swap(b.m_link_ids);
    a.m_domain_offsets.swap(b.m_domain_offsets);
    a.m_domain_ids.swap(b.m_domain_ids);
    a.m_lang.swap(b.m_lang);
    a.m_emoji_offsets.swap(b.m_emoji_offsets);
    a.m_emoji_ids.swap(b.m_emoji_ids);
    a.m_emoji.Swap(b.m_emoji);
    a.m_client.swap(b.m_client);
    a.m_clients.Swap(b.m_clients);
    a.m_engagement.Swap(b.m_engagement);
    a.m_text.Swap(b.m_text);
    std::swap(a.m_text_scans, b.m_text_scans);
    a.m_hashtags.Swap(b.m_hashtags);
    a.m_hashtag_spellings.Swap(b.m_hashtag_spellings);
    a.m_spelling_tag.swap(b.m_spelling_tag);
    a.m_spelling_posts.swap(b.m_spelling_posts);
    a.m_hashtag_display.swap(b.m_hashtag_display);
    a.m_mentions.Swap(b.m_mentions);
    a.m_authors.Swap(b.m_authors);
    a.m_links.Swap(b.m_links);
    a.m_domains.Swap(b.m_domains);
    a.m_langs.Swap(b.m_langs);
    a.m_author_name.swap(b.m_author_name);
    a.m_names.Swap(b.m_names);
    a.m_post_id.swap(b.m_post_id);
    a.m_text_ids.Swap(b.m_text_ids);
    std::swap(a.m_id_index, b.m_id_index);
    std::swap(a.m_id_index_freed, b.m_id_index_freed);
    a.m_time_order.swap(b.m_time_order);
    std::swap(a.m_sorted_dirty, b.m_sorted_dirty);
    std::swap(a.m_time_in_order, b.m_time_in_order);
}

}  // namespace chorus::core
