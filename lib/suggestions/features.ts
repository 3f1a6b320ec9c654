/**
 * The features of one sentence, shared by training (scripts/checkworthiness/train.ts) and
 * scoring (model.ts) so that both see exactly the same thing. A sentence becomes a sparse vector
 * of named features, in groups, each group scaled to unit length (as TF-IDF with L2
 * normalisation does), so that a long sentence does not outweigh a short one:
 * - "w:" word unigrams and "b:" bigrams of the lowercased tokens, numbers folded to a shape
 *   ("<num>", "<year>", "<pct>") so that "3.5 million" and "12 million" look alike;
 * - "c:" character n-grams inside words (catch morphology: "-ed", "-est", "percent");
 * - "f:" a few cues of a checkable claim: a number, a percentage, money, a year, a comparative,
 *   the sentence's length, a question, first/second person.
 * Only the first MAX_FEATURE_CHARS characters are read: scoring time is bounded for any input.
 */

export const MAX_FEATURE_CHARS = 1_000;

export interface FeatureConfig {
  /** Word n-gram orders, e.g. [1, 2]. */
  wordNgrams: number[];
  /** Character n-gram lengths inside words, e.g. [3, 4, 5]; [] for none. */
  charNgrams: number[];
  /** Whether to add the "f:" cue features. */
  cues: boolean;
}

export type FeatureVector = Map<string, number>;

const TOKEN = /[\p{L}][\p{L}\p{M}'’-]*|\d[\d,.]*%?|[$€£%]|[?!]/gu;

/** Lowercased tokens; numbers replaced by their shape. */
export function tokens(text: string): string[] {
  const source = text.slice(0, MAX_FEATURE_CHARS).toLowerCase().replace(/[’‘]/g, "'");
  const out: string[] = [];
  for (const match of source.matchAll(TOKEN)) {
    out.push(shape(match[0]));
  }
  return out;
}

function shape(token: string): string {
  const first = token.charCodeAt(0);
  if (first < 48 || first > 57) return token.replace(/^'+|'+$/g, "");
  if (token.endsWith("%")) return "<pct>";
  if (/^(1[89]|20)\d\d$/.test(token)) return "<year>";
  if (/^\d+(st|nd|rd|th)$/.test(token)) return "<ord>";
  if (/[.,]\d/.test(token) && /\./.test(token)) return "<dec>";
  return "<num>";
}

const COMPARATIVE = new Set([
  "more",
  "less",
  "fewer",
  "most",
  "least",
  "higher",
  "lower",
  "larger",
  "smaller",
  "bigger",
  "greater",
  "better",
  "worse",
  "highest",
  "lowest",
  "largest",
  "biggest",
  "best",
  "worst",
  "increase",
  "increased",
  "decrease",
  "decreased",
  "doubled",
  "tripled",
  "cut",
  "rose",
  "fell",
  "percent",
  "million",
  "billion",
  "trillion",
]);
const FIRST_SECOND = new Set(["i", "i'm", "i've", "i'll", "i'd", "me", "my", "you", "your", "we'll", "let's"]);

function addUnitGroup(vector: FeatureVector, counts: Map<string, number>): void {
  let norm = 0;
  for (const value of counts.values()) norm += value * value;
  if (norm === 0) return;
  const scale = 1 / Math.sqrt(norm);
  for (const [key, value] of counts) vector.set(key, value * scale);
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function featuresOf(text: string, config: FeatureConfig): FeatureVector {
  const vector: FeatureVector = new Map();
  const words = tokens(text);
  const wordCounts = new Map<string, number>();
  const padded = ["<s>", ...words, "</s>"];
  for (const order of config.wordNgrams) {
    if (order === 1) {
      for (const word of words) count(wordCounts, "w:" + word);
    } else if (order === 2) {
      for (let i = 0; i + 2 <= padded.length; i++) count(wordCounts, "b:" + padded[i] + " " + padded[i + 1]);
    } else {
      for (let i = 0; i + order <= padded.length; i++) count(wordCounts, "t:" + padded.slice(i, i + order).join(" "));
    }
  }
  // Sublinear term frequency: a word said three times is not three times the evidence.
  for (const [key, value] of wordCounts) wordCounts.set(key, 1 + Math.log(value));
  addUnitGroup(vector, wordCounts);

  if (config.charNgrams.length > 0) {
    const charCounts = new Map<string, number>();
    for (const word of words) {
      const padded = ` ${word} `;
      for (const length of config.charNgrams) {
        for (let i = 0; i + length <= padded.length; i++) count(charCounts, "c:" + padded.slice(i, i + length));
      }
    }
    for (const [key, value] of charCounts) charCounts.set(key, 1 + Math.log(value));
    addUnitGroup(vector, charCounts);
  }

  if (config.cues) {
    const cues = new Map<string, number>();
    const has = (name: string) => cues.set("f:" + name, 1);
    let numbers = 0;
    let comparatives = 0;
    let person = 0;
    for (const word of words) {
      if (word.startsWith("<") && word !== "<ord>") numbers++;
      if (word === "<pct>" || word === "percent") has("percent");
      if (word === "$" || word === "€" || word === "£" || word === "dollars") has("money");
      if (word === "<year>") has("year");
      if (COMPARATIVE.has(word)) comparatives++;
      if (FIRST_SECOND.has(word)) person++;
    }
    if (numbers > 0) has("number");
    if (numbers > 1) has("numbers2");
    if (comparatives > 0) has("comparative");
    if (person > 0) has("person");
    if (words.includes("?")) has("question");
    const length = words.length;
    has(length < 6 ? "len<6" : length < 12 ? "len<12" : length < 25 ? "len<25" : length < 40 ? "len<40" : "len40+");
    addUnitGroup(vector, cues);
  }
  return vector;
}
