#include "ingest.hpp"

#include <cstdio>
#include <cstring>
#include <vector>

#include "tweet_reader.hpp"

namespace chorus::core {

static_assert(Ingest::kPadding >= simdjson::SIMDJSON_PADDING);

struct Ingest::Reader {
    TweetReader tweets;
};

Ingest::Ingest(Dataset& dataset) : m_dataset(dataset), m_reader(std::make_unique<Reader>()) {}
Ingest::~Ingest() = default;

void Ingest::BeginFile(std::string name) {
    if (InFile()) EndFile();
    m_file = m_dataset.BeginFile(std::move(name));
    m_file_bytes = 0;
    m_line = 0;
    m_carry.clear();
}

void Ingest::ConsumeLine(const char* line, size_t size, size_t readable) {
    ++m_line;
    if (m_line == 1 && size >= 3 && std::memcmp(line, "\xEF\xBB\xBF", 3) == 0) {  // UTF-8 byte order mark
        line += 3;
        size -= 3;
        readable -= 3;
    }
    while (size > 0 && (line[size - 1] == '\r' || line[size - 1] == ' ' || line[size - 1] == '\t'))
        --size;
    size_t start = 0;
    while (start < size && (line[start] == ' ' || line[start] == '\t'))
        ++start;
    if (start == size) return;  // blank lines are not records
    IngestReport& report = m_dataset.Report(m_file);
    ++report.lines;
    m_reader->tweets.ReadLine(line + start, size - start, readable - start, m_dataset, m_file, m_line);
}

void Ingest::Feed(const char* data, size_t size) {
    if (!InFile()) return;
    m_dataset.Report(m_file).bytes += size;
    m_file_bytes += size;
    const char* p = data;
    const char* end = data + size;
    if (!m_carry.empty()) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', size));
        if (!nl) {
            m_carry.append(p, size);
            return;
        }
        m_carry.append(p, static_cast<size_t>(nl - p));
        size_t n = m_carry.size();
        m_carry.append(kPadding, ' ');
        ConsumeLine(m_carry.data(), n, m_carry.size());
        m_carry.clear();
        p = nl + 1;
    }
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (!nl) {
            m_carry.assign(p, static_cast<size_t>(end - p));
            break;
        }
        // In place: the bytes after the line (the rest of the slice + kPadding) are readable.
        ConsumeLine(p, static_cast<size_t>(nl - p), static_cast<size_t>(end - p) + kPadding);
        p = nl + 1;
    }
}

void Ingest::EndFile() {
    if (!InFile()) return;
    if (!m_carry.empty()) {
        size_t n = m_carry.size();
        m_carry.append(kPadding, ' ');
        ConsumeLine(m_carry.data(), n, m_carry.size());
        m_carry.clear();
    }
    m_file = kNoFile;
}

void Ingest::CancelFile() {
    if (!InFile()) return;
    IngestReport& report = m_dataset.Report(m_file);
    report.cancelled = true;
    report.Add(Problem::Cancelled, m_line + 1,
               "load cancelled after " + std::to_string(m_file_bytes) + " bytes: the rest of the file was not read");
    m_carry.clear();
    m_file = kNoFile;
}

bool LoadFile(Ingest& ingest, const std::string& path, std::string& error) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return false;
    }
    size_t slash = path.find_last_of('/');
    ingest.BeginFile(slash == std::string::npos ? path : path.substr(slash + 1));
    constexpr size_t kSlice = 4 << 20;
    std::vector<char> buffer(kSlice + Ingest::kPadding, ' ');
    bool ok = true;
    for (;;) {
        size_t n = std::fread(buffer.data(), 1, kSlice, f);
        if (n > 0) ingest.Feed(buffer.data(), n);
        if (n < kSlice) {
            if (std::ferror(f)) {
                error = "read error in " + path;
                ok = false;
            }
            break;
        }
    }
    std::fclose(f);
    ingest.EndFile();
    return ok;
}

}  // namespace chorus::core
