// Word lists, languages and hashtags for gen_dump: every text the generator writes is built from these.
#include "gen_text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace gen {

// --- text pieces, escaped once at start-up ----------------------------------------

void AppendHex4(std::string& out, uint32_t unit) {
    static const char* const kHex = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += kHex[(unit >> shift) & 0xF];
}

Token MakeToken(std::string_view utf8) {
    Token token;
    size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        uint32_t cp = lead;
        size_t len = 1;
        if (lead >= 0xF0) {
            cp = lead & 0x07u;
            len = 4;
        } else if (lead >= 0xE0) {
            cp = lead & 0x0Fu;
            len = 3;
        } else if (lead >= 0xC0) {
            cp = lead & 0x1Fu;
            len = 2;
        }
        for (size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        i += len;
        token.offsets.push_back(static_cast<uint16_t>(token.json.size()));
        if (cp == '"' || cp == '\\') {
            token.json += '\\';
            token.json += static_cast<char>(cp);
        } else if (cp < 0x20) {
            AppendHex4(token.json, cp);
        } else if (cp < 0x80) {
            token.json += static_cast<char>(cp);
        } else if (cp < 0x10000) {
            AppendHex4(token.json, cp);
        } else {
            const uint32_t v = cp - 0x10000;
            AppendHex4(token.json, 0xD800 + (v >> 10));
            AppendHex4(token.json, 0xDC00 + (v & 0x3FF));
        }
        ++token.cps;
    }
    token.offsets.push_back(static_cast<uint16_t>(token.json.size()));
    return token;
}

std::vector<Token> MakeTokens(std::initializer_list<std::string_view> words) {
    std::vector<Token> out;
    for (auto w : words)
        out.push_back(MakeToken(w));
    return out;
}

std::vector<Language> MakeLanguages() {
    std::vector<Language> langs;
    langs.push_back(
        {"en", 45, true,
         MakeTokens(
             {"we",      "you",      "they",    "this",    "that",      "is",       "was",      "are",     "not",
              "never",   "always",   "still",   "today",   "tonight",   "again",    "story",    "voice",   "voices",
              "silence", "listen",   "believe", "women",   "men",       "people",   "friends",  "work",    "office",
              "street",  "school",   "home",    "years",   "time",      "change",   "together", "enough",  "brave",
              "speak",   "spoke",    "heard",   "told",    "nobody",    "everyone", "hope",     "strong",  "tired",
              "angry",   "proud",    "thank",   "support", "safe",      "power",    "culture",  "respect", "trust",
              "truth",   "share",    "shared",  "read",    "reading",   "thread",   "wave",     "moment",  "movement",
              "justice", "equal",    "rights",  "stand",   "with",      "for",      "and",      "but",     "because",
              "when",    "why",      "how",     "what",    "who",       "here",     "every",    "many",    "more",
              "first",   "day",      "night",   "week",    "morning",   "world",    "online",   "again.",  "now.",
              "too.",    "this.",    "here.",   "all.",    "together.", "enough.",  "me",       "too",     "us",
              "our",     "my",       "your",    "their",   "must",      "can",      "will",     "should",  "have",
              "had",     "been",     "did",     "say",     "said",      "know",     "knew",     "see",     "feel",
              "felt",    "remember", "I",       "it",      "the",       "a",        "of",       "to",      "in",
              "on",      "at",       "so",      "just",    "really",    "finally",  "\"me",     "too\"",   "don't",
              "can't",   "won't",    "it's",    "I'm",     "we're",     "—",        "&amp;"}),
         MakeTokens({"Maya", "Jess", "Olivia", "Sam", "Priya", "Dana", "Kim", "Leah", "Rosa", "Tom", "Alex", "Nadia",
                     "Grace", "Chloe", "Imani", "Beth", "Marcus", "Ruth", "Tess"}),
         MakeTokens({"Brooklyn, NY", "Chicago, IL", "London", "Toronto", "Sydney", "Austin, TX", "Dublin",
                     "Seattle, WA", "Los Angeles, CA", "Manchester, England"})});
    langs.push_back(
        {"es", 11, true,
         MakeTokens({"nosotras", "siempre",   "nunca",   "todavía", "hoy",      "historia", "voz",     "silencio",
                     "escuchar", "creer",     "mujeres", "trabajo", "oficina",  "calle",    "escuela", "años",
                     "tiempo",   "cambiar",   "juntas",  "basta",   "valiente", "hablar",   "gracias", "apoyo",
                     "verdad",   "compartir", "miedo",   "también", "yo",       "cada",     "día",     "noche",
                     "mundo",    "ahora",     "más",     "el",      "la",       "los",      "las",     "y",
                     "pero",     "para",      "con",     "en",      "no",       "nadie",    "todas",   "corazón",
                     "¡basta!",  "¿por",      "qué?"}),
         MakeTokens({"Lucía", "Marta", "Carmen", "Sofía", "Valeria", "Ana", "Paula", "Diego", "Elena"}),
         MakeTokens({"Madrid", "Ciudad de México", "Buenos Aires", "Bogotá", "Barcelona", "Lima"})});
    langs.push_back(
        {"ja", 9, false,
         MakeTokens({"私も", "今日",   "ずっと",     "言えなかった", "声",     "沈黙",     "聞いて",  "信じる", "女性",
                     "仕事", "会社",   "電車",       "学校",         "何年も", "時間",     "変わる",  "一緒に", "もう",
                     "勇気", "話す",   "ありがとう", "支える",       "本当",   "怖かった", "毎日",    "夜",     "世界",
                     "今",   "もっと", "。",         "、",           "みんな", "それでも", "忘れない"}),
         MakeTokens({"さくら", "ゆい", "あおい", "はるか", "みさき", "りん", "けんた"}),
         MakeTokens({"東京", "大阪", "福岡", "札幌", "名古屋"})});
    langs.push_back(
        {"fr", 8, true,
         MakeTokens(
             {"nous",    "vous",    "elles",    "toujours", "jamais",  "encore", "aujourd'hui", "histoire",    "voix",
              "silence", "écouter", "croire",   "femmes",   "travail", "bureau", "rue",         "école",       "années",
              "temps",   "changer", "ensemble", "assez",    "courage", "parler", "témoignage",  "témoignages", "merci",
              "soutien", "pouvoir", "vérité",   "partager", "honte",   "colère", "moi",         "aussi",       "c'est",
              "ça",      "trop",    "chaque",   "jour",     "nuit",    "monde",  "métro",       "soir",        "déjà",
              "peur",    "parole",  "la",       "le",       "les",     "des",    "et",          "mais",        "pour",
              "avec",    "dans",    "pas",      "«",        "»"}),
         MakeTokens({"Camille", "Léa", "Manon", "Julie", "Claire", "Inès", "Sophie", "Louis", "Anaïs"}),
         MakeTokens({"Paris", "Lyon", "Marseille", "Montréal", "Bruxelles", "Toulouse"})});
    langs.push_back({"ar", 5, true,
                     MakeTokens({"نحن",    "دائما", "أبدا",   "اليوم",  "قصة",     "صوت",     "صمت",   "نسمع",  "نصدق",
                                 "النساء", "العمل", "المكتب", "الشارع", "المدرسة", "سنوات",   "وقت",   "تغيير", "معا",
                                 "كفى",    "شجاعة", "نتكلم",  "شكرا",   "دعم",     "الحقيقة", "نشارك", "خوف",   "أنا",
                                 "كمان",   "كل",    "يوم",    "ليل",    "العالم",  "الآن",    "أكثر",  "و",     "لكن",
                                 "من",     "في",    "لا",     "لن",     "نسكت",    "حق",      "حرية",  "كرامة"}),
                     MakeTokens({"ليلى", "نور", "سارة", "مريم", "هدى", "رنا", "دينا", "يوسف"}),
                     MakeTokens({"القاهرة", "بيروت", "عمّان", "تونس", "الرباط"})});
    langs.push_back(
        {"pt", 5, true,
         MakeTokens({"nós",      "sempre",   "nunca",     "ainda",    "hoje",         "história",   "voz",
                     "silêncio", "ouvir",    "acreditar", "mulheres", "trabalho",     "escritório", "rua",
                     "escola",   "anos",     "tempo",     "mudar",    "juntas",       "chega",      "coragem",
                     "falar",    "obrigada", "apoio",     "verdade",  "compartilhar", "medo",       "também",
                     "eu",       "cada",     "dia",       "noite",    "mundo",        "agora",      "mais",
                     "e",        "mas",      "para",      "com",      "não",          "ninguém",    "todas",
                     "porque",   "coração"}),
         MakeTokens({"Ana", "Beatriz", "Juliana", "Camila", "Larissa", "João", "Fernanda"}),
         MakeTokens({"São Paulo", "Rio de Janeiro", "Lisboa", "Porto", "Belo Horizonte"})});
    langs.push_back(
        {"it", 4, true,
         MakeTokens({"noi",       "sempre",      "mai",     "ancora", "oggi",     "storia",  "voce",   "silenzio",
                     "ascoltare", "credere",     "donne",   "lavoro", "ufficio",  "strada",  "scuola", "anni",
                     "tempo",     "cambiare",    "insieme", "basta",  "coraggio", "parlare", "grazie", "sostegno",
                     "verità",    "condividere", "paura",   "anche",  "io",       "ogni",    "giorno", "notte",
                     "mondo",     "adesso",      "più",     "il",     "la",       "le",      "e",      "ma",
                     "per",       "con",         "in",      "non",    "nessuno",  "tutte",   "perché", "città"}),
         MakeTokens({"Giulia", "Chiara", "Francesca", "Sara", "Elisa", "Luca", "Alessia"}),
         MakeTokens({"Roma", "Milano", "Napoli", "Torino", "Bologna"})});
    langs.push_back(
        {"de", 4, true,
         MakeTokens({"wir",      "immer",   "nie",      "noch",   "heute",   "Geschichte", "Stimme", "Schweigen",
                     "zuhören",  "glauben", "Frauen",   "Arbeit", "Büro",    "Straße",     "Schule", "Jahre",
                     "Zeit",     "ändern",  "zusammen", "genug",  "mutig",   "sprechen",   "danke",  "Unterstützung",
                     "Wahrheit", "teilen",  "Angst",    "auch",   "ich",     "jeden",      "Tag",    "Nacht",
                     "Welt",     "jetzt",   "mehr",     "der",    "die",     "das",        "und",    "aber",
                     "für",      "mit",     "in",       "nicht",  "niemand", "alle",       "weil",   "überall"}),
         MakeTokens({"Anna", "Lena", "Katrin", "Julia", "Miriam", "Jonas", "Sabine"}),
         MakeTokens({"Berlin", "Hamburg", "Wien", "München", "Köln", "Zürich"})});
    langs.push_back({"ko", 3, true,
                     MakeTokens({"나도",   "오늘", "항상",   "절대",     "이야기", "목소리", "침묵", "듣고",   "믿어요",
                                 "여성",   "일",   "회사",   "거리",     "학교",   "년",     "시간", "변화",   "함께",
                                 "충분해", "용기", "말해요", "고마워요", "지지",   "진실",   "공유", "두려움", "매일",
                                 "밤",     "세상", "지금",   "더",       "그리고", "하지만"}),
                     MakeTokens({"지민", "서연", "하은", "민지", "수빈"}), MakeTokens({"서울", "부산", "인천"})});
    langs.push_back(
        {"tr", 3, true,
         MakeTokens({"ben",      "de",    "bugün",    "her",   "zaman",       "asla",   "hikaye", "ses",    "sessizlik",
                     "dinle",    "inan",  "kadınlar", "iş",    "ofis",        "sokak",  "okul",   "yıllar", "değişim",
                     "birlikte", "yeter", "cesaret",  "konuş", "teşekkürler", "destek", "gerçek", "paylaş", "korku",
                     "gün",      "gece",  "dünya",    "şimdi", "daha",        "ve",     "ama",    "için",   "ile"}),
         MakeTokens({"Elif", "Zeynep", "Ayşe", "Merve", "Deniz"}), MakeTokens({"İstanbul", "Ankara", "İzmir"})});
    langs.push_back(
        {"hi", 2, true,
         MakeTokens({"मैं",      "भी",     "आज",   "हमेशा", "कभी", "नहीं", "कहानी", "आवाज़",  "चुप्पी", "सुनो", "विश्वास",
                     "महिलाएं", "काम",    "दफ़्तर", "सड़क",  "स्कूल", "साल", "समय",   "बदलाव", "साथ",  "बस",  "हिम्मत",
                     "बोलो",   "धन्यवाद", "सच",   "डर",   "हर",  "दिन", "रात",   "दुनिया", "अब",   "और",  "लेकिन"}),
         MakeTokens({"प्रिया", "अनन्या", "नेहा", "पूजा", "राहुल"}), MakeTokens({"मुंबई", "दिल्ली", "New Delhi", "Bengaluru"})});
    return langs;
}

std::vector<Token> MakeHashtags(size_t total) {
    auto tags = MakeTokens({"MeToo",
                            "metoo",
                            "Metoo",
                            "METOO",
                            "WomenBoycottTwitter",
                            "womenboycotttwitter",
                            "BalanceTonPorc",
                            "balancetonporc",
                            "MoiAussi",
                            "YoTambien",
                            "YoTambién",
                            "QuellaVoltaChe",
                            "AnaKaman",
                            "أنا_كمان",
                            "aufschrei",
                            "私も",
                            "미투",
                            "BreakTheSilence",
                            "SilenceBreakers",
                            "TIMEPOY"});
    const auto listed = MakeTokens({"women",
                                    "feminism",
                                    "equality",
                                    "harassment",
                                    "consent",
                                    "survivors",
                                    "BelieveSurvivors",
                                    "GenderEquality",
                                    "workplace",
                                    "Hollywood",
                                    "news",
                                    "solidarity",
                                    "IBelieveYou",
                                    "NoMore",
                                    "enough",
                                    "SpeakUp",
                                    "feminist",
                                    "WomensRights",
                                    "HumanRights",
                                    "SexualHarassment",
                                    "EndViolence",
                                    "love",
                                    "strength",
                                    "courage",
                                    "support",
                                    "listen",
                                    "truth",
                                    "justice",
                                    "media",
                                    "politics",
                                    "culture",
                                    "Twitter",
                                    "trending",
                                    "breaking",
                                    "USA",
                                    "UK",
                                    "France",
                                    "India",
                                    "Mexico",
                                    "Japan",
                                    "Egypt",
                                    "Italia",
                                    "Deutschland",
                                    "Brasil",
                                    "NYC",
                                    "London",
                                    "Paris",
                                    "Tokyo",
                                    "MondayMotivation",
                                    "tbt",
                                    "music",
                                    "film",
                                    "art",
                                    "books",
                                    "féminisme",
                                    "harcèlement",
                                    "igualdad",
                                    "NiUnaMenos",
                                    "女性",
                                    "セクハラ",
                                    "평등",
                                    "التحرش",
                                    "مساواة",
                                    "kadın",
                                    "महिला",
                                    "Frauen",
                                    "donne"});
    tags.insert(tags.end(), listed.begin(), listed.end());
    static const char* const kParts[] = {"Stand", "Speak",  "Safe", "Brave",    "Voices", "Women",   "Girls",  "Work",
                                         "Time",  "Change", "Hear", "Truth",    "Power",  "Justice", "Street", "School",
                                         "Night", "Hope",   "Rise", "Together", "Future", "Home",    "City",   "Now"};
    constexpr size_t kPartCount = sizeof(kParts) / sizeof(kParts[0]);
    for (size_t i = 0; tags.size() < total; ++i) {
        // The long tail: invented two-word tags, some with a number, all distinct.
        std::string tag = std::string(kParts[i % kPartCount]) + kParts[(i / kPartCount) % kPartCount];
        if (i >= kPartCount * kPartCount) tag += std::to_string(i / (kPartCount * kPartCount));
        tags.push_back(MakeToken(tag));
    }
    return tags;
}

const std::vector<Token>& Emoji() {
    static const auto kEmoji = MakeTokens({"💪", "✊", "💜", "🙏", "❤️", "😢", "😡", "🌹", "👏", "💔"});
    return kEmoji;
}

const Token& Ellipsis() {
    static const Token kToken = MakeToken("…");
    return kToken;
}

const Token& WideHashSign() {
    static const Token kToken = MakeToken("＃");
    return kToken;
}

}  // namespace gen
