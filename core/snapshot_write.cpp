// Snapshot::Write and Save: a Dataset's columns as the sections of a .chorus file (layout in snapshot.hpp).
#include <bit>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <type_traits>

#include "snapshot.hpp"
#include "snapshot_tag.hpp"

namespace chorus::core {
namespace {

// Columns are written as memory images: the layout is little-endian, so is every host we build for.
static_assert(std::endian::native == std::endian::little, "snapshots assume a little-endian host");

class Writer {
public:
    explicit Writer(std::string& out) : m_out(out) {}
    template <class T>
    void Put(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        m_out.append(bytes, sizeof(T));
    }
    void Str(std::string_view s) {
        Put(static_cast<uint32_t>(s.size()));
        m_out.append(s);
    }
    void Raw(const void* data, size_t size) {
        if (size != 0) m_out.append(static_cast<const char*>(data), size);
    }
    // Starts a section; EndSection() fills in its length and pads it.
    void BeginSection(uint32_t tag) {
        Put(tag);
        Put(uint32_t{0});
        m_length_at = m_out.size();
        Put(uint64_t{0});
    }
    void EndSection() {
        uint64_t length = m_out.size() - m_length_at - 8;
        std::memcpy(m_out.data() + m_length_at, &length, 8);
        m_out.append((8 - m_out.size() % 8) % 8, '\0');
    }
    template <class T>
    void ArraySection(uint32_t tag, const std::vector<T>& values) {
        BeginSection(tag);
        Raw(values.data(), values.size() * sizeof(T));
        EndSection();
    }
    // Offsets are stored as plain u32 arrays, whatever their width in memory.
    void ArraySection(uint32_t tag, const OffsetColumn& offsets) {
        BeginSection(tag);
        for (size_t i = 0; i < offsets.size(); ++i)
            Put(offsets[i]);
        EndSection();
    }
    void DictionarySection(uint32_t tag, const Dictionary& dict) {
        BeginSection(tag);
        Put(dict.Size());
        Put(uint32_t{0});
        uint64_t offset = 0;
        Put(offset);
        for (uint32_t i = 0; i < dict.Size(); ++i) {
            offset += dict.Text(i).size();
            Put(offset);
        }
        for (uint32_t i = 0; i < dict.Size(); ++i)
            m_out.append(dict.Text(i));
        EndSection();
    }

private:
    std::string& m_out;
    size_t m_length_at = 0;
};

}  // namespace

std::string Snapshot::Write(const Dataset& ds) {
    std::string out(kHeaderBytes, '\0');
    Writer w(out);
    w.BeginSection(Tag("FILE"));
    w.Put(static_cast<uint32_t>(ds.m_files.size()));
    for (const IngestReport& f : ds.m_files) {
        w.Str(f.name);
        w.Str(f.format);
        w.Put(f.bytes);
        w.Put(f.lines);
        w.Put(f.posts);
        w.Put(f.duplicates);
        w.Put(f.skipped);
        w.Put(static_cast<uint8_t>(f.cancelled ? 1 : 0));
        w.Put(static_cast<uint32_t>(f.counts.size()));
        for (const auto& [problem, n] : f.counts) {
            w.Put(static_cast<uint8_t>(problem));
            w.Put(n);
        }
        w.Put(static_cast<uint32_t>(f.problems.size()));
        for (const ProblemEntry& p : f.problems) {
            w.Put(static_cast<uint8_t>(p.problem));
            w.Put(p.line);
            w.Put(p.item);
            w.Str(p.detail);
        }
    }
    w.EndSection();
    w.ArraySection(Tag("TIME"), ds.m_time.ToVector());
    w.ArraySection(Tag("TYPE"), ds.m_type);
    w.ArraySection(Tag("AUTH"), ds.m_author);
    w.ArraySection(Tag("LANG"), ds.m_lang.ToVector());
    w.ArraySection(Tag("PSID"), ds.m_post_id);
    w.ArraySection(Tag("HTOF"), ds.m_hashtag_offsets);
    w.ArraySection(Tag("HTID"), ds.m_hashtag_ids);
    w.ArraySection(Tag("MNOF"), ds.m_mention_offsets);
    w.ArraySection(Tag("MNID"), ds.m_mention_ids);
    w.ArraySection(Tag("LKOF"), ds.m_link_offsets);
    w.ArraySection(Tag("LKID"), ds.m_link_ids);
    w.ArraySection(Tag("DMOF"), ds.m_domain_offsets);
    w.ArraySection(Tag("DMID"), ds.m_domain_ids);
    assert(!ds.m_text.OnDisk());  // only the page leaves text on disk, and it writes no such snapshot
    w.ArraySection(Tag("TXOF"), ds.m_text.m_offsets);
    w.ArraySection(Tag("TEXT"), ds.m_text.m_arena);
    w.DictionarySection(Tag("DHTG"), ds.m_hashtags);
    w.DictionarySection(Tag("DMEN"), ds.m_mentions);
    w.DictionarySection(Tag("DAUT"), ds.m_authors);
    w.DictionarySection(Tag("DLNK"), ds.m_links);
    w.DictionarySection(Tag("DDOM"), ds.m_domains);
    w.DictionarySection(Tag("DLNG"), ds.m_langs);
    w.DictionarySection(Tag("DNAM"), ds.m_names);
    w.DictionarySection(Tag("DPID"), ds.m_text_ids);
    w.ArraySection(Tag("ANAM"), ds.m_author_name);
    w.DictionarySection(Tag("DHSP"), ds.m_hashtag_spellings);
    w.ArraySection(Tag("HSPT"), ds.m_spelling_tag);
    w.ArraySection(Tag("HSPC"), ds.m_spelling_posts);
    w.ArraySection(Tag("EMOF"), ds.m_emoji_offsets);
    w.ArraySection(Tag("EMID"), ds.m_emoji_ids);
    w.DictionarySection(Tag("DEMJ"), ds.m_emoji);
    w.ArraySection(Tag("CLNT"), ds.m_client.ToVector());
    w.DictionarySection(Tag("DCLI"), ds.m_clients);
    w.BeginSection(Tag("ENGA"));
    const std::string engagement = ds.m_engagement.Encode();
    w.Raw(engagement.data(), engagement.size());
    w.EndSection();

    std::memcpy(out.data(), kMagic.data(), 8);
    uint32_t version = kVersion, sections = kSections;
    uint64_t payload = out.size() - kHeaderBytes;
    uint64_t checksum = Checksum(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(out.data()) + kHeaderBytes,
                                                          out.size() - kHeaderBytes));
    std::memcpy(out.data() + 8, &version, 4);
    std::memcpy(out.data() + 12, &sections, 4);
    std::memcpy(out.data() + 16, &payload, 8);
    std::memcpy(out.data() + 24, &checksum, 8);
    return out;
}

SnapshotStatus Snapshot::Save(const Dataset& dataset, const std::string& path) {
    std::string bytes = Write(dataset);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return SnapshotStatus{SnapshotError::CannotWrite, path + ": " + std::strerror(errno)};
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok) return SnapshotStatus{SnapshotError::CannotWrite, path + ": write failed"};
    return {};
}

}  // namespace chorus::core
