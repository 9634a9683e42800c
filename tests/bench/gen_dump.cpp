// gen_dump: writes a synthetic, deterministic Twitter API v1.1 JSON-lines dump
// shaped like the #MeToo wave of autumn 2017, for benchmarks and load tests.
//
//   g++ -O2 -std=c++20 tests/bench/gen_dump.cpp tests/bench/gen_text.cpp -o /tmp/gen_dump
//   /tmp/gen_dump --posts 100000 --seed 7 --out /tmp/dump.jsonl
//   /tmp/gen_dump --bytes 20000000 > /tmp/dump.jsonl
//
// Shape: a few days of #WomenBoycottTwitter and #BalanceTonPorc, a burst after
// 2017-10-15 20:21 UTC that peaks on 16 Oct and fades over weeks, sister tags
// (#YoTambien, #QuellaVoltaChe, #AnaKaman, ...), a second peak on 2017-12-06,
// about 60% retweets carrying the full `retweeted_status`, quotes, replies,
// Zipf-distributed authors and hashtags, a dozen languages. Lines are written
// the way twarc 1.x saved them (", " and ": " separators, non-ASCII as \u
// escapes) and are 3-7 KB each, like real v1.1 tweets in compat mode.
//
// Every text is built from the word lists below; accounts are invented. The
// same arguments always give the same bytes. Statistics go to stderr.

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gen_json.hpp"
#include "gen_random.hpp"
#include "gen_text.hpp"

namespace {

using namespace gen;

constexpr int64_t kTwitterEpochMs = 1288834974657;
constexpr int64_t kStartMs = 1507593600000;       // 2017-10-10T00:00:00Z
constexpr int64_t kEndMs = 1514764800000;         // 2018-01-01T00:00:00Z
constexpr int64_t kCallMs = 1508098897000;        // 2017-10-15T20:21:37Z, the call that starts the wave
constexpr int64_t kDecMs = 1512565692000;         // 2017-12-06T13:08:12Z, the second peak
constexpr int64_t kWbtMs = 1507831200000;         // 2017-10-12T18:00:00Z, #WomenBoycottTwitter starts
constexpr int64_t kBtpMs = 1507914000000;         // 2017-10-13T17:00:00Z, #BalanceTonPorc starts
constexpr int64_t kLongForAllMs = 1510077600000;  // 2017-11-07T18:00Z, 280 characters for everyone
constexpr int64_t kMinuteMs = 60000;
constexpr double kHourMs = 3600000.0;
constexpr size_t kRingSize = 4096;
constexpr size_t kHotSize = 32;
constexpr size_t kUserCacheSize = 8192;
constexpr size_t kFlushAt = 8u << 20;

// --- accounts -----------------------------------------------------------------------

struct Account {
    uint64_t id = 0;
    std::string screen_name;  // ASCII
    const Token* first_name = nullptr;
    char initial = 'A';
    uint32_t lang = kEn;
    bool verified = false;
};

// --- posts --------------------------------------------------------------------------

enum class PieceKind : uint8_t { kWord, kHashtag, kMention, kUrl };

struct Piece {
    const Token* token = nullptr;  // word or tag text
    uint64_t arg = 0;              // mention: account rank; url: random bits
    PieceKind kind = PieceKind::kWord;
    bool space_before = true;
    bool wide_sign = false;  // hashtag written with the full-width ＃
};

struct Original {
    uint64_t id = 0;
    uint64_t author = 0;
    int64_t ms = 0;
    uint32_t lang = kEn;
    double score = 1.0;
    std::vector<Piece> pieces;
    std::string json;  // the whole tweet as embedded in a retweet or quote
};

enum class Component : uint8_t { kBase, kWbt, kBtp, kMeToo, kDec };

struct Entity {
    const Piece* piece;
    uint32_t start, end;
};

struct Options {
    uint64_t posts = 0;
    uint64_t bytes = 0;
    uint64_t seed = 1;
    std::string out;
};

class Generator {
public:
    Generator(uint64_t seed, uint64_t expected_posts)
        : m_seed(seed),
          m_rng(seed),
          m_langs(MakeLanguages()),
          m_tags(MakeHashtags(4000)),
          m_user_count(std::clamp<uint64_t>(expected_posts / 2, 2000, 50'000'000)),
          m_users(m_user_count, 1.05),
          m_tag_zipf(m_tags.size() - kCampaignTagCount, 1.1),
          m_expected(std::max<uint64_t>(expected_posts, 1)),
          m_user_cache(kUserCacheSize) {
        BuildTimeline();
        m_line.reserve(1 << 16);
        m_lang_cdf.clear();
        int total = 0;
        for (const auto& lang : m_langs)
            m_lang_cdf.push_back(total += lang.weight);
    }

    // The JSON line (ending in '\n') for timeline slot `index` of the expected
    // count. When the line is one of the two seed posts, LastWasExtra() is true
    // and the slot is still free for the next call.
    const std::string& Next(uint64_t index) {
        const double u = (static_cast<double>(index) + m_rng.Uniform()) / static_cast<double>(m_expected);
        // Past the expected count (--bytes estimated it a little low) posts
        // follow each other a second or so apart instead of piling up.
        const int64_t ms = u < 1.0 ? std::max(TimeAt(u), m_last_ms) : m_last_ms + 1 + m_rng.Between(0, 2000);
        m_line.clear();
        m_extra = false;
        if (!m_call && ms >= kCallMs) {
            m_call = MakeSeedPost(kCallMs, false);
            ++m_counts[3];
            return m_line;
        }
        if (!m_dec && ms >= kDecMs) {
            m_dec = MakeSeedPost(kDecMs, true);
            ++m_counts[3];
            return m_line;
        }
        m_last_ms = ms;
        const Component component = PickComponent(ms);
        static constexpr int kMix[][4] = {// retweet, quote, reply, original
                                          {45, 6, 15, 34},
                                          {55, 8, 7, 30},
                                          {55, 7, 8, 30},
                                          {62, 7, 12, 19},
                                          {65, 8, 8, 19}};
        const auto& mix = kMix[static_cast<int>(component)];
        const int roll = static_cast<int>(m_rng.Below(100));
        const uint64_t author = PickAuthor(component);
        if (roll < mix[0]) {
            if (auto target = PickTarget(ms, false)) {
                WriteRetweet(ms, author, *target);
                ++m_counts[0];
                return m_line;
            }
        } else if (roll < mix[0] + mix[1]) {
            if (auto target = PickTarget(ms, false)) {
                WriteQuote(ms, author, component, *target);
                ++m_counts[1];
                return m_line;
            }
        } else if (roll < mix[0] + mix[1] + mix[2]) {
            if (auto target = PickTarget(ms, true)) {
                WriteReply(ms, author, component, *target);
                ++m_counts[2];
                return m_line;
            }
        }
        WriteOriginal(ms, author, component);
        ++m_counts[3];
        return m_line;
    }

    bool LastWasExtra() const { return m_extra; }
    const std::array<uint64_t, 4>& Counts() const { return m_counts; }

private:
    // --- time: a per-minute intensity, sampled by inverse CDF so ids follow time ---
    static double Diurnal(int64_t ms) {
        static constexpr double kUtcHour[] = {1.0,  0.9, 0.8,  0.7,  0.6, 0.5, 0.45, 0.45, 0.5, 0.6,  0.7,  0.8,
                                              0.95, 1.1, 1.25, 1.35, 1.4, 1.4, 1.4,  1.35, 1.3, 1.25, 1.15, 1.05};
        return kUtcHour[(ms / 3600000) % 24];
    }

    static std::array<double, 5> Components(int64_t ms) {
        const double d = Diurnal(ms);
        std::array<double, 5> c{};
        c[0] = 0.12 * d;
        if (ms >= kWbtMs) {
            const double h = static_cast<double>(ms - kWbtMs) / kHourMs;
            c[1] = (h < 36 ? 2.2 * std::sin(3.14159265 * h / 36.0) : 0.0) + 0.15 * std::exp(-h / 48.0);
        }
        if (ms >= kBtpMs) {
            const double h = static_cast<double>(ms - kBtpMs) / kHourMs;
            c[2] = 3.0 * (1.0 - std::exp(-h / 3.0)) * std::exp(-h / 30.0) + 0.08 * std::exp(-h / 400.0);
        }
        if (ms >= kCallMs) {
            const double h = static_cast<double>(ms - kCallMs) / kHourMs;
            c[3] = d * (40.0 * (1.0 - std::exp(-h / 4.0)) * std::exp(-h / 20.0) + 4.0 * std::exp(-h / 168.0) +
                        0.6 * std::exp(-h / 960.0));
        }
        if (ms >= kDecMs - 40 * kMinuteMs) {
            const double h = static_cast<double>(ms - kDecMs) / kHourMs;
            c[4] = h < 0 ? 1.5 : 18.0 * std::exp(-h / 7.0) + 1.0 * std::exp(-h / 72.0);
        }
        return c;
    }

    void BuildTimeline() {
        const auto minutes = static_cast<size_t>((kEndMs - kStartMs) / kMinuteMs);
        m_cdf.resize(minutes + 1);
        m_cdf[0] = 0.0;
        for (size_t m = 0; m < minutes; ++m) {
            const auto c = Components(kStartMs + static_cast<int64_t>(m) * kMinuteMs + kMinuteMs / 2);
            m_cdf[m + 1] = m_cdf[m] + c[0] + c[1] + c[2] + c[3] + c[4];
        }
        const double total = m_cdf.back();
        for (auto& v : m_cdf)
            v /= total;
    }

    int64_t TimeAt(double u) const {
        const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
        const auto m = static_cast<size_t>(std::max<ptrdiff_t>(it - m_cdf.begin() - 1, 0));
        const double lo = m_cdf[m], hi = m_cdf[std::min(m + 1, m_cdf.size() - 1)];
        const double frac = hi > lo ? (u - lo) / (hi - lo) : 0.0;
        return kStartMs + static_cast<int64_t>(m) * kMinuteMs + static_cast<int64_t>(frac * kMinuteMs);
    }

    Component PickComponent(int64_t ms) {
        const auto c = Components(ms);
        double r = m_rng.Uniform() * (c[0] + c[1] + c[2] + c[3] + c[4]);
        for (size_t i = 0; i < c.size(); ++i) {
            if (r < c[i]) return static_cast<Component>(i);
            r -= c[i];
        }
        return Component::kBase;
    }

    uint64_t NextTweetId(int64_t ms) {
        if (ms == m_id_ms) {
            ++m_id_seq;
            if (m_id_seq >= 4096) {
                ++m_id_ms;
                m_id_seq = 0;
            }
        } else if (ms > m_id_ms) {
            m_id_ms = ms;
            m_id_seq = 0;
        }
        const auto worker = m_rng.Below(1024);
        return (static_cast<uint64_t>(m_id_ms - kTwitterEpochMs) << 22) | (worker << 12) | m_id_seq;
    }

    // --- accounts ---
    Account AccountOf(uint64_t rank) const {
        Rng r(Mix(m_seed ^ Mix(rank * 0x9E37u + 11)));
        Account a;
        int pick = static_cast<int>(r.Below(static_cast<uint64_t>(m_lang_cdf.back())));
        a.lang =
            static_cast<uint32_t>(std::upper_bound(m_lang_cdf.begin(), m_lang_cdf.end(), pick) - m_lang_cdf.begin());
        if (rank <= 5) a.lang = kEn;  // the most active accounts (and both seed posts) write in English
        const auto& lang = m_langs[a.lang];
        a.first_name = &lang.first_names[r.Below(lang.first_names.size())];
        a.initial = static_cast<char>('A' + r.Below(26));
        a.verified = rank <= 40 ? r.Chance(0.6) : r.Chance(0.004);
        const std::string suffix = "_" + Base36(rank);
        std::string head(kHandleA[r.Below(std::size(kHandleA))]);
        head += kHandleB[r.Below(std::size(kHandleB))];
        head.resize(std::min(head.size(), 15 - suffix.size()));
        a.screen_name = head + suffix;
        if (rank < (1u << 22) && r.Chance(0.35)) {
            // Accounts from 2016-2017 have snowflake ids; the low bits keep them distinct.
            const int64_t created = r.Between(1451606400000, 1506816000000);
            a.id = (static_cast<uint64_t>(created - kTwitterEpochMs) << 22) | rank;
        } else {
            a.id = 10'000'000 + rank * 7919 + r.Below(7919);
        }
        return a;
    }

    uint64_t PickAuthor(Component component) {
        uint64_t rank = m_users.Sample(m_rng);
        if (component == Component::kBtp) {
            for (int i = 0; i < 6 && AccountOf(rank).lang != kFr; ++i)
                rank = m_users.Sample(m_rng);
        }
        return rank;
    }

    void PutName(std::string& s, const Account& a) const {
        s += '"';
        s += a.first_name->json;
        if (a.lang != kJa && a.lang != kAr && a.lang != kKo && a.lang != kHi) {
            s += ' ';
            s += a.initial;
            s += '.';
        }
        s += '"';
    }

    void WriteUser(std::string& s, uint64_t rank) {
        if (rank < kUserCacheSize && !m_user_cache[rank].empty()) {
            s += m_user_cache[rank];
            return;
        }
        const size_t begin = s.size();
        const Account a = AccountOf(rank);
        Rng r(Mix(m_seed ^ Mix(rank * 0x51EDu + 7)));
        const auto& lang = m_langs[a.lang];
        const double fame = static_cast<double>(m_user_count) / static_cast<double>(rank);
        const auto followers = static_cast<uint64_t>(std::min(8.0e6, 30.0 * std::pow(fame, 0.8) * (0.5 + r.Uniform())));
        int64_t created_ms = 0;
        if (a.id >= (1ull << 40)) {
            created_ms = static_cast<int64_t>(a.id >> 22) + kTwitterEpochMs;
        } else {
            created_ms = r.Between(1167609600000, 1451606400000);  // 2007-2015
        }
        s += "{";
        PutIdPair(s, "id", "id_str", a.id);
        s += ", \"name\": ";
        PutName(s, a);
        s += ", \"screen_name\": \"";
        s += a.screen_name;
        s += "\", \"location\": ";
        if (r.Chance(0.7)) {
            s += '"';
            s += lang.places[r.Below(lang.places.size())].json;
            s += '"';
        } else {
            s += "null";
        }
        s += ", \"url\": ";
        if (r.Chance(0.2)) {
            s += "\"https://t.co/";
            PutCode(s, r.Next(), 10);
            s += '"';
        } else {
            s += "null";
        }
        s += ", \"description\": ";
        if (r.Chance(0.8)) {
            s += '"';
            const int words = 3 + static_cast<int>(r.Below(14));
            for (int i = 0; i < words; ++i) {
                if (i > 0 && lang.spaced) s += ' ';
                s += lang.words[r.Below(lang.words.size())].json;
            }
            if (r.Chance(0.3)) {
                s += ' ';
                s += Emoji()[r.Below(Emoji().size())].json;
            }
            s += '"';
        } else {
            s += "null";
        }
        s += ", \"translator_type\": \"none\", \"protected\": false, \"verified\": ";
        s += a.verified ? "true" : "false";
        s += ", \"followers_count\": ";
        PutU64(s, followers);
        s += ", \"friends_count\": ";
        PutU64(s, 20 + r.Below(3000));
        s += ", \"listed_count\": ";
        PutU64(s, followers / 150);
        s += ", \"favourites_count\": ";
        PutU64(s, r.Below(90000));
        s += ", \"statuses_count\": ";
        PutU64(s, 50 + r.Below(120000));
        s += ", \"created_at\": ";
        PutTwitterTime(s, created_ms);
        s += ", \"utc_offset\": null, \"time_zone\": null, \"geo_enabled\": ";
        s += r.Chance(0.3) ? "true" : "false";
        s += ", \"lang\": \"";
        s += lang.code;
        s += "\", \"contributors_enabled\": false, \"is_translator\": false, \"profile_background_color\": \"";
        s += kColors[r.Below(std::size(kColors))];
        s += "\", \"profile_background_image_url\": \"http://abs.twimg.com/images/themes/theme1/bg.png\", "
             "\"profile_background_image_url_https\": \"https://abs.twimg.com/images/themes/theme1/bg.png\", "
             "\"profile_background_tile\": false, \"profile_link_color\": \"";
        s += kColors[r.Below(std::size(kColors))];
        s += "\", \"profile_sidebar_border_color\": \"C0DEED\", \"profile_sidebar_fill_color\": \"DDEEF6\", "
             "\"profile_text_color\": \"333333\", \"profile_use_background_image\": true, \"profile_image_url\": "
             "\"http://pbs.twimg.com/profile_images/";
        const uint64_t image = 700000000000000000ull + r.Below(220000000000000000ull);
        std::string image_name;
        PutCode(image_name, r.Next(), 8);
        PutU64(s, image);
        s += '/';
        s += image_name;
        s += "_normal.jpg\", \"profile_image_url_https\": \"https://pbs.twimg.com/profile_images/";
        PutU64(s, image);
        s += '/';
        s += image_name;
        s += "_normal.jpg\"";
        if (r.Chance(0.6)) {
            s += ", \"profile_banner_url\": \"https://pbs.twimg.com/profile_banners/";
            PutU64(s, a.id);
            s += '/';
            PutU64(s, 1400000000 + r.Below(100000000));
            s += '"';
        }
        s += ", \"default_profile\": ";
        s += r.Chance(0.4) ? "true" : "false";
        s += ", \"default_profile_image\": false, \"following\": null, \"follow_request_sent\": null, "
             "\"notifications\": null}";
        if (rank < kUserCacheSize) m_user_cache[rank].assign(s, begin, std::string::npos);
    }

    // --- texts ---
    uint32_t CampaignTag(Component component, uint32_t lang) {
        const auto pick = [this](std::initializer_list<uint32_t> tags) {
            return tags.begin()[m_rng.Below(tags.size())];
        };
        switch (component) {
            case Component::kWbt: return m_rng.Chance(0.85) ? kTagWbt : kTagWbtLower;
            case Component::kBtp: return pick({kTagBtp, kTagBtp, kTagBtp, kTagBtpLower, kTagMoiAussi});
            case Component::kDec:
                return pick({kTagMeToo, kTagMeToo, kTagBreakTheSilence, kTagBreakTheSilence, kTagSilenceBreakers,
                             kTagTimePoy, kTagMetooLower});
            case Component::kBase:
            case Component::kMeToo: break;
        }
        const uint32_t metoo =
            pick({kTagMeToo, kTagMeToo, kTagMeToo, kTagMetooLower, kTagMetooLower, kTagMetooCap, kTagMetooUpper});
        if (m_rng.Chance(0.45)) return metoo;
        switch (lang) {
            case kFr: return pick({kTagBtp, kTagBtp, kTagMoiAussi});
            case kEs: return pick({kTagYoTambien, kTagYoTambien, kTagYoTambienAccent});
            case kIt: return kTagQuellaVoltaChe;
            case kAr: return pick({kTagAnaKaman, kTagAnaKamanArabic});
            case kDe: return kTagAufschrei;
            case kJa: return kTagWatashimo;
            case kKo: return kTagMiTu;
            default: return metoo;
        }
    }

    uint32_t Cps(const Piece& p) const {
        switch (p.kind) {
            case PieceKind::kWord: return p.token->cps;
            case PieceKind::kHashtag: return 1 + p.token->cps;
            case PieceKind::kMention: return 1 + static_cast<uint32_t>(AccountOf(p.arg).screen_name.size());
            case PieceKind::kUrl: return 23;
        }
        return 0;
    }

    // Builds a post's text: words of the author's language, hashtags, maybe a
    // mention or a link, about `target` code points long.
    std::vector<Piece> MakeText(Component component, uint32_t lang_index, uint32_t target, bool with_tags) {
        const auto& lang = m_langs[lang_index];
        std::vector<Piece> pieces;
        std::vector<Piece> tags;
        if (with_tags) {
            if (component != Component::kBase || m_rng.Chance(0.25)) {
                Piece tag{&m_tags[CampaignTag(component, lang_index)], 0, PieceKind::kHashtag, true, false};
                tag.wide_sign = lang_index == kJa && m_rng.Chance(0.1);
                tags.push_back(tag);
            }
            for (int extra = 0; extra < 2 && m_rng.Chance(extra == 0 ? 0.45 : 0.3); ++extra) {
                const uint64_t rank = m_tag_zipf.Sample(m_rng) - 1 + kCampaignTagCount;
                tags.push_back({&m_tags[rank], 0, PieceKind::kHashtag, true, false});
            }
        }
        uint32_t reserve = 0;
        for (const auto& t : tags)
            reserve += Cps(t) + 1;
        const bool link = m_rng.Chance(0.12);
        if (link) reserve += 24;
        uint32_t length = 0;
        const bool mention = m_rng.Chance(0.1);
        const size_t tags_inline = tags.empty() || m_rng.Chance(0.7) ? 0 : 1;
        while (length + reserve < target || pieces.empty()) {
            Piece word{&lang.words[m_rng.Below(lang.words.size())], 0, PieceKind::kWord, lang.spaced, false};
            if (m_rng.Chance(0.03)) word.token = &Emoji()[m_rng.Below(Emoji().size())];
            if (pieces.empty()) word.space_before = false;
            length += Cps(word) + (word.space_before ? 1 : 0);
            pieces.push_back(word);
            if (mention && pieces.size() == 3) {
                pieces.push_back({nullptr, m_users.Sample(m_rng), PieceKind::kMention, true, false});
                length += Cps(pieces.back()) + 1;
            }
            if (tags_inline == 1 && pieces.size() == 4) {
                pieces.push_back(tags.front());
                length += Cps(tags.front()) + 1;
                reserve -= Cps(tags.front()) + 1;
                tags.erase(tags.begin());
            }
        }
        for (const auto& t : tags)
            pieces.push_back(t);
        if (link) pieces.push_back({nullptr, m_rng.Next(), PieceKind::kUrl, true, false});
        return pieces;
    }

    uint32_t TextLength(bool long_ok) {
        const double r = m_rng.Uniform();
        if (r < 0.15) return 10 + static_cast<uint32_t>(m_rng.Below(30));
        if (long_ok && r > 0.72) return 141 + static_cast<uint32_t>(m_rng.Below(130));
        return 40 + static_cast<uint32_t>(m_rng.Below(98));
    }

    // Writes the JSON text of a piece, or of its first `limit` code points.
    void PutPiece(std::string& s, const Piece& p, uint32_t limit) const {
        switch (p.kind) {
            case PieceKind::kWord: s.append(p.token->json, 0, p.token->offsets[std::min(limit, p.token->cps)]); return;
            case PieceKind::kHashtag:
                if (limit == 0) return;
                s += p.wide_sign ? std::string_view(WideHashSign().json) : std::string_view("#");
                s.append(p.token->json, 0, p.token->offsets[std::min(limit - 1, p.token->cps)]);
                return;
            case PieceKind::kMention: {
                const std::string name = "@" + AccountOf(p.arg).screen_name;
                s.append(name, 0, std::min<size_t>(limit, name.size()));
                return;
            }
            case PieceKind::kUrl: {
                std::string url = "https://t.co/";
                PutCode(url, p.arg, 10);
                s.append(url, 0, std::min<size_t>(limit, url.size()));
                return;
            }
        }
    }

    // Writes the text from `start` code points on, stopping at `max_cps` (cutting
    // inside a piece if needed); entities wholly inside are collected.
    uint32_t PutText(std::string& s, const std::vector<Piece>& pieces, uint32_t start, uint32_t max_cps,
                     std::vector<Entity>& entities) const {
        uint32_t pos = start;
        for (const auto& p : pieces) {
            if (p.space_before) {
                if (pos >= max_cps) break;
                s += ' ';
                ++pos;
            }
            const uint32_t n = Cps(p);
            const uint32_t room = max_cps - pos;
            PutPiece(s, p, std::min(n, room));
            if (n > room) {
                pos = max_cps;
                break;
            }
            if (p.kind != PieceKind::kWord) entities.push_back({&p, pos, pos + n});
            pos += n;
        }
        return pos;
    }

    uint32_t TotalCps(const std::vector<Piece>& pieces) const {
        uint32_t n = 0;
        for (const auto& p : pieces)
            n += Cps(p) + (p.space_before ? 1 : 0);
        return n;
    }

    void PutIndices(std::string& s, uint32_t a, uint32_t b) const {
        s += "\"indices\": [";
        PutU64(s, a);
        s += ", ";
        PutU64(s, b);
        s += "]";
    }

    void PutMentionEntity(std::string& s, uint64_t rank, uint32_t a, uint32_t b) const {
        const Account acc = AccountOf(rank);
        s += "{\"screen_name\": \"";
        s += acc.screen_name;
        s += "\", \"name\": ";
        PutName(s, acc);
        s += ", ";
        PutIdPair(s, "id", "id_str", acc.id);
        s += ", ";
        PutIndices(s, a, b);
        s += '}';
    }

    // {"hashtags": [...], "urls": [...], "user_mentions": [...], "symbols": []}
    void PutEntities(std::string& s, const std::vector<Entity>& entities, const std::string* extra_url_json) const {
        s += "{\"hashtags\": [";
        bool first = true;
        for (const auto& e : entities) {
            if (e.piece->kind != PieceKind::kHashtag) continue;
            s += first ? "" : ", ";
            first = false;
            s += "{\"text\": \"";
            s += e.piece->token->json;
            s += "\", ";
            PutIndices(s, e.start, e.end);
            s += '}';
        }
        s += "], \"urls\": [";
        first = true;
        for (const auto& e : entities) {
            if (e.piece->kind != PieceKind::kUrl) continue;
            s += first ? "" : ", ";
            first = false;
            const auto& site = kLinkSites[e.piece->arg % std::size(kLinkSites)];
            s += "{\"url\": \"https://t.co/";
            PutCode(s, e.piece->arg, 10);
            s += "\", \"expanded_url\": \"https://";
            s += site;
            PutCode(s, Mix(e.piece->arg), 12);
            s += "\", \"display_url\": \"";
            s += site.substr(0, std::min<size_t>(site.size(), 20));
            s += "\\u2026\", ";
            PutIndices(s, e.start, e.end);
            s += '}';
        }
        if (extra_url_json != nullptr) {
            s += first ? "" : ", ";
            s += *extra_url_json;
        }
        s += "], \"user_mentions\": [";
        first = true;
        for (const auto& e : entities) {
            if (e.piece->kind != PieceKind::kMention) continue;
            s += first ? "" : ", ";
            first = false;
            PutMentionEntity(s, e.piece->arg, e.start, e.end);
        }
        s += "], \"symbols\": []}";
    }

    // --- tweets ---
    struct Head {
        int64_t ms;
        uint64_t id;
        uint64_t author;
    };

    void PutHead(std::string& s, const Head& h) {
        s += "{\"created_at\": ";
        PutTwitterTime(s, h.ms);
        s += ", ";
        PutIdPair(s, "id", "id_str", h.id);
    }

    void PutSource(std::string& s) {
        int r = static_cast<int>(m_rng.Below(100));
        size_t i = 0;
        while (i + 1 < std::size(kSources) && r >= kSourceWeights[i])
            r -= kSourceWeights[i++];
        s += ", \"source\": \"";
        s += kSources[i];
        s += '"';
    }

    void PutNoReply(std::string& s) {
        s += ", \"in_reply_to_status_id\": null, \"in_reply_to_status_id_str\": null, \"in_reply_to_user_id\": null, "
             "\"in_reply_to_user_id_str\": null, \"in_reply_to_screen_name\": null";
    }

    void PutUserAndPlace(std::string& s, uint64_t author) {
        s += ", \"user\": ";
        WriteUser(s, author);
        s += ", \"geo\": null, \"coordinates\": null, \"place\": null, \"contributors\": null";
    }

    void PutCounts(std::string& s, bool embedded, double score) {
        if (!embedded) {
            s += ", \"quote_count\": 0, \"reply_count\": 0, \"retweet_count\": 0, \"favorite_count\": 0";
            return;
        }
        const auto rts = static_cast<uint64_t>(score * 3.0);
        s += ", \"quote_count\": ";
        PutU64(s, rts / 12);
        s += ", \"reply_count\": ";
        PutU64(s, rts / 8);
        s += ", \"retweet_count\": ";
        PutU64(s, rts);
        s += ", \"favorite_count\": ";
        PutU64(s, rts * 2 + m_rng.Below(5));
    }

    void PutTail(std::string& s, uint32_t lang, bool has_link, int64_t ms, bool embedded) {
        s += ", \"favorited\": false, \"retweeted\": false";
        if (has_link) s += ", \"possibly_sensitive\": false";
        s += ", \"filter_level\": \"low\", \"lang\": \"";
        s += m_langs[lang].code;
        s += '"';
        if (!embedded) {
            s += ", \"timestamp_ms\": \"";
            PutI64(s, ms);
            s += '"';
        }
        s += '}';
    }

    static bool HasLink(const std::vector<Piece>& pieces) {
        return std::any_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.kind == PieceKind::kUrl; });
    }

    // What a compat-mode text needs besides `text`: for posts over 140 code
    // points, the `extended_tweet` member and the twitter.com/i/web link entity.
    struct Compat {
        std::string extended;
        std::string web_url;
    };

    // Writes `text` (and its closing quote); entities of the shown part go to `entities`.
    Compat PutCompatText(std::string& s, const std::vector<Piece>& pieces, uint64_t id, std::vector<Entity>& entities) {
        Compat compat;
        if (TotalCps(pieces) <= 140) {
            PutText(s, pieces, 0, 140, entities);
            s += '"';
            return compat;
        }
        // Cut at a piece boundary so that "… https://t.co/xxxxxxxxxx" fits in 140.
        std::vector<Piece> head;
        uint32_t pos = 0;
        for (const auto& p : pieces) {
            const uint32_t n = Cps(p) + (p.space_before ? 1 : 0);
            if (pos + n > 115) break;
            head.push_back(p);
            pos += n;
        }
        const uint32_t end = PutText(s, head, 0, 140, entities);
        // `entities` points into `head`: copy what we need before it goes away.
        std::vector<Entity> head_entities;
        for (const auto& e : entities) {
            const size_t k = static_cast<size_t>(e.piece - head.data());
            head_entities.push_back({&pieces[k], e.start, e.end});
        }
        entities.swap(head_entities);
        s += Ellipsis().json;
        s += " https://t.co/";
        std::string link_code;
        PutCode(link_code, m_rng.Next(), 10);
        s += link_code;
        s += '"';
        compat.web_url = "{\"url\": \"https://t.co/" + link_code +
                         "\", \"expanded_url\": \"https://twitter.com/i/web/status/" + std::to_string(id) +
                         "\", \"display_url\": \"twitter.com/i/web/status/1\\u2026\", \"indices\": [" +
                         std::to_string(end + 2) + ", " + std::to_string(end + 25) + "]}";
        std::vector<Entity> full_entities;
        std::string& extended = compat.extended;
        extended = ", \"extended_tweet\": {\"full_text\": \"";
        const uint32_t full_end = PutText(extended, pieces, 0, 100000, full_entities);
        extended += "\", \"display_text_range\": [0, ";
        PutU64(extended, full_end);
        extended += "], \"entities\": ";
        PutEntities(extended, full_entities, nullptr);
        extended += '}';
        return compat;
    }

    // An original tweet. Writes the line, and the embedded form into the ring.
    void WriteOriginal(int64_t ms, uint64_t author, Component component) {
        auto post = std::make_shared<Original>();
        post->ms = ms;
        post->author = author;
        post->lang = AccountOf(author).lang;
        post->id = NextTweetId(ms);
        post->score = m_rng.Pareto(1.2);
        const bool long_ok = ms >= kLongForAllMs || m_rng.Chance(0.1);
        const uint32_t length = TextLength(long_ok);
        const bool with_tags = m_rng.Chance(0.9);
        post->pieces = MakeText(component, post->lang, length, with_tags);
        WriteOriginalJson(m_line, *post, false);
        m_line += '\n';
        WriteOriginalJson(post->json, *post, true);
        Remember(post);
    }

    void WriteOriginalJson(std::string& s, const Original& post, bool embedded) {
        s.clear();
        PutHead(s, {post.ms, post.id, post.author});
        s += ", \"text\": \"";
        std::vector<Entity> entities;
        const Compat compat = PutCompatText(s, post.pieces, post.id, entities);
        PutSource(s);
        s += ", \"truncated\": ";
        s += compat.extended.empty() ? "false" : "true";
        PutNoReply(s);
        PutUserAndPlace(s, post.author);
        s += ", \"is_quote_status\": false";
        s += compat.extended;
        PutCounts(s, embedded, post.score);
        s += ", \"entities\": ";
        PutEntities(s, entities, compat.web_url.empty() ? nullptr : &compat.web_url);
        PutTail(s, post.lang, HasLink(post.pieces), post.ms, embedded);
    }

    void Remember(const std::shared_ptr<const Original>& post) {
        if (m_ring.size() < kRingSize) {
            m_ring.push_back(post);
        } else {
            m_ring[m_ring_head] = post;
        }
        m_ring_head = (m_ring_head + 1) % kRingSize;
        // The hot set keeps the most popular recent originals, so some posts get
        // retweeted thousands of times.
        size_t weakest = 0;
        double weakest_weight = 1e300;
        for (size_t i = 0; i < m_hot.size(); ++i) {
            const double w = HotWeight(*m_hot[i], post->ms);
            if (w < weakest_weight) {
                weakest_weight = w;
                weakest = i;
            }
        }
        if (m_hot.size() < kHotSize) {
            m_hot.push_back(post);
        } else if (post->score > weakest_weight) {
            m_hot[weakest] = post;
        }
    }

    static double HotWeight(const Original& p, int64_t now) {
        return p.score * std::exp(-static_cast<double>(now - p.ms) / (24.0 * kHourMs));
    }

    // The burst's first post and the second peak's post: popular accounts, widely shared.
    std::shared_ptr<const Original> MakeSeedPost(int64_t ms, bool december) {
        auto post = std::make_shared<Original>();
        post->ms = ms;
        post->author = december ? 1 : 2;
        post->lang = kEn;
        post->id = NextTweetId(ms);
        post->score = december ? 30000.0 : 60000.0;
        if (december) {
            post->pieces = MakeText(Component::kBase, kEn, 210, false);
            post->pieces.push_back({&m_tags[kTagMeToo], 0, PieceKind::kHashtag, true, false});
            post->pieces.push_back({&m_tags[kTagBreakTheSilence], 0, PieceKind::kHashtag, true, false});
        } else {
            post->pieces = MakeText(Component::kBase, kEn, 110, false);  // no hashtag, like the real call
        }
        WriteOriginalJson(m_line, *post, false);
        m_line += '\n';
        WriteOriginalJson(post->json, *post, true);
        Remember(post);
        m_extra = true;
        return post;
    }

    const Original* PickTarget(int64_t ms, bool reply) {
        if (m_ring.empty()) return nullptr;
        const double r = m_rng.Uniform();
        if (m_call) {
            const double share = (reply ? 0.35 : 0.3) * std::exp(-static_cast<double>(ms - kCallMs) / (36.0 * kHourMs));
            if (r < share) return m_call.get();
        }
        if (m_dec) {
            const double share = (reply ? 0.5 : 0.45) * std::exp(-static_cast<double>(ms - kDecMs) / (10.0 * kHourMs));
            if (m_rng.Uniform() < share) return m_dec.get();
        }
        if (!reply && m_rng.Chance(0.45)) {
            double total = 0;
            for (const auto& p : m_hot)
                total += HotWeight(*p, ms);
            double pick = m_rng.Uniform() * total;
            for (const auto& p : m_hot) {
                pick -= HotWeight(*p, ms);
                if (pick <= 0) return p.get();
            }
        }
        const double v = m_rng.Uniform();
        const auto back = static_cast<size_t>(v * v * static_cast<double>(m_ring.size()));
        return m_ring[(m_ring_head + kRingSize - 1 - back) % m_ring.size()].get();
    }

    void WriteRetweet(int64_t ms, uint64_t author, const Original& original) {
        for (int i = 0; i < 4 && author == original.author; ++i)
            author = m_users.Sample(m_rng);
        std::string& s = m_line;
        const uint64_t id = NextTweetId(ms);
        const Account orig_author = AccountOf(original.author);
        PutHead(s, {ms, id, author});
        // "RT @name: " + the original's full text, cut at 140 with "…" as Twitter did.
        const auto prefix_cps = static_cast<uint32_t>(6 + orig_author.screen_name.size());
        s += ", \"text\": \"RT @";
        s += orig_author.screen_name;
        s += ": ";
        std::vector<Entity> entities;
        const uint32_t total = prefix_cps + TotalCps(original.pieces);
        if (total <= 140) {
            PutText(s, original.pieces, prefix_cps, 140, entities);
        } else {
            PutText(s, original.pieces, prefix_cps, 139, entities);
            s += Ellipsis().json;
        }
        s += '"';
        PutSource(s);
        s += ", \"truncated\": false";
        PutNoReply(s);
        PutUserAndPlace(s, author);
        s += ", \"retweeted_status\": ";
        s += original.json;
        s += ", \"is_quote_status\": false";
        PutCounts(s, false, 0);
        s += ", \"entities\": ";
        // The wrapper lists the retweeted account first, then what survived the cut.
        Piece self{nullptr, original.author, PieceKind::kMention, false, false};
        entities.insert(entities.begin(), {&self, 3, prefix_cps - 2});
        PutEntities(s, entities, nullptr);
        PutTail(s, original.lang, HasLink(original.pieces), ms, false);
        s += '\n';
    }

    void WriteQuote(int64_t ms, uint64_t author, Component component, const Original& quoted) {
        std::string& s = m_line;
        const uint64_t id = NextTweetId(ms);
        const uint32_t lang = AccountOf(author).lang;
        const Account quoted_author = AccountOf(quoted.author);
        const auto length = 20 + static_cast<uint32_t>(m_rng.Below(70));
        const bool with_tags = m_rng.Chance(0.7);
        auto pieces = MakeText(component, lang, length, with_tags);
        while (pieces.size() > 1 && TotalCps(pieces) > 115)
            pieces.pop_back();  // room for the link
        const uint64_t link_bits = m_rng.Next();
        PutHead(s, {ms, id, author});
        s += ", \"text\": \"";
        std::vector<Entity> entities;
        const uint32_t end = PutText(s, pieces, 0, 115, entities);
        s += " https://t.co/";
        PutCode(s, link_bits, 10);
        s += '"';
        std::string permalink =
            "https://twitter.com/" + quoted_author.screen_name + "/status/" + std::to_string(quoted.id);
        std::string quote_url = "{\"url\": \"https://t.co/";
        PutCode(quote_url, link_bits, 10);
        quote_url += "\", \"expanded_url\": \"" + permalink + "\", \"display_url\": \"" + permalink.substr(8, 22) +
                     "\\u2026\", \"indices\": [" + std::to_string(end + 1) + ", " + std::to_string(end + 24) + "]}";
        PutSource(s);
        s += ", \"truncated\": false";
        PutNoReply(s);
        PutUserAndPlace(s, author);
        s += ", ";
        PutIdPair(s, "quoted_status_id", "quoted_status_id_str", quoted.id);
        s += ", \"quoted_status\": ";
        s += quoted.json;
        s += ", \"quoted_status_permalink\": {\"url\": \"https://t.co/";
        PutCode(s, link_bits, 10);
        s += "\", \"expanded\": \"" + permalink + "\", \"display\": \"" + permalink.substr(8, 22) + "\\u2026\"}";
        s += ", \"is_quote_status\": true";
        PutCounts(s, false, 0);
        s += ", \"entities\": ";
        PutEntities(s, entities, &quote_url);
        PutTail(s, lang, true, ms, false);
        s += '\n';
    }

    void WriteReply(int64_t ms, uint64_t author, Component component, const Original& target) {
        std::string& s = m_line;
        const uint64_t id = NextTweetId(ms);
        const uint32_t lang = AccountOf(author).lang;
        std::vector<Piece> pieces;
        pieces.push_back({nullptr, target.author, PieceKind::kMention, false, false});
        const auto length = 15 + static_cast<uint32_t>(m_rng.Below(100));
        const bool with_tags = m_rng.Chance(0.6);
        auto body = MakeText(component, lang, length, with_tags);
        body.front().space_before = true;
        pieces.insert(pieces.end(), body.begin(), body.end());
        const uint32_t mention_cps = Cps(pieces.front());
        PutHead(s, {ms, id, author});
        s += ", \"text\": \"";
        std::vector<Entity> entities;
        const Compat compat = PutCompatText(s, pieces, id, entities);
        s += ", \"display_text_range\": [";
        PutU64(s, mention_cps + 1);
        s += ", ";
        PutU64(s, std::min<uint32_t>(TotalCps(pieces), 140));
        s += ']';
        PutSource(s);
        s += ", \"truncated\": ";
        s += compat.extended.empty() ? "false" : "true";
        const Account target_author = AccountOf(target.author);
        s += ", ";
        PutIdPair(s, "in_reply_to_status_id", "in_reply_to_status_id_str", target.id);
        s += ", ";
        PutIdPair(s, "in_reply_to_user_id", "in_reply_to_user_id_str", target_author.id);
        s += ", \"in_reply_to_screen_name\": \"";
        s += target_author.screen_name;
        s += '"';
        PutUserAndPlace(s, author);
        s += ", \"is_quote_status\": false";
        s += compat.extended;
        PutCounts(s, false, 0);
        s += ", \"entities\": ";
        PutEntities(s, entities, compat.web_url.empty() ? nullptr : &compat.web_url);
        PutTail(s, lang, HasLink(pieces), ms, false);
        s += '\n';
    }

    uint64_t m_seed;
    Rng m_rng;
    std::vector<Language> m_langs;
    std::vector<Token> m_tags;
    uint64_t m_user_count;
    Zipf m_users;
    Zipf m_tag_zipf;
    uint64_t m_expected;
    std::vector<std::string> m_user_cache;
    std::vector<int> m_lang_cdf;
    std::vector<double> m_cdf;
    std::string m_line;
    std::vector<std::shared_ptr<const Original>> m_ring;
    size_t m_ring_head = 0;
    std::vector<std::shared_ptr<const Original>> m_hot;
    std::shared_ptr<const Original> m_call;
    std::shared_ptr<const Original> m_dec;
    int64_t m_last_ms = kStartMs;
    int64_t m_id_ms = 0;
    uint64_t m_id_seq = 0;
    bool m_extra = false;
    std::array<uint64_t, 4> m_counts{};  // retweet, quote, reply, original
};

// Average line length of a small run with the same seed, to turn --bytes into
// an expected post count (so the timeline spans the whole period).
double AverageLineBytes(uint64_t seed) {
    constexpr uint64_t kSample = 3000;
    Generator g(seed, kSample);
    uint64_t total = 0;
    for (uint64_t slot = 0; slot < kSample;) {
        total += g.Next(slot).size();
        if (!g.LastWasExtra()) ++slot;
    }
    return static_cast<double>(total) / static_cast<double>(kSample);
}

bool ParseU64(const char* text, uint64_t& out) {
    const char* end = text + std::strlen(text);
    const auto res = std::from_chars(text, end, out);
    return res.ec == std::errc() && res.ptr == end;
}

int Usage() {
    std::fputs(
        "usage: gen_dump (--posts N | --bytes N) [--seed S] [--out FILE]\n"
        "Writes a synthetic Twitter v1.1 JSON-lines dump (#MeToo-shaped) to FILE or stdout.\n"
        "--bytes stops at the first line end at or past N bytes.\n",
        stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--posts" && has_value) {
            if (!ParseU64(argv[++i], opt.posts)) return Usage();
        } else if (arg == "--bytes" && has_value) {
            if (!ParseU64(argv[++i], opt.bytes)) return Usage();
        } else if (arg == "--seed" && has_value) {
            if (!ParseU64(argv[++i], opt.seed)) return Usage();
        } else if (arg == "--out" && has_value) {
            opt.out = argv[++i];
        } else {
            return Usage();
        }
    }
    if ((opt.posts == 0) == (opt.bytes == 0)) return Usage();

    std::FILE* out = stdout;
    if (!opt.out.empty()) {
        out = std::fopen(opt.out.c_str(), "wb");
        if (out == nullptr) {
            std::perror(opt.out.c_str());
            return 1;
        }
    }
    const auto started = std::chrono::steady_clock::now();
    uint64_t expected = opt.posts;
    if (expected == 0) {
        // 1% spare, so that an estimate a little low ends the dump a few hours
        // early rather than piling the last posts on 2017-12-31T23:59:59Z.
        expected = static_cast<uint64_t>(1.01 * static_cast<double>(opt.bytes) / AverageLineBytes(opt.seed)) + 1;
    }
    Generator gen(opt.seed, expected);
    std::string buffer;
    buffer.reserve(kFlushAt + (1 << 20));
    uint64_t written = 0, posts = 0;
    bool ok = true;
    uint64_t slot = 0;
    while (ok) {
        if (opt.posts != 0 && posts >= opt.posts) break;
        if (opt.bytes != 0 && written >= opt.bytes) break;
        const std::string& line = gen.Next(slot);
        if (!gen.LastWasExtra()) ++slot;  // a seed post does not use up a timeline slot
        buffer += line;
        written += line.size();
        ++posts;
        if (buffer.size() >= kFlushAt) {
            ok = std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
            buffer.clear();
        }
    }
    if (ok && !buffer.empty()) ok = std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
    if (out != stdout)
        ok = std::fclose(out) == 0 && ok;
    else
        ok = std::fflush(out) == 0 && ok;
    if (!ok) {
        std::perror("gen_dump: write failed");
        return 1;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& c = gen.Counts();
    std::fprintf(stderr,
                 "gen_dump: %llu posts (%llu retweets, %llu quotes, %llu replies, %llu originals), "
                 "%llu bytes in %.2f s, %.0f MB/s\n",
                 static_cast<unsigned long long>(posts), static_cast<unsigned long long>(c[0]),
                 static_cast<unsigned long long>(c[1]), static_cast<unsigned long long>(c[2]),
                 static_cast<unsigned long long>(c[3]), static_cast<unsigned long long>(written), secs,
                 static_cast<double>(written) / 1e6 / std::max(secs, 1e-9));
    return 0;
}
