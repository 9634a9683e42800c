// Format detection, part two: the records inside one JSON document, found without parsing them.
//
// A document's records are the elements of its root array, or of the first list under a known
// key of its root object ("statuses", "orderedItems", "items", "feed", "posts"); any other root
// object is one record (COUNTING.md, rule 19). The scanner only follows strings and brackets:
// each record is parsed later, on its own, so a broken record costs that record only.
//
//   ScanDocument(text, start, [&](const DocumentRecord& r) { Read(text.substr(r.begin, r.end - r.begin)); });
//
// Records are numbered from 1 in list order; a lone root object has item 0 (it is read like a line).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace chorus::core {

struct DocumentRecord {
    size_t begin = 0;   // byte offset of the record's first byte in the file
    size_t end = 0;     // one past its last byte
    uint64_t line = 0;  // 1-based line where it starts
    uint64_t item = 0;  // 1-based position in the list; 0 for a lone root object
    bool root_array = false;
    std::string_view list_key;  // the root object's key whose list holds the record ("" otherwise)
};

struct DocumentScan {
    std::string list_key;  // the root object's key whose list holds the records ("" otherwise)
    bool root_array = false;
    uint64_t records = 0;  // records handed to the callback
    std::string error;     // "" when the document is whole; else what broke and where
    uint64_t error_line = 0;
    uint64_t error_item = 0;          // the record that was cut or broken (0: none was)
    bool error_loses_record = false;  // true when bytes of an unfinished record were not read
};

// Scans `text[start ..]` (start: the document's '[' or '{'); `allow_semicolon`: a JavaScript
// assignment may end in ';'. Calls `on_record` for every complete record, in order.
DocumentScan ScanDocument(std::string_view text, size_t start, bool allow_semicolon,
                          const std::function<void(const DocumentRecord&)>& on_record);

}  // namespace chorus::core
