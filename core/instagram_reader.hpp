// InstagramReader: Instagram posts, as the web app's media objects (inside Zeeschuimer items)
// and as the flat records of Scrapy-style scrapers (COUNTING.md, rule 32). Internal to core.
#pragma once

#include "json_dom.hpp"
#include "post_builder.hpp"

namespace chorus::core {

class InstagramReader {
public:
    // A flat scraped record: {id_, shortcode, caption, owner_id, owner_username, taken_at_timestamp}.
    void Read(json::object flat, const RecordPlace& place, Dataset& dataset, size_t file);

    // A media object of the web app ({pk, id, taken_at, caption: {text}, user: {pk, username}})
    // into the builder's record (begun by the caller).
    static void ReadMedia(json::object media, PostBuilder& post);

private:
    PostBuilder m_post;
};

}  // namespace chorus::core
