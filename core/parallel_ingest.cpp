#include "parallel_ingest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <vector>

#include "container.hpp"
#include "dataset.hpp"
#include "ingest.hpp"
#include "ingest_range.hpp"
#include "snapshot.hpp"

namespace chorus::core {

namespace {

constexpr size_t kSlice = size_t{1} << 20;  // bytes read at a time by each thread
constexpr size_t kProbe = size_t{1} << 20;  // the format must be settled within the file's first bytes
constexpr uint64_t kMinRange = uint64_t{64} << 10;
constexpr uint64_t kMaxRange = uint64_t{16} << 20;

// Reads up to `size` bytes at `at`; -1 on a read error. Short only at the end of the file.
ssize_t ReadAt(int fd, char* into, size_t size, uint64_t at) {
    size_t got = 0;
    while (got < size) {
        ssize_t n = ::pread(fd, into + got, size - got, static_cast<off_t>(at + got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(got);
}

// The continuation seed of a file starting with these bytes: 0 when they do not settle a JSON-lines
// format a later range can continue from.
uint8_t ProbeSeed(const std::string& name, std::vector<char>& head) {
    Dataset scratch;
    Ingest ingest(scratch);
    ingest.BeginFile(name);
    const size_t size = head.size();
    head.resize(size + Ingest::kPadding, ' ');
    ingest.Feed(head.data(), size);
    return ingest.ReadsCsv() ? 0 : ingest.ContinuationSeed();
}

struct Part {
    Dataset dataset;
    uint64_t lines = 0;
};

// The ranges of one file, read by `threads` threads and handed to the merging thread in order.
class RangeLoad {
public:
    RangeLoad(int fd, std::string name, uint64_t size, uint64_t range_bytes, size_t ahead)
        : m_fd(fd), m_name(std::move(name)), m_size(size), m_range(range_bytes), m_ahead(ahead) {}

    void Read() {
        std::vector<char> buffer(kSlice + Ingest::kPadding, ' ');
        for (;;) {
            size_t index = 0;
            uint64_t begin = 0, end = 0;
            uint8_t seed = 0;
            {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, [&] { return m_failed || Finished() || Dispatchable(); });
                if (m_failed || Finished()) return;
                index = m_dispatched++;
                std::tie(begin, end) = Bounds(index);
                seed = m_seed;
            }
            auto part = std::make_unique<Part>();
            Ingest ingest(part->dataset);
            RangeReader range(ingest, m_name, begin, end, seed);
            bool told = index != 0;  // the first range tells the others where they start
            for (uint64_t at = range.ReadFrom(); at < m_size;) {
                ssize_t n = ReadAt(m_fd, buffer.data(), kSlice, at);
                if (n <= 0) {
                    if (n < 0) Fail(std::strerror(errno));
                    break;
                }
                at += static_cast<uint64_t>(n);
                const bool done = range.Feed(buffer.data(), static_cast<size_t>(n));
                if (!told && range.Seed() != 0) {
                    Tell(range.Seed(), range.Next());
                    told = true;
                }
                if (done) break;
            }
            ingest.EndFile();
            if (!told) Tell(0, m_size);  // no seed: the first range was the whole file
            part->lines = ingest.Lines();
            {
                std::lock_guard lock(m_mutex);
                m_parts[index] = std::move(part);
            }
            m_cv.notify_all();
        }
    }

    // Merges the parts into `into` (`ingest` writes there) in file order as they come; a part that would not
    // merge exactly (Snapshot::MergesExactly) is read again in place by `ingest`. False after a read error.
    bool Merge(Ingest& ingest, Dataset& into, std::string& failure) {
        uint64_t line_offset = 0;
        for (size_t k = 0;; ++k) {
            std::unique_ptr<Part> part;
            {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, [&] { return m_failed || (m_told && k >= m_ranges) || m_parts.count(k) != 0; });
                if (m_failed) {
                    failure = m_failure;
                    return false;
                }
                if (m_told && k >= m_ranges) return true;
                part = std::move(m_parts[k]);
                m_parts.erase(k);
            }
            if (Snapshot::MergesExactly(part->dataset, into)) {
                Snapshot::MergeRange(part->dataset, into, line_offset, k > 0);
            } else if (!ReadInPlace(ingest, k, line_offset)) {
                Fail(std::strerror(errno));
                failure = m_failure;
                return false;
            }
            line_offset += part->lines;
            {
                std::lock_guard lock(m_mutex);
                m_merged = k + 1;
            }
            m_cv.notify_all();
        }
    }

private:
    std::pair<uint64_t, uint64_t> Bounds(size_t index) const {
        const uint64_t begin = index == 0 ? 0 : m_next + (index - 1) * m_range;
        return {begin, std::min(m_size, begin + m_range)};
    }

    // Reads range k again straight into the dataset `ingest` writes to, after the ranges before it.
    bool ReadInPlace(Ingest& ingest, size_t k, uint64_t lines_before) {
        const auto [begin, end] = Bounds(k);
        std::optional<RangeReader> first;
        std::optional<RangeCutter> cut;
        if (k == 0) {
            first.emplace(ingest, m_name, begin, end, 0);
        } else {
            ingest.ContinueLastFile(m_seed, lines_before);
            cut.emplace(begin, end);
        }
        std::vector<char> buffer(kSlice + Ingest::kPadding, ' ');
        bool ok = true;
        for (uint64_t at = first ? first->ReadFrom() : cut->ReadFrom(); at < m_size;) {
            ssize_t n = ReadAt(m_fd, buffer.data(), kSlice, at);
            if (n <= 0) {
                ok = n == 0;
                break;
            }
            at += static_cast<uint64_t>(n);
            if (first) {
                if (first->Feed(buffer.data(), static_cast<size_t>(n))) break;
                continue;
            }
            std::string_view mine = cut->Take(buffer.data(), static_cast<size_t>(n));
            if (!mine.empty()) ingest.Feed(mine.data(), mine.size());
            if (cut->Done()) break;
        }
        ingest.EndFile();
        return ok;
    }

    bool Finished() const { return m_told && m_dispatched >= m_ranges; }
    // The next range may start: the first at once, the others once the first has told where, and no more
    // than m_ahead ranges read but not merged (memory stays bounded).
    bool Dispatchable() const {
        return m_dispatched < m_ranges && (m_dispatched == 0 || m_told) && m_dispatched - m_merged < m_ahead;
    }
    void Tell(uint8_t seed, uint64_t next) {
        {
            std::lock_guard lock(m_mutex);
            m_seed = seed;
            m_next = next;
            m_ranges = seed == 0 || next >= m_size ? 1 : 1 + (m_size - next + m_range - 1) / m_range;
            m_told = true;
        }
        m_cv.notify_all();
    }
    void Fail(const char* why) {
        {
            std::lock_guard lock(m_mutex);
            if (!m_failed) m_failure = why;
            m_failed = true;
        }
        m_cv.notify_all();
    }

    const int m_fd;
    const std::string m_name;
    const uint64_t m_size, m_range;
    const size_t m_ahead;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_told = false;  // the first range knows its seed (or read the whole file)
    uint8_t m_seed = 0;
    uint64_t m_next = 0;  // where the second range starts
    size_t m_ranges = 1;  // known once m_told
    size_t m_dispatched = 0, m_merged = 0;
    std::map<size_t, std::unique_ptr<Part>> m_parts;  // read, not merged yet
    bool m_failed = false;
    std::string m_failure;
};

}  // namespace

bool LoadFileInRanges(Ingest& ingest, Dataset& dataset, const std::string& path, const ParallelOptions& options,
                      std::string& error) {
    const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads <= 1) return LoadFile(ingest, path, error);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return LoadFile(ingest, path, error);  // it says why
    struct stat st {};
    const uint64_t size = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
    uint64_t range = options.range_bytes;
    if (range == 0) range = std::clamp(size / (uint64_t{4} * threads), kMinRange, kMaxRange);
    const size_t slash = path.find_last_of('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::vector<char> head;
    if (size > range) {
        head.resize(static_cast<size_t>(std::min<uint64_t>(size, kProbe)));
        ssize_t n = ReadAt(fd, head.data(), head.size(), 0);
        head.resize(n > 0 ? static_cast<size_t>(n) : 0);
    }
    if (head.size() < 4 || SniffPacking(head.data(), head.size()) != Packing::Plain || ProbeSeed(name, head) == 0) {
        ::close(fd);
        return LoadFile(ingest, path, error);
    }

    RangeLoad load(fd, name, size, range, threads + 2);
    std::vector<std::thread> readers;
    for (unsigned t = 0; t < threads; ++t)
        readers.emplace_back([&load] { load.Read(); });
    std::string failure;
    const bool ok = load.Merge(ingest, dataset, failure);
    for (std::thread& t : readers)
        t.join();
    ::close(fd);
    if (!ok) error = "read error in " + path + ": " + failure + " (what was read before stays loaded)";
    return ok;
}

}  // namespace chorus::core
