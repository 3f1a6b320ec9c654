/**
 * Sentence splitting for news text, with UTF-16 offsets into the input so that a sentence can be
 * anchored in the article (a claim on it, an underline in the reading view).
 *
 * Rules, in order:
 * - a line break always ends a sentence (the app's plain text joins paragraphs with "\n"; a
 *   headline or a list item without a full stop is a sentence of its own);
 * - ".", "!", "?", "…" (or "...") followed by closing quotes/brackets and then whitespace is a
 *   candidate boundary; without whitespace after it ("3.5", "U.S.-led", "example.com") it is not;
 * - a candidate followed by a lowercase letter is not a boundary ("3 p.m. in Brussels",
 *   "“Why?” he asked");
 * - after a title that never ends a sentence (Mr., Dr., Gen., Sen., ...) there is no boundary;
 * - after an abbreviation that may end one (U.S., p.m., Inc., Jr., etc., a single initial "J.")
 *   there is a boundary only when the next word is one that usually starts a sentence ("The",
 *   "He", "But", ...), so "the U.S. President" and "J. R. R. Tolkien" stay whole, while
 *   "... at 3 p.m. The talks ..." splits;
 * - after "No.", "Vol.", "p.", "Art." and the like followed by a number there is no boundary.
 * The scan is linear in the text's length.
 */

export interface SentenceSpan {
  /** UTF-16 offset of the first character of the sentence in the input. */
  start: number;
  /** UTF-16 offset just after the last character. */
  end: number;
  /** input.slice(start, end), which has no surrounding whitespace. */
  text: string;
}

/** Titles and abbreviations that are followed by a name or a word of the same sentence. */
// prettier-ignore
const NEVER_FINAL = new Set([
    "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "maj", "cpl", "pvt", "rev", "fr", "mt", "ft", "pres", "supt", "insp", "hon", "amb", "messrs",
    "vs", "v", "cf", "approx", "ca", "dept", "univ", "assn", "bros", "e.g", "i.e", "viz", "figs",
    "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "blvd", "hwy", "tues", "thurs",
  "gens", "sens", "govs",
]);

/** Abbreviations that may end a sentence: split only when a usual sentence starter follows. */
// prettier-ignore
const MAYBE_FINAL = new Set([
  "inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "etc", "bn", "m", "mln", "kg", "km", "cm", "mm", "lb",
  "lbs", "oz", "min", "max", "est", "govt", "natl", "intl", "al", "st", "ave", "rd", "esq",
]);

/** Abbreviations followed by a number in the same sentence: "No. 10", "Vol. 3", "pp. 4–5". */
// prettier-ignore
const BEFORE_NUMBER = new Set(["no", "nos", "vol", "vols", "p", "pp", "art", "arts", "sec", "ch", "para", "tel", "fig", "op"]);

/** Words that usually begin a sentence: after an ambiguous abbreviation they signal a boundary. */
// prettier-ignore
const SENTENCE_STARTERS = new Set([
  "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "his",
  "her", "its", "their", "our", "my", "your", "but", "and", "or", "so", "yet", "if", "in", "on", "at", "as", "for",
  "after", "before", "when", "while", "since", "although", "though", "however", "meanwhile", "also", "still",
  "then", "now", "today", "yesterday", "earlier", "later", "many", "some", "most", "all", "no", "not", "one",
  "what", "who", "why", "how", "where", "which", "officials", "both", "each", "such", "other", "others",
  "instead", "during", "because", "despite", "under", "by", "from", "with", "without", "last", "next", "until",
]);

const CLOSERS = new Set(['"', "'", "”", "’", "»", ")", "]", "}", "›"]);
const TERMINALS = new Set([".", "!", "?", "…", "‽"]);

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
const isLineBreak = (ch: string | undefined) => ch === "\n" || ch === "\r" || ch === "\u2028" || ch === "\u2029";
const isLower = (ch: string | undefined) => ch !== undefined && /\p{Ll}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** The word just before position `dot` (exclusive), with inner dots kept: "U.S" for "U.S.", "p.m" for "p.m.". */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0) {
    const ch = text[i - 1]!;
    if (/[\p{L}\p{N}.]/u.test(ch)) i--;
    else break;
  }
  return text.slice(i, dot).replace(/^\.+/, "");
}

/** The next word after position `from`, skipping spaces and opening quotes/brackets. */
function wordAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && (isSpace(text[i]) || /[“‘"'«‹(\[]/u.test(text[i]!))) i++;
  let j = i;
  while (j < text.length && /[\p{L}\p{N}'’]/u.test(text[j]!)) j++;
  return text.slice(i, j);
}

/** Whether the full stop at `dot` (after `before`) ends its sentence, given what follows at `next`. */
function periodEnds(text: string, dot: number, next: number): boolean {
  const before = wordBefore(text, dot);
  const lower = before.toLowerCase();
  const following = wordAfter(text, next);
  const firstOfNext = following[0];
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && isDigit(firstOfNext)) return false;
  const initial = /^\p{Lu}$/u.test(before);
  const dotted = /^(\p{L}\.)+\p{L}$/u.test(before); // U.S, p.m, e.g
  if (initial || dotted || MAYBE_FINAL.has(lower)) {
    if (following === "") return true;
    return SENTENCE_STARTERS.has(following.toLowerCase()) && /^\p{Lu}/u.test(following);
  }
  return true;
}

/** Pushes the trimmed span text[start, end) when it holds anything but whitespace. */
function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  if (typeof text !== "string" || text.length === 0) return out;
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (isLineBreak(ch)) {
      pushTrimmed(text, start, i, out);
      start = i + 1;
      i++;
      continue;
    }
    if (!TERMINALS.has(ch)) {
      i++;
      continue;
    }
    // A run of terminals ("?!", "...", "…") then closing quotes and brackets.
    let j = i;
    while (j < n && TERMINALS.has(text[j]!)) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    const atEnd = j >= n;
    if (!atEnd && !isSpace(text[j])) {
      i = j;
      continue;
    }
    // Look past the whitespace at the next character; a line break is handled by the main loop.
    let k = j;
    while (k < n && isSpace(text[k]) && !isLineBreak(text[k])) k++;
    if (k < n && isLineBreak(text[k])) {
      i = k;
      continue;
    }
    let ends: boolean;
    if (atEnd || k >= n) ends = true;
    else if (isLower(text[k])) ends = false;
    else if (ch === "." && j - i === 1 + countClosers(text, i + 1, j)) ends = periodEnds(text, i, k);
    else ends = true;
    if (ends) {
      pushTrimmed(text, start, j, out);
      start = j;
    }
    i = j;
  }
  pushTrimmed(text, start, n, out);
  return out;
}

function countClosers(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (CLOSERS.has(text[i]!)) count++;
  return count;
}
