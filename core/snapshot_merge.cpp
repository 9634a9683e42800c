// Snapshot::Merge, Snapshot::RangeMerge and Snapshot::Swap: joining datasets row by row, de-duplicated by post id
// (the file format itself is in snapshot.cpp).
#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdint>
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

// AppendRows' loop, resumable: its place and the dictionaries' mappings are kept between steps.
struct Snapshot::AppendState {
    AppendState(const Dataset& from_rows, Dataset& into_rows, size_t base_file, std::vector<bool>* refused_rows)
        : from(from_rows),
          into(into_rows),
          base(base_file),
          refused(refused_rows),
          hashtags(from.m_hashtags, into.m_hashtags),
          mentions(from.m_mentions, into.m_mentions),
          links(from.m_links, into.m_links),
          domains(from.m_domains, into.m_domains),
          authors(from.m_authors, into.m_authors),
          names(from.m_names, into.m_names),
          langs(from.m_langs, into.m_langs),
          text_ids(from.m_text_ids, into.m_text_ids),
          emoji(from.m_emoji, into.m_emoji),
          clients(from.m_clients, into.m_clients),
          engagement(from.m_engagement),
          refused_tag_posts(from.m_hashtags.Size(), 0),
          file_end(from.m_files.empty() ? 0 : from.m_files[0].posts) {
        into.EnsureIdIndex();
        if (into.m_time.empty()) ReserveAll();
    }
    // Into an empty dataset (a CSV file, a file's first range) the biggest columns and the post-id index take their
    // size at once, so no doubling copies one in a single step (a 266 MB CSV file's text arena took a quarter second).
    // Capacities only: the dataset is the same, and FileEnded then fits it as before.
    void ReserveAll() {
        const size_t rows = from.m_time.size();
        into.m_type.reserve(rows);
        into.m_author.reserve(rows);
        into.m_post_id.reserve(rows);
        into.m_id_index.Reserve(rows);  // no rehash of every id so far in one step
        into.m_hashtag_ids.reserve(from.m_hashtag_ids.size());
        into.m_mention_ids.reserve(from.m_mention_ids.size());
        into.m_link_ids.reserve(from.m_link_ids.size());
        into.m_domain_ids.reserve(from.m_domain_ids.size());
        into.m_emoji_ids.reserve(from.m_emoji_ids.size());
        into.m_text.m_offsets.reserve(rows + 1);
        into.m_text.m_arena.reserve(from.m_text.m_arena.size());
    }
    // Appends up to `units` rows, then counts up to the rest of `units` spellings, taking what it used from
    // `units`; true once everything is in.
    bool Step(size_t& units);
    void AppendRow(size_t row);

    const Dataset& from;
    Dataset& into;
    size_t base;
    std::vector<bool>* refused;
    Remap hashtags, mentions, links, domains, authors, names, langs, text_ids, emoji, clients;
    EngagementColumn::Scan engagement;
    std::vector<uint32_t> refused_tag_posts;  // per from hashtag: duplicate posts
    std::vector<uint32_t> spellings_of;       // per from hashtag: its spellings, once the rows are in
    size_t file = 0;
    uint64_t file_end;
    size_t next_row = 0;
    uint32_t spelling = 0;
    bool rows_done = false;
    bool count_posts = false;  // a post appended counts in its file's report (else the report holds it already)
};

void Snapshot::AppendRows(const Dataset& from, Dataset& into, size_t base, std::vector<bool>* refused) {
    AppendState state(from, into, base, refused);
    size_t units = SIZE_MAX;
    state.Step(units);
}

bool Snapshot::AppendState::Step(size_t& units) {
    // The rows of from's files are consecutive, in file order: file f holds the next Files()[f].posts rows.
    for (; next_row < from.m_time.size() && units > 0; ++next_row, --units)
        AppendRow(next_row);
    if (next_row < from.m_time.size()) return false;
    if (!rows_done) {
        rows_done = true;
        spellings_of.assign(from.m_hashtags.Size(), 0);
        for (uint32_t tag : from.m_spelling_tag)
            ++spellings_of[tag];
    }
    // Spelling counts (rule 50): a refused duplicate's spelling is known only when its hashtag has one
    // spelling in `from`; otherwise it still counts, which can only change which spelling is shown.
    for (; spelling < from.m_spelling_tag.size() && units > 0; ++spelling, --units) {
        uint32_t tag = from.m_spelling_tag[spelling];
        uint32_t posts = from.m_spelling_posts[spelling];
        if (spellings_of[tag] == 1) posts -= std::min(posts, refused_tag_posts[tag]);
        uint32_t mapped = hashtags.Mapped(tag);
        if (posts != 0 && mapped != Remap::kUnset)
            into.CountSpelling(mapped, from.m_hashtag_spellings.Text(spelling), posts);
    }
    return spelling == from.m_spelling_tag.size();
}

void Snapshot::AppendState::AppendRow(size_t row) {
    while (row >= file_end && file + 1 < from.m_files.size())
        file_end += from.m_files[++file].posts;
    auto r = static_cast<RowId>(row);
    uint64_t key = from.m_post_id[row];
    if (key != Dataset::kNoPostId && (key & Dataset::kTextIdBit) != 0)
        key = Dataset::kTextIdBit | text_ids(static_cast<uint32_t>(key & ~Dataset::kTextIdBit));
    if (key != Dataset::kNoPostId && into.m_id_index.Find(key, into.m_post_id) != PostIdIndex::kNone) {
        // As Dataset::Add: a duplicate is counted and refused before its time and author are looked at.
        IngestReport& report = into.m_files[base + file];
        if (!count_posts) --report.posts;
        ++report.duplicates;
        if (from.m_time[row] == kNoTime) Uncount(report, Problem::NoTime);
        if (from.m_author[row] == Dataset::kNoAuthor) Uncount(report, Problem::NoAuthor);
        for (uint32_t tag : from.HashtagsOf(r))
            ++refused_tag_posts[tag];
        if (refused) (*refused)[row] = true;
        return;
    }
    if (count_posts) ++into.m_files[base + file].posts;
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

// RangeMerge: MergeRange's report, then AppendState's rows, then the listed problems of the refused rows.
Snapshot::RangeMerge::RangeMerge(const Dataset& part, Dataset& into, uint64_t line_offset, bool continues)
    : m_part(part),
      m_into(into),
      m_line_offset(line_offset),
      m_refused(part.m_time.size(), false),
      m_drop(part.m_files.empty() ? 0 : part.m_files[0].problems.size(), false) {
    assert(&part != &into && part.m_files.size() == 1 && (!continues || !into.m_files.empty()));
    const IngestReport& from = part.m_files[0];
    if (!continues) {
        into.m_files.emplace_back();
        into.m_files.back().name = from.name;
    }
    const size_t base = into.m_files.size() - 1;
    IngestReport& report = into.m_files[base];
    if (report.format.empty()) report.format = from.format;
    report.bytes += from.bytes;
    report.lines += from.lines;
    // The posts are counted as their rows go in, so between steps the files' posts still sum to the rows.
    report.duplicates += from.duplicates;
    report.skipped += from.skipped;
    report.cancelled = report.cancelled || from.cancelled;
    for (const auto& [problem, count] : from.counts)
        report.counts[problem] += count;
    m_append = std::make_unique<AppendState>(part, into, base, &m_refused);
    m_append->count_posts = true;
}

Snapshot::RangeMerge::~RangeMerge() = default;

bool Snapshot::RangeMerge::Done() const {
    return m_done;
}

double Snapshot::RangeMerge::Fraction() const {
    const size_t rows = m_part.m_time.size();
    return m_done || rows == 0 ? 1.0 : static_cast<double>(m_append->next_row) / static_cast<double>(rows);
}

bool Snapshot::RangeMerge::Step(std::chrono::microseconds budget) {
    const auto start = std::chrono::steady_clock::now();
    while (!Step(size_t{4096}))
        if (std::chrono::steady_clock::now() - start >= budget) return false;
    return true;
}

bool Snapshot::RangeMerge::Step(size_t units) {
    if (m_done) return true;
    if (!m_append->Step(units)) return false;
    // A refused post would not have been looked at in a sequential read, so its no_time / no_author
    // entries go. Dataset::Add lists those in row order: the n-th no_time entry is the n-th row without time.
    const std::vector<ProblemEntry>& problems = m_part.m_files[0].problems;
    auto next_entry = [&](size_t& at, Problem problem) {
        while (at < problems.size() && problems[at].problem != problem)
            ++at;
        return at < problems.size() ? at++ : problems.size();
    };
    for (; m_scan_row < m_part.m_time.size() && units > 0; ++m_scan_row, --units) {
        const size_t row = m_scan_row;
        size_t t = m_part.m_time[row] == kNoTime ? next_entry(m_time_entry, Problem::NoTime) : problems.size();
        size_t a = m_part.m_author[row] == Dataset::kNoAuthor ? next_entry(m_author_entry, Problem::NoAuthor)
                                                              : problems.size();
        if (!m_refused[row]) continue;
        if (t < m_drop.size()) m_drop[t] = true;
        if (a < m_drop.size()) m_drop[a] = true;
    }
    if (m_scan_row < m_part.m_time.size()) return false;
    IngestReport& report = m_into.m_files[m_append->base];
    for (size_t i = 0; i < problems.size() && report.problems.size() < IngestReport::kMaxProblems; ++i) {
        if (m_drop[i]) continue;
        ProblemEntry entry = problems[i];
        if (entry.line > 0) entry.line += m_line_offset;
        report.problems.push_back(std::move(entry));
    }
    m_append.reset();
    m_done = true;
    return true;
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
