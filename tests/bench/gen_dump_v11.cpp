// gen_dump's Twitter v1.1 JSON: lines written the way twarc 1.x saved them
// (", " and ": " separators, non-ASCII as \u escapes), user objects, entities
// with their indices, compat-mode texts cut at 140 code points with the
// extended_tweet beside them, retweets embedding the original, quotes, replies.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gen_dump.hpp"
#include "gen_json.hpp"

namespace gen {

void Generator::PutName(std::string& s, const Account& a) const {
    s += '"';
    s += a.first_name->json;
    if (a.lang != kJa && a.lang != kAr && a.lang != kKo && a.lang != kHi) {
        s += ' ';
        s += a.initial;
        s += '.';
    }
    s += '"';
}

void Generator::WriteUser(std::string& s, uint64_t rank) {
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

// Writes the JSON text of a piece, or of its first `limit` code points.
void Generator::PutPiece(std::string& s, const Piece& p, uint32_t limit) const {
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
uint32_t Generator::PutText(std::string& s, const std::vector<Piece>& pieces, uint32_t start, uint32_t max_cps,
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

void Generator::PutIndices(std::string& s, uint32_t a, uint32_t b) const {
    s += "\"indices\": [";
    PutU64(s, a);
    s += ", ";
    PutU64(s, b);
    s += "]";
}

void Generator::PutMentionEntity(std::string& s, uint64_t rank, uint32_t a, uint32_t b) const {
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
void Generator::PutEntities(std::string& s, const std::vector<Entity>& entities,
                            const std::string* extra_url_json) const {
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

void Generator::PutHead(std::string& s, const Head& h) {
    s += "{\"created_at\": ";
    PutTwitterTime(s, h.ms);
    s += ", ";
    PutIdPair(s, "id", "id_str", h.id);
}

void Generator::PutSource(std::string& s) {
    int r = static_cast<int>(m_rng.Below(100));
    size_t i = 0;
    while (i + 1 < std::size(kSources) && r >= kSourceWeights[i])
        r -= kSourceWeights[i++];
    s += ", \"source\": \"";
    s += kSources[i];
    s += '"';
}

void Generator::PutNoReply(std::string& s) {
    s += ", \"in_reply_to_status_id\": null, \"in_reply_to_status_id_str\": null, \"in_reply_to_user_id\": null, "
         "\"in_reply_to_user_id_str\": null, \"in_reply_to_screen_name\": null";
}

void Generator::PutUserAndPlace(std::string& s, uint64_t author) {
    s += ", \"user\": ";
    WriteUser(s, author);
    s += ", \"geo\": null, \"coordinates\": null, \"place\": null, \"contributors\": null";
}

void Generator::PutCounts(std::string& s, bool embedded, double score) {
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

void Generator::PutTail(std::string& s, uint32_t lang, bool has_link, int64_t ms, bool embedded) {
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

bool Generator::HasLink(const std::vector<Piece>& pieces) {
    return std::any_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.kind == PieceKind::kUrl; });
}

// Writes `text` (and its closing quote); entities of the shown part go to `entities`.
Generator::Compat Generator::PutCompatText(std::string& s, const std::vector<Piece>& pieces, uint64_t id,
                                           std::vector<Entity>& entities) {
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

void Generator::WriteOriginalJson(std::string& s, const Original& post, bool embedded) {
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

void Generator::WriteRetweet(int64_t ms, uint64_t author, const Original& original) {
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

void Generator::WriteQuote(int64_t ms, uint64_t author, Component component, const Original& quoted) {
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
    std::string permalink = "https://twitter.com/" + quoted_author.screen_name + "/status/" + std::to_string(quoted.id);
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

void Generator::WriteReply(int64_t ms, uint64_t author, Component component, const Original& target) {
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

}  // namespace gen
