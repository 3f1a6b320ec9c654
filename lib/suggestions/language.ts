/**
 * "Is this article English?", good enough to decide whether the English check-worthiness model
 * applies. No package: the share of the words that are English function words ("the", "of",
 * "and", ...) is high in any English prose (about 40%) and low in other languages, even those
 * in the Latin alphabet, whose own function words are counted for comparison. Text mostly in
 * another alphabet is "other" at once. Too little text to tell is "unknown".
 * Only the first MAX_CHARS characters are looked at: the time is bounded for any input.
 */

export type Language = "en" | "other" | "unknown";

const MAX_CHARS = 20_000;
const MIN_WORDS = 6;

// prettier-ignore
const ENGLISH = new Set([
  "the", "of", "and", "to", "a", "in", "is", "that", "it", "was", "for", "on", "are", "as", "with", "his", "they",
  "at", "be", "this", "have", "from", "or", "had", "by", "but", "not", "what", "all", "were", "we", "when", "your",
  "can", "said", "there", "an", "which", "she", "he", "their", "if", "will", "would", "been", "has", "who", "its",
  "more", "than", "them", "these", "so", "some", "her", "him", "into", "my", "our", "you", "i", "do", "does", "did",
  "about", "after", "also", "could", "should", "over", "out", "up", "no", "now", "only", "other", "such", "those",
  "while", "because", "very", "just", "any", "how", "why", "where", "most", "many", "one", "two",
]);

// Function words of other languages in the Latin alphabet (French, Spanish, German, Italian,
// Portuguese, Dutch, ...) that are not English words.
// prettier-ignore
const OTHER = new Set([
  "le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "qui", "que", "sur", "pas", "au", "aux", "avec",
  "ce", "il", "elle", "sont", "ont", "été", "par", "plus", "nous", "vous", "mais", "ou", "son", "sa", "ses",
  "el", "los", "las", "del", "y", "en", "un", "una", "es", "por", "con", "para", "como", "su", "lo", "al", "se", "más",
  "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu", "auf", "für", "von", "sich",
  "auch", "es", "wird", "sie", "wir", "ich", "aus", "bei", "nach", "oder", "wie", "dass",
  "di", "il", "che", "non", "per", "sono", "della", "delle", "gli", "nel", "alla", "è", "anche",
  "os", "da", "não", "uma", "ao", "em", "dos", "das", "mais", "foi", "pelo", "pela",
  "het", "een", "van", "niet", "zijn", "voor", "op", "ook", "aan", "maar", "wordt", "naar", "zich",
  "och", "att", "är", "jeg", "og", "er", "ikke", "det", "på", "w", "z", "się", "nie", "jest", "na", "że",
]);

export function detectLanguage(text: string): Language {
  if (typeof text !== "string") return "unknown";
  const sample = text.slice(0, MAX_CHARS);
  let letters = 0;
  let latin = 0;
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/\p{Script=Latin}/u.test(ch)) latin++;
    }
  }
  if (letters < 20) return "unknown";
  if (latin / letters < 0.5) return "other";
  const words = sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  if (words.length < MIN_WORDS) return "unknown";
  let english = 0;
  let other = 0;
  for (const word of words) {
    if (ENGLISH.has(word)) english++;
    else if (OTHER.has(word)) other++;
  }
  const englishShare = english / words.length;
  if (englishShare >= 0.15 && english > 1.5 * other) return "en";
  // Short English text may have few function words ("Biden signs climate bill"): say unknown
  // rather than other when nothing points at another language.
  if (words.length < 20 && other === 0) return "unknown";
  return "other";
}
