#include "stop_words.hpp"

namespace chorus::core {
namespace {

// Each list: articles, pronouns, prepositions, conjunctions, auxiliary and very common verbs, and
// the pieces apostrophes leave. Kept short on purpose: a list that drops content words hides them.
// clang-format off
const StopWords kEnglish{
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
    "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don", "down", "during", "each", "few",
    "for", "from", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "ll", "me", "more", "most", "my", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "re", "s", "same", "she",
    "should", "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your", "yours", "m", "d", "rt", "amp"};
const StopWords kSpanish{
    "a", "al", "algo", "ante", "aquí", "así", "aunque", "cada", "como", "con", "cual", "cuando", "de", "del",
    "desde", "donde", "dos", "e", "el", "ella", "ellas", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso",
    "esta", "está", "están", "este", "esto", "estos", "fue", "ha", "hace", "han", "hasta", "hay", "la", "las",
    "le", "les", "lo", "los", "más", "me", "mi", "muy", "nada", "ni", "no", "nos", "o", "para", "pero", "por",
    "porque", "que", "qué", "se", "sea", "ser", "si", "sí", "sin", "sobre", "son", "su", "sus", "también", "te",
    "tiene", "todo", "todos", "tu", "tus", "un", "una", "uno", "unos", "y", "ya", "yo", "rt", "amp"};
const StopWords kFrench{
    "a", "à", "au", "aussi", "aux", "avec", "c", "ça", "ce", "cela", "ces", "cet", "cette", "d", "dans", "de",
    "des", "donc", "du", "elle", "elles", "en", "est", "et", "été", "être", "eu", "il", "ils", "j", "je", "l",
    "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "même", "mes", "moi", "mon", "n", "ne",
    "nos", "notre", "nous", "on", "ont", "ou", "où", "par", "pas", "plus", "pour", "qu", "que", "qui", "s", "sa",
    "sans", "se", "ses", "si", "son", "sont", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous", "tout", "tu",
    "un", "une", "vos", "votre", "vous", "y", "rt", "amp"};
const StopWords kGerman{
    "aber", "alle", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "da", "damit", "dann",
    "das", "dass", "dem", "den", "der", "des", "die", "dies", "diese", "dieser", "doch", "du", "durch", "ein",
    "eine", "einem", "einen", "einer", "es", "für", "hat", "hatte", "ich", "ihr", "ihre", "im", "in", "ist", "ja",
    "jetzt", "kann", "kein", "keine", "man", "mehr", "mich", "mir", "mit", "nach", "nicht", "noch", "nur", "ob",
    "oder", "sein", "seine", "sich", "sie", "sind", "so", "über", "um", "und", "uns", "unter", "vom", "von", "vor",
    "war", "was", "weil", "wenn", "wer", "wie", "wir", "wird", "zu", "zum", "zur", "rt", "amp"};
const StopWords kItalian{
    "a", "ai", "al", "alla", "alle", "anche", "c", "che", "chi", "ci", "come", "con", "da", "dal", "dalla",
    "dei", "del", "della", "delle", "di", "e", "è", "gli", "ha", "hanno", "i", "il", "in", "io", "l", "la", "le",
    "lei", "lo", "loro", "lui", "ma", "mi", "mio", "ne", "nei", "nel", "nella", "non", "noi", "o", "per", "perché",
    "più", "poi", "quando", "quello", "questa", "questo", "se", "si", "sia", "siamo", "sono", "su", "sua", "suo",
    "sul", "sulla", "ti", "tra", "tu", "tutto", "un", "una", "uno", "voi", "rt", "amp"};
const StopWords kPortuguese{
    "a", "à", "ao", "aos", "as", "até", "com", "como", "da", "das", "de", "do", "dos", "e", "é", "ela", "elas",
    "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "está", "este", "eu", "foi", "há", "isso",
    "isto", "já", "lhe", "mais", "mas", "me", "meu", "minha", "muito", "na", "não", "nas", "nem", "no", "nos",
    "nós", "o", "os", "ou", "para", "pela", "pelo", "por", "porque", "qual", "quando", "que", "se", "sem", "ser",
    "seu", "seus", "só", "sua", "suas", "também", "te", "tem", "um", "uma", "você", "vocês", "rt", "amp"};
// clang-format on

}  // namespace

const StopWords* StopWordsFor(std::string_view lang) {
    if (lang.size() < 2 || (lang.size() > 2 && lang[2] != '-' && lang[2] != '_')) return nullptr;
    char a = static_cast<char>(lang[0] | 0x20), b = static_cast<char>(lang[1] | 0x20);
    if (a == 'e' && b == 'n') return &kEnglish;
    if (a == 'e' && b == 's') return &kSpanish;
    if (a == 'f' && b == 'r') return &kFrench;
    if (a == 'd' && b == 'e') return &kGerman;
    if (a == 'i' && b == 't') return &kItalian;
    if (a == 'p' && b == 't') return &kPortuguese;
    return nullptr;
}

}  // namespace chorus::core
