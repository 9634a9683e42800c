#include "text_scan.hpp"

#include <algorithm>

#include "query_text.hpp"

namespace chorus::core {
namespace {

std::string KeyOf(const std::vector<std::string>& words) {
    std::string key;
    for (const std::string& w : words)
        key.append(w).push_back('\x1f');
    return key;
}

}  // namespace

const std::vector<uint64_t>* TextScans::Matches(const TextStore& store, const std::vector<std::string>& words) {
    std::string key = KeyOf(words);
    auto it = m_scans.find(key);
    if (it == m_scans.end()) {
        Scan scan;
        scan.words = words;
        scan.bits.assign((store.DiskRows() + 63) / 64, 0);
        scan.done = !store.Unreadable().empty() || store.DiskRows() == 0;
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
        size_t end = scan.next_row + 1;
        const uint64_t start = store.Offsets()[scan.next_row];
        while (end < store.DiskRows() && store.Offsets()[end + 1] - start <= max_bytes)
            ++end;
        piece.first = scan.next_row;
        piece.end = end;
        piece.place = store.PlaceOf(piece.first, piece.end);
        return true;
    }
    return false;
}

void TextScans::Feed(const TextStore& store, const Piece& piece, std::string_view bytes) {
    if (bytes.size() != piece.place.length || piece.end > store.DiskRows()) return;
    const std::vector<uint64_t>& offsets = store.Offsets();
    for (const std::string& key : m_order) {
        Scan& scan = m_scans.at(key);
        if (scan.done || scan.next_row != piece.first) continue;
        WordMatcher matcher(scan.words);
        for (size_t r = piece.first; r < piece.end; ++r) {
            std::string_view text = bytes.substr(static_cast<size_t>(offsets[r] - offsets[piece.first]),
                                                 static_cast<size_t>(offsets[r + 1] - offsets[r]));
            if (matcher.Matches(text)) scan.bits[r / 64] |= uint64_t{1} << (r % 64);
        }
        scan.next_row = piece.end;
        if (scan.next_row == store.DiskRows()) {
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
        rows += store.DiskRows();
        done += scan.next_row;
    }
    return rows == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(rows);
}

}  // namespace chorus::core
