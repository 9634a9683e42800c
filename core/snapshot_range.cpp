// Snapshot::MergeRange: a later range of a JSON-lines file, read apart (ingest_range.hpp), joined to
// the file's report and rows as a sequential read would have left them (COUNTING.md, rule 70).
#include <cassert>
#include <vector>

#include "snapshot.hpp"

namespace chorus::core {

void Snapshot::MergeRange(const Dataset& part, Dataset& into, uint64_t line_offset, bool continues) {
    assert(&part != &into && part.m_files.size() == 1 && (!continues || !into.m_files.empty()));
    const IngestReport& from = part.m_files[0];
    if (!continues) {
        into.m_files.emplace_back();
        into.m_files.back().name = from.name;
    }
    const size_t base = into.m_files.size() - 1;
    {
        IngestReport& report = into.m_files[base];
        if (report.format.empty()) report.format = from.format;
        report.bytes += from.bytes;
        report.lines += from.lines;
        report.posts += from.posts;  // AppendRows takes back the duplicates
        report.duplicates += from.duplicates;
        report.skipped += from.skipped;
        report.cancelled = report.cancelled || from.cancelled;
        for (const auto& [problem, count] : from.counts)
            report.counts[problem] += count;
    }
    std::vector<bool> refused(part.m_time.size(), false);
    AppendRows(part, into, base, &refused);

    // A refused post would not have been looked at in a sequential read, so its no_time / no_author
    // entries go. Dataset::Add lists those in row order: the n-th no_time entry is the n-th row without time.
    std::vector<bool> drop(from.problems.size(), false);
    size_t time_entry = 0, author_entry = 0;
    auto next_entry = [&](size_t& at, Problem problem) {
        while (at < from.problems.size() && from.problems[at].problem != problem)
            ++at;
        return at < from.problems.size() ? at++ : from.problems.size();
    };
    for (size_t row = 0; row < part.m_time.size(); ++row) {
        size_t t = part.m_time[row] == kNoTime ? next_entry(time_entry, Problem::NoTime) : from.problems.size();
        size_t a = part.m_author[row] == Dataset::kNoAuthor ? next_entry(author_entry, Problem::NoAuthor)
                                                            : from.problems.size();
        if (!refused[row]) continue;
        if (t < drop.size()) drop[t] = true;
        if (a < drop.size()) drop[a] = true;
    }
    IngestReport& report = into.m_files[base];
    for (size_t i = 0; i < from.problems.size() && report.problems.size() < IngestReport::kMaxProblems; ++i) {
        if (drop[i]) continue;
        ProblemEntry entry = from.problems[i];
        if (entry.line > 0) entry.line += line_offset;
        report.problems.push_back(std::move(entry));
    }
}

}  // namespace chorus::core

namespace chorus::core {

bool Snapshot::MergesExactly(const Dataset& part, const Dataset& into) {
    for (uint64_t key : part.m_post_id) {
        if (key == Dataset::kNoPostId) continue;
        if ((key & Dataset::kTextIdBit) != 0) {
            uint32_t id = into.m_text_ids.Find(part.m_text_ids.Text(static_cast<uint32_t>(key & ~Dataset::kTextIdBit)));
            if (id == Dictionary::kNotFound) continue;
            key = Dataset::kTextIdBit | id;
        }
        if (into.m_id_index.Find(key, into.m_post_id) != PostIdIndex::kNone) return false;
    }
    // A name per author, each interned when its author first came: then no row carried another name, and
    // AppendRows interns them in the order a sequential read does.
    uint32_t next = 0;
    for (uint32_t name : part.m_author_name)
        if (name != Dictionary::kNotFound && name != next++) return false;
    return next == part.m_names.Size();
}

}  // namespace chorus::core
