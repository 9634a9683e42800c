#include "query_evaluation.hpp"

#include <algorithm>
#include <bit>
#include <optional>
#include <span>

#include "dataset.hpp"
#include "query_text.hpp"

namespace chorus::core {
namespace {

constexpr size_t kBlockWords = 64;  // rows are evaluated 4,096 at a time

using Block = std::vector<uint64_t>;  // the bits of a block's rows: bit (row & 63) of word (row >> 6) - first

bool Any(const Block& b) {
    return std::any_of(b.begin(), b.end(), [](uint64_t w) { return w != 0; });
}

}  // namespace

struct QueryEvaluation::State {
    QueryIndex* index = nullptr;
    Query query;
    size_t rows = 0;  // the dataset's rows at Start()
    bool running = false;
    std::vector<uint64_t> words;  // the result, filled up to `next`
    size_t next = 0;
    // Per node of the query: the whole rows of a term the index answers (evaluated by Start()), the
    // matcher of a word or phrase, and whether the node's subtree tests text.
    std::vector<std::optional<Selection>> whole;
    std::vector<std::optional<WordMatcher>> matchers;
    std::vector<bool> scans_text;

    bool Prepare(uint32_t i) {
        const QueryNode& node = query.Nodes()[i];
        bool text = node.kind == QueryNode::Kind::Term && node.term == TermKind::Text;
        if (text)
            matchers[i].emplace(node.words);
        else if (node.kind == QueryNode::Kind::Term)
            whole[i] = index->Term(node, nullptr);
        for (uint32_t c : node.children)
            text = Prepare(c) || text;
        scans_text[i] = text;
        return text;
    }

    // The rows of `within` (the block starting at word `first`) that match node i: QueryIndex::Eval's
    // order and shortcuts, so that words and phrases test the same rows.
    Block Eval(uint32_t i, size_t first, const Block& within) {
        const QueryNode& node = query.Nodes()[i];
        Block out(within.size(), 0);
        switch (node.kind) {
            case QueryNode::Kind::Term:
                if (matchers[i]) {
                    TestText(node, *matchers[i], first, within, out);
                } else {
                    std::span<const uint64_t> all = whole[i]->Words().subspan(first, within.size());
                    for (size_t k = 0; k < out.size(); ++k)
                        out[k] = all[k] & within[k];
                }
                return out;
            case QueryNode::Kind::Not: {
                const Block child = Eval(node.children[0], first, within);
                for (size_t k = 0; k < out.size(); ++k)
                    out[k] = within[k] & ~child[k];
                return out;
            }
            case QueryNode::Kind::And: {
                Block acc = within;
                for (uint32_t child : Ordered(node)) {
                    acc = Eval(child, first, acc);
                    if (!Any(acc)) break;
                }
                return acc;
            }
            case QueryNode::Kind::Or:
                for (uint32_t child : Ordered(node)) {
                    Block rest = within;
                    if (scans_text[child])  // rows already in the union need no scan
                        for (size_t k = 0; k < rest.size(); ++k)
                            rest[k] &= ~out[k];
                    const Block got = Eval(child, first, rest);
                    for (size_t k = 0; k < out.size(); ++k)
                        out[k] |= got[k];
                }
                return out;
        }
        return out;
    }

    // The children, those that need no text first (as QueryIndex::Eval orders them).
    std::vector<uint32_t> Ordered(const QueryNode& node) const {
        std::vector<uint32_t> order = node.children;
        std::stable_partition(order.begin(), order.end(), [&](uint32_t c) { return !scans_text[c]; });
        return order;
    }

    // A word or phrase over the rows of `within`: the on-disk rows once their scan has ended (rule 85), the
    // others by their text in memory.
    void TestText(const QueryNode& node, WordMatcher& matcher, size_t first, const Block& within, Block& out) const {
        const Dataset& ds = index->Data();
        const size_t disk_end = ds.Text().DiskEnd();  // rows on disk (a snapshot's, a dump's) lie below it
        const std::vector<uint64_t>* scanned = disk_end ? ds.Scans().Matches(ds.Text(), node.words) : nullptr;
        for (size_t k = 0; k < within.size(); ++k) {
            uint64_t bits = within[k], hits = 0;
            while (bits != 0) {
                const auto bit = static_cast<unsigned>(std::countr_zero(bits));
                bits &= bits - 1;
                const auto r = static_cast<RowId>(((first + k) << 6) | bit);
                const bool hit = r < disk_end && ds.Text().OnDiskRow(r)
                                     ? scanned && (((*scanned)[r / 64] >> (r % 64)) & 1)
                                     : matcher.Matches(ds.TextOf(r));
                hits |= static_cast<uint64_t>(hit) << bit;
            }
            out[k] = hits;
        }
    }
};

QueryEvaluation::QueryEvaluation() : m(std::make_unique<State>()) {}
QueryEvaluation::~QueryEvaluation() = default;

void QueryEvaluation::Start(QueryIndex& index, const Query& query) {
    State& s = *m;
    index.Refresh();
    s.index = &index;
    s.query = query;
    s.rows = index.m_rows;
    s.words.assign((s.rows + 63) / 64, query.MatchesAll() ? ~uint64_t{0} : 0);
    s.next = query.MatchesAll() ? s.words.size() : 0;
    const size_t nodes = query.Nodes().size();
    s.whole.assign(nodes, std::nullopt);
    s.matchers.clear();
    s.matchers.resize(nodes);
    s.scans_text.assign(nodes, false);
    if (!query.MatchesAll()) s.Prepare(query.Root());
    s.running = true;
}

bool QueryEvaluation::Step(size_t rows) {
    State& s = *m;
    if (!s.running) return true;
    // Without a word or phrase, the blocks only combine the terms' bitmaps: all of them at once.
    if (!s.scans_text.empty() && !s.scans_text[s.query.Root()]) rows = SIZE_MAX;
    size_t done = 0;
    while (s.next < s.words.size() && (done == 0 || done < rows)) {
        const size_t n = std::min(kBlockWords, s.words.size() - s.next);
        Block within(n, ~uint64_t{0});
        if (s.next + n == s.words.size() && s.rows % 64 != 0) within.back() = (uint64_t{1} << (s.rows % 64)) - 1;
        const Block got = s.Eval(s.query.Root(), s.next, within);
        std::copy(got.begin(), got.end(), s.words.begin() + static_cast<std::ptrdiff_t>(s.next));
        s.next += n;
        done += n * 64;
    }
    return s.next >= s.words.size();
}

bool QueryEvaluation::Done() const {
    return !m->running || m->next >= m->words.size();
}

bool QueryEvaluation::Running() const {
    return m->running;
}

double QueryEvaluation::Progress() const {
    return m->words.empty() ? 1.0 : static_cast<double>(m->next) / static_cast<double>(m->words.size());
}

void QueryEvaluation::Cancel() {
    m->running = false;
    m->whole.clear();
}

Selection QueryEvaluation::TakeResult() {
    State& s = *m;
    s.running = false;
    s.whole.clear();  // the terms' bitmaps are not needed any more
    return Selection::FromWords(s.rows, std::move(s.words));
}

}  // namespace chorus::core
