// Internal to the snapshot reader (snapshot.cpp, snapshot_open.cpp): the payload's checksum, its bytes taken
// from a SnapshotSource and hashed as they go, and its sections read a tag and length at a time.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "snapshot.hpp"

namespace chorus::core::snapshot_detail {

// Columns are written and read as memory images: the layout is little-endian, so is every host we build for.
static_assert(std::endian::native == std::endian::little, "snapshots assume a little-endian host");

inline std::string TagText(uint32_t tag) {
    std::string out;
    for (int i = 0; i < 4; ++i) {
        auto c = static_cast<char>((tag >> (8 * i)) & 0xFF);
        out += c >= ' ' && c <= '~' ? c : '?';
    }
    return out;
}

// Reads a byte range; every read is bounds-checked and a failed read leaves ok() false for good.
class Cursor {
public:
    Cursor(const uint8_t* data, size_t size) : m_data(data), m_size(size) {}
    bool ok() const { return m_ok; }
    bool AtEnd() const { return m_at == m_size; }
    template <class T>
    T Get() {
        T value{};
        if (!Need(sizeof(T))) return value;
        std::memcpy(&value, m_data + m_at, sizeof(T));
        m_at += sizeof(T);
        return value;
    }
    std::string_view Bytes(uint64_t size) {
        if (!Need(size)) return {};
        std::string_view out(reinterpret_cast<const char*>(m_data + m_at), static_cast<size_t>(size));
        m_at += static_cast<size_t>(size);
        return out;
    }
    std::string Str() {
        auto size = Get<uint32_t>();
        return std::string(Bytes(size));
    }

private:
    bool Need(uint64_t size) {
        if (!m_ok || size > m_size - m_at) m_ok = false;
        return m_ok;
    }
    const uint8_t* m_data;
    size_t m_size;
    size_t m_at = 0;
    bool m_ok = true;
};

inline SnapshotStatus Fail(SnapshotError error, std::string message) {
    return {error, std::move(message)};
}

// The snapshot's checksum, fed in pieces of any size: four 64-bit lanes over 32-byte stripes, then the
// tail bytes one by one.
class Hasher {
public:
    void Update(const uint8_t* p, size_t n) {
        m_total += n;
        if (m_carried != 0) {
            size_t take = std::min(n, sizeof m_carry - m_carried);
            std::memcpy(m_carry + m_carried, p, take);
            m_carried += take;
            p += take;
            n -= take;
            if (m_carried < sizeof m_carry) return;
            Stripe(m_carry);
            m_carried = 0;
        }
        for (; n >= 32; p += 32, n -= 32)
            Stripe(p);
        if (n != 0) std::memcpy(m_carry, p, n);
        m_carried = n;
    }
    uint64_t Final() const {
        uint64_t h = m_total * kP1;
        for (uint64_t lane : m_lanes)
            h = std::rotl((h ^ lane) * kP2, 27);
        for (size_t i = 0; i < m_carried; ++i)
            h = (h ^ m_carry[i]) * kP1;
        h ^= h >> 33;
        h *= kP2;
        h ^= h >> 29;
        return h;
    }

private:
    static constexpr uint64_t kP1 = 0x9E3779B185EBCA87ull, kP2 = 0xC2B2AE3D27D4EB4Full;
    void Stripe(const uint8_t* p) {
        for (size_t k = 0; k < 4; ++k) {
            uint64_t word = 0;
            std::memcpy(&word, p + 8 * k, 8);
            m_lanes[k] = std::rotl(m_lanes[k] + word * kP2, 31) * kP1;
        }
    }
    uint64_t m_lanes[4] = {kP1, kP2, ~kP1, ~kP2};
    uint8_t m_carry[32] = {};
    size_t m_carried = 0;
    uint64_t m_total = 0;
};

// The payload taken from a source, hashed as it is taken.
class Input {
public:
    Input(SnapshotSource& source, uint64_t size) : m_source(source), m_left(size), m_size(size) {}

    // Copies the next n bytes to dst; false (for good) when fewer remain or the source fails.
    bool Take(void* dst, uint64_t n) {
        if (!m_ok || n > m_left) return m_ok = false;
        if (n == 0) return true;
        if (!m_source.Take(dst, n)) {
            m_io_error = true;
            return m_ok = false;
        }
        m_hasher.Update(static_cast<const uint8_t*>(dst), static_cast<size_t>(n));
        m_left -= n;
        return true;
    }
    template <class T>
    T Get() {
        T value{};
        Take(&value, sizeof(T));
        return value;
    }
    // Hashes up to n bytes of what is left (kept nowhere), so a damaged file reads as a checksum mismatch, not
    // as corrupt content; false once nothing more can be had.
    bool Drain(uint64_t n) {
        m_ok = true;
        return Pass(std::min(n, m_left)) && m_left != 0;
    }
    bool ok() const { return m_ok; }
    bool IoError() const { return m_io_error; }
    uint64_t Left() const { return m_left; }
    uint64_t Taken() const { return m_size - m_left; }  // payload bytes taken so far
    // Takes n bytes through a small buffer, hashed but kept nowhere.
    bool Pass(uint64_t n) {
        uint8_t buffer[1 << 14];
        while (n != 0 && m_ok) {
            const uint64_t step = std::min<uint64_t>(n, sizeof buffer);
            Take(buffer, step);
            n -= step;
        }
        return m_ok;
    }
    uint64_t Checksum() const { return m_hasher.Final(); }

private:
    SnapshotSource& m_source;
    uint64_t m_left;
    uint64_t m_size;
    bool m_ok = true;
    bool m_io_error = false;
    Hasher m_hasher;
};

class Reader {
public:
    explicit Reader(Input& input) : m_in(input) {}

    // Starts the next section, which must carry `tag` and fit in what is left; EndSection() ends it.
    bool Section(uint32_t tag, uint64_t& length) {
        auto got = m_in.Get<uint32_t>();
        m_in.Get<uint32_t>();
        length = m_in.Get<uint64_t>();
        if (!m_in.ok() || length > m_in.Left()) return Error("section " + TagText(tag) + " runs past the end");
        if (got != tag) return Error("expected section " + TagText(tag) + ", found " + TagText(got));
        return true;
    }
    bool EndSection(uint32_t tag, uint64_t length) {
        char padding[8];
        if (!m_in.Take(padding, (8 - length % 8) % 8)) return Error("section " + TagText(tag) + " runs past the end");
        return true;
    }
    bool Error(std::string message) {
        if (m_message.empty()) m_message = std::move(message);
        return false;
    }
    const std::string& Message() const { return m_message; }

private:
    Input& m_in;
    std::string m_message;
};

}  // namespace chorus::core::snapshot_detail
