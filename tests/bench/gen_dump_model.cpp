// gen_dump's model of the #MeToo wave: a per-minute intensity over autumn 2017
// (campaign tags starting on their days, the burst after the 15 Oct call, the
// December peak), Zipf-distributed accounts and hashtags, texts in a dozen
// languages, and which recent originals get retweeted, quoted or answered.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "gen_dump.hpp"
#include "gen_json.hpp"

namespace gen {

Generator::Generator(uint64_t seed, uint64_t expected_posts)
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

const std::string& Generator::Next(uint64_t index) {
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

// --- time: a per-minute intensity, sampled by inverse CDF so ids follow time ---
double Generator::Diurnal(int64_t ms) {
    static constexpr double kUtcHour[] = {1.0,  0.9, 0.8,  0.7,  0.6, 0.5, 0.45, 0.45, 0.5, 0.6,  0.7,  0.8,
                                          0.95, 1.1, 1.25, 1.35, 1.4, 1.4, 1.4,  1.35, 1.3, 1.25, 1.15, 1.05};
    return kUtcHour[(ms / 3600000) % 24];
}

std::array<double, 5> Generator::Components(int64_t ms) {
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

void Generator::BuildTimeline() {
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

int64_t Generator::TimeAt(double u) const {
    const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
    const auto m = static_cast<size_t>(std::max<ptrdiff_t>(it - m_cdf.begin() - 1, 0));
    const double lo = m_cdf[m], hi = m_cdf[std::min(m + 1, m_cdf.size() - 1)];
    const double frac = hi > lo ? (u - lo) / (hi - lo) : 0.0;
    return kStartMs + static_cast<int64_t>(m) * kMinuteMs + static_cast<int64_t>(frac * kMinuteMs);
}

Component Generator::PickComponent(int64_t ms) {
    const auto c = Components(ms);
    double r = m_rng.Uniform() * (c[0] + c[1] + c[2] + c[3] + c[4]);
    for (size_t i = 0; i < c.size(); ++i) {
        if (r < c[i]) return static_cast<Component>(i);
        r -= c[i];
    }
    return Component::kBase;
}

uint64_t Generator::NextTweetId(int64_t ms) {
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
Account Generator::AccountOf(uint64_t rank) const {
    Rng r(Mix(m_seed ^ Mix(rank * 0x9E37u + 11)));
    Account a;
    int pick = static_cast<int>(r.Below(static_cast<uint64_t>(m_lang_cdf.back())));
    a.lang = static_cast<uint32_t>(std::upper_bound(m_lang_cdf.begin(), m_lang_cdf.end(), pick) - m_lang_cdf.begin());
    if (rank <= 5) a.lang = kEn;  // the most active accounts (and both seed posts) write in English
    const auto& lang = m_langs[a.lang];
    a.first_name = &lang.first_names[r.Below(lang.first_names.size())];
    a.initial = static_cast<char>('A' + r.Below(26));
    a.verified = rank <= 40 ? r.Chance(0.6) : r.Chance(0.004);
    // Two words cut to leave room for '_' and the rank in base 36: 15 characters at most. (Appended, not
    // "_" + Base36(rank): GCC 12 at -O3 warns of an overlap in that operator+ that cannot happen, -Wrestrict.)
    const std::string rank36 = Base36(rank);
    a.screen_name = kHandleA[r.Below(std::size(kHandleA))];
    a.screen_name += kHandleB[r.Below(std::size(kHandleB))];
    a.screen_name.resize(std::min(a.screen_name.size(), 14 - rank36.size()));
    a.screen_name += '_';
    a.screen_name += rank36;
    if (rank < (1u << 22) && r.Chance(0.35)) {
        // Accounts from 2016-2017 have snowflake ids; the low bits keep them distinct.
        const int64_t created = r.Between(1451606400000, 1506816000000);
        a.id = (static_cast<uint64_t>(created - kTwitterEpochMs) << 22) | rank;
    } else {
        a.id = 10'000'000 + rank * 7919 + r.Below(7919);
    }
    return a;
}

uint64_t Generator::PickAuthor(Component component) {
    uint64_t rank = m_users.Sample(m_rng);
    if (component == Component::kBtp) {
        for (int i = 0; i < 6 && AccountOf(rank).lang != kFr; ++i)
            rank = m_users.Sample(m_rng);
    }
    return rank;
}

// --- texts ---
uint32_t Generator::CampaignTag(Component component, uint32_t lang) {
    const auto pick = [this](std::initializer_list<uint32_t> tags) { return tags.begin()[m_rng.Below(tags.size())]; };
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

uint32_t Generator::Cps(const Piece& p) const {
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
std::vector<Piece> Generator::MakeText(Component component, uint32_t lang_index, uint32_t target, bool with_tags) {
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

uint32_t Generator::TextLength(bool long_ok) {
    const double r = m_rng.Uniform();
    if (r < 0.15) return 10 + static_cast<uint32_t>(m_rng.Below(30));
    if (long_ok && r > 0.72) return 141 + static_cast<uint32_t>(m_rng.Below(130));
    return 40 + static_cast<uint32_t>(m_rng.Below(98));
}

uint32_t Generator::TotalCps(const std::vector<Piece>& pieces) const {
    uint32_t n = 0;
    for (const auto& p : pieces)
        n += Cps(p) + (p.space_before ? 1 : 0);
    return n;
}

// An original tweet. Writes the line, and the embedded form into the ring.
void Generator::WriteOriginal(int64_t ms, uint64_t author, Component component) {
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

void Generator::Remember(const std::shared_ptr<const Original>& post) {
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

double Generator::HotWeight(const Original& p, int64_t now) {
    return p.score * std::exp(-static_cast<double>(now - p.ms) / (24.0 * kHourMs));
}

// The burst's first post and the second peak's post: popular accounts, widely shared.
std::shared_ptr<const Original> Generator::MakeSeedPost(int64_t ms, bool december) {
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

const Original* Generator::PickTarget(int64_t ms, bool reply) {
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

}  // namespace gen
