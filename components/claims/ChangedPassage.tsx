"use client";

import { useMemo } from "react";
import { diffTexts, type TextChange } from "@/lib/articles/revision-diff";
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
        <DiffSide label="Before" changes={changes} side="removed" />
        <DiffSide label="Now" changes={changes} side="added" />
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

/** One side of the diff: the text it had, its own changes marked (deleted before, inserted now). */
function DiffSide({ label, changes, side }: { label: string; changes: TextChange[]; side: "removed" | "added" }) {
  const Mark = side === "removed" ? "del" : "ins";
  return (
    <div>
      <p className="claim-changed-label">{label}</p>
      <p className="claim-changed-text">
        {changes.map((change, i) =>
          change.kind === "same" ? (
            <span key={i}>{change.text}</span>
          ) : change.kind === side ? (
            <Mark key={i}>{change.text}</Mark>
          ) : null,
        )}
      </p>
    </div>
  );
}
