"use client";

import { useCallback, useMemo, useState } from "react";
import type { SuggestionView } from "@/lib/claim-suggestions/types";
import type { PlacedClaim } from "@/lib/claims/placement";
import { savePreferences } from "@/components/suggestions/api";
import { useSuggestions } from "@/components/suggestions/useSuggestions";

/**
 * The workspace's suggested claims (decision 0023): the remembered "Suggest claims" toggle, the
 * suggestions outside every claim drawn on the page, and marking one through the same path as a
 * selected passage.
 */
export function useSuggestedClaims(
  articleId: string,
  initiallyOn: boolean,
  claims: readonly PlacedClaim[],
  markPassage: (range: { start: number; end: number }) => Promise<boolean>,
  onError: (message: string | null) => void,
) {
  const [enabled, setEnabled] = useState(initiallyOn);
  // Every claim drawn in this revision, whatever the filter: a sentence holding one is not suggested.
  const ranges = useMemo(
    () =>
      claims.flatMap((claim) =>
        claim.anchor.status === "anchored" ? [{ start: claim.anchor.start, end: claim.anchor.end }] : [],
      ),
    [claims],
  );
  const { view, shown, error, dismiss } = useSuggestions(articleId, enabled, ranges);

  const onToggle = useCallback(
    async (on: boolean) => {
      setEnabled(on);
      const result = await savePreferences({ suggestClaims: on });
      onError(result.ok ? null : `Your choice was not saved: ${result.message}`);
    },
    [onError],
  );
  const onMark = useCallback(
    (suggestion: SuggestionView) => markPassage({ start: suggestion.start, end: suggestion.end }),
    [markPassage],
  );
  const underlined = useMemo(() => (enabled ? shown : []), [enabled, shown]);

  return {
    underlined,
    panel: { enabled, onToggle: (on: boolean) => void onToggle(on), view, shown, error, onMark, onDismiss: dismiss },
  };
}
