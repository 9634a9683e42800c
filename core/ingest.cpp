#include "ingest.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "container.hpp"
#include "encoding.hpp"
#include "format_detect.hpp"
#include "json_document.hpp"
#include "record_reader.hpp"
#include "tweet_reader.hpp"
#include "zstd_stream.hpp"

namespace chorus::core {

static_assert(Ingest::kPadding >= simdjson::SIMDJSON_PADDING);

// A first line longer than this is not a CSV header (rule 36): detection stops waiting for its end.
constexpr size_t kCsvHeaderLimit = size_t{1} << 20;

struct Ingest::Reader {
    explicit Reader(Dataset& dataset) : records(dataset), csv(dataset) {}
    enum class Mode : uint8_t { Detecting, Lines, Document, Csv, Ignore };
    RecordReader records;
    CsvReader csv;
    std::optional<CsvColumns> csv_columns;  // the caller's mapping, else by header names
    bool bom_checked = false;
    bool csv_ruled_out = false;         // the first line is not a CSV header (or the file starts with { or [)
    size_t line_scan = 0;               // the first line's end was looked for up to here
    std::string bom_byte;               // the file's first byte when it came alone in the first slice
    std::optional<Utf16Decoder> utf16;  // the file is UTF-16: every slice is transcoded first
    std::string decoded;                // one transcoded slice (+ kPadding)
    std::string recoded;                // a JSON line that was not UTF-8, as UTF-8 (rule 40)
    ContainerDetector detector;
    bool magic_checked = false;        // the first bytes were compared with zstd's magic (rule 39)
    std::string magic;                 // the first bytes while they could still be zstd's magic
    std::unique_ptr<ZstdStream> zstd;  // the file is zstd: every slice is decoded first
    Mode mode = Mode::Detecting;
    std::string head;  // Detecting: the bytes so far; Document: the whole document
};

Ingest::Ingest(Dataset& dataset) : m_dataset(dataset), m_reader(std::make_unique<Reader>(dataset)) {}
Ingest::~Ingest() = default;

void Ingest::BeginFile(std::string name) {
    if (InFile()) EndFile();
    StartFile(m_dataset.BeginFile(std::move(name)));
}

void Ingest::StartFile(size_t file) {
    m_file = file;
    m_file_bytes = 0;
    m_line = 0;
    m_carry.clear();
    m_fed = m_carry_at = 0;
    m_transcoded = false;
    m_dataset.Spans().Stop();
    m_skipping_line = false;
    m_continuation = false;
    m_reader->mode = Reader::Mode::Detecting;
    m_reader->detector = ContainerDetector();
    m_reader->head.clear();
    m_reader->bom_checked = false;
    m_reader->csv_ruled_out = false;
    m_reader->line_scan = 0;
    m_reader->bom_byte.clear();
    m_reader->utf16.reset();
    m_reader->magic_checked = false;
    m_reader->magic.clear();
    m_reader->zstd.reset();
}

void Ingest::BeginContinuation(std::string name, uint8_t seed) {
    BeginFile(std::move(name));
    Continue(seed);
}

void Ingest::ContinueLastFile(uint8_t seed, uint64_t lines) {
    if (InFile()) EndFile();
    StartFile(m_dataset.Files().size() - 1);
    m_line = lines;
    Continue(seed);
}

void Ingest::Continue(uint8_t seed) {
    m_continuation = true;
    m_reader->bom_checked = true;
    m_reader->csv_ruled_out = true;
    m_reader->mode = Reader::Mode::Lines;
    m_reader->records.BeginContinuation(m_file, seed);
}

uint8_t Ingest::ContinuationSeed() const {
    if (!InFile() || m_reader->mode != Reader::Mode::Lines || m_reader->utf16) return 0;
    return m_reader->records.ContinuationSeed();
}

void Ingest::KeepTextPlaces(uint64_t base) {
    if (InFile()) m_dataset.Spans().Start(static_cast<uint32_t>(m_file), base);
}

bool Ingest::SpansOn() const {
    return m_dataset.Spans().Started() && !m_transcoded && !m_reader->zstd && !m_reader->utf16;
}

void Ingest::FeedCsv(const char* data, size_t size, uint64_t offset) {
    if (SpansOn()) m_dataset.Spans().Enter(data, size, offset);
    m_reader->csv.Feed(data, size);
    m_dataset.Spans().Enter(nullptr, 0, 0);
}

bool Ingest::ReadsCsv() const {
    return m_reader->mode == Reader::Mode::Csv;
}

void Ingest::ReportProblem(Problem problem, std::string detail) {
    if (!InFile()) return;
    m_dataset.Report(m_file).Add(problem, 0, std::move(detail));
}

void Ingest::SetCsvColumns(std::optional<CsvColumns> columns) {
    m_reader->csv_columns = columns;
}

// Rule 36: the first line is a CSV header (a complete line is needed unless the file ended).
bool Ingest::DecideCsv(bool at_end) {
    Reader& r = *m_reader;
    if (r.csv_ruled_out) return false;
    std::string_view head = r.head;
    size_t start = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    size_t first = head.find_first_not_of(" \t\r\n", start);
    if (first != std::string_view::npos && (head[first] == '{' || head[first] == '[')) {
        r.csv_ruled_out = true;
        return false;
    }
    size_t nl = head.find('\n', std::max(start, r.line_scan));
    if (nl == std::string_view::npos) {
        r.line_scan = head.size();
        if (!at_end && head.size() < kCsvHeaderLimit) return false;
        nl = head.size();
    }
    CsvHeader header;
    if (!DetectCsvHeader(head.substr(start, nl - start), header)) {
        r.csv_ruled_out = true;
        return false;
    }
    r.mode = Reader::Mode::Csv;
    r.csv.BeginFile(m_file, header, r.csv_columns);
    m_fed = r.head.size();
    FeedCsv(r.head.data() + start, r.head.size() - start, start);
    r.head.clear();
    return true;
}

void Ingest::ConsumeLine(const char* line, size_t size, size_t readable, uint64_t offset) {
    ++m_line;
    if (m_line == 1 && !m_continuation && size >= 3 &&
        std::memcmp(line, "\xEF\xBB\xBF", 3) == 0) {  // UTF-8 byte order mark
        line += 3;
        size -= 3;
        readable -= 3;
        offset += 3;
    }
    while (size > 0 && (line[size - 1] == '\r' || line[size - 1] == ' ' || line[size - 1] == '\t'))
        --size;
    size_t start = 0;
    while (start < size && (line[start] == ' ' || line[start] == '\t'))
        ++start;
    if (start == size) return;  // blank lines are not records
    IngestReport& report = m_dataset.Report(m_file);
    ++report.lines;
    if (!simdjson::validate_utf8(line + start, size - start)) {  // rule 40: read as Windows-1252
        std::string& text = m_reader->recoded;
        text.clear();
        Cp1252ToUtf8(std::string_view(line + start, size - start), text);
        size_t n = text.size();
        text.append(kPadding, ' ');
        report.Add(Problem::TranscodedCp1252, m_line, "not UTF-8: read as Windows-1252");
        return m_reader->records.Read(text.data(), n, text.size(), RecordPlace{m_line, 0});
    }
    const bool spans = SpansOn();
    if (spans) m_dataset.Spans().Enter(line + start, size - start, offset + start);
    m_reader->records.Read(line + start, size - start, readable - start, RecordPlace{m_line, 0});
    if (spans) m_dataset.Spans().Enter(nullptr, 0, 0);
}

void Ingest::LineTooLarge() {
    IngestReport& report = m_dataset.Report(m_file);
    ++report.lines;
    report.Add(Problem::TooLarge, m_line + 1,
               "a line longer than " + std::to_string(m_document_limit >> 20) + " MiB: not read");
    m_carry.clear();
    m_skipping_line = true;
}

void Ingest::FeedLines(const char* data, size_t size) {
    const char* p = data;
    const char* end = data + size;
    const uint64_t at = m_fed;  // file offset of data[0] (rule 101)
    m_fed += size;
    if (m_skipping_line || !m_carry.empty()) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', size));
        if (!nl) {
            if (m_skipping_line) return;
            if (m_carry.size() + size > m_document_limit) return LineTooLarge();
            m_carry.append(p, size);
            return;
        }
        if (m_skipping_line) {
            ++m_line;
            m_skipping_line = false;
        } else {
            m_carry.append(p, static_cast<size_t>(nl - p));
            size_t n = m_carry.size();
            m_carry.append(kPadding, ' ');
            ConsumeLine(m_carry.data(), n, m_carry.size(), m_carry_at);
            m_carry.clear();
        }
        p = nl + 1;
    }
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (!nl) {
            if (static_cast<size_t>(end - p) > m_document_limit) return LineTooLarge();
            m_carry.assign(p, static_cast<size_t>(end - p));
            m_carry_at = at + static_cast<uint64_t>(p - data);
            break;
        }
        // In place: the bytes after the line (the rest of the slice + kPadding) are readable.
        ConsumeLine(p, static_cast<size_t>(nl - p), static_cast<size_t>(end - p) + kPadding,
                    at + static_cast<uint64_t>(p - data));
        p = nl + 1;
    }
}

void Ingest::StartContainer(Container container) {
    Reader& r = *m_reader;
    if (container == Container::JsonDocument) {
        r.mode = Reader::Mode::Document;
        return;
    }
    r.mode = Reader::Mode::Lines;
    r.records.BeginFile(m_file, FileLayout{});
    std::string bytes = std::move(r.head);
    r.head.clear();
    size_t n = bytes.size();
    bytes.append(kPadding, ' ');
    FeedLines(bytes.data(), n);
}

void Ingest::Feed(const char* data, size_t size) {
    if (!InFile()) return;
    m_file_bytes += size;
    Reader& r = *m_reader;
    if (!r.magic_checked && size > 0) {
        // Rule 39: a file that starts with zstd's magic is decoded here (its four bytes may come apart).
        static constexpr char kMagic[] = {'\x28', '\xB5', '\x2F', '\xFD'};
        size_t take = std::min(sizeof kMagic - r.magic.size(), size);
        r.magic.append(data, take);
        bool prefix = std::memcmp(r.magic.data(), kMagic, r.magic.size()) == 0;
        if (prefix && r.magic.size() < sizeof kMagic) return;  // all of `data` is in r.magic
        r.magic.resize(r.magic.size() - take);
        r.magic_checked = true;
        if (prefix) r.zstd = std::make_unique<ZstdStream>();
        if (!r.magic.empty()) {
            std::string first = std::move(r.magic);
            size_t n = first.size();
            first.append(kPadding, ' ');
            r.magic.clear();
            FeedPacked(first.data(), n);
        }
    }
    FeedPacked(data, size);
}

void Ingest::FeedPacked(const char* data, size_t size) {
    Reader& r = *m_reader;
    if (!r.zstd) return FeedUnpacked(data, size);
    r.zstd->Feed(data, size, [this](const char* text, size_t n) { FeedUnpacked(text, n); });
}

void Ingest::FinishZstd() {
    Reader& r = *m_reader;
    if (!r.zstd) return;
    std::string problem = r.zstd->Finish();
    if (!problem.empty()) m_dataset.Report(m_file).Add(Problem::Archive, 0, std::move(problem));
    r.zstd.reset();
}

void Ingest::FeedUnpacked(const char* data, size_t size) {
    m_dataset.Report(m_file).bytes += size;
    Reader& r = *m_reader;
    if (!r.bom_checked && size > 0) {
        // Rule 36: a UTF-16 byte order mark makes the file UTF-16 (its two bytes may come apart).
        if (r.bom_byte.empty() && size == 1) {
            r.bom_byte.push_back(data[0]);  // not assign(data, 1): GCC 12 -O3 warns falsely (-Wrestrict)
            return;
        }
        r.bom_checked = true;
        char first = r.bom_byte.empty() ? data[0] : r.bom_byte[0];
        char second = r.bom_byte.empty() ? data[1] : data[0];
        bool le = first == '\xFF' && second == '\xFE';
        bool be = first == '\xFE' && second == '\xFF';
        if (le || be) {
            r.utf16.emplace(be);
            size_t skip = r.bom_byte.empty() ? 2 : 1;
            data += skip;
            size -= skip;
        } else if (!r.bom_byte.empty()) {
            r.bom_byte.append(kPadding, ' ');
            FeedText(r.bom_byte.data(), 1);
        }
        r.bom_byte.clear();
    }
    if (!r.utf16) return FeedText(data, size);
    r.decoded.clear();
    r.utf16->Feed(data, size, r.decoded);
    size_t n = r.decoded.size();
    r.decoded.append(kPadding, ' ');
    FeedText(r.decoded.data(), n);
}

void Ingest::FinishUtf16() {
    Reader& r = *m_reader;
    if (!r.utf16) return;
    r.decoded.clear();
    r.utf16->Finish(r.decoded);
    size_t n = r.decoded.size();
    r.decoded.append(kPadding, ' ');
    if (n > 0) FeedText(r.decoded.data(), n);
    if (r.utf16->Replaced() > 0) m_dataset.Report(m_file).counts[Problem::InvalidUtf16] += r.utf16->Replaced();
    r.utf16.reset();
}

void Ingest::FeedText(const char* data, size_t size) {
    Reader& r = *m_reader;
    if (r.zstd || r.utf16) m_transcoded = true;
    switch (r.mode) {
        case Reader::Mode::Csv: {
            const uint64_t at = m_fed;
            m_fed += size;
            return FeedCsv(data, size, at);
        }
        case Reader::Mode::Lines: return FeedLines(data, size);
        case Reader::Mode::Ignore: return;
        case Reader::Mode::Detecting:
        case Reader::Mode::Document: break;
    }
    if (r.head.size() + size > m_document_limit) {
        if (r.mode == Reader::Mode::Detecting) {
            // Still undecided this far in: the first line alone is over the limit.
            StartContainer(Container::JsonLines);
            return FeedLines(data, size);
        }
        IngestReport& report = m_dataset.Report(m_file);
        ++report.lines;
        report.Add(Problem::TooLarge, 0,
                   "a JSON document larger than " + std::to_string(m_document_limit >> 20) +
                       " MiB: not read (documents are read whole; JSON lines have no limit)");
        r.head.clear();
        r.head.shrink_to_fit();
        r.mode = Reader::Mode::Ignore;
        return;
    }
    if (r.head.capacity() < r.head.size() + size + kPadding)  // room for the padding ReadDocument adds
        r.head.reserve(std::max(2 * r.head.capacity(), r.head.size() + size + kPadding));
    r.head.append(data, size);
    if (r.mode == Reader::Mode::Detecting) {
        if (DecideCsv(false)) return;
        if (!r.csv_ruled_out) return;  // maybe a CSV header: wait for its line to end
        Container container = r.detector.Decide(r.head, false);
        if (container != Container::Undecided) StartContainer(container);
    }
}

void Ingest::ReadDocument() {
    Reader& r = *m_reader;
    IngestReport& report = m_dataset.Report(m_file);
    size_t n = r.head.size();
    r.head.append(kPadding, ' ');  // the parsers read up to kPadding bytes past a record
    std::string_view text(r.head.data(), n);
    std::string script = r.detector.ScriptName();
    bool started = false;
    DocumentScan scan =
        ScanDocument(text, r.detector.DocumentStart(), !script.empty(), [&](const DocumentRecord& record) {
            if (!started) {
                r.records.BeginFile(m_file, FileLayout{true, record.root_array, std::string(record.list_key), script});
                started = true;
            }
            ++report.lines;
            const char* json = r.head.data() + record.begin;
            size_t size = record.end - record.begin;
            if (!simdjson::validate_utf8(json, size)) {  // rule 40: this record read as Windows-1252
                r.recoded.clear();
                Cp1252ToUtf8(std::string_view(json, size), r.recoded);
                size = r.recoded.size();
                r.recoded.append(kPadding, ' ');
                report.Add(Problem::TranscodedCp1252, RecordPlace{record.line, record.item},
                           "not UTF-8: read as Windows-1252");
                return r.records.Read(r.recoded.data(), size, r.recoded.size(), RecordPlace{record.line, record.item});
            }
            const bool spans = SpansOn();  // the document is the file from its first byte
            if (spans) m_dataset.Spans().Enter(json, size, record.begin);
            r.records.Read(json, size, r.head.size() - record.begin, RecordPlace{record.line, record.item});
            if (spans) m_dataset.Spans().Enter(nullptr, 0, 0);
        });
    if (!scan.error.empty() && scan.error_loses_record) {
        ++report.lines;  // the cut record, or the text after the document: one record not read
        report.Add(Problem::InvalidJson, RecordPlace{scan.error_line, scan.error_item}, scan.error);
    }
}

void Ingest::EndFile() {
    if (!InFile()) return;
    Reader& r = *m_reader;
    if (!r.magic_checked && !r.magic.empty()) {  // a file of up to three bytes that start like zstd's magic
        r.magic_checked = true;
        std::string first = std::move(r.magic);
        size_t n = first.size();
        first.append(kPadding, ' ');
        r.magic.clear();
        FeedUnpacked(first.data(), n);
    }
    FinishZstd();
    if (!r.bom_byte.empty()) {  // a one-byte file
        r.bom_checked = true;
        r.bom_byte.append(kPadding, ' ');
        FeedText(r.bom_byte.data(), 1);
        r.bom_byte.clear();
    }
    FinishUtf16();
    if (r.mode == Reader::Mode::Detecting && !DecideCsv(true)) StartContainer(r.detector.Decide(r.head, true));
    if (r.mode == Reader::Mode::Csv) r.csv.EndFile();
    if (r.mode == Reader::Mode::Document) ReadDocument();
    if (r.mode == Reader::Mode::Lines && !m_carry.empty() && !m_skipping_line) {
        size_t n = m_carry.size();
        m_carry.append(kPadding, ' ');
        ConsumeLine(m_carry.data(), n, m_carry.size(), m_carry_at);
    }
    m_carry.clear();
    m_dataset.Spans().Stop();
    r.head.clear();
    r.head.shrink_to_fit();
    m_file = kNoFile;
    m_dataset.FileEnded();  // gives back the columns' growth slack
}

void Ingest::CancelFile() {
    if (!InFile()) return;
    Reader& r = *m_reader;
    if (r.mode == Reader::Mode::Detecting) {
        // Still deciding: complete lines are read (a partial last one is not); a document is read
        // only if what arrived is one whole value.
        Container container = r.detector.Decide(r.head, true);
        StartContainer(container);
        if (container == Container::JsonDocument) ReadDocument();
    }
    if (r.zstd && !r.zstd->Problem().empty()) FinishZstd();  // the damage came before the cancel
    r.zstd.reset();
    IngestReport& report = m_dataset.Report(m_file);
    report.cancelled = true;
    m_dataset.Spans().Stop();
    report.Add(Problem::Cancelled, m_line + 1,
               "load cancelled after " + std::to_string(m_file_bytes) + " bytes: the rest of the file was not read");
    m_carry.clear();
    r.head.clear();
    r.head.shrink_to_fit();
    m_file = kNoFile;
}

bool LoadFile(Ingest& ingest, const std::string& path, std::string& error) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return false;
    }
    size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    // The first bytes tell a compressed file from a plain one. A plain (or zstd: Ingest decodes it itself)
    // file is never sought back (a pipe cannot be): its first bytes start the first slice.
    constexpr size_t kSlice = 4 << 20;
    std::vector<char> buffer(kSlice + Ingest::kPadding, ' ');
    size_t head = std::fread(buffer.data(), 1, 4, f);
    Packing packing = SniffPacking(buffer.data(), head);
    if (packing != Packing::Plain && packing != Packing::Zstd) {
        if (std::fseek(f, 0, SEEK_SET) != 0) {
            error = "cannot seek in " + path + " (a compressed file must be a file, not a pipe)";
            std::fclose(f);
            return false;
        }
        bool ok = LoadPacked(ingest, f, name, packing, error);
        std::fclose(f);
        return ok;
    }
    ingest.BeginFile(name);
    bool ok = true;
    for (;;) {
        size_t n = head + std::fread(buffer.data() + head, 1, kSlice - head, f);
        head = 0;
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
