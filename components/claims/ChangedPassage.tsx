"use client";

import { useMemo } from "react";
import { diffTexts } from "@/lib/articles/revision-diff";
import type { PlacedClaim } from "@/lib/claims/placement";
import { placeClaimAt } from "./api";
import { RequestProblemAlert } from "./RequestProblemAlert";
import type { ClaimActions } from "./types";
import { useClaimRequest } from "./useClaimRequest";

/**
 * A claim the engine found only approximately in the new revision: the passage it quoted and the
 * one it found, side by side with the differences marked, and the two ways on: Confirm (the
 * claim quotes the new text, its rating stays) or Re-attach (choose another passage).
 */
export function ChangedPassage({
  claim,
  ...actions
}: { claim: PlacedClaim } & Pick<ClaimActions, "onClaimChanged" | "onReload" | "canPlace" | "onReattach">) {
  const request = useClaimRequest();
  const before = claim.anchor.previous ?? "";
  const now = claim.quote.exact;
  const changes = useMemo(() => diffTexts(before, now), [before, now]);
  return (
    <section className="claim-changed" aria-label="The text changed here">
      <p className="claim-changed-title">The text changed here</p>
      <div className="claim-changed-columns">
        <div>
          <p className="claim-changed-label">Before</p>
          <p className="claim-changed-text">
            {changes.map((change, i) =>
              change.kind === "added" ? null : change.kind === "removed" ? <del key={i}>{change.text}</del> : <span key={i}>{change.text}</span>,
            )}
          </p>
        </div>
        <div>
          <p className="claim-changed-label">Now</p>
          <p className="claim-changed-text">
            {changes.map((change, i) =>
              change.kind === "removed" ? null : change.kind === "added" ? <ins key={i}>{change.text}</ins> : <span key={i}>{change.text}</span>,
            )}
          </p>
        </div>
      </div>
      {actions.canPlace(claim.author.id) ? (
        <>
          <RequestProblemAlert problem={request.problem} onReload={() => actions.onReload(claim.id)} onReloaded={request.clear} />
          <div className="claim-changed-actions">
            <button
              type="button"
              disabled={request.busy}
              onClick={() =>
                void request.run(
                  () => placeClaimAt(claim.id, { version: claim.version, decision: "confirm" }),
                  actions.onClaimChanged,
                  "Confirmed: the claim now quotes the new text.",
                )
              }
            >
              Confirm
            </button>
            <button type="button" disabled={request.busy} onClick={() => actions.onReattach(claim.id)}>
              Re-attach
            </button>
          </div>
          <p className="claims-sr-only" role="status">
            {request.notice}
          </p>
        </>
      ) : (
        <p className="muted claim-changed-hint">Its author or the article’s editor confirms where it now belongs.</p>
      )}
    </section>
  );
}
