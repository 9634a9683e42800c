// Query: the search-box language, parsed into a tree and evaluated to a Selection.
//
//   ParsedQuery parsed = ParseQuery("#metoo (lang:en OR lang:fr) -type:retweet");
//   if (!parsed.ok()) show(parsed.error->position, parsed.error->message);
//   QueryIndex index(dataset);                      // keep it: it caches posting lists
//   Selection rows = index.Select(parsed.query);
//
// Grammar (COUNTING.md, "Queries", holds the matching rule of every term):
//   query   := or?                              an empty query selects every post
//   or      := and ("OR" and)*
//   and     := unary (("AND")? unary)*          juxtaposition is AND
//   unary   := ("-" | "NOT") unary | primary    '-' directly before what it negates
//   primary := "(" or ")" | term
//   term    := "phrase" | #tag | @handle | field:value | field:"value" | word
//   field   := from | lang | type | domain | emoji | client | has | since | until   (any case)
// Precedence: NOT binds tighter than AND, AND tighter than OR. OR, AND and NOT are
// operators only in capitals; "or" is a word. Field names are case-insensitive.
//
// Errors are values, never exceptions: a QueryError names the byte offset in the
// query text where the problem is and says what is wrong.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.hpp"
#include "entity_field.hpp"
#include "postings.hpp"
#include "selection.hpp"
#include "time_zone.hpp"

namespace chorus::core {

struct QueryError {
    size_t position = 0;  // byte offset into the query text
    std::string message;  // e.g. "missing ')' for the '(' at 4"
};

enum class TermKind : uint8_t {
    Text,     // words or a "phrase": `words` hold the folded words, matched contiguously in the text
    Hashtag,  // `value`: the tag normalised as hashtags are
    Mention,  // `value`: the handle, normalised as mentions are
    From,     // `value`: lower-case screen name or account id
    Lang,     // `value`: lower-case language code
    Type,     // `type`
    Domain,   // `value`: lower-case host without "www."
    HasLink,  // no value
    Since,    // `time`: posts at or after it
    Until,    // `time`: posts before it
    Emoji,    // `value`: the emoji's key (EmojiKey; rule 51)
    Client,   // `value`: lower-case client name (rule 52)
    Url,      // `value`: a link exactly as the posts give it (rule 35: the expanded URL)
};

struct QueryNode {
    enum class Kind : uint8_t { Term, Not, And, Or };
    Kind kind = Kind::Term;
    TermKind term = TermKind::Text;
    size_t position = 0;             // byte offset of the node's first character in the query text
    std::string value;               // see TermKind
    std::vector<std::string> words;  // Text terms
    PostType type = PostType::Original;
    UnixSeconds time = 0;
    std::vector<uint32_t> children;  // Not: one; And / Or: two or more (indices into Query::Nodes())
};

class Query {
public:
    // True for the empty query: every post.
    bool MatchesAll() const { return m_nodes.empty(); }
    std::span<const QueryNode> Nodes() const { return m_nodes; }
    uint32_t Root() const { return m_root; }
    // The tree in a canonical prefix form, e.g. `(or (and #metoo lang:en) (not "me too"))`; `*` when empty.
    std::string ToString() const;

private:
    friend class QueryParser;
    std::vector<QueryNode> m_nodes;
    uint32_t m_root = 0;
};

struct ParsedQuery {
    Query query;                      // valid when ok()
    std::optional<QueryError> error;  // the first syntax error
    bool ok() const { return !error.has_value(); }
};

// How a query reads what its text leaves open.
struct QueryOptions {
    // since: / until: dates without a trailing 'Z' are read on this zone's clock (COUNTING.md, rule 47).
    TimeZone zone;
};

ParsedQuery ParseQuery(std::string_view text, const QueryOptions& options = {});

// Evaluates queries over one Dataset, caching what it builds: the posting lists of each
// entity field (built on the first query that needs the field: one pass over its column),
// one selection per post type and for has:link, the time range of every block of 64 rows.
// Aggregates (aggregate.hpp) read the same caches. Everything is dropped when the
// dataset's row count changes, or an author's posts are given to another
// (Dataset::ReassignAuthor). The Dataset must outlive the index; not thread-safe.
//
// Evaluation: #tag, @handle, from:, lang:, domain:, url: read posting lists; type: and has:link
// cached bitmaps; since: / until: settle whole 64-row blocks from their time range. Words
// and phrases scan the text, but only of the rows the other terms of an AND left (and, in an
// OR, only the rows not already matched): `#tag word` scans the tag's posts, not all posts.
class QueryIndex {
public:
    explicit QueryIndex(const Dataset& dataset) : m_dataset(dataset) {}
    QueryIndex(const QueryIndex&) = delete;
    QueryIndex& operator=(const QueryIndex&) = delete;

    Selection Select(const Query& query);
    // Rows (ascending) whose `field` holds `id`, compressed (postings.hpp); builds the field's posting
    // lists on first use. Valid until the next query that changes the index.
    PostingLists::List Postings(EntityField field, uint32_t id);
    // Builds the posting lists of `field` now (the benchmark times it; queries do it lazily).
    void Build(EntityField field);
    // True when the posting lists of `field` are built for every row the dataset has now (Postings() then
    // only reads them).
    bool HasPostings(EntityField field) const {
        return m_rows == m_dataset.Posts() && m_reassignments == m_dataset.Reassignments() &&
               m_postings[static_cast<size_t>(field)].built;
    }
    // The ids of `field` by posting-list length, longest first (ties: lower id first), built on first use.
    std::span<const uint32_t> IdsByFrequency(EntityField field);
    // How many (row, id) pairs the posting lists of `field` hold.
    size_t Entries(EntityField field);
    // The rows of one post type (cached).
    const Selection& RowsOfType(PostType type);
    // Smallest and largest time of each block of 64 rows (block b: rows 64b .. 64b+63; a row without
    // a time counts as kNoTime, the smallest), built on first use.
    struct TimeBlocks {
        std::span<const UnixSeconds> min, max;
    };
    TimeBlocks BlockTimes();
    const Dataset& Data() const { return m_dataset; }
    // Bytes held by the caches.
    size_t MemoryBytes() const;

private:
    friend class QueryEvaluation;     // query_evaluation.hpp: Select() a block of rows at a time
    friend class DatasetPreparation;  // dataset_preparation.hpp: fills the caches a piece at a time

    struct FieldPostings {
        bool built = false;
        PostingLists lists;
        std::vector<uint32_t> by_frequency;  // IdsByFrequency(), empty until asked for
    };

    void Refresh();
    Selection Eval(const Query& q, uint32_t node, const Selection* within);
    Selection Term(const QueryNode& node, const Selection* within);
    Selection Union(EntityField field, std::span<const uint32_t> ids);
    Selection TimeRange(UnixSeconds from, UnixSeconds to, const Selection* within);
    const Selection& HasLinkSelection();

    const Dataset& m_dataset;
    size_t m_rows = 0;
    uint64_t m_reassignments = 0;  // the dataset's Reassignments() the caches were built at
    FieldPostings m_postings[kEntityFieldCount];
    std::optional<Selection> m_types[kPostTypeCount];
    std::optional<Selection> m_has_link;
    // Smallest and largest time of each block of 64 rows (kNoTime counts as the smallest), so a
    // time range settles whole blocks at once: dumps are (nearly) in time order.
    std::vector<UnixSeconds> m_block_min, m_block_max;
};

}  // namespace chorus::core
