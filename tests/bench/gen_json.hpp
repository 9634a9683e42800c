// JSON output helpers for gen_dump: numbers, ids and times written as twarc 1.x wrote them.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "gen_random.hpp"

namespace gen {

// --- JSON output helpers ----------------------------------------------------------

inline void PutU64(std::string& s, uint64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof(buf), v);
    s.append(buf, static_cast<size_t>(res.ptr - buf));
}

inline void PutI64(std::string& s, int64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof(buf), v);
    s.append(buf, static_cast<size_t>(res.ptr - buf));
}

inline void PutIdPair(std::string& s, std::string_view id_key, std::string_view id_str_key, uint64_t id) {
    s += '"';
    s += id_key;
    s += "\": ";
    PutU64(s, id);
    s += ", \"";
    s += id_str_key;
    s += "\": \"";
    PutU64(s, id);
    s += '"';
}

struct CivilTime {
    int64_t year;
    unsigned month, day, hour, minute, second, weekday;
};

inline CivilTime ToCivil(int64_t ms) {
    const int64_t secs = ms / 1000;
    int64_t days = secs / 86400;
    const int64_t rem = secs % 86400;
    CivilTime c{};
    c.hour = static_cast<unsigned>(rem / 3600);
    c.minute = static_cast<unsigned>(rem / 60 % 60);
    c.second = static_cast<unsigned>(rem % 60);
    c.weekday = static_cast<unsigned>((days + 4) % 7);  // 1970-01-01 was a Thursday
    days += 719468;                                     // civil_from_days (H. Hinnant)
    const int64_t era = days / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    c.day = doy - (153 * mp + 2) / 5 + 1;
    c.month = mp < 10 ? mp + 3 : mp - 9;
    c.year = static_cast<int64_t>(yoe) + era * 400 + (c.month <= 2 ? 1 : 0);
    return c;
}

inline void Put2(std::string& s, unsigned v) {
    s += static_cast<char>('0' + v / 10);
    s += static_cast<char>('0' + v % 10);
}

// "Mon Oct 16 09:12:44 +0000 2017"
inline void PutTwitterTime(std::string& s, int64_t ms) {
    static constexpr std::string_view kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const CivilTime c = ToCivil(ms);
    s += '"';
    s += kDays[c.weekday];
    s += ' ';
    s += kMonths[c.month - 1];
    s += ' ';
    Put2(s, c.day);
    s += ' ';
    Put2(s, c.hour);
    s += ':';
    Put2(s, c.minute);
    s += ':';
    Put2(s, c.second);
    s += " +0000 ";
    PutI64(s, c.year);
    s += '"';
}

inline std::string Base36(uint64_t v) {
    std::string out;
    do {
        out += "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
        v /= 36;
    } while (v != 0);
    std::reverse(out.begin(), out.end());
    return out;
}

inline void PutCode(std::string& s, uint64_t bits, size_t n) {  // t.co-style code
    static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (size_t i = 0; i < n; ++i) {
        s += kAlphabet[bits % 62];
        bits = bits / 62 ^ Mix(bits + i);
    }
}

}  // namespace gen
