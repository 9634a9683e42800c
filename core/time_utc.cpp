#include "time_utc.hpp"

#include <cstdio>

namespace chorus::core {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int64_t& out) {
    if (pos + n > s.size()) return false;
    int64_t v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

int MonthFromName(std::string_view name) {
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (name == kMonths[i]) return i + 1;
    return 0;
}

bool ValidDate(int64_t y, int64_t m, int64_t d) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
    if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return true;
}

UnixSeconds Compose(int64_t y, int64_t mo, int64_t d, int64_t h, int64_t mi, int64_t s, int64_t offset_s) {
    if (!ValidDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return kNoTime;
    return DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 + s -
           offset_s;
}

}  // namespace

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
    // Howard Hinnant's days_from_civil.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

UnixSeconds ParseTwitterTime(std::string_view s) {
    // 0         1         2
    // 0123456789012345678901234567890
    // Mon Dec 02 14:16:13 +0000 2019
    if (s.size() != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || s[19] != ' ' ||
        s[25] != ' ')
        return kNoTime;
    int month = MonthFromName(s.substr(4, 3));
    int64_t d, h, mi, sec, oh, om, y;
    if (!month || !Digits(s, 8, 2, d) || !Digits(s, 11, 2, h) || !Digits(s, 14, 2, mi) || !Digits(s, 17, 2, sec) ||
        !Digits(s, 21, 2, oh) || !Digits(s, 23, 2, om) || !Digits(s, 26, 4, y))
        return kNoTime;
    int64_t offset = oh * 3600 + om * 60;
    if (s[20] == '-') {
        offset = -offset;
    } else if (s[20] != '+') {
        return kNoTime;
    }
    return Compose(y, month, d, h, mi, sec, offset);
}

UnixSeconds ParseIsoTime(std::string_view s) {
    // yyyy-mm-ddThh:mm:ss
    int64_t y, mo, d, h, mi, sec;
    if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        return kNoTime;
    if (!Digits(s, 0, 4, y) || !Digits(s, 5, 2, mo) || !Digits(s, 8, 2, d) || !Digits(s, 11, 2, h) ||
        !Digits(s, 14, 2, mi) || !Digits(s, 17, 2, sec))
        return kNoTime;
    if (y == 0) return kNoTime;  // year 0000: a client's placeholder, not a date (COUNTING.md, rule 8)
    size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
            ++pos;
        if (pos == start) return kNoTime;
    }
    // Twitter archives (Grailbird) write one space before a numeric offset: "2019-01-01 04:50:27 +0000".
    if (pos + 1 < s.size() && s[pos] == ' ' && (s[pos + 1] == '+' || s[pos + 1] == '-')) ++pos;
    int64_t offset = 0;
    if (pos == s.size()) {
        offset = 0;  // no zone written: read as UTC (COUNTING.md, "Time")
    } else if (s[pos] == 'Z' && pos + 1 == s.size()) {
        offset = 0;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int64_t oh, om;
        std::string_view z = s.substr(pos + 1);
        if (z.size() == 5 && z[2] == ':' && Digits(z, 0, 2, oh) && Digits(z, 3, 2, om)) {
        } else if (z.size() == 4 && Digits(z, 0, 2, oh) && Digits(z, 2, 2, om)) {
        } else {
            return kNoTime;
        }
        offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    } else {
        return kNoTime;
    }
    return Compose(y, mo, d, h, mi, sec, offset);
}

UnixSeconds ParseEpochMillis(std::string_view s) {
    if (s.empty() || s.size() > 16) return kNoTime;
    int64_t v = 0;
    if (!Digits(s, 0, s.size(), v)) return kNoTime;
    return v / 1000;
}

UnixSeconds ParseEpochSeconds(std::string_view s) {
    if (size_t dot = s.find('.'); dot != std::string_view::npos) {
        for (size_t i = dot + 1; i < s.size(); ++i)
            if (s[i] < '0' || s[i] > '9') return kNoTime;
        if (dot + 1 == s.size()) return kNoTime;
        s = s.substr(0, dot);  // fractions of a second are dropped
    }
    if (s.empty() || s.size() > 12) return kNoTime;
    int64_t v = 0;
    if (!Digits(s, 0, s.size(), v)) return kNoTime;
    return v;
}

std::string FormatIsoUtc(UnixSeconds t) {
    if (t == kNoTime) return {};
    int64_t days = t / 86400, rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    int64_t y;
    unsigned m, d;
    CivilFromDays(days, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                  static_cast<long long>(rem % 60));
    return buf;
}

}  // namespace chorus::core
