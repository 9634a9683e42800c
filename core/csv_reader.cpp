#include "csv_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "csv_tags.hpp"
#include "encoding.hpp"
#include "html_entities.hpp"
#include "text_entities.hpp"
#include "time_utc.hpp"

namespace chorus::core {
namespace {

constexpr std::string_view kArchiveOwner = "(archive owner)";  // rule 24's placeholder

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

int Find(const std::vector<std::string>& names, std::initializer_list<std::string_view> candidates) {
    for (std::string_view want : candidates) {
        auto it = std::find(names.begin(), names.end(), want);
        if (it != names.end()) return static_cast<int>(it - names.begin());
    }
    return -1;
}

bool IsDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Rule 36: a cell is set unless empty or one of the spreadsheet / R / pandas "nothing" words.
bool IsSet(std::string_view cell) {
    if (cell.empty()) return false;
    if (cell.size() > 5) return true;
    char v[5];
    for (size_t i = 0; i < cell.size(); ++i)
        v[i] = cell[i] >= 'A' && cell[i] <= 'Z' ? static_cast<char>(cell[i] - 'A' + 'a') : cell[i];
    std::string_view w(v, cell.size());
    return !(w == "na" || w == "false" || w == "0" || w == "none" || w == "nan" || w == "null");
}

bool IsBytesLiteral(std::string_view cell) {
    return cell.size() >= 3 && cell[0] == 'b' && (cell[1] == '\'' || cell[1] == '"') && cell.back() == cell[1];
}

bool ReadNumber(std::string_view& s, unsigned max_digits, unsigned& out) {
    size_t n = 0;
    out = 0;
    while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9')
        out = out * 10 + static_cast<unsigned>(s[n++] - '0');
    s.remove_prefix(n);
    return n > 0;
}

// M/D/YY or M/D/YYYY, a space, H:MM or H:MM:SS; UTC; YY is 20YY (rule 37).
UnixSeconds ParseSlashTime(std::string_view s) {
    unsigned mo, d, y, h, mi, sec = 0;
    auto eat = [&](char c) {
        if (s.empty() || s.front() != c) return false;
        s.remove_prefix(1);
        return true;
    };
    std::string_view year_start;
    if (!ReadNumber(s, 2, mo) || !eat('/') || !ReadNumber(s, 2, d) || !eat('/')) return kNoTime;
    year_start = s;
    if (!ReadNumber(s, 4, y)) return kNoTime;
    size_t year_digits = year_start.size() - s.size();
    if (year_digits == 2) {
        y += 2000;
    } else if (year_digits != 4) {
        return kNoTime;
    }
    if (!eat(' ') || !ReadNumber(s, 2, h) || !eat(':') || !ReadNumber(s, 2, mi)) return kNoTime;
    if (eat(':') && !ReadNumber(s, 2, sec)) return kNoTime;
    if (!s.empty() || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return kNoTime;
    int64_t days = DaysFromCivil(y, mo, d);
    int64_t back_y;
    unsigned back_m, back_d;
    CivilFromDays(days, back_y, back_m, back_d);
    if (back_m != mo || back_d != d) return kNoTime;
    return days * 86400 + h * 3600 + mi * 60 + sec;
}

UnixSeconds ParseCsvTime(std::string_view s) {
    if (s.empty()) return kNoTime;
    std::string_view whole = s.substr(0, s.find('.'));
    if (IsDigits(whole) && whole.size() <= 12 && (whole.size() == s.size() || IsDigits(s.substr(whole.size() + 1))))
        return ParseEpochSeconds(s);
    UnixSeconds t = ParseIsoTime(s);
    if (t == kNoTime) t = ParseTwitterTime(s);
    if (t == kNoTime) t = ParseSlashTime(s);
    return t;
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The field separator a header line uses: the most frequent of , ; \t outside quotes (ties: , then ;).
char CountDelimiter(std::string_view line) {
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        comma += c == ',';
        semi += c == ';';
        tab += c == '\t';
    }
    if (comma >= semi && comma >= tab) return ',';
    return semi >= tab ? ';' : '\t';
}

// True when a record's text ends inside a quoted field (RFC 4180 quoting).
bool EndsInsideQuotes(std::string_view record, char delimiter) {
    bool quoted = false, field_start = true;
    for (size_t i = 0; i < record.size(); ++i) {
        char c = record[i];
        if (quoted) {
            if (c == '"' && i + 1 < record.size() && record[i + 1] == '"') {
                ++i;
            } else if (c == '"') {
                quoted = false;
            }
        } else if (c == '"' && field_start) {
            quoted = true;
        }
        if (!quoted) field_start = c == delimiter;
    }
    return quoted;
}

}  // namespace

namespace {
// Every field of CsvColumns, in the order of CsvColumnsText.
template <typename F>
void EachColumn(CsvColumns& c, F&& f) {
    for (int* field : {&c.id, &c.time, &c.text, &c.author_id, &c.author_name, &c.lang, &c.client, &c.type,
                       &c.referenced, &c.retweet, &c.quote, &c.reply, &c.hashtags, &c.retweeter_id, &c.retweeter_name})
        f(*field);
}
}  // namespace

std::string CsvColumnsText(const CsvColumns& columns) {
    CsvColumns c = columns;
    std::string out;
    EachColumn(c, [&](int& v) { out.append(std::to_string(v)).push_back(','); });
    out.append(c.archive_owner ? "1" : "0");
    return out;
}

bool CsvColumnsFromText(std::string_view text, CsvColumns& columns) {
    CsvColumns c;
    bool ok = true;
    auto next = [&](int& v) {
        size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
        bool negative = item.starts_with('-');
        if (negative) item.remove_prefix(1);
        if (!IsDigits(item) || item.size() > 6) {
            ok = false;
            return;
        }
        v = std::stoi(std::string(item)) * (negative ? -1 : 1);
    };
    EachColumn(c, next);
    int owner = 0;
    next(owner);
    if (!ok || !text.empty() || owner < 0 || owner > 1) return false;
    c.archive_owner = owner == 1;
    columns = c;
    return true;
}

CsvColumns MapCsvColumns(const std::vector<std::string>& header) {
    std::vector<std::string> names;
    names.reserve(header.size());
    for (const std::string& h : header) {
        std::string_view v = h;
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
            v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
            v.remove_suffix(1);
        names.push_back(Lower(v));
    }
    CsvColumns c;
    c.id = Find(names, {"id_str", "id", "tweet_id", "uri"});
    c.time = Find(names, {"created_at", "created", "timestamp_utc", "timestamp", "date"});
    c.text = Find(names, {"text", "full_text", "tweet", "content"});
    c.author_id = Find(names, {"author_id", "author.id", "user_id", "user.id", "user_did"});
    c.author_name = Find(names, {"author.username", "screenname", "screen_name", "user_screen_name", "user.screen_name",
                                 "username", "user_handle"});
    c.lang = Find(names, {"lang", "language"});
    c.client = Find(names, {"source", "statussource"});
    c.type = Find(names, {"type"});
    c.referenced = Find(names, {"referenced_tweets"});
    c.retweet = Find(names, {"isretweet", "is_retweet", "retweeted_status_id", "repost_by_user_did"});
    c.quote = Find(names, {"quoted_status_id", "quoted_status_id_str", "quoted_uri", "is_quote_status"});
    c.reply = Find(names, {"replytosid", "in_reply_to_status_id", "in_reply_to_status_id_str", "to_post_uri"});
    c.hashtags = Find(names, {"entities.hashtags", "hashtags"});
    c.retweeter_id = Find(names, {"repost_by_user_did"});
    c.retweeter_name = Find(names, {"repost_by_user_handle"});
    c.archive_owner = Find(names, {"tweet_id"}) >= 0 && c.author_id < 0 && c.author_name < 0;
    c.counts = {
        Find(names, {"favorite_count", "public_metrics.like_count", "like_count", "favoritecount", "likes"}),
        Find(names, {"retweet_count", "public_metrics.retweet_count", "repost_count", "retweetcount", "reposts"}),
        Find(names, {"reply_count", "public_metrics.reply_count", "replies_count", "replycount", "replies"}),
        Find(names, {"quote_count", "public_metrics.quote_count", "quotecount", "quotes"})};
    return c;
}

std::vector<std::string> SplitCsvRecord(std::string_view record, char delimiter) {
    std::vector<std::string> row(1);
    enum class S : uint8_t { Start, Plain, Quoted, QuoteSeen } s = S::Start;
    for (char c : record) {
        switch (s) {
            case S::Start:
                if (c == '"') {
                    s = S::Quoted;
                    continue;
                }
                s = S::Plain;
                [[fallthrough]];
            case S::Plain:
            case S::QuoteSeen:
                if (c == delimiter) {
                    row.emplace_back();
                    s = S::Start;
                } else if (!(c == '"' && s == S::QuoteSeen)) {
                    if (c != '\r' || s != S::QuoteSeen) row.back().push_back(c);
                    s = S::Plain;
                } else {
                    row.back().push_back('"');
                    s = S::Quoted;
                }
                break;
            case S::Quoted:
                if (c == '"') {
                    s = S::QuoteSeen;
                } else {
                    row.back().push_back(c);
                }
                break;
        }
    }
    if (!row.back().empty() && row.back().back() == '\r' && s == S::Plain) row.back().pop_back();
    return row;
}

namespace {
// A csv_unmapped detail: "no column for the post's text among: a, b, c (every row skipped)".
constexpr std::string_view kUnmappedAmong = " among: ";
constexpr std::string_view kUnmappedEnd = " (every row skipped)";
}  // namespace

std::vector<std::string> CsvUnmappedNames(std::string_view detail) {
    std::vector<std::string> names;
    size_t from = detail.find(kUnmappedAmong);
    size_t to = detail.rfind(kUnmappedEnd);
    if (from == std::string_view::npos || to == std::string_view::npos || to < from + kUnmappedAmong.size())
        return names;
    std::string_view list = detail.substr(from + kUnmappedAmong.size(), to - from - kUnmappedAmong.size());
    for (;;) {
        size_t comma = list.find(", ");
        names.emplace_back(list.substr(0, comma));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 2);
    }
    return names;
}

bool DetectCsvHeader(std::string_view line, CsvHeader& header) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    header = CsvHeader{};
    std::string_view inner = line;
    std::string unwrapped;
    if (line.starts_with('"')) {
        // An Excel re-save may wrap each whole record in quotes and end it with ;;; (rule 36): the
        // first quoted field runs to the end of the line, followed only by ';'.
        size_t close = 1;
        while (close < line.size()) {
            if (line[close] == '"' && close + 1 < line.size() && line[close + 1] == '"') {
                close += 2;
            } else if (line[close] == '"') {
                break;
            } else {
                ++close;
            }
        }
        bool only_semis =
            close < line.size() && line.substr(close + 1).find_first_not_of(';') == std::string_view::npos;
        if (only_semis) {
            unwrapped = SplitCsvRecord(line, ';')[0];
            if (unwrapped.find(',') != std::string::npos) {
                inner = unwrapped;
                header.wrapped = true;
            }
        }
    }
    header.delimiter = CountDelimiter(inner);
    header.names = SplitCsvRecord(inner, header.delimiter);
    if (!header.wrapped && header.delimiter == ',' && header.names.size() == 2 &&
        ParseCsvTime(header.names[0]) != kNoTime && header.names[1] != DecodeBytesLiteral(header.names[1])) {
        // No header: tweepy's `created_at, b'text'` rows (rule 36); this line is the first record.
        header.names = {"created_at", "text"};
        header.headerless = true;
        header.format = "twitter-csv";
        return true;
    }
    if (header.names.size() < 2) return false;
    for (const std::string& name : header.names)
        if (name.size() > 64 || name.find_first_of("{}[]\n") != std::string::npos) return false;
    CsvColumns c = MapCsvColumns(header.names);
    if (c.id < 0 && c.time < 0 && c.text < 0) return false;
    if (c.archive_owner) {
        header.format = "twitter-archive-csv";
    } else if (c.retweeter_id >= 0 || Find(header.names, {"user_did"}) >= 0) {
        header.format = "bluesky-twitwi-csv";
    } else {
        header.format = "twitter-csv";
    }
    return true;
}

std::string DecodeBytesLiteral(std::string_view cell) {
    if (!IsBytesLiteral(cell)) return std::string(cell);
    std::string_view body = cell.substr(2, cell.size() - 3);
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 == body.size()) {
            out.push_back(c);
            continue;
        }
        char e = body[++i];
        switch (e) {
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case '\\':
            case '\'':
            case '"': out.push_back(e); break;
            case 'x':
                if (i + 2 < body.size() + 0 && HexDigit(body[i + 1]) >= 0 && HexDigit(body[i + 2]) >= 0) {
                    out.push_back(static_cast<char>(HexDigit(body[i + 1]) * 16 + HexDigit(body[i + 2])));
                    i += 2;
                    break;
                }
                [[fallthrough]];
            default: out.push_back('\\'); out.push_back(e);
        }
    }
    return out;
}

void CsvReader::BeginFile(size_t file, const CsvHeader& header, std::optional<CsvColumns> columns) {
    m_file = file;
    m_header = header;
    m_columns = columns ? *columns : MapCsvColumns(header.names);
    m_header_done = header.headerless;
    m_rt_prefix = m_columns.type < 0 && m_columns.referenced < 0 && m_columns.retweet < 0;
    m_split.Begin(m_header.wrapped ? ';' : m_header.delimiter);
    m_pending.clear();
    m_pending_parts = 0;
    m_pending_recoded = false;
    m_flushing = false;
    m_dataset.Report(file).format = header.format;
}

void CsvReader::Feed(const char* data, size_t size) {
    m_split.Feed(data, size, *this);
}

void CsvReader::Record(const std::vector<std::string_view>& cells, uint64_t line) {
    m_row.assign(cells.begin(), cells.end());
    ReadRow(line);
}

void CsvReader::EndFile() {
    m_split.End(*this);
    if (m_pending_parts > 0) {
        // The file ended inside an open quote: what was gathered is one record.
        m_flushing = true;
        std::string last = std::move(m_pending);
        m_pending.clear();
        --m_pending_parts;
        m_row.assign(1, last);
        ReadRow(m_pending_line);
        m_flushing = false;
    }
}

void CsvReader::ReadRow(uint64_t line) {
    IngestReport& report = m_dataset.Report(m_file);
    // Rule 36: a record that is not valid UTF-8 is read as Windows-1252.
    bool recoded = false;
    size_t recoded_used = 0;
    for (std::string_view& field : m_row) {
        if (IsValidUtf8(field)) continue;
        if (recoded_used == m_recoded.size()) m_recoded.emplace_back();
        std::string& out = m_recoded[recoded_used++];
        out.clear();
        Cp1252ToUtf8(field, out);
        field = out;
        recoded = true;
    }
    if (!m_header_done) {
        m_header_done = true;
        return;
    }
    if (m_header.wrapped) {
        // A wrapped record that leaves a quote open goes on in the next one (Excel closed the
        // wrapper at a line break inside the text).
        while (m_row.size() > 1 && m_row.back().empty())
            m_row.pop_back();
        std::string content;
        for (size_t i = 0; i < m_row.size(); ++i)
            content.append(i == 0 ? "" : ";").append(m_row[i]);
        if (m_pending_parts > 0) content = m_pending + "\n" + content;
        m_pending_recoded |= recoded;
        if (m_pending_parts == 0) m_pending_line = line;
        if (!m_flushing && EndsInsideQuotes(content, m_header.delimiter)) {
            m_pending = std::move(content);
            ++m_pending_parts;
            return;
        }
        m_pending.clear();
        m_pending_parts = 0;
        line = m_pending_line;
        recoded = m_pending_recoded;
        m_pending_recoded = false;
        m_unwrapped = SplitCsvRecord(content, m_header.delimiter);
        m_row.assign(m_unwrapped.begin(), m_unwrapped.end());
    }
    ++report.lines;
    if (recoded) report.Add(Problem::TranscodedCp1252, line, "not UTF-8: read as Windows-1252");
    if (!m_columns.Usable()) {
        if (report.counts[Problem::CsvUnmapped] == 0) {
            std::string names;
            for (const std::string& n : m_header.names)
                names.append(names.empty() ? "" : ", ").append(n);
            std::string detail = "no column for the post's ";
            detail += m_columns.text < 0 ? (m_columns.time < 0 ? "text and time" : "text") : "time";
            detail.append(kUnmappedAmong).append(names).append(kUnmappedEnd);
            report.Add(Problem::CsvUnmapped, line, detail);
        } else {
            ++report.counts[Problem::CsvUnmapped];
            ++report.skipped;
        }
        return;
    }
    const std::vector<std::string_view>& row = m_row;
    auto cell = [&](int column) -> std::string_view {
        return column >= 0 && static_cast<size_t>(column) < row.size() ? row[static_cast<size_t>(column)]
                                                                       : std::string_view();
    };
    PostRecord& r = m_post.Begin();
    std::string_view id = cell(m_columns.id);
    if (IsDigits(id) || id.starts_with("at://")) {
        r.id = id;
    } else {
        r.unusable_id = id;
    }
    r.time = ParseCsvTime(cell(m_columns.time));
    std::string_view text_cell = cell(m_columns.text);
    if (IsBytesLiteral(text_cell)) {
        std::string& text = m_post.Slot();
        text = DecodeBytesLiteral(text_cell);
        if (!IsValidUtf8(text)) {
            std::string raw;
            raw.swap(text);
            Cp1252ToUtf8(raw, text);
        }
        r.text = text;
    } else {
        r.text = text_cell;  // valid UTF-8 already (the record was read as Windows-1252 if not)
    }
    if (!id.starts_with("at://")) UndoTextEntities(r, m_post.Slot());  // rule 110: CSVs of tweets, not Bluesky's
    r.lang = cell(m_columns.lang);
    r.client = cell(m_columns.client);
    for (size_t k = 0; k < r.engagement.counts.size(); ++k)
        r.engagement.counts[k] = ParseCount(cell(m_columns.counts[k]));

    std::string_view type = cell(m_columns.type);
    bool retweet = type == "retweeted" || type == "retweet" || IsSet(cell(m_columns.retweet));
    bool quote = type == "quoted" || type == "quote" || IsSet(cell(m_columns.quote));
    bool reply = type == "replied_to" || type == "reply" || IsSet(cell(m_columns.reply));
    std::string_view refs = cell(m_columns.referenced);
    if (refs.starts_with('[')) {
        auto json = nlohmann::json::parse(refs, nullptr, false);
        if (json.is_array()) {
            for (const auto& ref : json) {
                if (!ref.is_object() || !ref.contains("type") || !ref["type"].is_string()) continue;
                const std::string& t = ref["type"].get_ref<const std::string&>();
                retweet |= t == "retweeted";
                quote |= t == "quoted";
                reply |= t == "replied_to";
            }
        }
    }
    if (m_rt_prefix && r.text.starts_with("RT @")) retweet = true;
    r.type = retweet ? PostType::Retweet : quote ? PostType::Quote : reply ? PostType::Reply : PostType::Original;

    if (m_columns.archive_owner) {
        r.author_id = r.author_name = kArchiveOwner;
    } else {
        r.author_id = cell(m_columns.author_id);
        r.author_name = cell(m_columns.author_name);
        if (retweet && !cell(m_columns.retweeter_id).empty()) {
            r.author_id = cell(m_columns.retweeter_id);
            r.author_name = cell(m_columns.retweeter_name);
        }
        if (!IsSet(r.author_id)) r.author_id = IsSet(r.author_name) ? r.author_name : std::string_view();
        if (!IsSet(r.author_name)) r.author_name = r.author_id;
    }

    std::string_view tags = cell(m_columns.hashtags);
    if (m_columns.hashtags < 0) {
        HashtagsInText(r.text, r.hashtags);
    } else if (tags.starts_with('[')) {
        if (!QuickTagList(tags, m_post, r.hashtags)) {
            r.hashtags.clear();
            auto json = nlohmann::json::parse(tags, nullptr, false);
            if (json.is_array()) {
                for (const auto& tag : json) {
                    if (!tag.is_object()) continue;
                    for (const char* key : {"tag", "text"}) {
                        if (tag.contains(key) && tag[key].is_string()) {
                            r.hashtags.push_back(m_post.Keep(tag[key].get_ref<const std::string&>()));
                            break;
                        }
                    }
                }
            }
        }
    } else {
        while (!tags.empty()) {
            size_t bar = tags.find('|');
            std::string_view tag = tags.substr(0, bar);
            if (!tag.empty()) r.hashtags.push_back(tag);
            tags.remove_prefix(bar == std::string_view::npos ? tags.size() : bar + 1);
        }
    }
    MentionsInText(r.text, r.mentions);
    LinksInText(r.text, r.links);
    m_post.Emit(m_dataset, m_file, RecordPlace{line, 0});
}

}  // namespace chorus::core
