/**
 * What a person typed into the search field, parsed into words, phrases and excluded words, so
 * that each database's query is built from parts instead of from the raw text: no quote, star,
 * NEAR or minus typed by a person ever reaches a full-text parser as syntax (decision 0020).
 */

/** Longer input is cut here; the result says so. A real query is a few words. */
export const MAX_QUERY_CHARS = 500;
/** Words, phrases and exclusions beyond these are ignored (each is one index lookup). */
export const MAX_QUERY_PARTS = 16;

export interface ParsedQuery {
  /** Single words every result contains (stemmed by the engine: "sanction" finds "sanctions"). */
  terms: string[];
  /** Runs of words that must appear together, in order ("Minsk talks"). */
  phrases: string[][];
  /** Words no result contains ("-Belarus"). */
  excluded: string[];
  /** True when the input was longer than MAX_QUERY_CHARS and only its start was searched. */
  truncated: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase());
}

/**
 * `"..."` is a phrase (an unbalanced quote runs to the end); a chunk starting with `-` is excluded;
 * a chunk of several words joined by punctuation ("pro-Russian", "U.S.") is a phrase; everything
 * that is not a letter or a digit separates words.
 */
export function parseQuery(input: string): ParsedQuery {
  const truncated = input.length > MAX_QUERY_CHARS;
  const text = truncated ? input.slice(0, MAX_QUERY_CHARS) : input;
  const parsed: ParsedQuery = { terms: [], phrases: [], excluded: [], truncated };
  const seen = new Set<string>();
  let parts = 0;
  const add = (kind: "term" | "phrase" | "excluded", words: string[]) => {
    if (words.length === 0 || parts >= MAX_QUERY_PARTS) return;
    const key = `${kind}:${words.join(" ")}`;
    if (seen.has(key)) return;
    seen.add(key);
    parts++;
    if (kind === "phrase" && words.length > 1) parsed.phrases.push(words);
    else if (kind === "excluded") parsed.excluded.push(...words.slice(0, 1));
    else parsed.terms.push(words[0]!);
  };
  const chunks = /"([^"]*)("|$)|(\S+)/g;
  for (let match = chunks.exec(text); match; match = chunks.exec(text)) {
    if (match[1] !== undefined) {
      add("phrase", wordsOf(match[1]));
      continue;
    }
    const chunk = match[3]!;
    if (chunk.includes('"')) {
      // A quote inside a chunk (`word"`): the quote is dropped, the words kept.
      for (const word of wordsOf(chunk)) add("term", [word]);
      continue;
    }
    const words = wordsOf(chunk);
    if (chunk.startsWith("-") && words.length === 1) add("excluded", words);
    else if (words.length > 1) add("phrase", words);
    else add("term", words);
  }
  return parsed;
}

/** A query with nothing to look for (empty, only punctuation, or only exclusions). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.terms.length === 0 && query.phrases.length === 0;
}

/** An FTS5 string literal: double quotes inside are doubled, so the text is never syntax. */
function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The SQLite FTS5 MATCH expression of a parsed query: every word and phrase quoted, all of them
 * required, exclusions by NOT. Null when there is nothing to look for.
 */
export function toFtsMatch(query: ParsedQuery): string | null {
  if (isEmptyQuery(query)) return null;
  const required = [...query.terms.map(ftsString), ...query.phrases.map((phrase) => ftsString(phrase.join(" ")))];
  const base = `(${required.join(" ")})`;
  return query.excluded.reduce((expr, word) => `${expr} NOT ${ftsString(word)}`, base);
}

/** Any of these words (for similar claims: ranked by how many match). */
export function toFtsAnyOf(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map(ftsString).join(" OR ");
}
