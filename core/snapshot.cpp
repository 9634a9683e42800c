#include "snapshot.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <type_traits>
#include <utility>

#include "snapshot_tag.hpp"

namespace chorus::core {
namespace {

// Columns are written and read as memory images: the layout is little-endian, so is every host we build for.
static_assert(std::endian::native == std::endian::little, "snapshots assume a little-endian host");

std::string TagText(uint32_t tag) {
    std::string out;
    for (int i = 0; i < 4; ++i) {
        auto c = static_cast<char>((tag >> (8 * i)) & 0xFF);
        out += c >= ' ' && c <= '~' ? c : '?';
    }
    return out;
}

// ---- reading ----

// Reads a byte range; every read is bounds-checked and a failed read leaves ok() false for good.
class Cursor {
public:
    Cursor(const uint8_t* data, size_t size) : m_data(data), m_size(size) {}
    bool ok() const { return m_ok; }
    bool AtEnd() const { return m_at == m_size; }
    template <class T>
    T Get() {
        T value{};
        if (!Need(sizeof(T))) return value;
        std::memcpy(&value, m_data + m_at, sizeof(T));
        m_at += sizeof(T);
        return value;
    }
    std::string_view Bytes(uint64_t size) {
        if (!Need(size)) return {};
        std::string_view out(reinterpret_cast<const char*>(m_data + m_at), static_cast<size_t>(size));
        m_at += static_cast<size_t>(size);
        return out;
    }
    std::string Str() {
        auto size = Get<uint32_t>();
        return std::string(Bytes(size));
    }

private:
    bool Need(uint64_t size) {
        if (!m_ok || size > m_size - m_at) m_ok = false;
        return m_ok;
    }
    const uint8_t* m_data;
    size_t m_size;
    size_t m_at = 0;
    bool m_ok = true;
};

SnapshotStatus Fail(SnapshotError error, std::string message) {
    return {error, std::move(message)};
}

// The snapshot's checksum, fed in pieces of any size: four 64-bit lanes over 32-byte stripes, then the
// tail bytes one by one.
class Hasher {
public:
    void Update(const uint8_t* p, size_t n) {
        m_total += n;
        if (m_carried != 0) {
            size_t take = std::min(n, sizeof m_carry - m_carried);
            std::memcpy(m_carry + m_carried, p, take);
            m_carried += take;
            p += take;
            n -= take;
            if (m_carried < sizeof m_carry) return;
            Stripe(m_carry);
            m_carried = 0;
        }
        for (; n >= 32; p += 32, n -= 32)
            Stripe(p);
        if (n != 0) std::memcpy(m_carry, p, n);
        m_carried = n;
    }
    uint64_t Final() const {
        uint64_t h = m_total * kP1;
        for (uint64_t lane : m_lanes)
            h = std::rotl((h ^ lane) * kP2, 27);
        for (size_t i = 0; i < m_carried; ++i)
            h = (h ^ m_carry[i]) * kP1;
        h ^= h >> 33;
        h *= kP2;
        h ^= h >> 29;
        return h;
    }

private:
    static constexpr uint64_t kP1 = 0x9E3779B185EBCA87ull, kP2 = 0xC2B2AE3D27D4EB4Full;
    void Stripe(const uint8_t* p) {
        for (size_t k = 0; k < 4; ++k) {
            uint64_t word = 0;
            std::memcpy(&word, p + 8 * k, 8);
            m_lanes[k] = std::rotl(m_lanes[k] + word * kP2, 31) * kP1;
        }
    }
    uint64_t m_lanes[4] = {kP1, kP2, ~kP1, ~kP2};
    uint8_t m_carry[32] = {};
    size_t m_carried = 0;
    uint64_t m_total = 0;
};

// The payload, from memory or straight from a file (so a file's columns are copied once, into their
// vectors), hashed as it is taken.
class Input {
public:
    Input(const uint8_t* data, uint64_t size) : m_data(data), m_left(size), m_size(size) {}
    Input(std::FILE* file, uint64_t size) : m_file(file), m_left(size), m_size(size) {}
    Input(SnapshotSource& source, uint64_t size) : m_source(&source), m_left(size), m_size(size) {}

    // Copies the next n bytes to dst; false (for good) when fewer remain or the file fails.
    bool Take(void* dst, uint64_t n) {
        if (!m_ok || n > m_left) return m_ok = false;
        if (n == 0) return true;
        if (m_source != nullptr) {
            if (!m_source->Take(dst, n)) {
                m_io_error = true;
                return m_ok = false;
            }
        } else if (m_file != nullptr) {
            if (std::fread(dst, 1, static_cast<size_t>(n), m_file) != n) {
                m_io_error = true;
                return m_ok = false;
            }
        } else {
            std::memcpy(dst, m_data, static_cast<size_t>(n));
            m_data += n;
        }
        m_hasher.Update(static_cast<const uint8_t*>(dst), static_cast<size_t>(n));
        m_left -= n;
        return true;
    }
    template <class T>
    T Get() {
        T value{};
        Take(&value, sizeof(T));
        return value;
    }
    // Hashes whatever is left, so a damaged file reads as a checksum mismatch, not as corrupt content.
    void Drain() {
        if (m_file == nullptr && m_source == nullptr) {
            m_hasher.Update(m_data, static_cast<size_t>(m_left));
            m_left = 0;
            return;
        }
        std::vector<uint8_t> buffer(1 << 16);
        m_ok = true;
        while (m_left != 0 && Take(buffer.data(), std::min<uint64_t>(m_left, buffer.size()))) {
        }
    }
    bool ok() const { return m_ok; }
    bool IoError() const { return m_io_error; }
    uint64_t Left() const { return m_left; }
    uint64_t Taken() const { return m_size - m_left; }  // payload bytes taken so far
    // Takes n bytes through a small buffer, hashed but kept nowhere.
    bool Pass(uint64_t n) {
        std::vector<uint8_t> buffer(1 << 16);
        while (n != 0 && m_ok) {
            const uint64_t step = std::min<uint64_t>(n, buffer.size());
            Take(buffer.data(), step);
            n -= step;
        }
        return m_ok;
    }
    uint64_t Checksum() const { return m_hasher.Final(); }

private:
    const uint8_t* m_data = nullptr;
    std::FILE* m_file = nullptr;
    SnapshotSource* m_source = nullptr;
    uint64_t m_left;
    uint64_t m_size;
    bool m_ok = true;
    bool m_io_error = false;
    Hasher m_hasher;
};

class Reader {
public:
    explicit Reader(Input& input) : m_in(input) {}

    // Starts the next section, which must carry `tag` and fit in what is left; Skip() ends it.
    bool Section(uint32_t tag, uint64_t& length) {
        auto got = m_in.Get<uint32_t>();
        m_in.Get<uint32_t>();
        length = m_in.Get<uint64_t>();
        if (!m_in.ok() || length > m_in.Left()) return Error("section " + TagText(tag) + " runs past the end");
        if (got != tag) return Error("expected section " + TagText(tag) + ", found " + TagText(got));
        return true;
    }
    bool EndSection(uint32_t tag, uint64_t length) {
        char padding[8];
        if (!m_in.Take(padding, (8 - length % 8) % 8)) return Error("section " + TagText(tag) + " runs past the end");
        return true;
    }
    bool Bytes(uint32_t tag, std::string& out) {
        uint64_t length = 0;
        if (!Section(tag, length)) return false;
        out.resize(static_cast<size_t>(length));
        return m_in.Take(out.data(), length) && EndSection(tag, length);
    }

    template <class T>
    bool Array(uint32_t tag, std::vector<T>& out) {
        uint64_t length = 0;
        if (!Section(tag, length)) return false;
        if (length % sizeof(T) != 0) return Error("section " + TagText(tag) + " has a partial value");
        out.resize(static_cast<size_t>(length / sizeof(T)));
        return m_in.Take(out.data(), length) && EndSection(tag, length);
    }

    // A section read through and not kept (its bytes still count in the checksum): `at` is where its bytes
    // start in the payload, `length` how many there are.
    bool Pass(uint32_t tag, uint64_t& at, uint64_t& length) {
        if (!Section(tag, length)) return false;
        at = m_in.Taken();
        return m_in.Pass(length) && EndSection(tag, length);
    }

    bool Dict(uint32_t tag, Dictionary& dict) {
        uint64_t length = 0;
        if (!Section(tag, length)) return false;
        auto count = m_in.Get<uint32_t>();
        m_in.Get<uint32_t>();
        if (!m_in.ok() || length < 16 || count > (length - 16) / 8)
            return Error("dictionary " + TagText(tag) + " is cut short");
        std::vector<uint64_t> offsets(static_cast<size_t>(count) + 1);
        if (!m_in.Take(offsets.data(), offsets.size() * 8) || offsets[0] != 0 ||
            offsets.back() != length - 8 - offsets.size() * 8)
            return Error("dictionary " + TagText(tag) + " has the wrong length");
        std::string& text = m_scratch;  // reused: its pages are touched once for every dictionary
        text.resize(static_cast<size_t>(offsets.back()));
        if (!m_in.Take(text.data(), text.size()) || !EndSection(tag, length)) return false;
        dict.Reserve(count);
        for (uint32_t i = 0; i < count; ++i) {
            if (offsets[i + 1] < offsets[i] || offsets[i + 1] > text.size())
                return Error("dictionary " + TagText(tag) + " has bad offsets");
            std::string_view s = std::string_view(text).substr(static_cast<size_t>(offsets[i]),
                                                               static_cast<size_t>(offsets[i + 1] - offsets[i]));
            if (dict.Intern(s) != i) return Error("dictionary " + TagText(tag) + " repeats a string");
        }
        return true;
    }

    bool Error(std::string message) {
        if (m_message.empty()) m_message = std::move(message);
        return false;
    }
    const std::string& Message() const { return m_message; }

private:
    Input& m_in;
    std::string m_message;
    std::string m_scratch;
};

bool ValidProblem(uint8_t value) {
    return std::strcmp(ProblemName(static_cast<Problem>(value)), "unknown") != 0;
}

bool ReadFiles(Reader& reader, std::vector<IngestReport>& files) {
    std::string section;
    if (!reader.Bytes(Tag("FILE"), section)) return false;
    Cursor c(reinterpret_cast<const uint8_t*>(section.data()), section.size());
    auto count = c.Get<uint32_t>();
    constexpr size_t kLeastReportBytes = 4 + 4 + 5 * 8 + 1 + 4 + 4;  // two empty names, no problems
    if (!c.ok() || count > section.size() / kLeastReportBytes) return reader.Error("the file reports are cut short");
    files.resize(count);
    for (IngestReport& f : files) {
        f.name = c.Str();
        f.format = c.Str();
        f.bytes = c.Get<uint64_t>();
        f.lines = c.Get<uint64_t>();
        f.posts = c.Get<uint64_t>();
        f.duplicates = c.Get<uint64_t>();
        f.skipped = c.Get<uint64_t>();
        f.cancelled = c.Get<uint8_t>() != 0;
        auto counts = c.Get<uint32_t>();
        for (uint32_t i = 0; i < counts && c.ok(); ++i) {
            auto problem = c.Get<uint8_t>();
            auto n = c.Get<uint64_t>();
            if (!ValidProblem(problem)) return reader.Error("a file report names an unknown problem");
            f.counts[static_cast<Problem>(problem)] = n;
        }
        auto listed = c.Get<uint32_t>();
        if (!c.ok() || listed > IngestReport::kMaxProblems) return reader.Error("a file report is cut short");
        for (uint32_t i = 0; i < listed && c.ok(); ++i) {
            ProblemEntry entry{};
            auto problem = c.Get<uint8_t>();
            if (!ValidProblem(problem)) return reader.Error("a file report names an unknown problem");
            entry.problem = static_cast<Problem>(problem);
            entry.line = c.Get<uint64_t>();
            entry.item = c.Get<uint64_t>();
            entry.detail = c.Str();
            f.problems.push_back(std::move(entry));
        }
        if (!c.ok()) return reader.Error("a file report is cut short");
    }
    if (!c.AtEnd()) return reader.Error("the file reports have trailing bytes");
    return true;
}

// Offsets of a list column: n + 1 of them, from 0, never decreasing, ending at the list's size.
template <class Offset>
bool ValidOffsets(const std::vector<Offset>& offsets, size_t rows, uint64_t size) {
    if (offsets.size() != rows + 1 || offsets[0] != 0 || offsets.back() != size) return false;
    for (size_t i = 0; i < rows; ++i)
        if (offsets[i + 1] < offsets[i]) return false;
    return true;
}

// Every id names a value of a dictionary of `size` values, or is `none` (kNoNone: no "none" allowed).
constexpr uint32_t kNoNone = 0;
bool IdsWithin(const std::vector<uint32_t>& ids, uint32_t size, uint32_t none) {
    for (uint32_t id : ids)
        if (id >= size && (none == kNoNone || id != none)) return false;
    return true;
}

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
    Hasher hasher;
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

namespace {

struct Header {
    uint32_t version = 0, sections = 0;
    uint64_t payload = 0, checksum = 0;
};

// Reads the header from the first `size` bytes of a snapshot of `total` bytes.
SnapshotStatus ReadHeader(const char* head, size_t size, uint64_t total, Header& h) {
    if (!Snapshot::IsSnapshot(std::span<const char>(head, size)))
        return Fail(SnapshotError::NotASnapshot, "not a .chorus snapshot (no magic bytes)");
    if (size < Snapshot::kHeaderBytes) return Fail(SnapshotError::Truncated, "snapshot header is cut short");
    std::memcpy(&h.version, head + 8, 4);
    std::memcpy(&h.sections, head + 12, 4);
    std::memcpy(&h.payload, head + 16, 8);
    std::memcpy(&h.checksum, head + 24, 8);
    if (h.version != Snapshot::kVersion && h.version != 2)
        return Fail(SnapshotError::UnsupportedVersion, "snapshot version " + std::to_string(h.version) +
                                                           ", this build reads versions 2 to " +
                                                           std::to_string(Snapshot::kVersion));
    if (h.payload > total - Snapshot::kHeaderBytes)
        return Fail(SnapshotError::Truncated, "snapshot is cut short: " + std::to_string(total) + " bytes of " +
                                                  std::to_string(h.payload + Snapshot::kHeaderBytes));
    if (h.sections != (h.version == 2 ? Snapshot::kSectionsVersion2 : Snapshot::kSections) ||
        h.payload != total - Snapshot::kHeaderBytes)
        return Fail(SnapshotError::Corrupt, "snapshot is corrupt: unexpected section count or trailing bytes");
    return {};
}

}  // namespace

SnapshotStatus Snapshot::Read(std::span<const char> bytes, Dataset& into, const TextOnDisk& text_on_disk) {
    Header header;
    SnapshotStatus status = ReadHeader(bytes.data(), bytes.size(), bytes.size(), header);
    if (!status.ok()) return status;
    Input input(reinterpret_cast<const uint8_t*>(bytes.data()) + kHeaderBytes, header.payload);
    return ReadPayload(input, header.checksum, header.version, into, text_on_disk);
}

template <class In>
SnapshotStatus Snapshot::ReadPayload(In& input, uint64_t checksum, uint32_t version, Dataset& into,
                                     const TextOnDisk& text_on_disk) {
    auto corrupt = [](const std::string& why) { return Fail(SnapshotError::Corrupt, "snapshot is corrupt: " + why); };
    auto ds = std::make_unique<Dataset>();
    Reader r(input);
    const bool alone = into.m_files.empty() && into.m_time.empty();  // only a snapshot opened alone
    bool on_disk = false;
    uint64_t text_at = 0, text_bytes = 0;
    bool refused = false;
    // The TEXT section: into memory, or passed over (hashed, not kept) when its text stays in the file.
    std::vector<uint64_t>& text_offsets = ds->m_text.m_offsets;
    auto read_text = [&](uint32_t tag) {
        if (text_on_disk) {
            const uint64_t text = ds->m_text.m_offsets.empty() ? 0 : ds->m_text.m_offsets.back();
            const uint64_t size = input.Left() + input.Taken();
            const TextPlace place = text_on_disk(text, size > text ? size - text : 0);
            refused = place == TextPlace::Refuse || (place == TextPlace::Disk && !alone);
            on_disk = place == TextPlace::Disk && alone;
        }
        if (refused) return false;
        return on_disk ? r.Pass(tag, text_at, text_bytes) : r.Array(tag, ds->m_text.m_arena);
    };
    // Hashtag, mention, link, domain and emoji offsets, times, languages and clients as stored, packed once checked.
    std::vector<uint32_t> offsets[5], langs, clients;
    std::vector<UnixSeconds> times;
    bool ok =
        ReadFiles(r, ds->m_files) && r.Array(Tag("TIME"), times) && r.Array(Tag("TYPE"), ds->m_type) &&
        r.Array(Tag("AUTH"), ds->m_author) && r.Array(Tag("LANG"), langs) && r.Array(Tag("PSID"), ds->m_post_id) &&
        r.Array(Tag("HTOF"), offsets[0]) && r.Array(Tag("HTID"), ds->m_hashtag_ids) &&
        r.Array(Tag("MNOF"), offsets[1]) && r.Array(Tag("MNID"), ds->m_mention_ids) &&
        r.Array(Tag("LKOF"), offsets[2]) && r.Array(Tag("LKID"), ds->m_link_ids) && r.Array(Tag("DMOF"), offsets[3]) &&
        r.Array(Tag("DMID"), ds->m_domain_ids) && r.Array(Tag("TXOF"), text_offsets) && read_text(Tag("TEXT")) &&
        r.Dict(Tag("DHTG"), ds->m_hashtags) && r.Dict(Tag("DMEN"), ds->m_mentions) &&
        r.Dict(Tag("DAUT"), ds->m_authors) && r.Dict(Tag("DLNK"), ds->m_links) && r.Dict(Tag("DDOM"), ds->m_domains) &&
        r.Dict(Tag("DLNG"), ds->m_langs) && r.Dict(Tag("DNAM"), ds->m_names) && r.Dict(Tag("DPID"), ds->m_text_ids) &&
        r.Array(Tag("ANAM"), ds->m_author_name);
    // Version 2: hashtag spellings (rule 50), emoji (rule 51), clients (rule 52).
    ok = ok && r.Dict(Tag("DHSP"), ds->m_hashtag_spellings) && r.Array(Tag("HSPT"), ds->m_spelling_tag) &&
         r.Array(Tag("HSPC"), ds->m_spelling_posts) && r.Array(Tag("EMOF"), offsets[4]) &&
         r.Array(Tag("EMID"), ds->m_emoji_ids) && r.Dict(Tag("DEMJ"), ds->m_emoji) && r.Array(Tag("CLNT"), clients) &&
         r.Dict(Tag("DCLI"), ds->m_clients);
    std::string engagement;  // version 3: engagement counts (rules 91-93)
    ok = ok && (version == 2 || r.Bytes(Tag("ENGA"), engagement));
    if (refused) return Fail(SnapshotError::TooLarge, "not enough memory for this snapshot");
    bool trailing = ok && input.Left() != 0;
    input.Drain();
    if (input.IoError()) return Fail(SnapshotError::CannotRead, "read error");
    if (input.Checksum() != checksum)
        return Fail(SnapshotError::ChecksumMismatch, "snapshot checksum mismatch: the file is damaged");
    if (!ok) return corrupt(r.Message());
    if (trailing) return corrupt("bytes after the last section");

    const size_t n = times.size();
    if (n >= Dataset::kNoAuthor || ds->m_type.size() != n || ds->m_author.size() != n || langs.size() != n ||
        ds->m_post_id.size() != n || clients.size() != n)
        return corrupt("columns of different lengths");
    uint64_t posts = 0;
    for (const IngestReport& f : ds->m_files)
        posts += f.posts;
    if (posts != n)
        return corrupt("the file reports count " + std::to_string(posts) + " posts, the columns " + std::to_string(n));
    for (uint8_t t : ds->m_type)
        if (t >= kPostTypeCount) return corrupt("a post type out of range");
    if (version == 2) {
        for (size_t row = 0; row < n; ++row)
            ds->m_engagement.Add(Engagement{});
    } else if (!ds->m_engagement.Decode(engagement, n)) {
        return corrupt("engagement counts (ENGA) inconsistent");
    }
    if (!ValidOffsets(offsets[0], n, ds->m_hashtag_ids.size()) ||
        !ValidOffsets(offsets[1], n, ds->m_mention_ids.size()) || !ValidOffsets(offsets[2], n, ds->m_link_ids.size()) ||
        !ValidOffsets(offsets[3], n, ds->m_domain_ids.size()) || !ValidOffsets(offsets[4], n, ds->m_emoji_ids.size()) ||
        !ValidOffsets(ds->m_text.m_offsets, n, on_disk ? text_bytes : ds->m_text.m_arena.size()))
        return corrupt("list offsets out of order or out of range");
    OffsetColumn* columns[5] = {&ds->m_hashtag_offsets, &ds->m_mention_offsets, &ds->m_link_offsets,
                                &ds->m_domain_offsets, &ds->m_emoji_offsets};
    for (size_t k = 0; k < 5; ++k) {
        columns[k]->Assign(offsets[k]);
        std::vector<uint32_t>().swap(offsets[k]);
    }
    constexpr uint32_t kNoId = Dictionary::kNotFound;
    if (!IdsWithin(ds->m_hashtag_ids, ds->m_hashtags.Size(), kNoNone) ||
        !IdsWithin(ds->m_mention_ids, ds->m_mentions.Size(), kNoNone) ||
        !IdsWithin(ds->m_link_ids, ds->m_links.Size(), kNoNone) ||
        !IdsWithin(ds->m_domain_ids, ds->m_domains.Size(), kNoNone) ||
        !IdsWithin(ds->m_emoji_ids, ds->m_emoji.Size(), kNoNone) ||
        !IdsWithin(ds->m_author, ds->m_authors.Size(), Dataset::kNoAuthor) ||
        !IdsWithin(langs, ds->m_langs.Size(), Dataset::kNoLang) ||
        !IdsWithin(clients, ds->m_clients.Size(), Dataset::kNoClient) ||
        ds->m_author_name.size() != ds->m_authors.Size() || !IdsWithin(ds->m_author_name, ds->m_names.Size(), kNoId) ||
        ds->m_spelling_tag.size() != ds->m_hashtag_spellings.Size() ||
        ds->m_spelling_posts.size() != ds->m_hashtag_spellings.Size() ||
        !IdsWithin(ds->m_spelling_tag, ds->m_hashtags.Size(), kNoNone))
        return corrupt("an id outside its dictionary");
    ds->m_time.Assign(times);
    ds->m_lang.Assign(langs);
    ds->m_client.Assign(clients);
    std::vector<UnixSeconds>().swap(times);
    std::vector<uint32_t>().swap(langs), std::vector<uint32_t>().swap(clients);
    ds->m_hashtag_display.assign(ds->m_hashtags.Size(), kNoId);
    for (uint32_t s = 0; s < ds->m_spelling_tag.size(); ++s) {
        uint32_t& best = ds->m_hashtag_display[ds->m_spelling_tag[s]];
        if (best == kNoId || ds->m_spelling_posts[s] > ds->m_spelling_posts[best]) best = s;
    }
    ds->m_id_index.Reserve(n);
    for (size_t row = 0; row < n; ++row) {
        uint64_t key = ds->m_post_id[row];
        if (key == Dataset::kNoPostId) continue;
        if ((key & Dataset::kTextIdBit) != 0 && (key & ~Dataset::kTextIdBit) >= ds->m_text_ids.Size())
            return corrupt("a post id outside its dictionary");
        if (ds->m_id_index.Find(key, ds->m_post_id) != PostIdIndex::kNone) return corrupt("a repeated post id");
        ds->m_id_index.Insert(static_cast<RowId>(row), ds->m_post_id);
    }
    ds->m_sorted_dirty = true;
    if (on_disk) ds->m_text.KeepOnDisk(ds->m_files.size() == 1 ? ds->m_files[0].name : "", kHeaderBytes + text_at);

    if (into.m_files.empty() && into.m_time.empty())
        Swap(*ds, into);
    else
        Merge(*ds, into);
    into.LoadEnded();  // rebuilt from the id column if rows are added later
    return {};
}

SnapshotStatus Snapshot::ReadFrom(SnapshotSource& source, uint64_t total, Dataset& into,
                                  const TextOnDisk& text_on_disk) {
    char head[kHeaderBytes];
    size_t got = total < kHeaderBytes ? static_cast<size_t>(total) : kHeaderBytes;
    if (!source.Take(head, got)) return Fail(SnapshotError::CannotRead, "read error");
    Header header;
    SnapshotStatus status = ReadHeader(head, got, total, header);
    if (!status.ok()) return status;
    Input input(source, header.payload);
    return ReadPayload(input, header.checksum, header.version, into, text_on_disk);
}

SnapshotStatus Snapshot::Load(const std::string& path, Dataset& into) {
    std::error_code error;
    uint64_t total = std::filesystem::file_size(path, error);
    std::FILE* f = error ? nullptr : std::fopen(path.c_str(), "rb");
    if (f == nullptr)
        return Fail(SnapshotError::CannotRead, path + ": " + (error ? error.message() : std::strerror(errno)));
    char head[kHeaderBytes];
    size_t got = std::fread(head, 1, sizeof head, f);
    Header header;
    SnapshotStatus status = ReadHeader(head, got, total, header);
    if (status.ok()) {
        Input input(f, header.payload);
        status = ReadPayload(input, header.checksum, header.version, into, {});
    }
    std::fclose(f);
    if (!status.ok()) status.message = path + ": " + status.message;
    return status;
}

}  // namespace chorus::core
