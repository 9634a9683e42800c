#include "visual_text.hpp"

#include "cluster_glyphs.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <unordered_map>
#include <utility>

namespace chorus::shell {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kLam = 0x0644;
constexpr char32_t kTatweel = 0x0640;
constexpr char32_t kZeroWidthJoiner = 0x200D;

std::vector<char32_t> Decode(std::string_view utf8) {
    std::vector<char32_t> out;
    out.reserve(utf8.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    auto left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) {  // a byte that starts no valid sequence: one U+FFFD, as ImGui draws it
            cp = static_cast<utf8proc_int32_t>(kReplacement);
            n = 1;
        }
        out.push_back(static_cast<char32_t>(cp));
        p += n;
        left -= n;
    }
    return out;
}

void Append(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string Encode(const std::vector<char32_t>& cps) {
    std::string out;
    out.reserve(cps.size() * 2);
    for (char32_t cp : cps)
        Append(out, cp);
    return out;
}

const utf8proc_property_t& Property(char32_t cp) {
    return *utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
}

// --- Arabic shaping ------------------------------------------------------------

struct Forms {
    char32_t isolated = 0, final = 0, initial = 0, medial = 0;
};

// The presentation forms, read from Unicode's own decompositions (<initial> FEF3 -> 064A, ...).
struct ShapingTables {
    std::unordered_map<char32_t, Forms> letters;   // by letter
    std::unordered_map<char32_t, Forms> lam_alef;  // lam + this alef, as one ligature (isolated, final)
};

const ShapingTables& Shaping() {
    static const ShapingTables tables = [] {
        ShapingTables t;
        auto scan = [&t](char32_t first, char32_t last) {
            for (char32_t cp = first; cp <= last; ++cp) {
                const int type = Property(cp).decomp_type;
                if (type < UTF8PROC_DECOMP_TYPE_INITIAL || type > UTF8PROC_DECOMP_TYPE_ISOLATED) continue;
                std::string one;
                Append(one, cp);
                utf8proc_uint8_t* nfkc = nullptr;
                const utf8proc_ssize_t n = utf8proc_map(
                    reinterpret_cast<const utf8proc_uint8_t*>(one.data()), static_cast<utf8proc_ssize_t>(one.size()),
                    &nfkc, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
                if (n <= 0) continue;
                std::vector<char32_t> base = Decode(std::string_view(reinterpret_cast<const char*>(nfkc), n));
                std::free(nfkc);
                Forms* forms = nullptr;
                if (base.size() == 1) forms = &t.letters[base[0]];
                if (base.size() == 2 && base[0] == kLam) forms = &t.lam_alef[base[1]];
                if (!forms) continue;
                char32_t* slot = type == UTF8PROC_DECOMP_TYPE_ISOLATED  ? &forms->isolated
                                 : type == UTF8PROC_DECOMP_TYPE_FINAL   ? &forms->final
                                 : type == UTF8PROC_DECOMP_TYPE_INITIAL ? &forms->initial
                                                                        : &forms->medial;
                if (*slot == 0) *slot = cp;  // the first of duplicates is the common one
            }
        };
        scan(0xFB50, 0xFDFF);  // Arabic Presentation Forms-A (Persian, Urdu letters)
        scan(0xFE70, 0xFEFF);  // Arabic Presentation Forms-B
        return t;
    }();
    return tables;
}

// Joining types (Unicode ArabicShaping.txt), as far as the presentation forms tell them.
enum class Joining : uint8_t { None, Right, Dual, Causing, Transparent };

Joining JoiningOf(char32_t cp) {
    if (cp == kTatweel || cp == kZeroWidthJoiner) return Joining::Causing;
    if (cp < 0x0300) return Joining::None;  // no letter below joins, no mark is below
    const int category = Property(cp).category;
    if (category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_ME ||
        (category == UTF8PROC_CATEGORY_CF && cp != 0x200C))
        return Joining::Transparent;
    const auto& letters = Shaping().letters;
    auto it = letters.find(cp);
    if (it == letters.end()) return Joining::None;
    if (it->second.initial || it->second.medial) return Joining::Dual;
    if (it->second.final) return Joining::Right;
    return Joining::None;
}

bool JoinsForward(Joining j) {  // can join the letter after it
    return j == Joining::Dual || j == Joining::Causing;
}
bool JoinsBackward(Joining j) {  // can join the letter before it
    return j == Joining::Dual || j == Joining::Right || j == Joining::Causing;
}

bool HasArabic(const std::vector<char32_t>& cps) {
    return std::any_of(cps.begin(), cps.end(), [](char32_t cp) { return cp >= 0x0600 && cp <= 0x08FF; });
}

std::vector<char32_t> Shape(const std::vector<char32_t>& in) {
    const size_t n = in.size();
    std::vector<Joining> joining(n);
    for (size_t i = 0; i < n; ++i)
        joining[i] = JoiningOf(in[i]);
    // The nearest non-transparent neighbours.
    auto before = [&](size_t i) {
        while (i > 0)
            if (joining[--i] != Joining::Transparent) return joining[i];
        return Joining::None;
    };
    auto after = [&](size_t i) {
        while (++i < n)
            if (joining[i] != Joining::Transparent) return joining[i];
        return Joining::None;
    };
    const ShapingTables& tables = Shaping();
    std::vector<char32_t> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const char32_t cp = in[i];
        const Joining self = joining[i];
        if (self != Joining::Dual && self != Joining::Right) {
            out.push_back(cp);
            continue;
        }
        const bool joined_before = JoinsForward(before(i));
        if (cp == kLam) {  // lam + alef (marks between them allowed) is one ligature
            size_t k = i + 1;
            while (k < n && joining[k] == Joining::Transparent)
                ++k;
            auto lig = k < n ? tables.lam_alef.find(in[k]) : tables.lam_alef.end();
            if (lig != tables.lam_alef.end()) {
                char32_t form = joined_before && lig->second.final ? lig->second.final : lig->second.isolated;
                if (form) {
                    out.push_back(form);
                    out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(i + 1),
                               in.begin() + static_cast<std::ptrdiff_t>(k));
                    i = k;
                    continue;
                }
            }
        }
        const bool joined_after = self == Joining::Dual && JoinsBackward(after(i));
        const Forms& forms = tables.letters.at(cp);
        char32_t form = 0;
        if (joined_before && joined_after) form = forms.medial;
        if (!form && joined_before) form = forms.final;
        if (!form && joined_after && !joined_before) form = forms.initial;
        if (!form) form = forms.isolated;
        out.push_back(form ? form : cp);
    }
    return out;
}

// --- bidi --------------------------------------------------------------------

// Bidi classes of UAX #9 (utf8proc's numbering).
using Bidi = int;
constexpr Bidi kL = UTF8PROC_BIDI_CLASS_L, kR = UTF8PROC_BIDI_CLASS_R, kAL = UTF8PROC_BIDI_CLASS_AL,
               kEN = UTF8PROC_BIDI_CLASS_EN, kES = UTF8PROC_BIDI_CLASS_ES, kET = UTF8PROC_BIDI_CLASS_ET,
               kAN = UTF8PROC_BIDI_CLASS_AN, kCS = UTF8PROC_BIDI_CLASS_CS, kNSM = UTF8PROC_BIDI_CLASS_NSM,
               kBN = UTF8PROC_BIDI_CLASS_BN, kWS = UTF8PROC_BIDI_CLASS_WS, kS = UTF8PROC_BIDI_CLASS_S,
               kON = UTF8PROC_BIDI_CLASS_ON;

Bidi BidiOf(char32_t cp) {
    if (cp < 0x80) {  // the common case, without a table lookup
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return kL;
        if (cp >= '0' && cp <= '9') return kEN;
    }
    if (IsClusterGlyph(cp)) return kON;  // an emoji cluster's glyph (cluster_glyphs.hpp), as emoji are
    const Bidi b = Property(cp).bidi_class;
    switch (b) {
        case UTF8PROC_BIDI_CLASS_LRE:
        case UTF8PROC_BIDI_CLASS_LRO:
        case UTF8PROC_BIDI_CLASS_RLE:
        case UTF8PROC_BIDI_CLASS_RLO:
        case UTF8PROC_BIDI_CLASS_PDF:
        case UTF8PROC_BIDI_CLASS_LRI:
        case UTF8PROC_BIDI_CLASS_RLI:
        case UTF8PROC_BIDI_CLASS_FSI:
        case UTF8PROC_BIDI_CLASS_PDI: return kBN;  // explicit formatting is not supported: ignored (X9)
        case UTF8PROC_BIDI_CLASS_B: return kS;     // one string is one line
        case 0: return kL;                         // unassigned: left to right
        default: return b;
    }
}

bool IsRtl(Bidi b) {
    return b == kR || b == kAL || b == kAN;
}
bool IsNeutral(Bidi b) {
    return b == kWS || b == kON || b == kS || b == kBN;
}

// Bidi_Mirroring_Glyph for the paired punctuation seen in names and posts.
char32_t Mirror(char32_t cp) {
    static constexpr std::pair<char32_t, char32_t> kPairs[] = {
        {'(', ')'},       {'<', '>'},       {'[', ']'},       {'{', '}'},       {0x00AB, 0x00BB}, {0x2039, 0x203A},
        {0x2045, 0x2046}, {0x207D, 0x207E}, {0x208D, 0x208E}, {0x2208, 0x220B}, {0x2264, 0x2265}, {0x2266, 0x2267},
        {0x2282, 0x2283}, {0x2286, 0x2287}, {0x27E8, 0x27E9}, {0x2768, 0x2769}, {0x276A, 0x276B}, {0x276C, 0x276D},
        {0x276E, 0x276F}, {0x2770, 0x2771}, {0x2772, 0x2773}, {0x2774, 0x2775}, {0x2985, 0x2986}, {0x3008, 0x3009},
        {0x300A, 0x300B}, {0x300C, 0x300D}, {0x300E, 0x300F}, {0x3010, 0x3011}, {0x3014, 0x3015}, {0x3016, 0x3017},
        {0x3018, 0x3019}, {0x301A, 0x301B}, {0xFF08, 0xFF09}, {0xFF1C, 0xFF1E}, {0xFF3B, 0xFF3D}, {0xFF5B, 0xFF5D},
        {0xFF5F, 0xFF60}, {0xFF62, 0xFF63},
    };
    for (const auto& [a, b] : kPairs) {
        if (cp == a) return b;
        if (cp == b) return a;
    }
    return cp;
}

// A base character with the marks and invisible controls that follow it: reordered as one.
struct Unit {
    size_t begin, end;  // code points [begin, end)
    Bidi type;          // resolved class
    Bidi original;
    int level = 0;
};

std::vector<char32_t> Reorder(const std::vector<char32_t>& cps) {
    std::vector<Unit> units;
    units.reserve(cps.size());
    for (size_t i = 0; i < cps.size(); ++i) {
        const Bidi b = BidiOf(cps[i]);
        if ((b == kNSM || b == kBN) && !units.empty()) {
            units.back().end = i + 1;  // W1 (a mark takes its base's class) and X9 (controls are ignored)
            continue;
        }
        const Bidi type = b == kNSM || b == kBN ? kON : b;
        units.push_back({i, i + 1, type, type});
    }
    const size_t n = units.size();
    auto type = [&](size_t i) -> Bidi& { return units[i].type; };

    // P2, P3: the first strong character sets the paragraph's direction.
    int paragraph = 0;
    for (const Unit& u : units) {
        if (u.type == kL) break;
        if (u.type == kR || u.type == kAL) {
            paragraph = 1;
            break;
        }
    }
    const Bidi sos = paragraph ? kR : kL;

    // W2, W3: numbers after Arabic letters are Arabic numbers; AL is R.
    Bidi strong = sos;
    for (size_t i = 0; i < n; ++i) {
        if (type(i) == kL || type(i) == kR || type(i) == kAL) strong = type(i);
        if (type(i) == kEN && strong == kAL) type(i) = kAN;
    }
    for (size_t i = 0; i < n; ++i)
        if (type(i) == kAL) type(i) = kR;
    // W4: one separator between two numbers of the same kind joins them.
    for (size_t i = 1; i + 1 < n; ++i) {
        const Bidi a = type(i - 1), b = type(i + 1);
        if (type(i) == kES && a == kEN && b == kEN) type(i) = kEN;
        if (type(i) == kCS && a == b && (a == kEN || a == kAN)) type(i) = a;
    }
    // W5: terminators (%, currency) next to a European number belong to it.
    for (size_t i = 0; i < n; ++i) {
        if (type(i) != kET) continue;
        size_t j = i;
        while (j < n && type(j) == kET)
            ++j;
        const bool touches = (i > 0 && type(i - 1) == kEN) || (j < n && type(j) == kEN);
        for (size_t k = i; k < j; ++k)
            type(k) = touches ? kEN : kON;  // W6 for those that stay
        i = j - 1;
    }
    // W6: other separators are neutral.
    for (size_t i = 0; i < n; ++i)
        if (type(i) == kES || type(i) == kCS) type(i) = kON;
    // W7: European numbers in left-to-right text are left to right.
    strong = sos;
    for (size_t i = 0; i < n; ++i) {
        if (type(i) == kL || type(i) == kR) strong = type(i);
        if (type(i) == kEN && strong == kL) type(i) = kL;
    }
    // N1, N2: neutrals between two of the same direction take it, others the paragraph's.
    auto direction = [&](Bidi b) { return b == kL ? kL : kR; };  // numbers count as R here
    for (size_t i = 0; i < n; ++i) {
        if (!IsNeutral(type(i))) continue;
        size_t j = i;
        while (j < n && IsNeutral(type(j)))
            ++j;
        const Bidi left = i > 0 ? direction(type(i - 1)) : sos;
        const Bidi right = j < n ? direction(type(j)) : sos;
        for (size_t k = i; k < j; ++k)
            type(k) = left == right ? left : sos;
        i = j - 1;
    }
    // I1, I2: levels.
    int highest = paragraph;
    for (Unit& u : units) {
        if (paragraph == 0)
            u.level = u.type == kR ? 1 : (u.type == kAN || u.type == kEN) ? 2 : 0;
        else
            u.level = u.type == kR ? 1 : 2;
        highest = std::max(highest, u.level);
    }
    // L1: white space at the end sits at the paragraph's level.
    for (size_t i = n; i > 0 && (units[i - 1].original == kWS || units[i - 1].original == kS); --i)
        units[i - 1].level = paragraph;
    // L2: reverse every run at or above each level, from the highest to the lowest odd one.
    for (int level = highest; level >= 1; --level) {
        for (size_t i = 0; i < n; ++i) {
            if (units[i].level < level) continue;
            size_t j = i;
            while (j < n && units[j].level >= level)
                ++j;
            std::reverse(units.begin() + static_cast<std::ptrdiff_t>(i),
                         units.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    std::vector<char32_t> out;
    out.reserve(cps.size());
    for (const Unit& u : units) {
        // L4: mirrored glyphs in right-to-left runs. Marks come where the browser's glyphs expect them
        // (font_atlas.hpp): a left-to-right mark inks left of its pen (over the base before it), a
        // right-to-left one right of it (over the base drawn from the same pen), so it goes first.
        const bool rtl = u.level % 2 == 1;
        const char32_t base = cps[u.begin];
        const auto marks_begin = cps.begin() + static_cast<std::ptrdiff_t>(u.begin + 1);
        const auto marks_end = cps.begin() + static_cast<std::ptrdiff_t>(u.end);
        if (rtl) out.insert(out.end(), marks_begin, marks_end);
        out.push_back(rtl && Property(base).bidi_mirrored ? Mirror(base) : base);
        if (!rtl) out.insert(out.end(), marks_begin, marks_end);
    }
    return out;
}

bool HasRtl(const std::vector<char32_t>& cps) {
    return std::any_of(cps.begin(), cps.end(), [](char32_t cp) { return cp >= 0x0590 && IsRtl(BidiOf(cp)); });
}

bool MayNeedWork(std::string_view utf8) {
    // Every right-to-left character is at U+0590 or above: its UTF-8 starts with 0xD6 or more.
    return std::any_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xD6; });
}

}  // namespace

std::string ShapeArabic(std::string_view utf8) {
    if (!MayNeedWork(utf8)) return std::string(utf8);
    std::vector<char32_t> cps = Decode(utf8);
    if (!HasArabic(cps)) return std::string(utf8);
    return Encode(Shape(cps));
}

std::string VisualOrder(std::string_view utf8) {
    if (!MayNeedWork(utf8)) return std::string(utf8);
    std::vector<char32_t> cps = Decode(utf8);
    if (!HasRtl(cps)) return std::string(utf8);
    return Encode(Reorder(cps));
}

std::string VisualText(std::string_view utf8) {
    if (!MayNeedWork(utf8)) return std::string(utf8);
    std::vector<char32_t> cps = Decode(utf8);
    if (!HasRtl(cps)) return std::string(utf8);
    if (HasArabic(cps)) cps = Shape(cps);
    return Encode(Reorder(cps));
}

std::vector<char32_t> VisualVariants(char32_t cp) {
    std::vector<char32_t> out;
    auto add = [&out](const Forms& f) {
        for (char32_t form : {f.isolated, f.final, f.initial, f.medial})
            if (form) out.push_back(form);
    };
    if (cp >= 0x0600 && cp <= 0x08FF) {
        const ShapingTables& tables = Shaping();
        if (auto it = tables.letters.find(cp); it != tables.letters.end()) add(it->second);
        if (auto it = tables.lam_alef.find(cp); it != tables.lam_alef.end()) add(it->second);
        if (cp == kLam)
            for (const auto& [alef, forms] : tables.lam_alef)
                add(forms);
    }
    if (Property(cp).bidi_mirrored && Mirror(cp) != cp) out.push_back(Mirror(cp));
    return out;
}

}  // namespace chorus::shell
