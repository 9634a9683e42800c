// PostBuilder: a PostRecord plus the strings a reader had to build for it (internal to core).
//
// Views in a PostRecord must outlive Dataset::Add(); text a reader composes (an id made of
// parts, HTML turned to text) is kept here until the next Begin().
//
//   PostRecord& r = builder.Begin();
//   r.id = builder.Keep("t3_" + std::string(id));
//   builder.Emit(dataset, file, place);
#pragma once

#include <deque>
#include <string>
#include <string_view>

#include "dataset.hpp"

namespace chorus::core {

class PostBuilder {
public:
    PostRecord& Begin() {
        m_record.Clear();
        m_used = 0;
        return m_record;
    }
    PostRecord& Record() { return m_record; }

    // Stores `text` until the next Begin(); the view stays valid that long.
    std::string_view Keep(std::string_view text) {
        std::string& slot = Slot();
        slot.assign(text);
        return slot;
    }
    // A reusable string to build into; valid until the next Begin().
    std::string& Slot() {
        if (m_used == m_storage.size()) m_storage.emplace_back();
        return m_storage[m_used++];
    }

    Dataset::AddResult Emit(Dataset& dataset, size_t file, const RecordPlace& place) {
        return dataset.Add(m_record, file, place);
    }

private:
    PostRecord m_record;
    std::deque<std::string> m_storage;  // deque: earlier slots never move when one is added
    size_t m_used = 0;
};

}  // namespace chorus::core
