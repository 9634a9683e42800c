#include "snapshot_open.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "snapshot_input.hpp"
#include "snapshot_tag.hpp"

namespace chorus::core {
namespace {

using namespace snapshot_detail;

bool ValidProblem(uint8_t value) {
    return std::strcmp(ProblemName(static_cast<Problem>(value)), "unknown") != 0;
}

// The FILE section's reports.
bool ParseFiles(Reader& reader, const std::string& section, std::vector<IngestReport>& files) {
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

enum class Piece : uint8_t { More, Done, Fail };
using Stage = std::function<Piece()>;

// A section taken into `out` (a vector or a string) about `piece` bytes at a time: its room is reserved at once
// and filled (so first touched) as the pieces come.
template <class C>
Stage TakeSection(Input& in, Reader& r, uint64_t piece, uint32_t tag, C& out) {
    using T = typename C::value_type;
    const uint64_t most = std::max<uint64_t>(piece / sizeof(T), 1) * sizeof(T);
    return [&in, &r, most, tag, &out, begun = false, length = uint64_t{0}, done = uint64_t{0}]() mutable {
        if (!begun) {
            begun = true;
            if (!r.Section(tag, length)) return Piece::Fail;
            if (length % sizeof(T) != 0) {
                r.Error("section " + TagText(tag) + " has a partial value");
                return Piece::Fail;
            }
            out.clear();
            out.reserve(static_cast<size_t>(length / sizeof(T)));
        } else {
            const uint64_t step = std::min(length - done, most);
            out.resize(static_cast<size_t>((done + step) / sizeof(T)));
            if (!in.Take(reinterpret_cast<char*>(out.data()) + done, step)) return Piece::Fail;
            done += step;
        }
        if (done < length) return Piece::More;
        return r.EndSection(tag, length) ? Piece::Done : Piece::Fail;
    };
}

// A section read through and not kept (its bytes still count in the checksum): `at` is where its bytes start in
// the payload, `length` how many there are.
Stage PassSection(Input& in, Reader& r, uint64_t piece, uint32_t tag, uint64_t& at, uint64_t& length) {
    return [&in, &r, piece, tag, &at, &length, begun = false, left = uint64_t{0}]() mutable {
        if (!begun) {
            begun = true;
            if (!r.Section(tag, length)) return Piece::Fail;
            at = in.Taken();
            left = length;
        } else {
            const uint64_t step = std::min(left, piece);
            if (!in.Pass(step)) return Piece::Fail;
            left -= step;
        }
        if (left != 0) return Piece::More;
        return r.EndSection(tag, length) ? Piece::Done : Piece::Fail;
    };
}

// A dictionary section: u32 count, u32 zero, u64[count + 1] offsets, the strings' bytes (into `text`, reused by
// every dictionary), then its strings interned `rows` at a time.
Stage DictSection(Input& in, Reader& r, SnapshotOpen::Pieces pieces, uint32_t tag, Dictionary& dict,
                  std::string& text) {
    struct Progress {
        int phase = 0;
        uint64_t length = 0, done = 0;
        uint32_t count = 0, next = 0;
        std::vector<uint64_t> offsets;
    };
    auto p = std::make_shared<Progress>();
    return [&in, &r, pieces, tag, &dict, &text, p]() {
        Progress& s = *p;
        const uint64_t most = std::max<uint64_t>(pieces.bytes, 8) / 8 * 8;
        if (s.phase == 0) {
            if (!r.Section(tag, s.length)) return Piece::Fail;
            s.count = in.Get<uint32_t>();
            in.Get<uint32_t>();
            if (!in.ok() || s.length < 16 || s.count > (s.length - 16) / 8) {
                r.Error("dictionary " + TagText(tag) + " is cut short");
                return Piece::Fail;
            }
            s.offsets.reserve(static_cast<size_t>(s.count) + 1);
            s.phase = 1;
        } else if (s.phase == 1) {
            const uint64_t size = (uint64_t{s.count} + 1) * 8;
            const uint64_t step = std::min(size - s.done, most);
            s.offsets.resize(static_cast<size_t>((s.done + step) / 8));
            const bool took = in.Take(reinterpret_cast<char*>(s.offsets.data()) + s.done, step);
            s.done += step;
            if (took && s.done < size) return Piece::More;
            if (!took || s.offsets[0] != 0 || s.offsets.back() != s.length - 8 - s.offsets.size() * 8) {
                r.Error("dictionary " + TagText(tag) + " has the wrong length");
                return Piece::Fail;
            }
            text.clear();
            text.reserve(static_cast<size_t>(s.offsets.back()));
            s.done = 0;
            s.phase = 2;
        } else if (s.phase == 2) {
            const uint64_t size = s.offsets.back();
            const uint64_t step = std::min(size - s.done, pieces.bytes);
            text.resize(static_cast<size_t>(s.done + step));
            if (!in.Take(text.data() + s.done, step)) return Piece::Fail;
            s.done += step;
            if (s.done < size) return Piece::More;
            if (!r.EndSection(tag, s.length)) return Piece::Fail;
            dict.Reserve(s.count);
            s.phase = 3;
        } else {
            const uint32_t end = static_cast<uint32_t>(std::min<uint64_t>(s.count, uint64_t{s.next} + pieces.rows));
            for (uint32_t i = s.next; i < end; ++i) {
                if (s.offsets[i + 1] < s.offsets[i] || s.offsets[i + 1] > text.size()) {
                    r.Error("dictionary " + TagText(tag) + " has bad offsets");
                    return Piece::Fail;
                }
                std::string_view v = std::string_view(text).substr(
                    static_cast<size_t>(s.offsets[i]), static_cast<size_t>(s.offsets[i + 1] - s.offsets[i]));
                if (dict.Intern(v) != i) {
                    r.Error("dictionary " + TagText(tag) + " repeats a string");
                    return Piece::Fail;
                }
            }
            s.next = end;
            return s.next < s.count ? Piece::More : Piece::Done;
        }
        return Piece::More;
    };
}

// `body` over the rows [0, count()) a block at a time; false from it (with the reason set) fails the stage.
Stage Rows(size_t block, std::function<size_t()> count, std::function<bool(size_t, size_t)> body) {
    return [block, count = std::move(count), body = std::move(body), at = size_t{0}]() mutable {
        const size_t n = count();
        const size_t end = std::min(n, at + std::max<size_t>(block, 1));
        if (at < end && !body(at, end)) return Piece::Fail;
        at = end;
        return at < n ? Piece::More : Piece::Done;
    };
}
Stage Once(std::function<bool()> body) {
    return [body = std::move(body)] { return body() ? Piece::Done : Piece::Fail; };
}

}  // namespace

struct SnapshotOpen::State {
    State(SnapshotSource& source_, uint64_t total_, Dataset& into_, Snapshot::TextOnDisk text_on_disk_, Pieces pieces_)
        : source(source_), total(total_), into(into_), text_on_disk(std::move(text_on_disk_)), pieces(pieces_) {}
    SnapshotSource& source;
    const uint64_t total;
    Dataset& into;
    const Snapshot::TextOnDisk text_on_disk;
    const Pieces pieces;

    Header header;
    std::optional<Input> input;
    std::optional<Reader> reader;
    std::unique_ptr<Dataset> ds = std::make_unique<Dataset>();  // what is read, swapped into `into` at the end
    bool alone = false;  // `into` was empty: only a snapshot opened alone keeps its text on disk
    bool on_disk = false, refused = false, ok = true, trailing = false;
    uint64_t text_at = 0, text_bytes = 0;
    // Hashtag, mention, link, domain and emoji offsets, times, languages and clients as stored, packed once checked.
    std::vector<uint32_t> offsets[5], langs, clients;
    std::vector<UnixSeconds> times;
    uint32_t widest_lang = 0, widest_client = 0;
    std::string files, engagement, scratch;
    size_t n = 0;     // posts, once read
    std::string why;  // what a failed check found

    std::vector<Stage> stages;
    size_t stage = 0;
    size_t read_end = 0;  // the first stage after the sections
    SnapshotStatus status;
    bool finished = false;
};

SnapshotOpen::SnapshotOpen(SnapshotSource& source, uint64_t total, Dataset& into, Snapshot::TextOnDisk text_on_disk,
                           Pieces pieces)
    : m(std::make_unique<State>(source, total, into, std::move(text_on_disk), pieces)) {
    m->alone = into.m_files.empty() && into.m_time.empty();
}

SnapshotOpen::~SnapshotOpen() = default;

bool SnapshotOpen::Finished() const {
    return m->finished;
}

const SnapshotStatus& SnapshotOpen::Status() const {
    return m->status;
}

double SnapshotOpen::Fraction() const {
    const State& s = *m;
    if (s.finished) return 1;
    if (!s.input) return 0;
    const uint64_t payload = s.header.payload;
    if (s.stage < s.read_end)
        return payload == 0 ? 0 : 0.8 * static_cast<double>(s.input->Taken()) / static_cast<double>(payload);
    return 0.8 + 0.2 * static_cast<double>(s.stage - s.read_end) / static_cast<double>(s.stages.size() - s.read_end);
}

bool SnapshotOpen::Waiting() const {
    const State& s = *m;
    if (s.finished) return false;
    const uint64_t ready = s.source.Ready();
    if (!s.input) return ready < std::min<uint64_t>(s.total, Snapshot::kHeaderBytes);
    if (s.stage > s.read_end + 1) return false;  // past the sections and the drain: the checks take no bytes
    // A piece takes at most pieces.bytes of a section, with a section's or a dictionary's head and padding.
    constexpr uint64_t kHeads = 64;
    return ready < std::min(s.input->Left(), s.pieces.bytes + kHeads);
}

bool SnapshotOpen::Step(std::chrono::microseconds budget) {
    const auto start = std::chrono::steady_clock::now();
    do {
        if (m->finished) return true;
        if (Waiting()) return false;
        RunPiece();
    } while (std::chrono::steady_clock::now() - start < budget);
    return m->finished;
}

SnapshotStatus SnapshotOpen::Run() {
    while (!m->finished)
        RunPiece();
    return m->status;
}

void SnapshotOpen::RunPiece() {
    State& s = *m;
    if (!s.input) {
        char head[Snapshot::kHeaderBytes];
        const size_t got = s.total < Snapshot::kHeaderBytes ? static_cast<size_t>(s.total) : Snapshot::kHeaderBytes;
        if (!s.source.Take(head, got))
            s.status = Fail(SnapshotError::CannotRead, "read error");
        else
            s.status = ReadHeader(head, got, s.total, s.header);
        if (!s.status.ok()) {
            s.finished = true;
            return;
        }
        s.input.emplace(s.source, s.header.payload);
        s.reader.emplace(*s.input);
        Plan();
        return;
    }
    const Piece piece = s.stages[s.stage]();
    if (piece == Piece::More) return;
    if (piece == Piece::Done) {
        s.finished = ++s.stage == s.stages.size();
    } else if (s.stage < s.read_end) {  // a section failed: the rest is only hashed
        s.ok = false;
        s.stage = s.read_end;
    } else {
        if (s.status.ok()) s.status = Fail(SnapshotError::Corrupt, "snapshot is corrupt: " + s.why);
        s.finished = true;
    }
    if (s.finished) {  // what was read and not kept goes at once
        s.stages.clear();
        s.ds.reset();
    }
}

// The stages after the header, in the order of the sections, then of the checks of Snapshot::Read.
void SnapshotOpen::Plan() {
    State& s = *m;
    Dataset& ds = *s.ds;
    Input& in = *s.input;
    Reader& r = *s.reader;
    const uint64_t piece = s.pieces.bytes;
    const size_t block = s.pieces.rows;
    auto add = [&s](Stage stage) { s.stages.push_back(std::move(stage)); };
    auto array = [&](uint32_t tag, auto& out) { add(TakeSection(in, r, piece, tag, out)); };
    auto dict = [&](uint32_t tag, Dictionary& d) { add(DictSection(in, r, s.pieces, tag, d, s.scratch)); };

    array(Tag("FILE"), s.files);
    add(Once([&s, &r, &ds] {
        const bool ok = ParseFiles(r, s.files, ds.m_files);
        std::string().swap(s.files);
        return ok;
    }));
    array(Tag("TIME"), s.times);
    array(Tag("TYPE"), ds.m_type);
    array(Tag("AUTH"), ds.m_author);
    array(Tag("LANG"), s.langs);
    array(Tag("PSID"), ds.m_post_id);
    array(Tag("HTOF"), s.offsets[0]);
    array(Tag("HTID"), ds.m_hashtag_ids);
    array(Tag("MNOF"), s.offsets[1]);
    array(Tag("MNID"), ds.m_mention_ids);
    array(Tag("LKOF"), s.offsets[2]);
    array(Tag("LKID"), ds.m_link_ids);
    array(Tag("DMOF"), s.offsets[3]);
    array(Tag("DMID"), ds.m_domain_ids);
    array(Tag("TXOF"), ds.m_text.m_offsets);
    // The TEXT section: into memory, or passed over (hashed, not kept) when its text stays in the file.
    add([&s, &in, &r, &ds, piece, text = Stage{}]() mutable {
        if (!text) {
            if (s.text_on_disk) {
                const uint64_t bytes = ds.m_text.m_offsets.empty() ? 0 : ds.m_text.m_offsets.back();
                const uint64_t size = in.Left() + in.Taken();
                const Snapshot::TextPlace place = s.text_on_disk(bytes, size > bytes ? size - bytes : 0);
                s.refused = place == Snapshot::TextPlace::Refuse || (place == Snapshot::TextPlace::Disk && !s.alone);
                s.on_disk = place == Snapshot::TextPlace::Disk && s.alone;
            }
            if (s.refused) return Piece::Fail;
            text = s.on_disk ? PassSection(in, r, piece, Tag("TEXT"), s.text_at, s.text_bytes)
                             : TakeSection(in, r, piece, Tag("TEXT"), ds.m_text.m_arena);
        }
        return text();
    });
    dict(Tag("DHTG"), ds.m_hashtags);
    dict(Tag("DMEN"), ds.m_mentions);
    dict(Tag("DAUT"), ds.m_authors);
    dict(Tag("DLNK"), ds.m_links);
    dict(Tag("DDOM"), ds.m_domains);
    dict(Tag("DLNG"), ds.m_langs);
    dict(Tag("DNAM"), ds.m_names);
    dict(Tag("DPID"), ds.m_text_ids);
    array(Tag("ANAM"), ds.m_author_name);
    // Version 2: hashtag spellings (rule 50), emoji (rule 51), clients (rule 52).
    dict(Tag("DHSP"), ds.m_hashtag_spellings);
    array(Tag("HSPT"), ds.m_spelling_tag);
    array(Tag("HSPC"), ds.m_spelling_posts);
    array(Tag("EMOF"), s.offsets[4]);
    array(Tag("EMID"), ds.m_emoji_ids);
    dict(Tag("DEMJ"), ds.m_emoji);
    array(Tag("CLNT"), s.clients);
    dict(Tag("DCLI"), ds.m_clients);
    if (s.header.version != 2) array(Tag("ENGA"), s.engagement);  // version 3: engagement counts (rules 91-93)
    s.read_end = s.stages.size();

    // The verdict on the bytes: refused, unreadable, damaged, or sections out of order.
    add(Once([&s, &in] {
        if (s.refused) s.status = Fail(SnapshotError::TooLarge, "not enough memory for this snapshot");
        s.trailing = s.ok && in.Left() != 0;
        return !s.refused;
    }));
    add([&in, piece] { return in.Drain(piece) ? Piece::More : Piece::Done; });
    add(Once([&s, &in, &r] {
        if (in.IoError())
            s.status = Fail(SnapshotError::CannotRead, "read error");
        else if (in.Checksum() != s.header.checksum)
            s.status = Fail(SnapshotError::ChecksumMismatch, "snapshot checksum mismatch: the file is damaged");
        else if (!s.ok)
            s.why = r.Message();
        else if (s.trailing)
            s.why = "bytes after the last section";
        else
            return true;
        return false;
    }));

    // The checks over the columns, each a block of rows at a time; the first to fail names what is wrong.
    auto fail = [&s](const std::string& why) {
        s.why = why;
        return false;
    };
    auto rows = [&s, block, &add](std::function<bool(size_t, size_t)> body) {
        add(Rows(
            block, [&s] { return s.n; }, std::move(body)));
    };
    add(Once([&s, &ds, fail] {
        s.n = s.times.size();
        const size_t n = s.n;
        if (n >= Dataset::kNoAuthor || ds.m_type.size() != n || ds.m_author.size() != n || s.langs.size() != n ||
            ds.m_post_id.size() != n || s.clients.size() != n)
            return fail("columns of different lengths");
        uint64_t posts = 0;
        for (const IngestReport& f : ds.m_files)
            posts += f.posts;
        if (posts != n)
            return fail("the file reports count " + std::to_string(posts) + " posts, the columns " + std::to_string(n));
        return true;
    }));
    rows([&ds, fail](size_t begin, size_t end) {
        for (size_t row = begin; row < end; ++row)
            if (ds.m_type[row] >= kPostTypeCount) return fail("a post type out of range");
        return true;
    });
    if (s.header.version == 2) {
        rows([&ds](size_t begin, size_t end) {
            for (size_t row = begin; row < end; ++row)
                ds.m_engagement.Add(Engagement{});
            return true;
        });
    } else {
        add(Once([&s, &ds, fail] {
            const bool ok = ds.m_engagement.Decode(s.engagement, s.n);
            std::string().swap(s.engagement);
            return ok || fail("engagement counts (ENGA) inconsistent");
        }));
    }
    // List offsets: n + 1 of them, from 0, never decreasing, ending at their list's size.
    const std::vector<uint32_t>* lists[5] = {&ds.m_hashtag_ids, &ds.m_mention_ids, &ds.m_link_ids, &ds.m_domain_ids,
                                             &ds.m_emoji_ids};
    const char* const kBadOffsets = "list offsets out of order or out of range";
    add(Once([&s, &ds, lists, fail, kBadOffsets] {
        auto valid = [&s](const auto& offsets, uint64_t size) {
            return offsets.size() == s.n + 1 && offsets[0] == 0 && offsets.back() == size;
        };
        for (size_t k = 0; k < 5; ++k)
            if (!valid(s.offsets[k], lists[k]->size())) return fail(kBadOffsets);
        if (!valid(ds.m_text.m_offsets, s.on_disk ? s.text_bytes : ds.m_text.m_arena.size())) return fail(kBadOffsets);
        return true;
    }));
    auto ascending = [&rows, fail, kBadOffsets](const auto& offsets) {
        rows([&offsets, fail, kBadOffsets](size_t begin, size_t end) {
            for (size_t i = begin; i < end; ++i)
                if (offsets[i + 1] < offsets[i]) return fail(kBadOffsets);
            return true;
        });
    };
    for (const std::vector<uint32_t>& offsets : s.offsets)
        ascending(offsets);
    ascending(ds.m_text.m_offsets);
    OffsetColumn* columns[5] = {&ds.m_hashtag_offsets, &ds.m_mention_offsets, &ds.m_link_offsets, &ds.m_domain_offsets,
                                &ds.m_emoji_offsets};
    for (size_t k = 0; k < 5; ++k) {
        rows([&offsets = s.offsets[k], column = columns[k]](size_t begin, size_t end) {
            for (size_t i = begin; i < end; ++i)
                column->push_back(offsets[i + 1]);  // the column starts with its 0
            return true;
        });
        add(Once([&offsets = s.offsets[k]] {
            std::vector<uint32_t>().swap(offsets);
            return true;
        }));
    }

    // Every id names a value of its dictionary, or is its column's "none" (kNoNone: none allowed).
    constexpr uint32_t kNoNone = 0;
    constexpr uint32_t kNoId = Dictionary::kNotFound;
    const char* const kOutside = "an id outside its dictionary";
    auto within = [&, fail, kOutside](const std::vector<uint32_t>& ids, const Dictionary& names, uint32_t none,
                                      uint32_t* widest) {
        add(Rows(
            block, [&ids] { return ids.size(); },
            [&ids, &names, none, widest, fail, kOutside](size_t begin, size_t end) {
                const uint32_t size = names.Size();
                for (size_t i = begin; i < end; ++i) {
                    const uint32_t id = ids[i];
                    if (id >= size && (none == kNoNone || id != none)) return fail(kOutside);
                    if (widest != nullptr && id != IdColumn::kNone && id > *widest) *widest = id;
                }
                return true;
            }));
    };
    within(ds.m_hashtag_ids, ds.m_hashtags, kNoNone, nullptr);
    within(ds.m_mention_ids, ds.m_mentions, kNoNone, nullptr);
    within(ds.m_link_ids, ds.m_links, kNoNone, nullptr);
    within(ds.m_domain_ids, ds.m_domains, kNoNone, nullptr);
    within(ds.m_emoji_ids, ds.m_emoji, kNoNone, nullptr);
    within(ds.m_author, ds.m_authors, Dataset::kNoAuthor, nullptr);
    within(s.langs, ds.m_langs, Dataset::kNoLang, &s.widest_lang);
    within(s.clients, ds.m_clients, Dataset::kNoClient, &s.widest_client);
    add(Once([&ds, fail, kOutside] {
        if (ds.m_author_name.size() != ds.m_authors.Size() ||
            ds.m_spelling_tag.size() != ds.m_hashtag_spellings.Size() ||
            ds.m_spelling_posts.size() != ds.m_hashtag_spellings.Size())
            return fail(kOutside);
        return true;
    }));
    within(ds.m_author_name, ds.m_names, kNoId, nullptr);
    within(ds.m_spelling_tag, ds.m_hashtags, kNoNone, nullptr);

    // Times, languages and clients packed (post_times.hpp, id_column.hpp), then let go as stored.
    add(Once([&s, &ds] {
        ds.m_time.reserve(s.n);
        ds.m_lang.Restart(s.widest_lang, s.n);
        ds.m_client.Restart(s.widest_client, s.n);
        return true;
    }));
    rows([&s, &ds](size_t begin, size_t end) {
        for (size_t row = begin; row < end; ++row) {
            ds.m_time.push_back(s.times[row]);
            ds.m_lang.push_back(s.langs[row]);
            ds.m_client.push_back(s.clients[row]);
        }
        return true;
    });
    // Let go in pieces: each is tens of megabytes at 10 million posts.
    add(Once([&s] {
        std::vector<UnixSeconds>().swap(s.times);
        return true;
    }));
    add(Once([&s] {
        std::vector<uint32_t>().swap(s.langs), std::vector<uint32_t>().swap(s.clients);
        return true;
    }));
    add(Once([&ds] {
        ds.m_hashtag_display.assign(ds.m_hashtags.Size(), Dictionary::kNotFound);
        return true;
    }));
    // Each hashtag shows its most used spelling.
    add(Rows(
        block, [&ds] { return ds.m_spelling_tag.size(); },
        [&ds](size_t begin, size_t end) {
            for (size_t sp = begin; sp < end; ++sp) {
                uint32_t& best = ds.m_hashtag_display[ds.m_spelling_tag[sp]];
                if (best == kNoId || ds.m_spelling_posts[sp] > ds.m_spelling_posts[best])
                    best = static_cast<uint32_t>(sp);
            }
            return true;
        }));
    // Post ids inside their dictionary and distinct (the index sized first, a megabyte of it a piece).
    add([&s, &ds, piece] {
        return ds.m_id_index.ReserveStep(s.n, static_cast<size_t>(piece / sizeof(uint32_t))) ? Piece::Done
                                                                                             : Piece::More;
    });
    rows([&ds, fail](size_t begin, size_t end) {
        for (size_t row = begin; row < end; ++row) {
            uint64_t key = ds.m_post_id[row];
            if (key == Dataset::kNoPostId) continue;
            if ((key & Dataset::kTextIdBit) != 0 && (key & ~Dataset::kTextIdBit) >= ds.m_text_ids.Size())
                return fail("a post id outside its dictionary");
            if (ds.m_id_index.Find(key, ds.m_post_id) != PostIdIndex::kNone) return fail("a repeated post id");
            ds.m_id_index.Insert(static_cast<RowId>(row), ds.m_post_id);
        }
        return true;
    });
    // The new posts in: swapped into an empty dataset, otherwise merged (one piece).
    add(Once([&s, &ds] {
        ds.m_sorted_dirty = true;
        if (s.on_disk)
            ds.m_text.KeepOnDisk(ds.m_files.size() == 1 ? ds.m_files[0].name : "", Snapshot::kHeaderBytes + s.text_at);
        if (s.into.m_files.empty() && s.into.m_time.empty())
            Snapshot::Swap(ds, s.into);
        else
            Snapshot::Merge(ds, s.into);
        s.into.LoadEnded();  // rebuilt from the id column if rows are added later
        return true;
    }));
}

}  // namespace chorus::core
