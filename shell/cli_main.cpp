// chorus: the command-line front end of the core.
//
//   chorus summary FILE... [--json]   the summary of the files loaded together as one dataset
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "ingest.hpp"
#include "summary.hpp"
#include "time_utc.hpp"
#include "top_counts.hpp"

namespace {

constexpr const char* kUsage =
    "usage: chorus summary FILE... [--json]\n"
    "  Loads the files as one dataset (Twitter v1.1 JSONL, twarc2 JSONL) and prints its summary.\n"
    "  --json   the machine-readable summary (same as the page's window.chorus.summary())\n";

int Summary(const std::vector<std::string>& files, bool json) {
    chorus::core::Dataset dataset;
    chorus::core::Ingest ingest(dataset);
    int status = 0;
    for (const std::string& path : files) {
        std::string error;
        if (!chorus::core::LoadFile(ingest, path, error)) {
            std::fprintf(stderr, "chorus: %s\n", error.c_str());
            status = 1;
        }
    }
    if (json) {
        std::printf("%s\n", chorus::core::SummaryJson(dataset).c_str());
        return status;
    }
    using chorus::core::PostType;
    chorus::core::Summary s = chorus::core::Summarize(dataset);
    std::printf("posts       %llu\n", static_cast<unsigned long long>(s.posts));
    std::printf("authors     %llu\n", static_cast<unsigned long long>(s.authors));
    std::printf("first       %s\n", chorus::core::FormatIsoUtc(s.first).c_str());
    std::printf("last        %s\n", chorus::core::FormatIsoUtc(s.last).c_str());
    for (int t = 0; t < chorus::core::kPostTypeCount; ++t)
        std::printf("%-11s %llu\n", chorus::core::PostTypeName(static_cast<PostType>(t)),
                    static_cast<unsigned long long>(s.types[static_cast<size_t>(t)]));
    std::printf("duplicates  %llu\nskipped     %llu\n", static_cast<unsigned long long>(s.duplicates),
                static_cast<unsigned long long>(s.skipped));
    std::printf("top hashtags:\n");
    for (const auto& item : chorus::core::TopCounts(dataset, chorus::core::Field::Hashtag, 10))
        std::printf("  %-30s %llu\n", item.text.c_str(), static_cast<unsigned long long>(item.count));
    for (const auto& f : dataset.Files()) {
        std::printf("file %s: %s, %llu posts, %llu skipped\n", f.name.c_str(), f.format.c_str(),
                    static_cast<unsigned long long>(f.posts), static_cast<unsigned long long>(f.skipped));
        for (const auto& p : f.problems)
            std::printf("  line %llu: %s\n", static_cast<unsigned long long>(p.line), p.detail.c_str());
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    std::string command = argv[1];
    if (command != "summary") {
        std::fprintf(stderr, "chorus: unknown command '%s'\n%s", command.c_str(), kUsage);
        return 2;
    }
    bool json = false;
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            std::fprintf(stderr, "chorus: unknown option '%s'\n%s", argv[i], kUsage);
            return 2;
        } else {
            files.emplace_back(argv[i]);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "chorus: summary needs at least one FILE\n%s", kUsage);
        return 2;
    }
    return Summary(files, json);
}
