import { createHash } from "node:crypto";

/**
 * The key a dismissal is stored under: the sentence's text with its whitespace collapsed, hashed
 * (a sentence may be 100,000 characters; an index on it may not). The same sentence in the next
 * revision, even moved or re-wrapped, has the same key, so a dismissal holds across revisions;
 * a sentence whose words changed is a new suggestion.
 */
export function suggestionTextKey(sentence: string): string {
  const normalized = sentence.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(normalized).digest("hex").slice(0, 32);
}

/** How much of a dismissed sentence is kept to say what was dismissed (the report, the database). */
export const DISMISSED_TEXT_MAX = 500;

export function shortenSentence(sentence: string, max = DISMISSED_TEXT_MAX): string {
  const flat = sentence.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
