#include "time_zone.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "time_utc.hpp"

#if CHORUS_TZ_BUNDLE
namespace chorus::core {
extern const unsigned char kTimeZoneBundle[];  // generated at build time (core/tz_bundle.py)
extern const size_t kTimeZoneBundleSize;
}  // namespace chorus::core
#endif

namespace chorus::core {

namespace {

constexpr int64_t kDaySeconds = 86400;
// The Gregorian calendar (weekdays included) repeats every 400 years, and so does a POSIX TZ rule.
constexpr int64_t kCycle = 146097 * kDaySeconds;

int64_t FloorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool IsLeap(int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned DaysInMonth(int64_t y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

int64_t YearOf(UnixSeconds t) {
    int64_t y;
    unsigned m, d;
    CivilFromDays(FloorDiv(t, kDaySeconds), y, m, d);
    return y;
}

// ---- POSIX TZ rules ("EST5EDT,M3.2.0,M11.1.0") ----

struct RuleDate {
    char kind = 'M';  // 'J': Julian day 1..365 (no Feb 29), 'N': day 0..365, 'M': month.week.weekday
    int day = 0, month = 0, week = 0, weekday = 0;
    int32_t time = 7200;  // local seconds after midnight (may be negative or past 24 h, TZif v3)
};

struct PosixRule {
    int32_t std_offset = 0;  // east of UTC
    int32_t dst_offset = 0;
    bool has_dst = false;
    RuleDate start, end;
};

class PosixParser {
public:
    explicit PosixParser(std::string_view s) : m_s(s) {}

    bool Parse(PosixRule& out) {
        int32_t west = 0;
        if (!Name() || !Offset(24, west)) return false;
        out.std_offset = -west;
        if (AtEnd()) return true;
        out.has_dst = true;
        if (!Name()) return false;
        out.dst_offset = out.std_offset + 3600;
        if (!AtEnd() && Peek() != ',') {
            if (!Offset(24, west)) return false;
            out.dst_offset = -west;
        }
        if (AtEnd()) {  // POSIX leaves the dates to the implementation; tzcode uses the US rules
            out.start = RuleDate{'M', 0, 3, 2, 0, 7200};
            out.end = RuleDate{'M', 0, 11, 1, 0, 7200};
            return true;
        }
        return Take(',') && Date(out.start) && Take(',') && Date(out.end) && AtEnd();
    }

private:
    bool AtEnd() const { return m_pos >= m_s.size(); }
    char Peek() const { return AtEnd() ? '\0' : m_s[m_pos]; }
    bool Take(char c) {
        if (Peek() != c) return false;
        ++m_pos;
        return true;
    }
    bool Number(int max, int& out) {
        size_t start = m_pos;
        int64_t v = 0;
        while (!AtEnd() && Peek() >= '0' && Peek() <= '9' && m_pos - start < 4)
            v = v * 10 + (m_s[m_pos++] - '0');
        out = static_cast<int>(v);
        return m_pos > start && v <= max;
    }
    bool Name() {
        if (Take('<')) {
            size_t close = m_s.find('>', m_pos);
            if (close == std::string_view::npos || close < m_pos + 3) return false;
            m_pos = close + 1;
            return true;
        }
        size_t start = m_pos;
        while (!AtEnd() && ((Peek() >= 'A' && Peek() <= 'Z') || (Peek() >= 'a' && Peek() <= 'z')))
            ++m_pos;
        return m_pos - start >= 3;
    }
    // [+-]hh[:mm[:ss]], hours up to max_hours; the result is in seconds, sign included.
    bool Offset(int max_hours, int32_t& out) {
        int sign = 1;
        if (Take('-')) {
            sign = -1;
        } else {
            Take('+');
        }
        int h = 0, m = 0, s = 0;
        if (!Number(max_hours, h)) return false;
        if (Take(':')) {
            if (!Number(59, m)) return false;
            if (Take(':') && !Number(59, s)) return false;
        }
        out = sign * (h * 3600 + m * 60 + s);
        return true;
    }
    bool Date(RuleDate& d) {
        if (Take('J')) {
            d.kind = 'J';
            if (!Number(365, d.day) || d.day < 1) return false;
        } else if (Take('M')) {
            d.kind = 'M';
            if (!Number(12, d.month) || d.month < 1 || !Take('.') || !Number(5, d.week) || d.week < 1 || !Take('.') ||
                !Number(6, d.weekday))
                return false;
        } else {
            d.kind = 'N';
            if (!Number(365, d.day)) return false;
        }
        d.time = 7200;
        if (Take('/')) return Offset(167, d.time);
        return true;
    }

    std::string_view m_s;
    size_t m_pos = 0;
};

// Epoch day of a rule date in year y.
int64_t RuleDay(const RuleDate& d, int64_t y) {
    const int64_t jan1 = DaysFromCivil(y, 1, 1);
    if (d.kind == 'J') return jan1 + d.day - 1 + (IsLeap(y) && d.day >= 60 ? 1 : 0);
    if (d.kind == 'N') return jan1 + d.day;
    const auto month = static_cast<unsigned>(d.month);
    const int64_t first = DaysFromCivil(y, month, 1);
    const int64_t first_weekday = ((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (4)
    int64_t day = 1 + (d.weekday - first_weekday + 7) % 7 + (d.week - 1) * 7;
    while (day > DaysInMonth(y, month))
        day -= 7;
    return first + day - 1;
}

UnixSeconds RuleInstant(const RuleDate& d, int64_t y, int32_t offset_before) {
    return RuleDay(d, y) * kDaySeconds + d.time - offset_before;
}

bool DstAt(const PosixRule& r, UnixSeconds t) {
    const int64_t y = YearOf(t);
    bool in_std_gap = false;
    for (int64_t k = y - 1; k <= y + 1; ++k) {
        UnixSeconds s = RuleInstant(r.start, k, r.std_offset), e = RuleInstant(r.end, k, r.dst_offset);
        if (s < e && s <= t && t < e) return true;  // northern: DST from start to end of one year
        if (s > e && e <= t && t < s) in_std_gap = true;
    }
    const UnixSeconds s = RuleInstant(r.start, y, r.std_offset), e = RuleInstant(r.end, y, r.dst_offset);
    return s > e && !in_std_gap;  // southern: standard time from end to start, DST otherwise
}

}  // namespace

// ---- zone data ----

struct TimeZone::Data {
    std::string name = "UTC";
    std::vector<UnixSeconds> times;      // instants where the offset changes, ascending
    std::vector<int32_t> offsets = {0};  // offsets[0] before times[0]; offsets[i + 1] from times[i]
    bool cyclic = false;                 // instants from cycle_begin + kCycle on repeat 400 years earlier
    UnixSeconds cycle_begin = 0;
    int32_t max_abs_offset = 0;

    void Finish() {
        max_abs_offset = 0;
        for (int32_t o : offsets)
            max_abs_offset = std::max(max_abs_offset, o < 0 ? -o : o);
    }
};

namespace {

std::shared_ptr<const TimeZone::Data> UtcData() {
    static const std::shared_ptr<const TimeZone::Data> utc = std::make_shared<TimeZone::Data>();
    return utc;
}

// Appends the rule's changes after `after` (the last explicit transition) and marks the data cyclic.
void ApplyRule(TimeZone::Data& z, const PosixRule& r, UnixSeconds after, bool have_transitions) {
    if (!have_transitions) z.offsets = {r.std_offset};
    if (!r.has_dst) {
        if (z.offsets.back() != r.std_offset && (z.times.empty() || after > z.times.back())) {
            z.times.push_back(after);  // a footer at odds with the last transition: the footer wins after it
            z.offsets.push_back(r.std_offset);
        }
        return;
    }
    const int64_t y0 = have_transitions ? YearOf(after) - 1 : 1800;
    std::vector<UnixSeconds> candidates;
    for (int64_t y = y0; y <= y0 + 404; ++y) {
        candidates.push_back(RuleInstant(r.start, y, r.std_offset));
        candidates.push_back(RuleInstant(r.end, y, r.dst_offset));
    }
    std::sort(candidates.begin(), candidates.end());
    if (!have_transitions) z.offsets = {DstAt(r, candidates.front() - 1) ? r.dst_offset : r.std_offset};
    for (UnixSeconds c : candidates) {
        if (have_transitions && c <= after) continue;
        int32_t off = DstAt(r, c) ? r.dst_offset : r.std_offset;
        if (off == z.offsets.back()) continue;
        z.times.push_back(c);
        z.offsets.push_back(off);
    }
    if (z.times.empty()) return;
    // The window [cycle_begin, cycle_begin + kCycle) is pure rule, with generated data a year past it.
    z.cyclic = true;
    z.cycle_begin = DaysFromCivil(y0 + 3, 1, 1) * kDaySeconds;
}

uint32_t Be32(std::string_view s, size_t at) {
    return static_cast<uint32_t>(static_cast<uint8_t>(s[at])) << 24 |
           static_cast<uint32_t>(static_cast<uint8_t>(s[at + 1])) << 16 |
           static_cast<uint32_t>(static_cast<uint8_t>(s[at + 2])) << 8 | static_cast<uint8_t>(s[at + 3]);
}

int64_t Be64(std::string_view s, size_t at) {
    return static_cast<int64_t>(static_cast<uint64_t>(Be32(s, at)) << 32 | Be32(s, at + 4));
}

struct TzifHeader {
    uint64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
    uint64_t DataBytes(uint64_t time_size) const {
        return time * time_size + time + type * 6 + chars + leap * (time_size + 4) + isstd + isut;
    }
};

bool ReadHeader(std::string_view s, size_t at, TzifHeader& h) {
    if (s.size() < at + 44 || s.substr(at, 4) != "TZif") return false;
    h.isut = Be32(s, at + 20);
    h.isstd = Be32(s, at + 24);
    h.leap = Be32(s, at + 28);
    h.time = Be32(s, at + 32);
    h.type = Be32(s, at + 36);
    h.chars = Be32(s, at + 40);
    return true;
}

}  // namespace

TimeZone::TimeZone() : m_data(UtcData()) {}
TimeZone::TimeZone(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}

const std::string& TimeZone::Name() const {
    return m_data->name;
}

bool TimeZone::IsUtc() const {
    return m_data->times.empty() && m_data->offsets[0] == 0;
}

ZonePeriod TimeZone::PeriodAt(UnixSeconds t) const {
    const Data& z = *m_data;
    int64_t shift = 0;
    if (z.cyclic && t >= z.cycle_begin + kCycle) {
        shift = (t - z.cycle_begin) / kCycle * kCycle;
        t -= shift;
    }
    auto it = std::upper_bound(z.times.begin(), z.times.end(), t);
    const auto i = static_cast<size_t>(it - z.times.begin());
    ZonePeriod p;
    p.offset = z.offsets[i];
    if (i > 0) p.begin = z.times[i - 1] + shift;
    if (i < z.times.size()) p.end = z.times[i] + shift;
    return p;
}

int32_t TimeZone::OffsetAt(UnixSeconds t) const {
    return PeriodAt(t).offset;
}

LocalTime TimeZone::Local(UnixSeconds t) const {
    LocalTime out;
    out.offset = OffsetAt(t);
    out.seconds = t + out.offset;
    const int64_t days = FloorDiv(out.seconds, kDaySeconds), rem = out.seconds - days * kDaySeconds;
    CivilFromDays(days, out.year, out.month, out.day);
    out.hour = static_cast<int>(rem / 3600);
    out.minute = static_cast<int>(rem / 60 % 60);
    out.second = static_cast<int>(rem % 60);
    out.weekday = static_cast<int>(days + 4 - FloorDiv(days + 4, 7) * 7);
    return out;
}

UnixSeconds TimeZone::LocalToUtc(int64_t local) const {
    // Start where every clock still reads less than `local`; walk forward period by period.
    ZonePeriod p = PeriodAt(local - m_data->max_abs_offset - 3600);
    for (;;) {
        if (p.end >= kPeriodOpen || p.end + p.offset > local) return std::max(p.begin, local - p.offset);
        p = PeriodAt(p.end);
    }
}

TimeZoneResult ParsePosixTimeZone(std::string_view name, std::string_view rule) {
    TimeZoneResult out;
    PosixRule r;
    if (!PosixParser(rule).Parse(r)) {
        out.error = std::string(name) + ": not a POSIX TZ rule: '" + std::string(rule) + "'";
        return out;
    }
    auto z = std::make_shared<TimeZone::Data>();
    z->name = std::string(name);
    ApplyRule(*z, r, 0, false);
    z->Finish();
    out.zone = TimeZone(std::move(z));
    return out;
}

TimeZoneResult ParseTimeZone(std::string_view name, std::string_view s) {
    TimeZoneResult out;
    auto fail = [&](const char* why) {
        out.error = std::string(name) + ": not a time zone file (" + why + ")";
        return out;
    };
    TzifHeader h;
    if (!ReadHeader(s, 0, h)) return fail("no TZif header");
    const char version = s[4];
    size_t at = 44;
    uint64_t time_size = 4;
    if (version != '\0') {
        if (version < '2' || version > '9') return fail("unknown version");
        if (h.DataBytes(4) > s.size()) return fail("cut short");
        at += static_cast<size_t>(h.DataBytes(4));
        if (!ReadHeader(s, at, h)) return fail("no 64-bit header");
        at += 44;
        time_size = 8;
    }
    if (h.type == 0 || h.type > 256 || h.time > (1u << 20) || h.chars > (1u << 16) || h.leap > (1u << 16) ||
        (h.isstd != 0 && h.isstd != h.type) || (h.isut != 0 && h.isut != h.type))
        return fail("bad counts");
    if (at + h.DataBytes(time_size) > s.size()) return fail("cut short");
    const size_t times_at = at, idx_at = at + static_cast<size_t>(h.time * time_size),
                 types_at = idx_at + static_cast<size_t>(h.time);
    std::vector<int32_t> type_offsets(static_cast<size_t>(h.type));
    for (size_t i = 0; i < h.type; ++i) {
        int32_t off = static_cast<int32_t>(Be32(s, types_at + i * 6));
        if (off < -25 * 3600 || off > 26 * 3600) return fail("offset out of range");
        type_offsets[i] = off;
    }
    auto z = std::make_shared<TimeZone::Data>();
    z->name = std::string(name);
    z->offsets = {type_offsets[0]};
    UnixSeconds last = 0;
    for (size_t i = 0; i < h.time; ++i) {
        int64_t t = time_size == 8 ? Be64(s, times_at + i * 8) : static_cast<int32_t>(Be32(s, times_at + i * 4));
        auto idx = static_cast<uint8_t>(s[idx_at + i]);
        if (idx >= h.type) return fail("bad type index");
        if (i > 0 && t <= last) return fail("transitions out of order");
        if (t <= -kPeriodOpen / 2 || t >= kPeriodOpen / 2) return fail("transition out of range");
        last = t;
        if (type_offsets[idx] == z->offsets.back()) continue;
        z->times.push_back(t);
        z->offsets.push_back(type_offsets[idx]);
    }
    if (time_size == 8) {
        size_t foot = at + static_cast<size_t>(h.DataBytes(8));
        if (foot >= s.size() || s[foot] != '\n') return fail("no footer");
        size_t close = s.find('\n', foot + 1);
        if (close == std::string_view::npos) return fail("footer not closed");
        std::string_view rule = s.substr(foot + 1, close - foot - 1);
        if (!rule.empty()) {
            PosixRule r;
            if (!PosixParser(rule).Parse(r)) return fail("bad POSIX TZ footer");
            ApplyRule(*z, r, last, h.time > 0);
        }
    }
    z->Finish();
    out.zone = TimeZone(std::move(z));
    return out;
}

namespace {

bool ValidZoneName(std::string_view name) {
    if (name.empty() || name.size() > 128 || name.front() == '/' || name.back() == '/') return false;
    for (char c : name)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
              c == '-' || c == '+' || c == '.'))
            return false;
    size_t start = 0;
    while (start <= name.size()) {
        size_t slash = std::min(name.find('/', start), name.size());
        std::string_view part = name.substr(start, slash - start);
        if (part.empty() || part.front() == '.') return false;  // "..", ".", hidden files
        start = slash + 1;
    }
    return true;
}

#if CHORUS_TZ_BUNDLE
// The bundle (core/tz_bundle.py): "CHTZ1\n", then records of kind ('Z' a zone, 'L' a link), u16 name
// length, name, u32 payload length, payload (TZif bytes of a zone, the target's name for a link);
// lengths little-endian.
template <class F>
void ForEachBundleRecord(F&& f) {
    std::string_view b(reinterpret_cast<const char*>(kTimeZoneBundle), kTimeZoneBundleSize);
    if (b.substr(0, 6) != "CHTZ1\n") return;
    size_t at = 6;
    while (at + 7 <= b.size()) {
        char kind = b[at];
        size_t n = static_cast<uint8_t>(b[at + 1]) | static_cast<size_t>(static_cast<uint8_t>(b[at + 2])) << 8;
        if (at + 3 + n + 4 > b.size()) return;
        std::string_view name = b.substr(at + 3, n);
        size_t p = at + 3 + n, len = 0;
        for (int i = 3; i >= 0; --i)
            len = len << 8 | static_cast<uint8_t>(b[p + static_cast<size_t>(i)]);
        if (p + 4 + len > b.size()) return;
        if (!f(kind, name, b.substr(p + 4, len))) return;
        at = p + 4 + len;
    }
}

bool ReadZoneBytes(std::string_view name, std::string& out) {
    std::string target(name);
    for (int hops = 0; hops < 4; ++hops) {
        bool found = false, link = false;
        ForEachBundleRecord([&](char kind, std::string_view n, std::string_view payload) {
            if (n != target) return true;
            found = true;
            link = kind == 'L';
            if (link) {
                target = std::string(payload);
            } else {
                out = std::string(payload);
            }
            return false;
        });
        if (!found) return false;
        if (!link) return true;
    }
    return false;
}
#else
std::string ZoneDir() {
    const char* dir = std::getenv("TZDIR");
    return dir && *dir ? dir : "/usr/share/zoneinfo";
}

bool ReadZoneBytes(std::string_view name, std::string& out) {
    std::ifstream in(ZoneDir() + "/" + std::string(name), std::ios::binary);
    if (!in) return false;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in.good() && !in.eof()) return false;
    out = std::move(bytes).str();
    return !out.empty();
}
#endif

}  // namespace

TimeZoneResult LoadTimeZone(std::string_view name) {
    TimeZoneResult out;
    if (name == "UTC") return out;
    std::string bytes;
    if (!ValidZoneName(name) || !ReadZoneBytes(name, bytes)) {
        out.error = "unknown time zone '" + std::string(name) + "' (an IANA name such as Europe/Paris, or UTC)";
        return out;
    }
    return ParseTimeZone(name, bytes);
}

std::vector<std::string> TimeZoneNames() {
    std::vector<std::string> names;
#if CHORUS_TZ_BUNDLE
    ForEachBundleRecord([&](char kind, std::string_view n, std::string_view) {
        if (kind == 'Z') names.emplace_back(n);
        return true;
    });
#else
    std::ifstream in(ZoneDir() + "/tzdata.zi");
    std::string line;
    while (std::getline(in, line)) {
        if (line.size() < 3 || line[0] != 'Z' || line[1] != ' ') continue;
        size_t end = line.find(' ', 2);
        names.push_back(line.substr(2, end == std::string::npos ? std::string::npos : end - 2));
    }
#endif
    names.erase(std::remove_if(names.begin(), names.end(), [](const std::string& n) { return n == "UTC"; }),
                names.end());
    std::sort(names.begin(), names.end());
    names.insert(names.begin(), "UTC");
    return names;
}

std::string FormatOffset(int32_t offset) {
    const char sign = offset < 0 ? '-' : '+';
    const int32_t a = offset < 0 ? -offset : offset;
    char buf[16];
    if (a % 60 != 0) {
        std::snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", sign, a / 3600, a / 60 % 60, a % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, a / 3600, a / 60 % 60);
    }
    return buf;
}

std::string FormatIsoLocal(UnixSeconds t, const TimeZone& zone) {
    if (t == kNoTime) return {};
    if (zone.IsUtc()) return FormatIsoUtc(t);
    LocalTime l = zone.Local(t);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d", static_cast<long long>(l.year), l.month, l.day,
                  l.hour, l.minute, l.second);
    return buf + FormatOffset(l.offset);
}

}  // namespace chorus::core
