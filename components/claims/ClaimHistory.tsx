"use client";

import { useEffect, useState } from "react";
import { describeEvent } from "@/lib/claims/history";
import { supersededReviewEvents } from "@/lib/claims/review";
import type { ClaimEventView } from "@/lib/claims/types";
import { formatDateTime } from "@/lib/format";
import { fetchClaimHistory } from "./api";

interface Props {
  claimId: string;
  /** The claim's version: history loaded for an older one is loaded again while open. */
  version: number;
}

type Loaded = { forVersion: number; history?: ClaimEventView[]; error?: string };

/** The claim's History disclosure: loaded when opened (the list does not carry history). */
export function ClaimHistory({ claimId, version }: Props) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const current = loaded?.forVersion === version;

  useEffect(() => {
    if (!open || current) return;
    let cancelled = false;
    void fetchClaimHistory(claimId).then((result) => {
      if (cancelled) return;
      setLoaded((previous) =>
        result.ok
          ? { forVersion: version, history: result.value.history }
          : { forVersion: version, history: previous?.history, error: result.message },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [open, current, claimId, version]);

  const history = loaded?.history;
  // Reversed before the stable sort, so events sharing a timestamp also come out newest first.
  const superseded = history ? supersededReviewEvents(history) : new Set<string>();
  const newestFirst = history ? [...history].reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at)) : [];
  return (
    <details className="claim-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>History{history ? ` (${history.length})` : ""}</summary>
      {open && !history && !loaded?.error && (
        <p className="muted claim-loading" role="status">
          Loading…
        </p>
      )}
      {loaded?.error && current && (
        <div className="form-error claim-problem" role="alert">
          <p>{loaded.error}</p>
          <button type="button" onClick={() => setLoaded(null)}>
            Try again
          </button>
        </div>
      )}
      {history && (
        <ol>
          {newestFirst.map((event) => (
            <li key={event.id}>
              {event.actor.name} {describeEvent(event)}
              {superseded.has(event.id) ? " (superseded)" : ""} ·{" "}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
