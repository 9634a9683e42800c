#include "record_reader.hpp"

#include <string>

#include "bluesky_reader.hpp"
#include "gnip_reader.hpp"
#include "instagram_reader.hpp"
#include "json_dom.hpp"
#include "mastodon_reader.hpp"
#include "reddit_reader.hpp"
#include "tweet_reader.hpp"
#include "youtube_reader.hpp"
#include "zeeschuimer_reader.hpp"

namespace chorus::core {
namespace {

// What one record is, from its keys (COUNTING.md, rule 22).
enum class Shape : uint8_t {
    Unknown,
    Twitter,           // v1.1 / v2 tweet, twarc2 page, stream notice
    ArchiveTweet,      // {"tweet": {...}} (Twitter archive tweets.js)
    ArchiveAccount,    // {"account": {"accountId": ...}} (Twitter archive account.js)
    GnipActivity,      // Activity Streams: verb, actor, object, postedTime
    MastodonActivity,  // ActivityPub activity: type Create / Announce / ..., actor
    MastodonActor,     // ActivityPub actor: type Person / Service / ..., preferredUsername
    MastodonStatus,    // REST Status: account, content
    BlueskyView,       // PostView {uri: "at://...", record} or FeedViewPost {post}
    BlueskyJetstream,  // {did, kind, time_us, commit}
    BlueskyTap,        // {id, type: "record", record: {did, collection, rkey, action, record}}
    Reddit,            // Pushshift: subreddit, created_utc
    YouTube,           // API resource: kind "youtube#..."
    ScrapedComment,    // {id, text, author: "...", is_reply}
    Zeeschuimer,       // {source_platform, data, ...}
    InstagramScrape,   // {id_, shortcode, caption, owner_username, taken_at_timestamp}
};

enum class Family : uint8_t {
    Unknown,
    Twitter,
    TwitterArchive,
    Gnip,
    Mastodon,
    Bluesky,
    Reddit,
    YouTube,
    Zeeschuimer,
    Instagram,
};

Family FamilyOf(Shape shape) {
    switch (shape) {
        case Shape::Unknown: return Family::Unknown;
        case Shape::Twitter: return Family::Twitter;
        case Shape::ArchiveTweet:
        case Shape::ArchiveAccount: return Family::TwitterArchive;
        case Shape::GnipActivity: return Family::Gnip;
        case Shape::MastodonActivity:
        case Shape::MastodonActor:
        case Shape::MastodonStatus: return Family::Mastodon;
        case Shape::BlueskyView:
        case Shape::BlueskyJetstream:
        case Shape::BlueskyTap: return Family::Bluesky;
        case Shape::Reddit: return Family::Reddit;
        case Shape::YouTube:
        case Shape::ScrapedComment: return Family::YouTube;
        case Shape::Zeeschuimer: return Family::Zeeschuimer;
        case Shape::InstagramScrape: return Family::Instagram;
    }
    return Family::Unknown;
}

bool IsActivityType(std::string_view type) {
    static constexpr std::string_view kTypes[] = {"Create", "Announce", "Update", "Delete", "Like",  "Follow", "Undo",
                                                  "Accept", "Reject",   "Add",    "Remove", "Block", "Flag",   "Move"};
    for (std::string_view t : kTypes)
        if (type == t) return true;
    return false;
}

bool IsActorType(std::string_view type) {
    return type == "Person" || type == "Service" || type == "Application" || type == "Group" || type == "Organization";
}

Shape Classify(json::object o) {
    json::object inner;
    if (!json::Str(o, "source_platform").empty() && json::Obj(o, "data", inner)) return Shape::Zeeschuimer;
    if (json::Obj(o, "tweet", inner)) return Shape::ArchiveTweet;
    if (json::Obj(o, "account", inner) && json::Has(inner, "accountId")) return Shape::ArchiveAccount;
    if (!json::Str(o, "verb").empty() && json::Obj(o, "actor", inner) &&
        (json::Has(o, "postedTime") || json::Has(o, "object")))
        return Shape::GnipActivity;
    std::string_view type = json::Str(o, "type");
    if (IsActivityType(type) && json::Has(o, "actor")) return Shape::MastodonActivity;
    if (IsActorType(type) && json::Has(o, "preferredUsername")) return Shape::MastodonActor;
    if (json::Obj(o, "account", inner) && json::Has(o, "content")) return Shape::MastodonStatus;
    if (json::Str(o, "uri").starts_with("at://") && json::Obj(o, "record", inner)) return Shape::BlueskyView;
    if (json::Obj(o, "post", inner) && json::Str(inner, "uri").starts_with("at://")) return Shape::BlueskyView;
    if (json::Str(o, "did").starts_with("did:") && json::Has(o, "kind") && json::Has(o, "time_us"))
        return Shape::BlueskyJetstream;
    if (type == "record" && json::Obj(o, "record", inner) && json::Str(inner, "did").starts_with("did:"))
        return Shape::BlueskyTap;
    if (json::Has(o, "subreddit") && json::Has(o, "created_utc")) return Shape::Reddit;
    if (json::Str(o, "kind").starts_with("youtube#")) return Shape::YouTube;
    if (json::Has(o, "is_reply") && json::IsString(o, "author") && json::IsString(o, "text"))
        return Shape::ScrapedComment;
    if (json::Has(o, "shortcode") && json::Has(o, "taken_at_timestamp")) return Shape::InstagramScrape;
    static constexpr std::string_view kTwitterKeys[] = {"data", "id_str", "user",     "author_id", "delete",    "limit",
                                                        "text", "errors", "includes", "full_text", "created_at"};
    for (std::string_view key : kTwitterKeys)
        if (json::Has(o, key)) return Shape::Twitter;
    return Shape::Unknown;
}

// The report's `format` (COUNTING.md, rule 22); "" leaves the naming to TweetReader.
std::string FormatName(Shape shape, json::object first, const FileLayout& layout) {
    std::string suffix = !layout.document ? "-jsonl" : !layout.script_name.empty() ? "-js" : "-json";
    switch (FamilyOf(shape)) {
        case Family::Unknown: return "";
        case Family::Twitter:
            if (!layout.script_name.empty())
                return layout.script_name.starts_with("Grailbird") ? "twitter-grailbird-js" : "twitter-archive-js";
            if (layout.list_key == "statuses") return "twitter-v1.1-search-json";
            if (layout.root_array) return "twitter-v1.1-json";
            return "";
        case Family::TwitterArchive: return "twitter-archive" + suffix;
        case Family::Gnip: return "twitter-gnip-activity-streams" + suffix;
        case Family::Mastodon:
            if (layout.list_key == "orderedItems" || layout.list_key == "items") return "mastodon-outbox";
            if (shape == Shape::MastodonActor) return "mastodon-actor" + suffix;
            if (shape == Shape::MastodonStatus) return "mastodon-statuses" + suffix;
            return "mastodon-activities" + suffix;
        case Family::Bluesky:
            if (shape == Shape::BlueskyJetstream) return "bluesky-jetstream" + suffix;
            if (shape == Shape::BlueskyTap) return "bluesky-tap" + suffix;
            if (layout.list_key == "feed") return "bluesky-feed-json";
            if (layout.list_key == "posts") return "bluesky-searchposts-json";
            return "bluesky-posts" + suffix;
        case Family::Reddit: return "reddit-pushshift" + suffix;
        case Family::YouTube:
            if (shape == Shape::ScrapedComment) return "scraped-comments" + suffix;
            return json::Str(first, "kind") == "youtube#commentThread" ? "youtube-commentthreads" + suffix
                                                                       : "youtube-comments" + suffix;
        case Family::Zeeschuimer: return layout.document ? "zeeschuimer" + suffix : "zeeschuimer-ndjson";
        case Family::Instagram: return "instagram-scrape" + suffix;
    }
    return "";
}

const char* FamilyName(Family family) {
    switch (family) {
        case Family::Unknown: return "unknown";
        case Family::Twitter: return "Twitter";
        case Family::TwitterArchive: return "Twitter archive";
        case Family::Gnip: return "Gnip Activity Streams";
        case Family::Mastodon: return "Mastodon";
        case Family::Bluesky: return "Bluesky";
        case Family::Reddit: return "Reddit";
        case Family::YouTube: return "YouTube comments";
        case Family::Zeeschuimer: return "Zeeschuimer";
        case Family::Instagram: return "Instagram";
    }
    return "unknown";
}

}  // namespace

struct RecordReader::Readers {
    simdjson::dom::parser dom;
    TweetReader tweets;
    GnipReader gnip;
    MastodonReader mastodon;
    BlueskyReader bluesky;
    RedditReader reddit;
    YouTubeReader youtube;
    ZeeschuimerReader zeeschuimer;
    InstagramReader instagram;
    size_t file = 0;
    FileLayout layout;
    Family family = Family::Unknown;
};

RecordReader::RecordReader(Dataset& dataset) : m_dataset(dataset), m_readers(std::make_unique<Readers>()) {}
RecordReader::~RecordReader() = default;

void RecordReader::BeginFile(size_t file, FileLayout layout) {
    Readers& r = *m_readers;
    r.file = file;
    r.layout = std::move(layout);
    r.family = Family::Unknown;
    r.tweets.SetArchive(!r.layout.script_name.empty());  // tweets.js, tweet.js, Grailbird month files
}

uint8_t RecordReader::ContinuationSeed() const {
    Family family = m_readers->family;
    if (family == Family::TwitterArchive || family == Family::Mastodon) return 0;
    return static_cast<uint8_t>(family);
}

void RecordReader::BeginContinuation(size_t file, uint8_t seed) {
    BeginFile(file, FileLayout{});
    if (seed <= static_cast<uint8_t>(Family::Instagram)) m_readers->family = static_cast<Family>(seed);
}

void RecordReader::Read(const char* json, size_t size, size_t readable, const RecordPlace& place) {
    Readers& r = *m_readers;
    IngestReport& report = m_dataset.Report(r.file);
    if (r.family == Family::Twitter) return r.tweets.ReadLine(json, size, readable, m_dataset, r.file, place);

    json::element root;
    json::object record;
    if (auto error = r.dom.parse(json, size, false).get(root)) {
        if (r.family == Family::Unknown) return r.tweets.ReadLine(json, size, readable, m_dataset, r.file, place);
        return report.Add(Problem::InvalidJson, place, std::string("invalid JSON: ") + simdjson::error_message(error));
    }
    if (!json::Obj(root, record)) {
        if (r.family == Family::Unknown) return r.tweets.ReadLine(json, size, readable, m_dataset, r.file, place);
        return report.Add(Problem::NotAPost, place, "not a JSON object, so not a post record");
    }
    Shape shape = Classify(record);
    Family family = FamilyOf(shape);
    if (r.family == Family::Unknown) {
        // Until a record of a known shape is seen, TweetReader judges each one (rules 2 and 4).
        if (family == Family::Unknown) return r.tweets.ReadLine(json, size, readable, m_dataset, r.file, place);
        r.family = family;
        if (report.format.empty()) report.format = FormatName(shape, record, r.layout);
        if (family == Family::TwitterArchive) r.tweets.SetArchive(true);
    } else if (family != r.family) {
        return report.Add(Problem::NotAPost, place,
                          std::string("a record of another format (") + FamilyName(family) + ") in a " +
                              FamilyName(r.family) + " file");
    }
    switch (shape) {
        case Shape::Unknown:
        case Shape::Twitter:
        case Shape::ArchiveTweet: return r.tweets.ReadLine(json, size, readable, m_dataset, r.file, place);
        case Shape::ArchiveAccount: {
            json::object account;
            json::Obj(record, "account", account);
            std::string_view id = json::Str(account, "accountId"), name = json::Str(account, "username");
            r.tweets.SetArchiveOwner(id, name.empty() ? id : name);
            // Tweets read before it (rule 41): the placeholder's posts become the owner's.
            uint64_t moved = m_dataset.ReassignAuthor(TweetReader::kUnknownOwner, id, name.empty() ? id : name);
            std::string note = "the archive's account: names the owner, not a post";
            if (moved > 0) note += "; also of the " + std::to_string(moved) + " posts read before it";
            return report.Add(Problem::Context, place, note);
        }
        case Shape::GnipActivity: return r.gnip.Read(record, place, m_dataset, r.file);
        case Shape::MastodonActivity: return r.mastodon.ReadActivity(record, place, m_dataset, r.file);
        case Shape::MastodonActor: return r.mastodon.ReadActor(record, place, m_dataset, r.file);
        case Shape::MastodonStatus: return r.mastodon.ReadStatus(record, place, m_dataset, r.file);
        case Shape::BlueskyView: return r.bluesky.ReadView(record, place, m_dataset, r.file);
        case Shape::BlueskyJetstream: return r.bluesky.ReadJetstream(record, place, m_dataset, r.file);
        case Shape::BlueskyTap: return r.bluesky.ReadTap(record, place, m_dataset, r.file);
        case Shape::Reddit: return r.reddit.Read(record, place, m_dataset, r.file);
        case Shape::YouTube: return r.youtube.Read(record, place, m_dataset, r.file);
        case Shape::ScrapedComment: return r.youtube.ReadScraped(record, place, m_dataset, r.file);
        case Shape::Zeeschuimer: return r.zeeschuimer.Read(record, place, m_dataset, r.file);
        case Shape::InstagramScrape: return r.instagram.Read(record, place, m_dataset, r.file);
    }
}

}  // namespace chorus::core
