// gen_dump: writes a synthetic, deterministic Twitter API v1.1 JSON-lines dump
// shaped like the #MeToo wave of autumn 2017, for benchmarks and load tests.
//
//   g++ -O2 -std=c++20 -Itests/bench tests/bench/gen_dump*.cpp tests/bench/gen_text.cpp -o /tmp/gen_dump
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
// Every text is built from the word lists of gen_text.cpp; accounts are invented. The
// same arguments always give the same bytes. Statistics go to stderr.
//
// The CLI; the generator is gen_dump.hpp (gen_dump_model.cpp, gen_dump_v11.cpp).

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "gen_dump.hpp"

namespace {

using gen::Generator;

constexpr size_t kFlushAt = 8u << 20;

struct Options {
    uint64_t posts = 0;
    uint64_t bytes = 0;
    uint64_t seed = 1;
    std::string out;
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
