#include "snapshot.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "snapshot_input.hpp"
#include "snapshot_open.hpp"

namespace chorus::core {
namespace {

// A snapshot's bytes straight from a file (so a file's columns are copied once, into their vectors).
class FileSource : public SnapshotSource {
public:
    explicit FileSource(std::FILE* file) : m_file(file) {}
    bool Take(void* dst, uint64_t n) override { return std::fread(dst, 1, static_cast<size_t>(n), m_file) == n; }

private:
    std::FILE* m_file;
};

}  // namespace

const char* SnapshotErrorName(SnapshotError error) {
    switch (error) {
        case SnapshotError::None: return "none";
        case SnapshotError::CannotRead: return "cannot_read";
        case SnapshotError::CannotWrite: return "cannot_write";
        case SnapshotError::NotASnapshot: return "not_a_snapshot";
        case SnapshotError::UnsupportedVersion: return "unsupported_version";
        case SnapshotError::Truncated: return "truncated";
        case SnapshotError::ChecksumMismatch: return "checksum_mismatch";
        case SnapshotError::Corrupt: return "corrupt";
        case SnapshotError::TooLarge: return "too_large";
    }
    return "unknown";
}

uint64_t Snapshot::Checksum(std::span<const uint8_t> bytes) {
    snapshot_detail::Hasher hasher;
    hasher.Update(bytes.data(), bytes.size());
    return hasher.Final();
}

bool Snapshot::IsSnapshot(std::span<const char> bytes) {
    return bytes.size() >= kMagic.size() && std::string_view(bytes.data(), kMagic.size()) == kMagic;
}

bool Snapshot::IsSnapshotFile(const std::string& path) {
    // Only a regular file can be a snapshot: peeking into a pipe would eat the bytes its reader needs.
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return false;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return false;
    char head[8];
    size_t got = std::fread(head, 1, sizeof head, f);
    std::fclose(f);
    return IsSnapshot(std::span<const char>(head, got));
}

SnapshotStatus Snapshot::Read(std::span<const char> bytes, Dataset& into, const TextOnDisk& text_on_disk) {
    BytesSource source(bytes);
    return SnapshotOpen(source, bytes.size(), into, text_on_disk).Run();
}

SnapshotStatus Snapshot::ReadFrom(SnapshotSource& source, uint64_t total, Dataset& into,
                                  const TextOnDisk& text_on_disk) {
    return SnapshotOpen(source, total, into, text_on_disk).Run();
}

SnapshotStatus Snapshot::Load(const std::string& path, Dataset& into) {
    std::error_code error;
    uint64_t total = std::filesystem::file_size(path, error);
    std::FILE* f = error ? nullptr : std::fopen(path.c_str(), "rb");
    if (f == nullptr)
        return {SnapshotError::CannotRead, path + ": " + (error ? error.message() : std::strerror(errno))};
    FileSource source(f);
    SnapshotStatus status = SnapshotOpen(source, total, into).Run();
    std::fclose(f);
    if (!status.ok()) status.message = path + ": " + status.message;
    return status;
}

}  // namespace chorus::core
