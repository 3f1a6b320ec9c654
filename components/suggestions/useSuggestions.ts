"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { SuggestionsView, SuggestionView } from "@/lib/claim-suggestions/types";
import { overlaps, type Range } from "@/lib/claim-suggestions/visible";
import { dismissSuggestion, fetchSuggestions } from "./api";

/** How long to wait before asking again while the server is still finding suggestions. */
const POLL_MS = [500, 1000, 2000, 3000, 5000];

export interface SuggestionsHandle {
  /** null until first loaded (or when turned off). */
  view: SuggestionsView | null;
  /** The suggestions to show: the server's, minus those dismissed here and those a claim now covers. */
  shown: SuggestionView[];
  error: string | null;
  dismiss(id: string): Promise<boolean>;
}

/**
 * The article's suggestions while `enabled`: loaded from the server, asked again (less and less
 * often) while it says "pending", and kept in step with the claims marked on the page.
 */
export function useSuggestions(articleId: string, enabled: boolean, claims: readonly Range[]): SuggestionsHandle {
  const [view, setView] = useState<SuggestionsView | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (attempt: number) => {
      const result = await fetchSuggestions(articleId);
      if (stopped) return;
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      setView(result.value);
      if (result.value.state === "pending") {
        timer = setTimeout(() => void load(attempt + 1), POLL_MS[Math.min(attempt, POLL_MS.length - 1)]);
      }
    };
    void load(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [articleId, enabled]);

  const shown = useMemo(
    () =>
      (view?.suggestions ?? []).filter(
        (suggestion) => !hidden.has(suggestion.id) && !claims.some((claim) => overlaps(claim, suggestion)),
      ),
    [view, hidden, claims],
  );

  const dismiss = useCallback(async (id: string) => {
    setHidden((current) => new Set(current).add(id));
    const result = await dismissSuggestion(id);
    if (result.ok) {
      setError(null);
      return true;
    }
    setHidden((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
    setError(result.message);
    return false;
  }, []);

  return { view: enabled ? view : null, shown, error, dismiss };
}
