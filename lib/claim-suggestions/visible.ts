/**
 * Which stored suggestions a page shows (decision 0023): not those dismissed on the article, not
 * those on a sentence that already holds a claim (any overlap), highest score first.
 */

import type { SuggestionStrength } from "@/lib/suggestions";

export type { SuggestionStrength };

export interface StoredSuggestion {
  id: string;
  start: number;
  end: number;
  score: number;
  strength: SuggestionStrength;
  textKey: string;
}

export interface Range {
  start: number;
  end: number;
}

/** Two half-open ranges share at least one character (an empty range shares none). */
export const overlaps = (a: Range, b: Range): boolean =>
  a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;

export function visibleSuggestions<T extends StoredSuggestion>(
  suggestions: readonly T[],
  claims: readonly Range[],
  dismissedKeys: ReadonlySet<string>,
): T[] {
  // A few hundred suggestions against at most a few thousand claims: a plain scan is fast enough.
  return suggestions
    .filter(
      (suggestion) => !dismissedKeys.has(suggestion.textKey) && !claims.some((claim) => overlaps(suggestion, claim)),
    )
    .sort((a, b) => b.score - a.score || a.start - b.start);
}

export const STRENGTH_LABEL: Record<SuggestionStrength, string> = { strong: "Strong", likely: "Likely" };

export const isStrength = (value: string): value is SuggestionStrength => value === "strong" || value === "likely";
