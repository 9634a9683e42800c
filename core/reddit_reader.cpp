#include "reddit_reader.hpp"

#include "text_entities.hpp"

namespace chorus::core {
namespace {

// Reddit's markdown comes with &, < and > escaped as HTML ("&amp;#x200B;"): undone before reading it.
void UnescapeMarkdown(std::string& text) {
    if (text.find('&') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        std::string_view rest = std::string_view(text).substr(i);
        if (rest.starts_with("&amp;")) {
            out.push_back('&');
            i += 5;
        } else if (rest.starts_with("&lt;")) {
            out.push_back('<');
            i += 4;
        } else if (rest.starts_with("&gt;")) {
            out.push_back('>');
            i += 4;
        } else {
            out.push_back(text[i++]);
        }
    }
    text.swap(out);
}

}  // namespace

void RedditReader::Read(json::object thing, const RecordPlace& place, Dataset& dataset, size_t file) {
    bool submission = json::Has(thing, "title");
    if (!submission && !json::Has(thing, "body")) {
        dataset.Report(file).Add(Problem::NotAPost, place, "a Reddit record with neither `title` nor `body`");
        return;
    }
    PostRecord& r = m_post.Begin();
    // Submissions (t3_) and comments (t1_) number their ids separately: the full name keeps them apart.
    std::string_view prefix = submission ? "t3_" : "t1_";
    std::string_view id = json::Str(thing, "id");
    if (!id.empty()) {
        std::string& full = m_post.Slot();
        full.assign(id.starts_with(prefix) ? "" : prefix).append(id);
        r.id = full;
    }
    r.time = json::EpochSeconds(thing, "created_utc");
    std::string_view author = json::Str(thing, "author");
    if (author != "[deleted]" && author != "[removed]") r.author_id = r.author_name = author;
    r.type = submission ? PostType::Original : PostType::Reply;
    r.engagement[CountKind::Likes] = json::CountOf(thing, "score");  // upvotes minus downvotes: may be below zero
    if (submission) r.engagement[CountKind::Replies] = json::CountOf(thing, "num_comments");
    std::string& text = m_post.Slot();
    if (submission) {
        text.assign(json::Str(thing, "title"));
        std::string_view self = json::Str(thing, "selftext");
        if (!self.empty()) text.append("\n\n").append(self);
    } else {
        text.assign(json::Str(thing, "body"));
    }
    UnescapeMarkdown(text);
    r.text = text;
    HashtagsInText(r.text, r.hashtags);
    MentionsInText(r.text, r.mentions);
    if (submission && !json::Bool(thing, "is_self") && !json::Str(thing, "url").empty())
        r.links.push_back(json::Str(thing, "url"));
    LinksInText(r.text, r.links);
    m_post.Emit(dataset, file, place);
}

}  // namespace chorus::core
