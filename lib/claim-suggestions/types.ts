import type { Language, SuggestionStrength } from "@/lib/suggestions";

/** "pending" until the revision's suggestions are computed (the page says "Finding suggestions…"). */
export type SuggestionsState = "pending" | "ready" | "failed";
export type SuggestionsLanguage = Language;

/** One suggestion as the page and the API carry it: offsets into the revision's text. */
export interface SuggestionView {
  id: string;
  start: number;
  end: number;
  text: string;
  score: number;
  strength: SuggestionStrength;
}

/** `GET /api/articles/{id}/suggestions`. */
export interface SuggestionsView {
  revision: number;
  state: SuggestionsState;
  /** null while pending. */
  language: SuggestionsLanguage | null;
  /** Undismissed suggestions on sentences without a claim, highest score first. */
  suggestions: SuggestionView[];
  /** How many of the revision's suggestions were dismissed on this article. */
  dismissed: number;
}
