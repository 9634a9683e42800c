#include <doctest/doctest.h>

#include "text_normalize.hpp"
#include "time_utc.hpp"

using namespace chorus::core;

TEST_CASE("hashtags: normalisation folds case, width and compatibility forms") {
    std::string out;
    NormalizeHashtag("#MeToo", out);
    CHECK(out == "metoo");
    NormalizeHashtag("\xEF\xBC\x83\xEF\xBC\xAD\xEF\xBD\x85", out);  // ＃Ｍｅ
    CHECK(out == "me");
    NormalizeHashtag(
        "Stra\xC3\x9F"
        "e",
        out);  // Straße: full case folding gives "strasse"
    CHECK(out == "strasse");
    NormalizeHashtag("\xCE\x9C\xCE\xB1", out);  // Greek "Μα"
    CHECK(out == "\xCE\xBC\xCE\xB1");
    NormalizeHashtag(" spaced ", out);
    CHECK(out == "spaced");
    NormalizeHashtag("bad\xFFutf8", out);  // invalid bytes become U+FFFD
    CHECK(out == "bad\xEF\xBF\xBDutf8");
}

TEST_CASE("time: Twitter and ISO formats") {
    CHECK(FormatIsoUtc(ParseTwitterTime("Mon Dec 02 14:16:13 +0000 2019")) == "2019-12-02T14:16:13Z");
    CHECK(FormatIsoUtc(ParseTwitterTime("Mon Oct 16 01:30:00 +0200 2017")) == "2017-10-15T23:30:00Z");
    CHECK(FormatIsoUtc(ParseIsoTime("2021-04-08T19:31:31.000Z")) == "2021-04-08T19:31:31Z");
    CHECK(FormatIsoUtc(ParseIsoTime("2021-04-08T21:31:31+02:00")) == "2021-04-08T19:31:31Z");
    CHECK(FormatIsoUtc(ParseIsoTime("2020-02-29 23:59:59")) == "2020-02-29T23:59:59Z");
    CHECK(FormatIsoUtc(ParseEpochMillis("1575296173000")) == "2019-12-02T14:16:13Z");
    CHECK(ParseIsoTime("2019-02-29T00:00:00Z") == kNoTime);  // not a leap year
    CHECK(ParseTwitterTime("Mon Foo 02 14:16:13 +0000 2019") == kNoTime);
    CHECK(ParseIsoTime("0000-00-00T00:00:00Z") == kNoTime);
    CHECK(FormatIsoUtc(ParseIsoTime("1969-12-31T23:59:59Z")) == "1969-12-31T23:59:59Z");
}
