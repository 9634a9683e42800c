#include "text_scan.hpp"

#include <algorithm>
#include <cassert>

#include "query_text.hpp"

namespace chorus::core {
namespace {

std::string KeyOf(const std::vector<std::string>& words) {
    std::string key;
    for (const std::string& w : words)
        key.append(w).push_back('\x1f');
    return key;
}

// The first on-disk row at or after `row` (DiskEnd() when none).
size_t FirstOnDisk(const TextStore& store, size_t row) {
    while (row < store.DiskEnd() && !store.OnDiskRow(row))
        ++row;
    return row;
}

}  // namespace

const std::vector<uint64_t>* TextScans::Matches(const TextStore& store, const std::vector<std::string>& words) {
    std::string key = KeyOf(words);
    auto it = m_scans.find(key);
    if (it == m_scans.end()) {
        Scan scan;
        scan.words = words;
        scan.bits.assign((store.DiskEnd() + 63) / 64, 0);
        scan.done = !store.Unreadable().empty() || store.DiskEnd() == 0;
        if (scan.done) ++m_finished;
        it = m_scans.emplace(key, std::move(scan)).first;
        m_order.push_back(key);
    }
    return it->second.done ? &it->second.bits : nullptr;
}

bool TextScans::Next(const TextStore& store, uint64_t max_bytes, Piece& piece) {
    for (const std::string& key : m_order) {
        const Scan& scan = m_scans.at(key);
        if (scan.done) continue;
        size_t first = scan.next_row;
        if (first < store.DiskRows()) {  // a snapshot's rows: one stretch of its text section
            size_t end = first + 1;
            const uint64_t start = store.Offsets()[first];
            while (end < store.DiskRows() && store.Offsets()[end + 1] - start <= max_bytes)
                ++end;
            piece.first = first;
            piece.end = end;
            piece.place = store.PlaceOf(first, end);
            return true;
        }
        // A dump's rows (rule 102): the bytes from the first on-disk row's span to the last one's end, in one
        // file; rows in memory between them are skipped.
        first = FirstOnDisk(store, first);
        assert(first < store.DiskEnd());  // the last row below DiskEnd() is on disk
        piece.first = first;
        piece.place = store.PlaceOf(first);
        size_t end = first + 1;
        for (; end < store.DiskEnd(); ++end) {
            if (!store.OnDiskRow(end)) continue;
            const TextStore::Place next = store.PlaceOf(end);
            if (next.file != piece.place.file || next.offset < piece.place.offset + piece.place.length ||
                next.offset + next.length - piece.place.offset > max_bytes)
                break;
            piece.place.length = next.offset + next.length - piece.place.offset;
        }
        piece.end = end;
        return true;
    }
    return false;
}

void TextScans::Feed(const TextStore& store, const Piece& piece, std::string_view bytes) {
    if (bytes.size() != piece.place.length || piece.end > store.DiskEnd()) return;
    const std::vector<uint64_t>& offsets = store.Offsets();
    std::string decoded;
    for (const std::string& key : m_order) {
        Scan& scan = m_scans.at(key);
        if (scan.done || FirstOnDisk(store, scan.next_row) != piece.first) continue;
        WordMatcher matcher(scan.words);
        for (size_t r = piece.first; r < piece.end; ++r) {
            std::string_view text;
            if (r < store.DiskRows()) {
                text = bytes.substr(static_cast<size_t>(offsets[r] - offsets[piece.first]),
                                    static_cast<size_t>(offsets[r + 1] - offsets[r]));
            } else if (store.OnDiskRow(r)) {
                const TextStore::Place place = store.PlaceOf(r);
                if (place.offset < piece.place.offset) continue;
                const std::string_view raw = bytes.substr(static_cast<size_t>(place.offset - piece.place.offset),
                                                          static_cast<size_t>(place.length));
                if (!DecodeSpan(place.coding, raw, decoded)) continue;  // not the file read: no match
                text = decoded;
            } else {
                continue;  // in memory: the query reads it there
            }
            if (matcher.Matches(text)) scan.bits[r / 64] |= uint64_t{1} << (r % 64);
        }
        scan.next_row = piece.end;
        if (scan.next_row >= store.DiskEnd()) {
            scan.done = true;
            ++m_finished;
        }
    }
}

void TextScans::Abandon() {
    for (auto& [key, scan] : m_scans) {
        if (scan.done) continue;
        std::fill(scan.bits.begin(), scan.bits.end(), 0);  // no partial answer: none of the on-disk rows
        scan.done = true;
        ++m_finished;
    }
}

bool TextScans::Scanning() const {
    for (const auto& [key, scan] : m_scans)
        if (!scan.done) return true;
    return false;
}

double TextScans::Progress(const TextStore& store) const {
    size_t rows = 0, done = 0;
    for (const auto& [key, scan] : m_scans) {
        if (scan.done) continue;
        rows += store.DiskEnd();
        done += scan.next_row;
    }
    return rows == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(rows);
}

}  // namespace chorus::core
