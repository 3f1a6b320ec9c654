/**
 * Check-worthy sentences of an article's plain text: split, keep what can be a claim, score,
 * keep those at or above the model's threshold, highest score first.
 */
import { detectLanguage, type Language } from "./language";
import { loadModel, type CheckworthinessModel } from "./model";
import { splitSentences, type SentenceSpan } from "./sentences";

export type SuggestionStrength = "strong" | "likely";

export interface ScoredSentence extends SentenceSpan {
  /** The model's score in [0, 1]. */
  score: number;
  strength: SuggestionStrength;
}

/**
 * Longer "sentences" are not suggested: no editor marks 1,000 characters as one claim, and such
 * runs are usually tables or text without punctuation. It also bounds the scoring time.
 */
export const MAX_SUGGESTED_CHARS = 1_000;
/** A sentence needs this many words to be a claim ("Thank you." is not). */
export const MIN_SUGGESTED_WORDS = 3;

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export function suggestSentences(
  text: string,
  model?: CheckworthinessModel,
): { language: Language; sentences: ScoredSentence[] } {
  const language = detectLanguage(text);
  if (language !== "en") return { language, sentences: [] };
  const candidates = splitSentences(text).filter(
    (sentence) => sentence.text.length <= MAX_SUGGESTED_CHARS && wordCount(sentence.text) >= MIN_SUGGESTED_WORDS,
  );
  if (candidates.length === 0) return { language, sentences: [] };
  const scorer = model ?? loadModel();
  const scores = scorer.score(candidates.map((sentence) => sentence.text));
  const sentences: ScoredSentence[] = [];
  candidates.forEach((sentence, i) => {
    const score = scores[i] ?? 0;
    if (score >= scorer.threshold) {
      sentences.push({ ...sentence, score, strength: score >= scorer.strongThreshold ? "strong" : "likely" });
    }
  });
  // Highest score first; equal scores keep the text's order.
  sentences.sort((a, b) => b.score - a.score || a.start - b.start);
  return { language, sentences };
}
