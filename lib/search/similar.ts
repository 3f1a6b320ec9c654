/**
 * Similar claims (issue 12): earlier claims in other articles with nearly the same wording. The
 * database finds candidates sharing the quote's significant words; this decides which are nearly
 * the same, by the overlap of their word sets.
 */

/** An earlier, rated claim in another article with nearly the same wording (issue 12). */
export interface SimilarClaim {
  id: string;
  articleId: string;
  articleTitle: string;
  quote: string;
  status: string;
  reviewState: string;
  author: { id: string; name: string };
  /** When it was last rated or changed. */
  at: string;
  similarity: number;
}

/** How many earlier claims a card shows. */
export const MAX_SIMILAR = 3;
/** Candidates the database returns for the overlap to judge. */
export const SIMILAR_CANDIDATES = 30;
/** Dice coefficient of the two word sets at or above which two quotes are "nearly the same". */
export const SIMILARITY_THRESHOLD = 0.6;
/** Words looked up per quote: the longest, most distinctive ones. */
const MAX_LOOKUP_WORDS = 12;

const STOP_WORDS = new Set(
  "a an and are as at be been but by for from had has have he her his in is it its of on or our she that the their them they this to was we were which who will with would not no".split(
    " ",
  ),
);

function wordSet(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word)));
}

/** The words to look candidates up by: distinct, not stop words, longest first. */
export function lookupWords(quote: string): string[] {
  return [...wordSet(quote)]
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, MAX_LOOKUP_WORDS);
}

/** 0 (no word in common) to 1 (the same words), ignoring case, punctuation and stop words. */
export function quoteSimilarity(a: string, b: string): number {
  const left = wordSet(a);
  const right = wordSet(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** The candidates nearly the same as the quote, most similar first, at most MAX_SIMILAR. */
export function pickSimilar<T extends { quote: string }>(
  quote: string,
  candidates: readonly T[],
): Array<T & { similarity: number }> {
  return candidates
    .map((candidate) => ({ ...candidate, similarity: quoteSimilarity(quote, candidate.quote) }))
    .filter((candidate) => candidate.similarity >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_SIMILAR);
}
