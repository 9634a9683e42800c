#include "query.hpp"

#include <algorithm>
#include <cassert>

#include "emoji.hpp"
#include "query_text.hpp"
#include "text_normalize.hpp"
#include "time_utc.hpp"

namespace chorus::core {
namespace {

// Concatenation by appends (GCC 12 warns falsely, -Wrestrict, on "literal" + std::string).
template <class... Parts>
std::string Cat(const Parts&... parts) {
    std::string out;
    (out.append(parts), ...);
    return out;
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool EqualsAsciiNoCase(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

bool Digits(std::string_view s, size_t pos, size_t n, int64_t& out) {
    if (pos + n > s.size()) return false;
    int64_t v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

// "2017-10-15", "2017-10-15T20:00" or "2017-10-15T20:00:30" on the zone's clock (rule 47), or
// ending in 'Z': UTC.
UnixSeconds ParseQueryDate(std::string_view s, const TimeZone& zone) {
    const bool utc = !s.empty() && (s.back() == 'Z' || s.back() == 'z');
    if (utc) s.remove_suffix(1);
    int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!Digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, mo) || s[7] != '-' ||
        !Digits(s, 8, 2, d))
        return kNoTime;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1]) return kNoTime;
    if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return kNoTime;
    if (s.size() > 10) {
        if ((s[10] != 'T' && s[10] != 't') || s.size() < 16 || !Digits(s, 11, 2, h) || s[13] != ':' ||
            !Digits(s, 14, 2, mi))
            return kNoTime;
        if (s.size() > 16 && (s.size() != 19 || s[16] != ':' || !Digits(s, 17, 2, sec))) return kNoTime;
        if (h > 23 || mi > 59 || sec > 59) return kNoTime;
    }
    const int64_t local =
        DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + sec;
    return utc ? local : zone.LocalToUtc(local);
}

struct Token {
    enum class Kind : uint8_t { End, LParen, RParen, Or, And, Not, Term };
    Kind kind = Kind::End;
    size_t position = 0;
    QueryNode term;  // Kind::Term
};

constexpr const char* kFieldList = "from, lang, type, domain, emoji, client, has, since, until";

}  // namespace

// Turns the query text into tokens, then tokens into nodes (recursive descent).
class QueryParser {
public:
    QueryParser(std::string_view text, const QueryOptions& options) : m_text(text), m_options(options) {}

    ParsedQuery Run() {
        ParsedQuery out;
        if (!Tokenize()) {
            out.error = m_error;
            return out;
        }
        if (Peek().kind == Token::Kind::End) return out;  // the empty query
        std::optional<uint32_t> root = ParseOr();
        if (root && Peek().kind != Token::Kind::End) {
            // ParseOr stops only at the end or at a ')' that closes nothing.
            Fail(Peek().position, "unmatched ')'");
            root.reset();
        }
        if (!root) {
            out.error = m_error;
            return out;
        }
        out.query.m_nodes = std::move(m_nodes);
        out.query.m_root = *root;
        return out;
    }

private:
    bool Fail(size_t position, std::string message) {
        if (!m_failed) m_error = QueryError{position, std::move(message)};
        m_failed = true;
        return false;
    }

    std::nullopt_t Error(size_t position, std::string message) {
        Fail(position, std::move(message));
        return std::nullopt;
    }

    // ---- tokens ----

    bool Tokenize() {
        const size_t n = m_text.size();
        size_t i = 0;
        for (;;) {
            while (i < n && IsSpace(m_text[i]))
                ++i;
            Token token;
            token.position = i;
            if (i == n) {
                m_tokens.push_back(std::move(token));
                return true;
            }
            char c = m_text[i];
            if (c == '(' || c == ')') {
                token.kind = c == '(' ? Token::Kind::LParen : Token::Kind::RParen;
                ++i;
            } else if (c == '-') {
                if (i + 1 == n || IsSpace(m_text[i + 1]) || m_text[i + 1] == ')')
                    return Fail(i, "'-' must come right before what it excludes, as in -#tag");
                token.kind = Token::Kind::Not;
                ++i;
            } else if (c == '"') {
                size_t close = m_text.find('"', i + 1);
                if (close == std::string_view::npos) return Fail(i, "unterminated phrase: no closing '\"'");
                token.kind = Token::Kind::Term;
                if (!TextTerm(m_text.substr(i + 1, close - i - 1), i, token.term)) return false;
                i = close + 1;
            } else {
                size_t end = i;
                while (end < n && !IsSpace(m_text[end]) && m_text[end] != '(' && m_text[end] != ')' &&
                       m_text[end] != '"')
                    ++end;
                std::string_view run = m_text.substr(i, end - i);
                if (run == "OR") {
                    token.kind = Token::Kind::Or;
                } else if (run == "AND") {
                    token.kind = Token::Kind::And;
                } else if (run == "NOT") {
                    token.kind = Token::Kind::Not;
                } else {
                    token.kind = Token::Kind::Term;
                    if (!RunTerm(run, i, end, token.term)) return false;
                }
                i = end;
            }
            m_tokens.push_back(std::move(token));
        }
    }

    bool TextTerm(std::string_view text, size_t position, QueryNode& node) {
        node.term = TermKind::Text;
        node.position = position;
        node.words = FoldedWords(text);
        if (node.words.empty()) return Fail(position, Cat("'", text, "' has no letters or digits to search for"));
        if (node.words.size() > WordMatcher::kMaxWords) return Fail(position, "a phrase can hold at most 64 words");
        return true;
    }

    // A bare run of characters: #tag, @handle, field:value or words. `end` is where the run stops
    // (a field's value may continue with a quoted part there).
    bool RunTerm(std::string_view run, size_t position, size_t& end, QueryNode& node) {
        node.position = position;
        if (run.front() == '#' || run.starts_with("\xEF\xBC\x83")) {  // '#' or U+FF03 FULLWIDTH NUMBER SIGN
            node.term = TermKind::Hashtag;
            NormalizeHashtag(run, node.value);
            if (node.value.empty()) return Fail(position, "'#' needs a hashtag after it");
            return true;
        }
        if (run.front() == '@') {
            node.term = TermKind::Mention;
            NormalizeMention(run, node.value);
            if (node.value.empty()) return Fail(position, "'@' needs a handle after it");
            return true;
        }
        size_t colon = run.find(':');
        if (colon == std::string_view::npos || colon == 0 ||
            !std::all_of(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(colon), IsAsciiLetter))
            return TextTerm(run, position, node);
        std::string field = AsciiLower(run.substr(0, colon));
        std::string_view value = run.substr(colon + 1);
        size_t value_at = position + colon + 1;
        if (value.empty() && end < m_text.size() && m_text[end] == '"') {
            size_t close = m_text.find('"', end + 1);
            if (close == std::string_view::npos) return Fail(end, "unterminated value: no closing '\"'");
            value = m_text.substr(end + 1, close - end - 1);
            value_at = end + 1;
            end = close + 1;
        }
        auto need_value = [&] { return Fail(value_at, field + ": needs a value"); };
        if (field == "from") {
            node.term = TermKind::From;
            if (!value.empty() && value.front() == '@') value.remove_prefix(1);
            node.value = AsciiLower(value);
            return node.value.empty() ? need_value() : true;
        }
        if (field == "lang") {
            node.term = TermKind::Lang;
            node.value = AsciiLower(value);
            return node.value.empty() ? need_value() : true;
        }
        if (field == "domain") {
            node.term = TermKind::Domain;
            node.value = std::string(DomainOf(value));
            return node.value.empty() ? need_value() : true;
        }
        if (field == "url") {
            node.term = TermKind::Url;
            node.value = std::string(value);  // as written: links are counted as given (rule 35)
            return node.value.empty() ? need_value() : true;
        }
        if (field == "client") {
            node.term = TermKind::Client;
            node.value = AsciiLower(value);
            return node.value.empty() ? need_value() : true;
        }
        if (field == "emoji") {
            node.term = TermKind::Emoji;
            EmojiKey(value, node.value);
            return node.value.empty() ? need_value() : true;
        }
        if (field == "type") {
            node.term = TermKind::Type;
            std::string v = AsciiLower(value);
            for (int t = 0; t < kPostTypeCount; ++t) {
                if (v == PostTypeName(static_cast<PostType>(t))) {
                    node.type = static_cast<PostType>(t);
                    return true;
                }
            }
            return Fail(value_at, "type: is one of original, retweet, quote, reply");
        }
        if (field == "has") {
            node.term = TermKind::HasLink;
            if (AsciiLower(value) == "link") return true;
            return Fail(value_at, "has: knows only has:link");
        }
        if (field == "since" || field == "until") {
            node.term = field == "since" ? TermKind::Since : TermKind::Until;
            node.time = ParseQueryDate(value, m_options.zone);
            if (node.time == kNoTime)
                return Fail(value_at, field + ": wants a date, 2017-10-15 or 2017-10-15T20:00 (" +
                                          (m_options.zone.IsUtc() ? std::string("UTC") : m_options.zone.Name()) + ")");
            return true;
        }
        return Fail(position, Cat("unknown field '", run.substr(0, colon), ":' (fields: ", kFieldList,
                                  "; put other text with ':' in quotes)"));
    }

    // ---- tree ----

    const Token& Peek() const { return m_tokens[m_next]; }
    const Token& Take() { return m_tokens[m_next++]; }

    static bool StartsOperand(Token::Kind k) {
        return k == Token::Kind::Term || k == Token::Kind::LParen || k == Token::Kind::Not;
    }

    uint32_t Add(QueryNode node) {
        m_nodes.push_back(std::move(node));
        return static_cast<uint32_t>(m_nodes.size() - 1);
    }

    uint32_t Combine(QueryNode::Kind kind, std::vector<uint32_t> children) {
        if (children.size() == 1) return children[0];
        QueryNode node;
        node.kind = kind;
        node.position = m_nodes[children[0]].position;
        node.children = std::move(children);
        return Add(std::move(node));
    }

    std::optional<uint32_t> ParseOr() {
        std::vector<uint32_t> children;
        for (;;) {
            std::optional<uint32_t> child = ParseAnd();
            if (!child) return std::nullopt;
            children.push_back(*child);
            if (Peek().kind != Token::Kind::Or) break;
            const Token& op = Take();
            if (!StartsOperand(Peek().kind)) return Error(op.position, "OR needs something on its right");
        }
        return Combine(QueryNode::Kind::Or, std::move(children));
    }

    std::optional<uint32_t> ParseAnd() {
        std::vector<uint32_t> children;
        for (;;) {
            std::optional<uint32_t> child = ParseUnary();
            if (!child) return std::nullopt;
            children.push_back(*child);
            if (Peek().kind == Token::Kind::And) {
                const Token& op = Take();
                if (!StartsOperand(Peek().kind)) return Error(op.position, "AND needs something on its right");
            } else if (!StartsOperand(Peek().kind)) {
                break;
            }
        }
        return Combine(QueryNode::Kind::And, std::move(children));
    }

    std::optional<uint32_t> ParseUnary() {
        if (Peek().kind != Token::Kind::Not) return ParsePrimary();
        const Token& op = Take();
        if (!StartsOperand(Peek().kind)) return Error(op.position, "NOT needs something after it");
        std::optional<uint32_t> child = ParseUnary();
        if (!child) return std::nullopt;
        QueryNode node;
        node.kind = QueryNode::Kind::Not;
        node.position = op.position;
        node.children = {*child};
        return Add(std::move(node));
    }

    std::optional<uint32_t> ParsePrimary() {
        const Token& token = Peek();
        switch (token.kind) {
            case Token::Kind::Term: return Add(Take().term);
            case Token::Kind::LParen: {
                size_t open = Take().position;
                if (Peek().kind == Token::Kind::RParen) return Error(open, "empty parentheses");
                std::optional<uint32_t> inner = ParseOr();
                if (!inner) return std::nullopt;
                if (Peek().kind != Token::Kind::RParen)
                    return Error(open, Cat("missing ')' for the '(' at ", std::to_string(open)));
                Take();
                return inner;
            }
            case Token::Kind::RParen: return Error(token.position, "unmatched ')'");
            case Token::Kind::Or: return Error(token.position, "OR needs something on its left");
            case Token::Kind::And: return Error(token.position, "AND needs something on its left");
            case Token::Kind::Not:
            case Token::Kind::End: break;
        }
        return Error(token.position, "the query ends too early");
    }

    std::string_view m_text;
    const QueryOptions& m_options;
    std::vector<Token> m_tokens;
    size_t m_next = 0;
    std::vector<QueryNode> m_nodes;
    QueryError m_error;
    bool m_failed = false;
};

ParsedQuery ParseQuery(std::string_view text, const QueryOptions& options) {
    return QueryParser(text, options).Run();
}

namespace {

void Print(std::span<const QueryNode> nodes, uint32_t index, std::string& out) {
    const QueryNode& n = nodes[index];
    if (n.kind != QueryNode::Kind::Term) {
        out += n.kind == QueryNode::Kind::Not ? "(not" : n.kind == QueryNode::Kind::And ? "(and" : "(or";
        for (uint32_t child : n.children) {
            out += ' ';
            Print(nodes, child, out);
        }
        out += ')';
        return;
    }
    switch (n.term) {
        case TermKind::Text:
            out += '"';
            for (size_t i = 0; i < n.words.size(); ++i)
                out.append(i ? " " : "").append(n.words[i]);
            out += '"';
            return;
        case TermKind::Hashtag: out.append("#").append(n.value); return;
        case TermKind::Mention: out.append("@").append(n.value); return;
        case TermKind::From: out.append("from:").append(n.value); return;
        case TermKind::Lang: out.append("lang:").append(n.value); return;
        case TermKind::Type: out.append("type:").append(PostTypeName(n.type)); return;
        case TermKind::Domain: out.append("domain:").append(n.value); return;
        case TermKind::Emoji: out.append("emoji:").append(n.value); return;
        case TermKind::Client: out.append("client:\"").append(n.value).append("\""); return;
        case TermKind::Url: out.append("url:\"").append(n.value).append("\""); return;
        case TermKind::HasLink: out += "has:link"; return;
        case TermKind::Since: out.append("since:").append(FormatIsoUtc(n.time)); return;
        case TermKind::Until: out.append("until:").append(FormatIsoUtc(n.time)); return;
    }
}

// Text terms scan post text; every other term reads a posting list or a cached column pass.
bool ScansText(std::span<const QueryNode> nodes, uint32_t index) {
    const QueryNode& n = nodes[index];
    if (n.kind == QueryNode::Kind::Term) return n.term == TermKind::Text;
    return std::any_of(n.children.begin(), n.children.end(), [&](uint32_t c) { return ScansText(nodes, c); });
}

}  // namespace

std::string Query::ToString() const {
    if (MatchesAll()) return "*";
    std::string out;
    Print(m_nodes, m_root, out);
    return out;
}

// ---- evaluation ----

void QueryIndex::Refresh() {
    if (m_dataset.Posts() == m_rows && m_dataset.Reassignments() == m_reassignments) return;
    m_rows = m_dataset.Posts();
    m_reassignments = m_dataset.Reassignments();
    for (FieldPostings& p : m_postings)
        p = FieldPostings{};
    for (auto& t : m_types)
        t.reset();
    m_has_link.reset();
    m_block_min.clear();
    m_block_max.clear();
}

void QueryIndex::Build(EntityField field) {
    Refresh();
    FieldPostings& pl = m_postings[static_cast<size_t>(field)];
    if (pl.built) return;
    pl.lists.Build(m_dataset, field);
    pl.built = true;
}

PostingLists::List QueryIndex::Postings(EntityField field, uint32_t id) {
    Build(field);
    return m_postings[static_cast<size_t>(field)].lists.Of(id);
}

std::span<const uint32_t> QueryIndex::IdsByFrequency(EntityField field) {
    Build(field);
    FieldPostings& pl = m_postings[static_cast<size_t>(field)];
    const size_t ids = pl.lists.Ids();
    if (pl.by_frequency.size() != ids) {
        std::vector<uint32_t> length(ids);
        for (uint32_t id = 0; id < ids; ++id)
            length[id] = static_cast<uint32_t>(pl.lists.Of(id).size());
        pl.by_frequency.resize(ids);
        for (uint32_t id = 0; id < ids; ++id)
            pl.by_frequency[id] = id;
        std::stable_sort(pl.by_frequency.begin(), pl.by_frequency.end(),
                         [&](uint32_t a, uint32_t b) { return length[a] > length[b]; });
    }
    return pl.by_frequency;
}

size_t QueryIndex::Entries(EntityField field) {
    Build(field);
    return m_postings[static_cast<size_t>(field)].lists.Entries();
}

size_t QueryIndex::MemoryBytes() const {
    size_t bytes = 0;
    for (const FieldPostings& p : m_postings)
        bytes += p.lists.MemoryBytes() + p.by_frequency.capacity() * sizeof(uint32_t);
    for (const auto& t : m_types)
        bytes += t ? t->MemoryBytes() : 0;
    bytes += (m_block_min.capacity() + m_block_max.capacity()) * sizeof(UnixSeconds);
    return bytes + (m_has_link ? m_has_link->MemoryBytes() : 0);
}

Selection QueryIndex::Select(const Query& query) {
    Refresh();
    if (query.MatchesAll()) return Selection::All(m_rows);
    return Eval(query, query.Root(), nullptr);
}

// Eval returns the rows of `within` (every row when null) that match the node. Knowing `within`
// lets a text term scan only the rows the cheaper terms beside it left over.
Selection QueryIndex::Eval(const Query& q, uint32_t index, const Selection* within) {
    std::span<const QueryNode> nodes = q.Nodes();
    const QueryNode& node = nodes[index];
    switch (node.kind) {
        case QueryNode::Kind::Term: return Term(node, within);
        case QueryNode::Kind::Not: {
            Selection out = within ? *within : Selection::All(m_rows);
            out.AndNot(Eval(q, node.children[0], within));
            return out;
        }
        case QueryNode::Kind::And: {
            std::vector<uint32_t> order = node.children;
            std::stable_partition(order.begin(), order.end(), [&](uint32_t c) { return !ScansText(nodes, c); });
            std::optional<Selection> acc;
            for (uint32_t child : order) {
                acc = Eval(q, child, acc ? &*acc : within);
                if (acc->Empty()) break;
            }
            return std::move(*acc);
        }
        case QueryNode::Kind::Or: {
            std::vector<uint32_t> order = node.children;
            std::stable_partition(order.begin(), order.end(), [&](uint32_t c) { return !ScansText(nodes, c); });
            Selection out(m_rows);
            for (uint32_t child : order) {
                if (ScansText(nodes, child) && !out.Empty()) {
                    // Rows already in the union need no scan.
                    Selection rest = within ? *within : Selection::All(m_rows);
                    rest.AndNot(out);
                    out.Or(Eval(q, child, &rest));
                } else {
                    out.Or(Eval(q, child, within));
                }
            }
            return out;
        }
    }
    return Selection(m_rows);
}

Selection QueryIndex::Union(EntityField field, std::span<const uint32_t> ids) {
    Selection out(m_rows);
    for (uint32_t id : ids)
        Postings(field, id).AddTo(out);
    return out;
}

const Selection& QueryIndex::RowsOfType(PostType type) {
    Refresh();
    auto& slot = m_types[static_cast<size_t>(type)];
    if (!slot) {
        slot.emplace(m_rows);
        std::span<const uint8_t> types = m_dataset.TypeColumn();
        const auto want = static_cast<uint8_t>(type);
        for (size_t r = 0; r < m_rows; ++r)
            if (types[r] == want) slot->Add(static_cast<RowId>(r));
    }
    return *slot;
}

const Selection& QueryIndex::HasLinkSelection() {
    if (!m_has_link) {
        m_has_link.emplace(m_rows);
        for (size_t r = 0; r < m_rows; ++r)
            if (!m_dataset.LinksOf(static_cast<RowId>(r)).empty()) m_has_link->Add(static_cast<RowId>(r));
    }
    return *m_has_link;
}

QueryIndex::TimeBlocks QueryIndex::BlockTimes() {
    Refresh();
    const size_t blocks = (m_rows + 63) / 64;
    if (m_block_min.size() != blocks) {
        const PostTimes& times = m_dataset.TimeColumn();
        m_block_min.assign(blocks, INT64_MAX);
        m_block_max.assign(blocks, INT64_MIN);
        for (size_t r = 0; r < m_rows; ++r) {
            m_block_min[r / 64] = std::min(m_block_min[r / 64], times[r]);
            m_block_max[r / 64] = std::max(m_block_max[r / 64], times[r]);
        }
    }
    return {m_block_min, m_block_max};
}

// Rows with from <= time < to; kNoTime (the smallest value) never falls in a range, as `from` is above it.
Selection QueryIndex::TimeRange(UnixSeconds from, UnixSeconds to, const Selection* within) {
    const PostTimes& times = m_dataset.TimeColumn();
    auto keep = [&](size_t r) { return times[r] >= from && times[r] < to; };
    if (within && within->Count() < m_rows / 16) {
        Selection out(m_rows);
        within->ForEach([&](RowId r) {
            if (keep(r)) out.Add(r);
        });
        return out;
    }
    BlockTimes();
    const size_t blocks = m_block_min.size();
    std::vector<uint64_t> words(blocks, 0);
    for (size_t b = 0; b < blocks; ++b) {
        if (m_block_max[b] < from || m_block_min[b] >= to) continue;
        if (m_block_min[b] >= from && m_block_max[b] < to) {
            words[b] = ~uint64_t{0};
            continue;
        }
        uint64_t bits = 0;
        const size_t end = std::min(m_rows, b * 64 + 64);
        for (size_t r = b * 64; r < end; ++r)
            bits |= static_cast<uint64_t>(keep(r)) << (r - b * 64);
        words[b] = bits;
    }
    Selection out = Selection::FromWords(m_rows, std::move(words));
    if (within) out.And(*within);
    return out;
}

Selection QueryIndex::Term(const QueryNode& node, const Selection* within) {
    const Dataset& ds = m_dataset;
    Selection out(m_rows);
    std::vector<uint32_t> ids;
    switch (node.term) {
        case TermKind::Text: {
            WordMatcher matcher(node.words);
            // Text on disk (rule 85): its rows match once the streaming scan of these words has ended.
            const size_t disk_end = ds.Text().DiskEnd();
            const std::vector<uint64_t>* scanned = disk_end ? ds.Scans().Matches(ds.Text(), node.words) : nullptr;
            auto test = [&](RowId r) {
                if (r < disk_end && ds.Text().OnDiskRow(r)) {
                    if (scanned && ((*scanned)[r / 64] >> (r % 64) & 1)) out.Add(r);
                } else if (matcher.Matches(ds.TextOf(r))) {
                    out.Add(r);
                }
            };
            if (within) {
                within->ForEach(test);
            } else {
                for (size_t r = 0; r < m_rows; ++r)
                    test(static_cast<RowId>(r));
            }
            return out;
        }
        case TermKind::Since:
        case TermKind::Until:
            return node.term == TermKind::Since ? TimeRange(node.time, INT64_MAX, within)
                                                : TimeRange(kNoTime + 1, node.time, within);
        case TermKind::Type: out = RowsOfType(node.type); break;
        case TermKind::HasLink: out = HasLinkSelection(); break;
        case TermKind::Hashtag:
            if (uint32_t id = ds.Hashtags().Find(node.value); id != Dictionary::kNotFound) ids.push_back(id);
            out = Union(EntityField::Hashtag, ids);
            break;
        case TermKind::Mention:
            if (uint32_t id = ds.Mentions().Find(node.value); id != Dictionary::kNotFound) ids.push_back(id);
            out = Union(EntityField::Mention, ids);
            break;
        case TermKind::From:
            for (uint32_t a = 0; a < ds.Authors().Size(); ++a)
                if (ds.Authors().Text(a) == node.value || EqualsAsciiNoCase(ds.AuthorName(a), node.value))
                    ids.push_back(a);
            out = Union(EntityField::Author, ids);
            break;
        case TermKind::Lang:
            for (uint32_t l = 0; l < ds.Languages().Size(); ++l)
                if (EqualsAsciiNoCase(ds.Languages().Text(l), node.value)) ids.push_back(l);
            out = Union(EntityField::Language, ids);
            break;
        case TermKind::Domain: {
            const std::string& want = node.value;
            for (uint32_t d = 0; d < ds.Domains().Size(); ++d) {
                std::string_view host = ds.Domains().Text(d);
                if (host == want ||
                    (host.size() > want.size() && host.ends_with(want) && host[host.size() - want.size() - 1] == '.'))
                    ids.push_back(d);
            }
            out = Union(EntityField::Domain, ids);
            break;
        }
        case TermKind::Url:
            if (uint32_t id = ds.Links().Find(node.value); id != Dictionary::kNotFound) ids.push_back(id);
            out = Union(EntityField::Link, ids);
            break;
        case TermKind::Emoji:
            if (uint32_t id = ds.Emoji().Find(node.value); id != Dictionary::kNotFound) ids.push_back(id);
            out = Union(EntityField::Emoji, ids);
            break;
        case TermKind::Client:
            for (uint32_t c = 0; c < ds.Clients().Size(); ++c)
                if (EqualsAsciiNoCase(ds.Clients().Text(c), node.value)) ids.push_back(c);
            out = Union(EntityField::Client, ids);
            break;
    }
    if (within) out.And(*within);
    return out;
}

}  // namespace chorus::core
