// chorus: the command-line front end of the core.
//
//   chorus summary  FILE... [--json]
//   chorus timeline FILE... [--bin B] [--query Q] [--tz ZONE] [--format csv|json]
//   chorus top      FILE... --field F [-n N] [--include I] [--query Q] [--format csv|json]
//   chorus posts    FILE... [--query Q] [-n N] [--sort time|time-desc|likes|reposts|engagement]
//   chorus peaks    FILE... [--bin B] [--query Q] [--tz ZONE] [--format csv|json]
//   chorus drivers  FILE... --at TIME [--bin B] [--query Q] [--tz ZONE] [--format csv|json]
//   chorus snapshot FILE... -o OUT.chorus
//   chorus merge    A.chorus B.chorus... -o OUT.chorus
// Every command but merge takes --threads N: a plain JSON-lines file is read by N threads in ranges
// (default: one per core; core/parallel_ingest.hpp), with the output of a sequential read (rule 94).
// The files are loaded together as one dataset; a FILE may be a .chorus snapshot (known by its first
// bytes, not its name). Exit status: 0 ok, 1 a file could not be read,
// 2 a usage error (unknown command or option, bad value, query syntax error: all on stderr).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aggregate.hpp"
#include "aggregate_json.hpp"
#include "bin_drivers.hpp"
#include "dataset.hpp"
#include "hashtag_pairs.hpp"
#include "ingest.hpp"
#include "parallel_ingest.hpp"
#include "peaks.hpp"
#include "query.hpp"
#include "snapshot.hpp"
#include "summary.hpp"
#include "time_utc.hpp"
#include "time_zone.hpp"
#include "timeline.hpp"
#include "top_counts.hpp"
#include "words.hpp"

namespace {

using namespace chorus::core;

constexpr const char* kUsage =
    "usage: chorus COMMAND FILE... [OPTIONS]\n"
    "  Loads the files as one dataset (any dump format, or .chorus snapshots) and prints:\n"
    "  summary  [--json]            its summary (--json: the same as the page's window.chorus.summary())\n"
    "  timeline [--bin B]           posts per time bin, zero-filled, over the dataset's span (UTC);\n"
    "                               B = minute|hour|day|week|month|year (default: hour under 3 days, else day)\n"
    "  top      --field F [-n N]    the N (default 10; 0 or all: every value) most frequent values of F =\n"
    "           [--include I]       hashtags|mentions|authors|domains|links|languages|emoji|clients|words|\n"
    "                               bigrams (rule 53: stop words dropped for en es fr de it pt),\n"
    "                               counted in I = both|originals|amplification posts (default both);\n"
    "                               F = cohashtags: pairs of hashtags on the same post (first,second,count)\n"
    "  posts    [-n N] [--sort S]   the selected posts as JSON lines (row, time, type, author, lang, text,\n"
    "                               likes, reposts, replies, quotes: null when not given), in row order or\n"
    "                               S = time|time-desc|likes|reposts|engagement (highest first, ties by time)\n"
    "  peaks    [--bin B]           time bins standing out of their trailing 24 bins (z >= 3, >= 5 posts),\n"
    "                               each with the hashtags, authors and domains that rose most (default hour)\n"
    "  drivers  --at TIME [--bin B] what drove the bin holding TIME (ISO, on --tz's clock without an offset):\n"
    "                               the hashtags, authors and domains whose share rose most against the\n"
    "                               24 bins before it (after it for the data's first bin; rule 105);\n"
    "                               B = minute|hour|day|week or seconds (300, 900 ...), as the page's\n"
    "                               timeline bins (default hour)\n"
    "  snapshot -o OUT              saves the dataset as a .chorus snapshot (reopens without parsing)\n"
    "  merge    -o OUT              merges .chorus snapshots into one, de-duplicating posts by id\n"
    "  timeline, top, posts and peaks take --query Q (the search-box language, core/COUNTING.md \"Queries\")\n"
    "  timeline, top, peaks and drivers take --format csv|json (default csv)\n"
    "  all but merge take --threads N: threads reading one JSON-lines file (default: one per core)\n"
    "  timeline, top, posts and peaks take --tz ZONE (an IANA name, default UTC): since:/until: dates\n"
    "                               are read on its clock; timeline and peaks bins follow its calendar,\n"
    "                               and the output names it (timeline csv: start in local time, count,\n"
    "                               start_utc, tz; peaks: start and end in local time)\n";

// Concatenation by appends (GCC 12 warns falsely, -Wrestrict, on "literal" + std::string).
template <class... Parts>
std::string Cat(const Parts&... parts) {
    std::string out;
    (out.append(parts), ...);
    return out;
}

int Usage(const std::string& message) {
    std::fprintf(stderr, "chorus: %s\n%s", message.c_str(), kUsage);
    return 2;
}

struct Options {
    std::string command;
    std::vector<std::string> files;
    bool json = false;
    std::optional<std::string> query, bin, format, field, include, n, out, tz, sort, at;
    std::optional<std::string> threads;
};

// Which options each command takes; `flag` options take no value.
bool Accepts(const std::string& command, const std::string& option) {
    if (option == "--threads") return command != "merge";
    if (option == "--tz")
        return command == "timeline" || command == "top" || command == "posts" || command == "peaks" ||
               command == "drivers";
    if (command == "summary") return option == "--json";
    if (command == "timeline") return option == "--bin" || option == "--query" || option == "--format";
    if (command == "top")
        return option == "--field" || option == "-n" || option == "--include" || option == "--query" ||
               option == "--format";
    if (command == "posts") return option == "--query" || option == "-n" || option == "--sort";
    if (command == "peaks") return option == "--bin" || option == "--query" || option == "--format";
    if (command == "drivers")
        return option == "--at" || option == "--bin" || option == "--query" || option == "--format";
    if (command == "snapshot" || command == "merge") return option == "-o";
    return false;
}

std::optional<std::string>* Slot(Options& o, const std::string& option) {
    if (option == "--query") return &o.query;
    if (option == "--tz") return &o.tz;
    if (option == "--bin") return &o.bin;
    if (option == "--format") return &o.format;
    if (option == "--field") return &o.field;
    if (option == "--include") return &o.include;
    if (option == "-n") return &o.n;
    if (option == "-o") return &o.out;
    if (option == "--threads") return &o.threads;
    if (option == "--sort") return &o.sort;
    if (option == "--at") return &o.at;
    return nullptr;
}

// Parses argv; returns 0, or the exit status of a usage error (already reported).
int ParseArgs(int argc, char** argv, Options& o) {
    o.command = argv[1];
    if (o.command != "summary" && o.command != "timeline" && o.command != "top" && o.command != "posts" &&
        o.command != "peaks" && o.command != "drivers" && o.command != "snapshot" && o.command != "merge")
        return Usage(Cat("unknown command '", o.command, "'"));
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.size() < 2 || arg[0] != '-') {
            o.files.push_back(arg);
            continue;
        }
        if (!Accepts(o.command, arg)) return Usage(Cat("unknown option '", arg, "' for ", o.command));
        if (arg == "--json") {
            o.json = true;
            continue;
        }
        if (i + 1 == argc) return Usage(arg + " needs a value");
        *Slot(o, arg) = argv[++i];
    }
    if (o.files.empty()) return Usage(o.command + " needs at least one FILE");
    if ((o.command == "snapshot" || o.command == "merge") && !o.out) return Usage(o.command + " needs -o OUT");
    return 0;
}

int Load(const std::vector<std::string>& files, Dataset& dataset, const ParallelOptions& parallel) {
    Ingest ingest(dataset);
    int status = 0;
    for (const std::string& path : files) {
        if (Snapshot::IsSnapshotFile(path)) {
            SnapshotStatus loaded = Snapshot::Load(path, dataset);
            if (!loaded.ok()) {
                std::fprintf(stderr, "chorus: %s\n", loaded.message.c_str());
                status = 1;
            }
            continue;
        }
        std::string error;
        if (!LoadFileInRanges(ingest, dataset, path, parallel, error)) {
            std::fprintf(stderr, "chorus: %s\n", error.c_str());
            status = 1;
        }
    }
    return status;
}

int Summary(const Dataset& dataset, bool json) {
    if (json) {
        std::printf("%s\n", SummaryJson(dataset).c_str());
        return 0;
    }
    chorus::core::Summary s = Summarize(dataset);
    std::printf("posts       %llu\n", static_cast<unsigned long long>(s.posts));
    std::printf("authors     %llu\n", static_cast<unsigned long long>(s.authors));
    std::printf("first       %s\n", FormatIsoUtc(s.first).c_str());
    std::printf("last        %s\n", FormatIsoUtc(s.last).c_str());
    for (int t = 0; t < kPostTypeCount; ++t)
        std::printf("%-11s %llu\n", PostTypeName(static_cast<PostType>(t)),
                    static_cast<unsigned long long>(s.types[static_cast<size_t>(t)]));
    std::printf("duplicates  %llu\nskipped     %llu\n", static_cast<unsigned long long>(s.duplicates),
                static_cast<unsigned long long>(s.skipped));
    std::printf("top hashtags:\n");
    for (const auto& item : TopCounts(dataset, Field::Hashtag, 10))
        std::printf("  %-30s %llu\n", item.text.c_str(), static_cast<unsigned long long>(item.count));
    for (const auto& f : dataset.Files()) {
        std::printf("file %s: %s, %llu posts, %llu skipped\n", f.name.c_str(), f.format.c_str(),
                    static_cast<unsigned long long>(f.posts), static_cast<unsigned long long>(f.skipped));
        for (const auto& p : f.problems)
            std::printf("  line %llu: %s\n", static_cast<unsigned long long>(p.line), p.detail.c_str());
    }
    return 0;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled.
std::string CsvField(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool ParseCount(const std::string& text, size_t& out) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    out = static_cast<size_t>(std::strtoul(text.c_str(), nullptr, 10));
    return true;
}

// A drivers bin width: a name, or seconds the timeline could draw (core::ValidBinStep).
bool ParseBinStep(const std::string& text, int64_t& step) {
    static constexpr std::pair<std::string_view, int64_t> kNames[] = {
        {"minute", kMinute}, {"hour", kHour}, {"day", kDay}, {"week", kWeek}};
    for (const auto& [name, seconds] : kNames) {
        if (text != name) continue;
        step = seconds;
        return true;
    }
    size_t seconds = 0;
    if (!ParseCount(text, seconds)) return false;
    step = static_cast<int64_t>(seconds);
    return ValidBinStep(step);
}

int Run(const Options& o) {
    bool json = false;
    if (o.format) {
        if (*o.format != "csv" && *o.format != "json")
            return Usage(Cat("--format is csv or json, not '", *o.format, "'"));
        json = *o.format == "json";
    }
    std::optional<TimeBin> bin;
    if (o.bin && o.command != "drivers") {
        TimeBin b{};
        if (!ParseTimeBin(*o.bin, b))
            return Usage(Cat("--bin is minute, hour, day, week, month or year, not '", *o.bin, "'"));
        bin = b;
    }
    EntityField field = EntityField::Hashtag;
    const bool pairs = o.command == "top" && o.field == "cohashtags";
    std::optional<WordList> words;  // top --field words|bigrams (rule 53)
    if (o.command == "top") {
        if (!o.field) return Usage("top needs --field");
        WordList list = WordList::Words;
        if (!pairs && ParseWordList(*o.field, list)) words = list;
        if (!pairs && !words && !ParseEntityField(*o.field, field))
            return Usage(
                Cat("--field is hashtags, mentions, authors, domains, links, languages, emoji, clients, words, "
                    "bigrams or cohashtags, not '",
                    *o.field, "'"));
    }
    Amplification include = Amplification::Both;
    if (o.include && !ParseAmplification(*o.include, include))
        return Usage(Cat("--include is both, originals or amplification, not '", *o.include, "'"));
    size_t n = o.command == "top" ? 10 : SIZE_MAX;
    if (o.n && *o.n != "all" && !ParseCount(*o.n, n)) return Usage(Cat("-n wants a count or all, not '", *o.n, "'"));
    if (o.n && (*o.n == "all" || (o.command == "top" && n == 0))) n = SIZE_MAX;  // rule 106: the full list
    std::optional<PostOrder> order;
    if (o.sort && !ParsePostOrder(*o.sort, order.emplace()))
        return Usage(Cat("--sort is time, time-desc, likes, reposts or engagement, not '", *o.sort, "'"));
    TimeZone zone;
    if (o.tz) {
        TimeZoneResult loaded = LoadTimeZone(*o.tz);
        if (!loaded.ok()) return Usage("--tz: " + loaded.error);
        zone = loaded.zone;
    }
    BinDriversOptions drivers_options;
    UnixSeconds drivers_at = kNoTime;
    if (o.command == "drivers") {
        if (!o.at) return Usage("drivers needs --at TIME");
        drivers_options.zone = zone;
        if (!ParseBinStep(o.bin.value_or("hour"), drivers_options.step))
            return Usage(Cat("--bin is minute, hour, day, week or seconds dividing a day, not '", *o.bin, "'"));
        // With Z or an offset after the time, as written; without, a time on the zone's clock.
        const size_t t = o.at->find('T');
        const bool offset = t != std::string::npos && o.at->find_first_of("Zz+-", t) != std::string::npos;
        drivers_at = ParseIsoTime(offset ? *o.at : *o.at + "Z");
        if (!offset && drivers_at != kNoTime) drivers_at = zone.LocalToUtc(drivers_at);
        if (drivers_at == kNoTime) return Usage(Cat("--at wants an ISO time, not '", *o.at, "'"));
    }
    const std::string query_text = o.query.value_or("");
    ParsedQuery parsed = ParseQuery(query_text, QueryOptions{zone});
    if (!parsed.ok()) {
        std::fprintf(stderr, "chorus: query error at %zu: %s\n  %s\n  %*s^\n", parsed.error->position,
                     parsed.error->message.c_str(), query_text.c_str(), static_cast<int>(parsed.error->position), "");
        return 2;
    }

    if (o.command == "merge") {
        for (const std::string& path : o.files)
            if (!Snapshot::IsSnapshotFile(path)) {
                std::fprintf(stderr,
                             "chorus: %s: not a .chorus snapshot (merge takes snapshots; snapshot takes dumps)\n",
                             path.c_str());
                return 1;
            }
    }
    Dataset dataset;
    ParallelOptions parallel;
    size_t threads = 0;
    if (o.threads && (!ParseCount(*o.threads, threads) || threads == 0 || threads > 1024))
        return Usage(Cat("--threads wants a count from 1 to 1024, not '", *o.threads, "'"));
    parallel.threads = static_cast<unsigned>(threads);
    int status = Load(o.files, dataset, parallel);
    if (o.command == "snapshot" || o.command == "merge") {
        if (status != 0) return status;  // never save a dataset missing one of its inputs
        SnapshotStatus saved = Snapshot::Save(dataset, *o.out);
        if (!saved.ok()) {
            std::fprintf(stderr, "chorus: %s\n", saved.message.c_str());
            return 1;
        }
        std::printf("%s: %zu posts from %zu files, %llu duplicates\n", o.out->c_str(), dataset.Posts(),
                    dataset.Files().size(), static_cast<unsigned long long>(dataset.Duplicates()));
        return 0;
    }
    if (o.command == "summary") {
        int s = Summary(dataset, o.json);
        return status != 0 ? status : s;
    }
    QueryIndex index(dataset);
    Selection rows = index.Select(parsed.query);

    if (o.command == "timeline") {
        if (!bin) {
            const auto& times = dataset.SortedTimes();
            bin = times.empty() || DefaultStep(times.front(), times.back()) == kDay ? TimeBin::Day : TimeBin::Hour;
        }
        TimeSeries series = CountByTime(dataset, rows, *bin, zone);
        if (json) {
            std::printf("%s\n", TimeSeriesJson(series, rows.Count(), query_text).c_str());
        } else if (zone.IsUtc()) {
            std::printf("start,count\n");
            for (size_t i = 0; i < series.counts.size(); ++i)
                std::printf("%s,%llu\n", FormatIsoUtc(series.edges[i]).c_str(),
                            static_cast<unsigned long long>(series.counts[i]));
        } else {
            std::printf("start,count,start_utc,tz\n");  // start: local time with its offset, in --tz
            for (size_t i = 0; i < series.counts.size(); ++i)
                std::printf("%s,%llu,%s,%s\n", FormatIsoLocal(series.edges[i], zone).c_str(),
                            static_cast<unsigned long long>(series.counts[i]), FormatIsoUtc(series.edges[i]).c_str(),
                            CsvField(zone.Name()).c_str());
        }
    } else if (pairs) {
        PairList top = TopHashtagPairs(dataset, rows, n, include);
        if (json) {
            std::printf("%s\n", PairListJson(top, include, query_text).c_str());
        } else {
            std::printf("first,second,count\n");
            for (const HashtagPair& p : top.items)
                std::printf("%s,%s,%llu\n", CsvField(p.first).c_str(), CsvField(p.second).c_str(),
                            static_cast<unsigned long long>(p.count));
        }
    } else if (o.command == "top") {
        TopList top = words ? TopWords(dataset, rows, n, include, *words) : TopK(index, rows, field, n, include);
        if (json) {
            std::string_view name = words ? WordListName(*words) : EntityFieldName(field);
            std::printf("%s\n", TopListJson(top, name, include, query_text).c_str());
        } else {
            std::printf("value,count\n");
            for (const TopItem& item : top.items)
                std::printf("%s,%llu\n", CsvField(item.text).c_str(), static_cast<unsigned long long>(item.count));
        }
    } else if (o.command == "drivers") {
        BinDrivers found = FindBinDrivers(dataset, rows, drivers_at, drivers_options);
        if (json) {
            std::printf("%s\n", BinDriversJson(found, query_text).c_str());
        } else {
            std::printf("field,value,count,baseline_count,share,baseline_share,rise\n");
            const std::pair<const char*, const std::vector<PeakDriver>*> fields[] = {
                {"hashtags", &found.hashtags}, {"authors", &found.authors}, {"domains", &found.domains}};
            for (const auto& [name, list] : fields)
                for (const PeakDriver& d : *list)
                    std::printf("%s,%s,%llu,%llu,%.6f,%.6f,%.6f\n", name, CsvField(d.text).c_str(),
                                static_cast<unsigned long long>(d.count),
                                static_cast<unsigned long long>(d.window_count), d.share, d.window_share, d.rise);
        }
    } else if (o.command == "peaks") {
        PeakOptions options;
        options.bin = bin.value_or(TimeBin::Hour);
        options.zone = zone;  // bins of the zone's clock, as `timeline --tz` counts them
        PeakReport report = FindPeaks(dataset, rows, options);
        if (json) {
            std::printf("%s\n", PeaksJson(report, query_text).c_str());
        } else {
            auto list = [](const std::vector<PeakDriver>& drivers) {
                std::string out;
                for (const PeakDriver& d : drivers)
                    out += Cat(out.empty() ? "" : ";", d.text, ":", std::to_string(d.count));
                return CsvField(out);
            };
            std::printf("start,end,count,mean,stddev,z,hashtags,authors,domains\n");
            for (const Peak& p : report.peaks)
                std::printf("%s,%s,%llu,%.3f,%.3f,%.3f,%s,%s,%s\n", FormatIsoLocal(p.start, zone).c_str(),
                            FormatIsoLocal(p.end, zone).c_str(), static_cast<unsigned long long>(p.count), p.mean,
                            p.stddev, p.z, list(p.hashtags).c_str(), list(p.authors).c_str(), list(p.domains).c_str());
        }
    } else {
        std::vector<RowId> list = rows.ToRows();
        if (order) SortPosts(dataset, list, *order);
        for (size_t i = 0; i < list.size() && i < n; ++i)
            std::printf("%s\n", PostJson(dataset, list[i]).c_str());
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    Options options;
    if (int status = ParseArgs(argc, argv, options); status != 0) return status;
    return Run(options);
}
