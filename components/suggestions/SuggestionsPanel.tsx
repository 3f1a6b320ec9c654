"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { SuggestionsView, SuggestionView } from "@/lib/claim-suggestions/types";
import { STRENGTH_LABEL } from "@/lib/claim-suggestions/visible";
import { plural } from "@/lib/format";

interface Props {
  enabled: boolean;
  onToggle(enabled: boolean): void;
  view: SuggestionsView | null;
  shown: SuggestionView[];
  error: string | null;
  /** Marks the suggestion's sentence as a claim; resolves true when saved. */
  onMark(suggestion: SuggestionView): Promise<boolean>;
  onDismiss(id: string): Promise<boolean>;
}

const QUOTE_MAX = 220;

/** What the list says about itself, announced politely as it changes. */
function statusOf(view: SuggestionsView | null, shown: number): string {
  if (!view || view.state === "pending") return "Finding suggestions…";
  if (view.state === "failed") return "Suggestions could not be found for this revision.";
  if (view.language === "other") return "Suggestions are available for English articles only.";
  const dismissed = view.dismissed ? ` (${plural(view.dismissed, "dismissed suggestion")} hidden)` : "";
  if (shown === 0) return `No check-worthy sentences left to suggest${dismissed}.`;
  return `${plural(shown, "suggestion")}, strongest first${dismissed}.`;
}

/**
 * "Suggest claims" and the ranked list of check-worthy sentences beside the claims (decision
 * 0023): each with its strength, **Mark as claim** (or Alt+M while it has focus) and **Dismiss**.
 */
export function SuggestionsPanel({ enabled, onToggle, view, shown, error, onMark, onDismiss }: Props) {
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // After a dismissal the item is gone: focus goes to the one now in its place.
  const focusIndex = useRef<number | null>(null);

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    focusIndex.current = null;
    const items = listRef.current?.querySelectorAll<HTMLElement>(":scope > li");
    if (items && items.length) items[Math.min(index, items.length - 1)]?.focus();
  }, [shown]);

  const act = async (suggestion: SuggestionView, index: number, action: "mark" | "dismiss") => {
    if (busy) return;
    setBusy(suggestion.id);
    // A dismissal hides the item at once (before the server answers): focus the next one then.
    if (action === "dismiss") focusIndex.current = index;
    const ok = action === "mark" ? await onMark(suggestion) : await onDismiss(suggestion.id);
    if (!ok) focusIndex.current = null;
    setBusy(null);
  };

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, suggestion: SuggestionView, index: number) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyM") {
      // Not the viewer's Alt+M (which marks the text selection): this suggestion.
      event.preventDefault();
      event.stopPropagation();
      void act(suggestion, index, "mark");
    }
  };

  const showInText = (id: string) =>
    document
      .querySelector(`[data-suggestion-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: "center", behavior: "smooth" });

  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <div className="suggestions-head">
        <h2 id={headingId}>Suggestions</h2>
        <label className="switch">
          <input type="checkbox" role="switch" checked={enabled} onChange={(event) => onToggle(event.target.checked)} />
          Suggest claims
        </label>
      </div>
      {enabled && (
        <>
          <p className="claims-count" aria-live="polite">
            {statusOf(view, shown.length)}
          </p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {shown.length > 0 && (
            <ol className="suggestion-list" aria-labelledby={headingId} ref={listRef}>
              {shown.map((suggestion, index) => (
                <li
                  key={suggestion.id}
                  tabIndex={0}
                  data-suggestion-id-item={suggestion.id}
                  aria-keyshortcuts="Alt+M"
                  aria-describedby={`${headingId}-hint`}
                  onKeyDown={(event) => onItemKeyDown(event, suggestion, index)}
                >
                  <span className={`strength-badge strength-${suggestion.strength}`}>
                    {STRENGTH_LABEL[suggestion.strength]}
                    <span className="claims-sr-only"> suggestion, score {Math.round(suggestion.score * 100)}%</span>
                  </span>{" "}
                  <q className="suggestion-quote" onClick={() => showInText(suggestion.id)}>
                    {suggestion.text.length > QUOTE_MAX
                      ? `${suggestion.text.slice(0, QUOTE_MAX - 1)}…`
                      : suggestion.text}
                  </q>
                  <span className="suggestion-actions">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy !== null}
                      onClick={() => void act(suggestion, index, "mark")}
                    >
                      Mark as claim
                    </button>
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => void act(suggestion, index, "dismiss")}
                    >
                      Dismiss
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          <p id={`${headingId}-hint`} className="suggestions-hint">
            Sentences a model finds worth checking, dotted in the text. Alt+M on a suggestion marks it as a claim;
            Dismiss hides it for everyone.
          </p>
        </>
      )}
    </section>
  );
}
