// The compiler keeps constant initializers intact. GCC 12 with -march=native on an AVX-512 CPU
// turned a 32- or 64-byte constant whose high words are zero into a broadcast of its low word
// ({1, 1, 0, 0} became {1, 1, 1, 1}); CMakeLists.txt caps inline copies at 16 bytes when it sees that.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Built out of line, so the checks read what the generated code stored, not a folded constant.
[[gnu::noinline]] std::vector<uint64_t> FourWords() {
    return {1, 1, 0, 0};
}
[[gnu::noinline]] std::vector<uint64_t> EightWords() {
    return {7, 7, 7, 0, 0, 0, 0, 0};
}
[[gnu::noinline]] std::vector<uint32_t> EightHalves() {
    return {5, 5, 5, 5, 0, 0, 0, 0};
}

}  // namespace

TEST_CASE("toolchain: constant initializers keep their zero tail (GCC 12 AVX-512 miscompile)") {
    std::vector<uint64_t> four = FourWords();
    REQUIRE(four.size() == 4);
    CHECK(four[0] == 1);
    CHECK(four[1] == 1);
    CHECK(four[2] == 0);
    CHECK(four[3] == 0);
    std::vector<uint64_t> eight = EightWords();
    REQUIRE(eight.size() == 8);
    for (size_t i = 0; i < eight.size(); ++i)
        CHECK_MESSAGE(eight[i] == (i < 3 ? 7u : 0u), "word " << i);
    std::vector<uint32_t> halves = EightHalves();
    REQUIRE(halves.size() == 8);
    for (size_t i = 0; i < halves.size(); ++i)
        CHECK_MESSAGE(halves[i] == (i < 4 ? 5u : 0u), "word " << i);
}
