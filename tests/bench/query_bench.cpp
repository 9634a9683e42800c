// query_bench: how fast queries and aggregates run over a large dataset (a program that prints
// numbers, not a test).
//
//   query_bench [--posts N] [--repeat R] [--seed S] [--open FILE.chorus]
// Builds a synthetic Dataset of N posts (default 1000000) straight through Dataset::Add (no JSON):
// authors, hashtags, mentions and link domains drawn from Zipf-like (rank ~ 1/r) distributions,
// 60% retweets (which copy a recent, popular post's text and entities, as real retweets do), 10%
// quotes, 10% replies, a language mix led by English, 30 days of posts in time order with a daily
// cycle and three bursts, texts of ~12 words from a Zipf vocabulary. Then prints one JSON line per
// measurement: posting-list builds; for each query: parse + select, then over its result top-10
// hashtags, authors and domains (TopK over the index; the row-by-row TopK for hashtags as a reference)
// and the day histogram one by one (total_ms = select + those four), and the same four counted
// together by CountOverview (select_plus_overview_ms: what a view pays when the query changes); the
// median of R runs (default 5). The last line gives the resident bytes per post.
// --open reads a .chorus snapshot instead of building posts (prints the time to reopen it and the bytes
// of the dumps it was read from), then measures the same (scale.sh: gen_dump's posts at 1M-30M).
// Built natively and for node (NODERAWFS), like ingest_bench.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "aggregate.hpp"
#include "dataset.hpp"
#include "query.hpp"
#include "snapshot.hpp"
#include "words.hpp"

using namespace chorus::core;

namespace {

double Ms(const std::function<void()>& f) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Concatenation by appends (GCC 12 warns falsely, -Wrestrict, on "literal" + std::string).
template <class... Parts>
std::string Cat(const Parts&... parts) {
    std::string out;
    (out.append(parts), ...);
    return out;
}

std::string JsonEscape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// Bytes per post of each structure: used (size) and held (capacity), one JSON line.
void PrintParts(const Dataset& ds, const char* stage) {
    double per = static_cast<double>(std::max<size_t>(ds.Posts(), 1));
    std::string line =
        Cat("{\"bench\": \"memory_parts\", \"stage\": \"", stage, "\", \"posts\": ", std::to_string(ds.Posts()));
    double used = 0, held = 0, held_text = 0;
    char buf[160];
    for (const Dataset::MemoryPart& p : ds.MemoryParts()) {
        std::snprintf(buf, sizeof buf, ", \"%s\": [%.2f, %.2f]", p.name, static_cast<double>(p.size) / per,
                      static_cast<double>(p.capacity) / per);
        line += buf;
        bool text = std::strcmp(p.name, "text") == 0 || std::strcmp(p.name, "text_offsets") == 0;
        (text ? held_text : held) += static_cast<double>(p.capacity) / per;
        if (!text) used += static_cast<double>(p.size) / per;
    }
    std::snprintf(buf, sizeof buf, ", \"without_text_used\": %.2f, \"without_text_held\": %.2f, \"text_held\": %.2f}",
                  used, held, held_text);
    line += buf;
    std::puts(line.c_str());
}

double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// A rank in [0, n) with P(rank) ~ 1 / (rank + 1): log-uniform, the continuous form of Zipf with s = 1.
size_t Zipf(std::mt19937_64& rng, size_t n) {
    double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    auto r = static_cast<size_t>(std::exp(u * std::log(static_cast<double>(n) + 1.0))) - 1;
    return std::min(r, n - 1);
}

// Pronounceable pseudo-words, so texts look like texts to the word splitter.
std::string Word(size_t rank) {
    static constexpr const char* kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi",
                                                 "be", "da", "fo", "gu", "he", "ji", "po", "ze"};
    std::string w;
    do {
        w += kSyllables[rank % 16];
        rank /= 16;
    } while (rank > 0);
    return w;
}

struct Draft {
    std::string text;
    std::vector<std::string> tags, mentions, links;
};

struct Synthetic {
    size_t authors, tags, domains, vocabulary;
};

void Build(Dataset& ds, size_t n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    Synthetic s{std::max<size_t>(n / 10, 100), std::max<size_t>(n / 50, 100), 5000, 50000};
    static constexpr const char* kLangs[] = {"en", "en", "en", "en", "en", "en", "en", "en", "en", "en",
                                             "en", "es", "es", "fr", "fr", "ja", "ja", "pt", "de", "und"};
    const UnixSeconds start = 1508025600;  // 2017-10-15T00:00Z
    const double span = 30.0 * 86400;
    std::vector<std::string> words(s.vocabulary);
    for (size_t i = 0; i < s.vocabulary; ++i)
        words[i] = Word(i);
    std::vector<Draft> recent(1000);  // recent originals, most popular first-ranked for retweets
    size_t recent_count = 0;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    PostRecord r;
    Draft d;
    std::string id, author, name;
    size_t file = ds.BeginFile("synthetic");
    for (size_t i = 0; i < n; ++i) {
        // Time: in order, denser by day than by night, three bursts at days 5, 12 and 21.
        double x = static_cast<double>(i) / static_cast<double>(n);
        double t = x * span;
        t += 3600.0 * std::sin(2 * std::numbers::pi * t / 86400.0);
        for (double burst : {5.3, 12.6, 21.1})
            t -= 20000.0 * std::exp(-std::pow((t / 86400.0 - burst) * 8, 2));
        double roll = unit(rng);
        PostType type = roll < 0.6   ? PostType::Retweet
                        : roll < 0.7 ? PostType::Quote
                        : roll < 0.8 ? PostType::Reply
                                     : PostType::Original;
        if (type == PostType::Retweet && recent_count > 0) {
            d = recent[Zipf(rng, std::min(recent_count, recent.size()))];
        } else {
            d.text.clear();
            d.tags.clear();
            d.mentions.clear();
            d.links.clear();
            size_t nwords = 6 + rng() % 14;
            for (size_t w = 0; w < nwords; ++w)
                d.text.append(w ? " " : "").append(words[Zipf(rng, s.vocabulary)]);
            double tags_roll = unit(rng);
            size_t ntags = tags_roll < 0.4 ? 0 : tags_roll < 0.75 ? 1 : tags_roll < 0.93 ? 2 : 3;
            for (size_t k = 0; k < ntags; ++k) {
                d.tags.push_back(Cat("tag", std::to_string(Zipf(rng, s.tags))));
                d.text.append(" #").append(d.tags.back());
            }
            if (unit(rng) < 0.5) {
                d.mentions.push_back(Cat("user", std::to_string(Zipf(rng, s.authors))));
                d.text = Cat("@", d.mentions.back(), " ", d.text);
            }
            if (unit(rng) < 0.25) {
                d.links.push_back(Cat("https://www.site", std::to_string(Zipf(rng, s.domains)), ".com/p/",
                                      std::to_string(rng() % 100000)));
            }
            if (type == PostType::Original || type == PostType::Quote) {
                // Newest originals enter at a random place: some go viral, most do not.
                size_t slot = recent_count < recent.size() ? recent_count++ : Zipf(rng, recent.size());
                recent[slot] = d;
            }
        }
        id = std::to_string(1000000000000000000ull + i);
        size_t a = Zipf(rng, s.authors);
        author = std::to_string(10000 + a);
        name = Cat("user", std::to_string(a));
        r.Clear();
        r.id = id;
        r.time = start + static_cast<UnixSeconds>(std::max(0.0, t));
        r.type = type;
        r.author_id = author;
        r.author_name = name;
        r.lang = kLangs[rng() % 20];
        r.text = d.text;
        for (const auto& v : d.tags)
            r.hashtags.push_back(v);
        for (const auto& v : d.mentions)
            r.mentions.push_back(v);
        for (const auto& v : d.links)
            r.links.push_back(v);
        ds.Add(r, file, i + 1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    size_t n = 1000000;
    int repeat = 5;
    uint64_t seed = 42;
    const char* open = nullptr;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--posts") == 0) {
            n = static_cast<size_t>(std::strtoull(argv[i + 1], nullptr, 10));
        } else if (std::strcmp(argv[i], "--repeat") == 0) {
            repeat = std::max(1, std::atoi(argv[i + 1]));
        } else if (std::strcmp(argv[i], "--seed") == 0) {
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (std::strcmp(argv[i], "--open") == 0) {
            open = argv[i + 1];
        } else {
            std::fprintf(stderr, "usage: query_bench [--posts N] [--repeat R] [--seed S] [--open FILE.chorus]\n");
            return 2;
        }
    }
    Dataset ds;
    if (open) {
        SnapshotStatus status;
        double open_ms = Ms([&] { status = Snapshot::Load(open, ds); });
        if (!status.ok()) {
            std::fprintf(stderr, "query_bench: %s\n", status.message.c_str());
            return 1;
        }
        uint64_t source = 0;
        for (const IngestReport& f : ds.Files())
            source += f.bytes;
        n = ds.Posts();
        std::printf("{\"bench\": \"reopen\", \"posts\": %zu, \"ms\": %.1f, \"source_bytes\": %llu}\n", n, open_ms,
                    static_cast<unsigned long long>(source));
    }
    double build_ms = open ? 0.0 : Ms([&] { Build(ds, n, seed); });
    std::printf("{\"bench\": \"build\", \"posts\": %zu, \"ms\": %.1f, \"hashtags\": %u, \"authors\": %u}\n", ds.Posts(),
                build_ms, ds.Hashtags().Size(), ds.Authors().Size());
    double sort_ms = Ms([&] { ds.SortedTimes(); });
    std::printf("{\"bench\": \"sorted_times\", \"posts\": %zu, \"ms\": %.1f}\n", n, sort_ms);
    PrintParts(ds, "added");
    double fit_ms = Ms([&] { ds.ShrinkToFit(); });  // what Ingest::EndFile pays (Dataset::FileEnded)
    std::printf("{\"bench\": \"shrink_to_fit\", \"posts\": %zu, \"ms\": %.1f}\n", n, fit_ms);
    PrintParts(ds, "fitted");

    QueryIndex index(ds);
    for (EntityField f : {EntityField::Hashtag, EntityField::Mention, EntityField::Author, EntityField::Domain,
                          EntityField::Language}) {
        double ms = Ms([&] {
            index.Build(f);
            index.IdsByFrequency(f);
        });
        std::printf("{\"bench\": \"postings\", \"posts\": %zu, \"field\": \"%s\", \"ms\": %.1f}\n", n,
                    EntityFieldName(f), ms);
    }

    // Top words and bigrams (rule 53) are counted from the text arena when asked: the whole dataset
    // and one hashtag's posts.
    for (WordList list : {WordList::Words, WordList::Bigrams}) {
        for (const char* text : {"", "#tag0"}) {
            Selection rows = index.Select(ParseQuery(text).query);
            std::vector<double> runs;
            for (int rep = 0; rep < repeat; ++rep)
                runs.push_back(Ms([&] { TopWords(ds, rows, 10, Amplification::Both, list); }));
            std::printf("{\"bench\": \"top_%s\", \"posts\": %zu, \"query\": \"%s\", \"selected\": %zu, \"ms\": %.1f}\n",
                        WordListName(list), n, text, rows.Count(), Median(runs));
        }
    }

    // The most frequent word after the top few, so a word query selects a realistic few percent.
    const std::string word = Word(40);
    const std::vector<std::string> queries = {"",
                                              "lang:en",
                                              "-type:retweet",
                                              "#tag0",
                                              "#tag50",
                                              "#tag0 OR #tag1",
                                              "#tag0 lang:en",
                                              "#tag0 -type:retweet",
                                              "type:original lang:fr",
                                              "since:2017-10-20 until:2017-10-22",
                                              "domain:site3.com",
                                              word,
                                              Cat("#tag0 ", word),
                                              Cat("\"", Word(3), " ", Word(7), "\"")};
    // What a view shows at once: three top lists and the day histogram, counted together.
    const OverviewRequest request{
        {EntityField::Hashtag, EntityField::Author, EntityField::Domain}, 10, Amplification::Both, TimeBin::Day};
    for (const std::string& text : queries) {
        std::vector<double> select, top_tags, top_authors, top_domains, days, total, scan, overview, filter_overview;
        size_t count = 0;
        for (int rep = 0; rep < repeat; ++rep) {
            Selection rows;
            double t_select = Ms([&] { rows = index.Select(ParseQuery(text).query); });
            double t_tags = Ms([&] { TopK(index, rows, EntityField::Hashtag, 10); });
            double t_authors = Ms([&] { TopK(index, rows, EntityField::Author, 10); });
            double t_domains = Ms([&] { TopK(index, rows, EntityField::Domain, 10); });
            scan.push_back(Ms([&] { TopK(ds, rows, EntityField::Hashtag, 10); }));
            overview.push_back(Ms([&] { CountOverview(index, rows, request); }));
            filter_overview.push_back(t_select + overview.back());
            double t_days = Ms([&] { CountByTime(ds, rows, TimeBin::Day); });
            count = rows.Count();
            select.push_back(t_select);
            top_tags.push_back(t_tags);
            top_authors.push_back(t_authors);
            top_domains.push_back(t_domains);
            days.push_back(t_days);
            total.push_back(t_select + t_tags + t_authors + t_domains + t_days);
        }
        std::printf(
            "{\"bench\": \"query\", \"posts\": %zu, \"query\": \"%s\", \"selected\": %zu, \"select_ms\": %.2f, "
            "\"top_hashtags_ms\": %.2f, \"top_authors_ms\": %.2f, \"top_domains_ms\": %.2f, \"day_histogram_ms\": "
            "%.2f, \"total_ms\": %.2f, \"top_hashtags_row_scan_ms\": %.2f, \"overview_ms\": %.2f, "
            "\"select_plus_overview_ms\": %.2f}\n",
            n, JsonEscape(text).c_str(), count, Median(select), Median(top_tags), Median(top_authors),
            Median(top_domains), Median(days), Median(total), Median(scan), Median(overview), Median(filter_overview));
    }

    Dataset::Memory m = ds.MemoryBytes();
    double per = static_cast<double>(std::max<size_t>(n, 1));
    std::printf(
        "{\"bench\": \"memory\", \"posts\": %zu, \"columns_bytes_per_post\": %.1f, \"text_bytes_per_post\": %.1f, "
        "\"dictionary_bytes_per_post\": %.1f, \"id_index_bytes_per_post\": %.1f, \"query_index_bytes_per_post\": %.1f, "
        "\"resident_without_text_per_post\": %.1f}\n",
        n, static_cast<double>(m.columns) / per, static_cast<double>(m.text) / per,
        static_cast<double>(m.dictionaries) / per, static_cast<double>(m.ids) / per,
        static_cast<double>(index.MemoryBytes()) / per,
        static_cast<double>(m.columns + m.dictionaries + m.ids + index.MemoryBytes()) / per);
    return 0;
}
