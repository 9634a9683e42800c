// Random numbers for gen_dump: splitmix64, xoshiro256** and a Zipf sampler, all deterministic.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace gen {

// --- random numbers ------------------------------------------------------------

inline uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

class Rng {  // xoshiro256**
public:
    explicit Rng(uint64_t seed) {
        for (auto& word : m_s) {
            seed = Mix(seed);
            word = seed;
        }
    }
    uint64_t Next() {
        const uint64_t result = Rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = Rotl(m_s[3], 45);
        return result;
    }
    double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
    uint64_t Below(uint64_t n) { return n == 0 ? 0 : Next() % n; }
    int64_t Between(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo))); }
    bool Chance(double p) { return Uniform() < p; }
    double Pareto(double alpha) { return std::pow(1.0 - Uniform(), -1.0 / alpha); }

private:
    static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<uint64_t, 4> m_s{};
};

// Zipf over 1..n by rejection-inversion (Hörmann & Derflinger), O(1) per draw.
class Zipf {
public:
    Zipf(uint64_t n, double exponent) : m_n(static_cast<double>(n)), m_e(exponent) {
        m_h_x1 = HIntegral(1.5) - 1.0;
        m_h_n = HIntegral(m_n + 0.5);
        m_s = 2.0 - HIntegralInverse(HIntegral(2.5) - H(2.0));
    }
    uint64_t Sample(Rng& rng) const {
        for (;;) {
            const double u = m_h_n + rng.Uniform() * (m_h_x1 - m_h_n);
            const double x = HIntegralInverse(u);
            double k = std::floor(x + 0.5);
            k = std::clamp(k, 1.0, m_n);
            if (k - x <= m_s || u >= HIntegral(k + 0.5) - H(k)) return static_cast<uint64_t>(k);
        }
    }

private:
    double H(double x) const { return std::exp(-m_e * std::log(x)); }
    double HIntegral(double x) const {
        const double log_x = std::log(x);
        return Helper2((1.0 - m_e) * log_x) * log_x;
    }
    double HIntegralInverse(double x) const {
        double t = x * (1.0 - m_e);
        if (t < -1.0) t = -1.0;
        return std::exp(Helper1(t) * x);
    }
    static double Helper1(double x) {
        return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
    }
    static double Helper2(double x) {
        return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x));
    }
    double m_n, m_e, m_h_x1 = 0, m_h_n = 0, m_s = 0;
};

}  // namespace gen
