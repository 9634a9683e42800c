// gen_dump's generator: the #MeToo-shaped wave of autumn 2017 (timeline, hashtags,
// accounts, which posts get retweeted, quoted, answered) in gen_dump_model.cpp, and
// the Twitter v1.1 JSON it writes (users, entities, compat-mode texts, retweets,
// quotes, replies) in gen_dump_v11.cpp. The CLI is gen_dump.cpp.
//
//   Generator gen(seed, expected_posts);
//   for (uint64_t slot = 0; ...) { out += gen.Next(slot); if (!gen.LastWasExtra()) ++slot; }
//
// The same seed and expected count always give the same bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gen_random.hpp"
#include "gen_text.hpp"

namespace gen {

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

class Generator {
public:
    Generator(uint64_t seed, uint64_t expected_posts);

    // The JSON line (ending in '\n') for timeline slot `index` of the expected
    // count. When the line is one of the two seed posts, LastWasExtra() is true
    // and the slot is still free for the next call.
    const std::string& Next(uint64_t index);

    bool LastWasExtra() const { return m_extra; }
    const std::array<uint64_t, 4>& Counts() const { return m_counts; }

private:
    // --- the wave (gen_dump_model.cpp) ---
    static double Diurnal(int64_t ms);
    static std::array<double, 5> Components(int64_t ms);
    void BuildTimeline();
    int64_t TimeAt(double u) const;
    Component PickComponent(int64_t ms);
    uint64_t NextTweetId(int64_t ms);
    Account AccountOf(uint64_t rank) const;
    uint64_t PickAuthor(Component component);
    uint32_t CampaignTag(Component component, uint32_t lang);
    uint32_t Cps(const Piece& p) const;
    std::vector<Piece> MakeText(Component component, uint32_t lang_index, uint32_t target, bool with_tags);
    uint32_t TextLength(bool long_ok);
    uint32_t TotalCps(const std::vector<Piece>& pieces) const;
    void WriteOriginal(int64_t ms, uint64_t author, Component component);
    void Remember(const std::shared_ptr<const Original>& post);
    static double HotWeight(const Original& p, int64_t now);
    std::shared_ptr<const Original> MakeSeedPost(int64_t ms, bool december);
    const Original* PickTarget(int64_t ms, bool reply);

    // --- the v1.1 JSON (gen_dump_v11.cpp) ---
    struct Head {
        int64_t ms;
        uint64_t id;
        uint64_t author;
    };
    // What a compat-mode text needs besides `text`: for posts over 140 code
    // points, the `extended_tweet` member and the twitter.com/i/web link entity.
    struct Compat {
        std::string extended;
        std::string web_url;
    };

    void PutName(std::string& s, const Account& a) const;
    void WriteUser(std::string& s, uint64_t rank);
    void PutPiece(std::string& s, const Piece& p, uint32_t limit) const;
    uint32_t PutText(std::string& s, const std::vector<Piece>& pieces, uint32_t start, uint32_t max_cps,
                     std::vector<Entity>& entities) const;
    void PutIndices(std::string& s, uint32_t a, uint32_t b) const;
    void PutMentionEntity(std::string& s, uint64_t rank, uint32_t a, uint32_t b) const;
    void PutEntities(std::string& s, const std::vector<Entity>& entities, const std::string* extra_url_json) const;
    void PutHead(std::string& s, const Head& h);
    void PutSource(std::string& s);
    void PutNoReply(std::string& s);
    void PutUserAndPlace(std::string& s, uint64_t author);
    void PutCounts(std::string& s, bool embedded, double score);
    void PutTail(std::string& s, uint32_t lang, bool has_link, int64_t ms, bool embedded);
    static bool HasLink(const std::vector<Piece>& pieces);
    Compat PutCompatText(std::string& s, const std::vector<Piece>& pieces, uint64_t id, std::vector<Entity>& entities);
    void WriteOriginalJson(std::string& s, const Original& post, bool embedded);
    void WriteRetweet(int64_t ms, uint64_t author, const Original& original);
    void WriteQuote(int64_t ms, uint64_t author, Component component, const Original& quoted);
    void WriteReply(int64_t ms, uint64_t author, Component component, const Original& target);

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

}  // namespace gen
