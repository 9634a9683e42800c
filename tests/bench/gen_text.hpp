// Word lists, languages and hashtags for gen_dump (definitions in gen_text.cpp).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace gen {

// A word or tag as twarc 1.x wrote it: ASCII JSON with \u escapes, plus the byte
// offset of every code point so a text can be cut anywhere, as Twitter cut it.
struct Token {
    std::string json;
    std::vector<uint16_t> offsets;  // offsets[k] = start of code point k; back() = json.size()
    uint32_t cps = 0;
};

struct Language {
    const char* code;
    int weight;
    bool spaced;  // false: words are written without spaces (Japanese)
    std::vector<Token> words;
    std::vector<Token> first_names;
    std::vector<Token> places;
};

enum Lang : uint32_t { kEn, kEs, kJa, kFr, kAr, kPt, kIt, kDe, kKo, kTr, kHi, kLangCount };

// Hashtag table: campaign tags first (fixed indices), then a Zipf-ranked list.
enum CampaignTag : uint32_t {
    kTagMeToo,
    kTagMetooLower,
    kTagMetooCap,
    kTagMetooUpper,
    kTagWbt,
    kTagWbtLower,
    kTagBtp,
    kTagBtpLower,
    kTagMoiAussi,
    kTagYoTambien,
    kTagYoTambienAccent,
    kTagQuellaVoltaChe,
    kTagAnaKaman,
    kTagAnaKamanArabic,
    kTagAufschrei,
    kTagWatashimo,
    kTagMiTu,
    kTagBreakTheSilence,
    kTagSilenceBreakers,
    kTagTimePoy,
    kCampaignTagCount
};

void AppendHex4(std::string& out, uint32_t unit);
Token MakeToken(std::string_view utf8);
std::vector<Token> MakeTokens(std::initializer_list<std::string_view> words);
std::vector<Language> MakeLanguages();
std::vector<Token> MakeHashtags(size_t total);
const std::vector<Token>& Emoji();
const Token& Ellipsis();
const Token& WideHashSign();

constexpr std::string_view kSources[] = {
    R"(<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>)",
    R"(<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>)",
    R"(<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>)",
    R"(<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Lite</a>)",
    R"(<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>)",
    R"(<a href=\"http://twitter.com/#!/download/ipad\" rel=\"nofollow\">Twitter for iPad</a>)",
};
constexpr int kSourceWeights[] = {38, 34, 14, 5, 5, 4};

constexpr std::string_view kLinkSites[] = {"www.nytimes.com/2017/10/", "www.theguardian.com/world/2017/oct/",
                                           "www.lemonde.fr/societe/",  "elpais.com/sociedad/",
                                           "www.bbc.com/news/",        "medium.com/@",
                                           "www.instagram.com/p/",     "www.youtube.com/watch?v="};

constexpr std::string_view kHandleA[] = {"sunny",  "river",  "quiet",  "maple", "nova",   "lumen", "cedar",  "pixel",
                                         "velvet", "harbor", "ember",  "coral", "willow", "atlas", "indigo", "sable",
                                         "tidal",  "paper",  "clover", "birch", "onyx",   "hazel", "cobalt", "fable",
                                         "meadow", "orbit",  "plum",   "sol",   "luna",   "kai",   "mika",   "zee"};
constexpr std::string_view kHandleB[] = {"reader", "writes", "owl",  "fern", "notes", "days",  "sky",   "lane",
                                         "heart",  "field",  "moth", "fox",  "ink",   "stone", "light", "song",
                                         "wren",   "tea",    "wave", "girl", "jay",   "bee",   "xo",    "art"};
constexpr std::string_view kColors[] = {"C0DEED", "000000", "1DA1F2", "F5F8FA", "642D8B",
                                        "FF691F", "3B94D9", "ABB8C2", "E81C4F", "19CF86"};

}  // namespace gen
