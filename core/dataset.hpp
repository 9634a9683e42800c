// Dataset: the loaded posts of one or more files, as columns.
//
// A post is a row (RowId). Fixed-width values sit in parallel vectors;
// entity lists (hashtags, mentions) are offsets into id arrays whose ids name
// strings in a Dictionary. Repeated post ids are refused (counted as
// duplicates), across every file added to the same Dataset.
//
//   chorus::core::Dataset ds;
//   size_t file = ds.BeginFile("tweets.jsonl");
//   ds.Add(record, file, line);          // from a reader
//   ds.Posts();                          // rows
//
// Invariants: every column has Posts() rows; HashtagsOf(r), MentionsOf(r) and
// EmojiOf(r) hold distinct ids; SortedTimes() holds every known time, sorted.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dictionary.hpp"
#include "id_column.hpp"
#include "ingest_report.hpp"
#include "offset_column.hpp"
#include "post.hpp"
#include "post_id_index.hpp"
#include "post_times.hpp"
#include "sorted_times.hpp"
#include "text_scan.hpp"
#include "text_span.hpp"
#include "text_store.hpp"

namespace chorus::core {

using RowId = uint32_t;

// The domain of a URL: lower-case host without "www." ("https://WWW.Example.org/a" -> "example.org").
// The view stays valid until the next call on the same thread.
std::string_view DomainOf(std::string_view url);

class Snapshot;  // snapshot.hpp: saves, reloads and merges a Dataset's columns as they are

class Dataset {
public:
    Dataset() = default;
    Dataset(const Dataset&) = delete;
    Dataset& operator=(const Dataset&) = delete;

    // Starts the report of a new file; returns its index for Add().
    size_t BeginFile(std::string name);
    IngestReport& Report(size_t file) { return m_files[file]; }
    const std::vector<IngestReport>& Files() const { return m_files; }

    enum class AddResult : uint8_t { Added, Duplicate };
    // Adds one post (copies what it keeps). `line` / `place` is for the report.
    AddResult Add(const PostRecord& record, size_t file, uint64_t line);
    AddResult Add(const PostRecord& record, size_t file, const RecordPlace& place);

    size_t Posts() const { return m_time.size(); }
    UnixSeconds TimeOf(RowId row) const { return m_time[row]; }
    PostType TypeOf(RowId row) const { return static_cast<PostType>(m_type[row]); }
    uint32_t AuthorOf(RowId row) const { return m_author[row]; }  // id in Authors(), or kNoAuthor
    std::span<const uint32_t> HashtagsOf(RowId row) const;
    std::span<const uint32_t> MentionsOf(RowId row) const;
    std::span<const uint32_t> LinksOf(RowId row) const;           // ids in Links()
    std::span<const uint32_t> DomainsOf(RowId row) const;         // ids in Domains(), once per post
    std::span<const uint32_t> EmojiOf(RowId row) const;           // ids in Emoji(), once per post (rule 51)
    uint32_t LangOf(RowId row) const { return m_lang[row]; }      // id in Languages(), or kNoLang
    uint32_t ClientOf(RowId row) const { return m_client[row]; }  // id in Clients(), or kNoClient (rule 52)
    std::string_view TextOf(RowId row) const;
    std::string PostIdOf(RowId row) const;  // the post's id as the source wrote it ("" when none)
    // Likes, reposts, replies, quotes as the source gave them (kNotGiven when absent; rules 91-93).
    const EngagementColumn& EngagementCounts() const { return m_engagement; }
    // The posts' text, in memory or on disk (text_store.hpp; TextOf gives "" for text on disk not read back), and
    // the scans word queries make of text on disk (text_scan.hpp, rule 85).
    const TextStore& Text() const { return m_text; }
    TextStore& Text() { return m_text; }
    TextScans& Scans() const { return m_text_scans; }
    // Where each post's text sits in its plain file, noted while Ingest::KeepTextPlaces is on (text_span.hpp).
    const TextSpans& Spans() const { return m_text_spans; }
    TextSpans& Spans() { return m_text_spans; }
    // Whole fixed-width columns, read-only, for scans (row r at index r).
    const PostTimes& TimeColumn() const { return m_time; }          // u32 a row while every time fits (post_times.hpp)
    std::span<const uint8_t> TypeColumn() const { return m_type; }  // PostType values
    std::span<const uint32_t> AuthorColumn() const { return m_author; }
    const IdColumn& LangColumn() const { return m_lang; }  // 1, 2 or 4 bytes a row (id_column.hpp)
    const IdColumn& ClientColumn() const { return m_client; }
    // Bytes held (capacities, not sizes), for memory reports. `ids` (the seen-id sets used to refuse
    // duplicates) is an estimate of the hash sets' nodes and buckets.
    struct Memory {
        size_t columns = 0;       // fixed-width columns, entity id lists, the sorted-times cache
        size_t text = 0;          // the text arena and its offsets
        size_t dictionaries = 0;  // entity strings, author names and their indexes
        size_t ids = 0;           // the post id column and its index
    };
    Memory MemoryBytes() const;
    // The same bytes structure by structure (for benchmarks): `size` is what the rows use, `capacity`
    // what is held (the difference is vector slack).
    struct MemoryPart {
        const char* name;
        size_t size;
        size_t capacity;
    };
    std::vector<MemoryPart> MemoryParts() const;
    // Gives back the slack of every growing column (capacity beyond size). Copies each column once; later
    // Add() calls grow them again as usual. The post-id index stays (LoadEnded frees it): rebuilding it at
    // the next file of a load took a second at 10 million posts.
    void ShrinkToFit();
    // Frees the post-id index (~8 bytes a post): call when a load ends. The next Add() or merge
    // rebuilds it from the id column first, so the same duplicates are refused.
    void LoadEnded();
    // Called when a file ends: ShrinkToFit() once the posts added since the last fit are at least a
    // quarter of all, so many small files copy the columns a bounded number of times (<= 5x in all).
    void FileEnded();

    const Dictionary& Hashtags() const { return m_hashtags; }  // normalised tags (the keys)
    const Dictionary& Mentions() const { return m_mentions; }  // lower-case handles
    const Dictionary& Authors() const { return m_authors; }    // account ids
    const Dictionary& Links() const { return m_links; }        // URLs as given (expanded)
    const Dictionary& Domains() const { return m_domains; }    // lower-case host, "www." removed
    const Dictionary& Languages() const { return m_langs; }    // language codes as given
    const Dictionary& Emoji() const { return m_emoji; }        // emoji clusters (EmojiKey)
    const Dictionary& Clients() const { return m_clients; }    // client names (ClientName)

    // How a hashtag is shown: the spelling its posts used most often (once per post: the post's first
    // spelling of it), ties going to the spelling seen first (COUNTING.md, rule 50).
    std::string_view HashtagDisplay(uint32_t tag) const;
    // Every spelling seen (as written, '#' removed), with its hashtag id and the posts that used it.
    const Dictionary& HashtagSpellings() const { return m_hashtag_spellings; }
    uint32_t SpellingTag(uint32_t spelling) const { return m_spelling_tag[spelling]; }
    uint32_t SpellingPosts(uint32_t spelling) const { return m_spelling_posts[spelling]; }
    // Display name of an author (latest screen name seen), or its id.
    std::string_view AuthorName(uint32_t author) const;

    // Gives every post of the author with account id `from` (rule 24's placeholder) to account `to_id`, shown
    // as `to_name`; when `to_id` already has posts the two merge into one author (COUNTING.md, rule 41).
    // `from` keeps its id in Authors() with no posts. Returns the posts moved.
    uint64_t ReassignAuthor(std::string_view from, std::string_view to_id, std::string_view to_name);
    // How many ReassignAuthor calls moved posts: what was built over the rows before (an index, a count)
    // is stale when it changed, even with no row added.
    uint64_t Reassignments() const { return m_reassignments; }

    // Every known post time, ascending (built on demand after changes). When the rows already are in
    // time order with every time known, this is the time column itself; otherwise it reads the time
    // column through a u32 row order (4 bytes a post). Valid until the dataset changes.
    SortedTimesView SortedTimes() const;
    // True when SortedTimes() has its order for the rows as they are (it would not sort).
    bool SortedTimesReady() const { return !m_sorted_dirty; }
    // Gives SortedTimes() the order it would build, made elsewhere in pieces (DatasetPreparation): `in_order`
    // when every one of the first `rows` rows has a time, ascending; else `order`, the rows with a time by time
    // then row. Ignored once rows were added after those `rows`.
    void AdoptTimeOrder(size_t rows, bool in_order, std::vector<uint32_t> order) const;

    uint64_t Duplicates() const;
    uint64_t Skipped() const;

    static constexpr uint32_t kNoAuthor = 0xFFFFFFFFu;
    static constexpr uint32_t kNoLang = 0xFFFFFFFFu;
    static constexpr uint32_t kNoClient = 0xFFFFFFFFu;
    static constexpr uint64_t kNoPostId = ~uint64_t{0};
    static constexpr uint64_t kTextIdBit = uint64_t{1} << 63;

private:
    friend class Snapshot;
    friend class SnapshotOpen;
    uint64_t IdKey(std::string_view id);
    void EnsureIdIndex();  // rebuilds m_id_index from m_post_id when ShrinkToFit() freed it
    enum class Entity : uint8_t { Hashtag, Mention, Link, Domain };
    void AddEntities(const std::vector<std::string_view>& raw, Entity kind, Dictionary& dict,
                     std::vector<uint32_t>& ids, OffsetColumn& offsets);
    // Counts `posts` more posts spelling hashtag `tag` as `spelling`, and keeps its display current.
    void CountSpelling(uint32_t tag, std::string_view spelling, uint32_t posts);

    std::vector<IngestReport> m_files;

    PostTimes m_time;
    std::vector<uint8_t> m_type;
    std::vector<uint32_t> m_author;
    OffsetColumn m_hashtag_offsets;
    std::vector<uint32_t> m_hashtag_ids;
    OffsetColumn m_mention_offsets;
    std::vector<uint32_t> m_mention_ids;
    OffsetColumn m_link_offsets;
    std::vector<uint32_t> m_link_ids;
    OffsetColumn m_domain_offsets;
    std::vector<uint32_t> m_domain_ids;
    OffsetColumn m_emoji_offsets;
    std::vector<uint32_t> m_emoji_ids;
    IdColumn m_lang;
    IdColumn m_client;
    EngagementColumn m_engagement;
    TextStore m_text;  // post text, in memory or on disk
    mutable TextScans m_text_scans;
    TextSpans m_text_spans;  // rule 101

    Dictionary m_hashtags;
    Dictionary m_hashtag_spellings;
    std::vector<uint32_t> m_spelling_tag;     // per spelling: its hashtag id
    std::vector<uint32_t> m_spelling_posts;   // per spelling: posts that used it
    std::vector<uint32_t> m_hashtag_display;  // per hashtag: the id of its most used spelling
    Dictionary m_mentions;
    Dictionary m_authors;
    Dictionary m_links;
    Dictionary m_domains;
    Dictionary m_langs;
    Dictionary m_emoji;
    Dictionary m_clients;
    std::vector<uint32_t> m_author_name;  // per author: id in m_names
    Dictionary m_names;

    // Post ids: a plain integer below 2^63 (every Twitter id) as itself, any other id as
    // kTextIdBit | its index in m_text_ids, kNoPostId for a post without one.
    std::vector<uint64_t> m_post_id;
    Dictionary m_text_ids;
    PostIdIndex m_id_index;  // row of each id, for de-duplication (freed between loads)
    bool m_id_index_freed = false;

    mutable std::vector<uint32_t> m_time_order;  // rows with a time, by time then row (unless in order)
    mutable bool m_sorted_dirty = false;
    uint64_t m_reassignments = 0;
    mutable bool m_time_in_order = true;  // every time known and ascending: SortedTimes() is m_time

    size_t m_fitted_posts = 0;  // Posts() at the last FileEnded() fit

    std::string m_scratch;
    std::vector<std::string_view> m_found;
};

}  // namespace chorus::core
