import { plural } from "@/lib/format";
import { STRENGTH_LABEL, type SuggestionStrength } from "@/lib/claim-suggestions/visible";
import type { SuggestionsLanguage, SuggestionsState } from "@/lib/claim-suggestions/types";
import type { ReportFormat } from "./formats";

/**
 * The report's optional section "Check-worthy sentences not checked" (decision 0023): the
 * suggestions of the covered revision that no claim (anyone's, whatever the report's scope)
 * covers and nobody dismissed, highest score first, and how many were dismissed. Dismissed
 * sentences are counted, not listed: someone decided they need no check.
 */

export const UNCHECKED_TITLE = "Check-worthy sentences not checked";

/** The formats with a place for it; the others (tables of claims, claim exports) refuse the option. */
export const UNCHECKED_FORMATS = ["pdf", "md", "json"] as const satisfies readonly ReportFormat[];

export const supportsUnchecked = (format: ReportFormat): boolean =>
  (UNCHECKED_FORMATS as readonly ReportFormat[]).includes(format);

export interface ReportUncheckedSentence {
  number: number;
  text: string;
  strength: SuggestionStrength;
  strengthLabel: string;
  /** The model's score in [0, 1]. */
  score: number;
}

export interface ReportUnchecked {
  state: SuggestionsState;
  language: SuggestionsLanguage | null;
  sentences: ReportUncheckedSentence[];
  /** Suggestions dismissed on the article (not listed). */
  dismissed: number;
  /** One sentence saying what the list is, or why there is none. */
  explanation: string;
}

/** What the section is made from: the revision's suggestions as a page shows them. */
export interface UncheckedInput {
  state: SuggestionsState;
  language: SuggestionsLanguage | null;
  /** Suggestions without a claim and not dismissed, highest score first. */
  sentences: ReadonlyArray<{ text: string; score: number; strength: SuggestionStrength }>;
  dismissed: number;
}

export function buildUnchecked(input: UncheckedInput): ReportUnchecked {
  const sentences = input.sentences.map((sentence, index) => ({
    number: index + 1,
    text: sentence.text,
    strength: sentence.strength,
    strengthLabel: STRENGTH_LABEL[sentence.strength],
    score: sentence.score,
  }));
  return { ...input, sentences, explanation: explain(input.state, input.language, sentences.length, input.dismissed) };
}

function explain(state: SuggestionsState, language: SuggestionsLanguage | null, count: number, dismissed: number): string {
  if (state === "pending") return "Factline is still finding the check-worthy sentences of this revision: export the report again in a minute.";
  if (state === "failed") return "The check-worthy sentences of this revision could not be found.";
  if (language === "other") return "Suggestions are available for English articles only.";
  const dismissedNote = dismissed
    ? ` ${plural(dismissed, "suggested sentence was", "suggested sentences were")} dismissed and ${dismissed === 1 ? "is" : "are"} not listed.`
    : "";
  if (count === 0) return `Every sentence the model found check-worthy holds a claim or was dismissed.${dismissedNote}`;
  return `${plural(count, "sentence")} the check-worthiness model suggested ${count === 1 ? "holds" : "hold"} no claim, strongest first.${dismissedNote}`;
}
