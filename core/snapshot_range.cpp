// Snapshot::MergeRange: a later range of a JSON-lines file, read apart (ingest_range.hpp), joined to
// the file's report and rows as a sequential read would have left them (COUNTING.md, rule 70); the work is
// Snapshot::RangeMerge's (snapshot_merge.cpp), here done in one go.
#include <cstdint>

#include "snapshot.hpp"

namespace chorus::core {

void Snapshot::MergeRange(const Dataset& part, Dataset& into, uint64_t line_offset, bool continues) {
    RangeMerge(part, into, line_offset, continues).Run();
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
