"use client";

import { useId } from "react";
import type { PlacedClaim } from "@/lib/claims/placement";
import { removeClaim } from "./api";
import { ClaimByline } from "./ClaimByline";
import { DeleteClaim } from "./DeleteClaim";
import { RequestProblemAlert } from "./RequestProblemAlert";
import type { ClaimActions } from "./types";
import { useClaimRequest } from "./useClaimRequest";

export type OrphanedClaim = PlacedClaim & { anchor: Extract<PlacedClaim["anchor"], { status: "orphaned" }> };

interface Props extends Pick<ClaimActions, "onClaimDeleted" | "onReload" | "canPlace" | "onReattach"> {
  claims: OrphanedClaim[];
  currentUserId: string;
}

/** Claims whose passage the edited article no longer contains: listed, never highlighted. */
export function OrphanedClaims({ claims, currentUserId, ...actions }: Props) {
  const headingId = useId();
  if (claims.length === 0) return null;
  return (
    <section className="claims-orphaned" aria-labelledby={headingId}>
      <h3 id={headingId}>Could not be placed</h3>
      <p className="muted">
        The article text has changed since these passages were marked, and they were not found in it, so they are not
        highlighted. Re-attach each to the passage it belongs to now: its rating, sources and history stay.
      </p>
      <ul>
        {claims.map((claim) => (
          <OrphanedClaimItem key={claim.id} claim={claim} currentUserId={currentUserId} {...actions} />
        ))}
      </ul>
    </section>
  );
}

function OrphanedClaimItem({
  claim,
  currentUserId,
  onClaimDeleted,
  onReload,
  canPlace,
  onReattach,
}: { claim: OrphanedClaim; currentUserId: string } & Pick<
  ClaimActions,
  "onClaimDeleted" | "onReload" | "canPlace" | "onReattach"
>) {
  const request = useClaimRequest();
  return (
    <li className="claim-orphan" aria-label={`Claim that could not be placed: ${claim.quote.exact.slice(0, 60)}`}>
      <blockquote className="claim-quote">“{claim.quote.exact}”</blockquote>
      <ClaimByline claim={claim} currentUserId={currentUserId} />
      <p className="muted claim-orphan-reason">{claim.anchor.reason}</p>
      {canPlace(claim.author.id) && (
        <button type="button" onClick={() => onReattach(claim.id)}>
          Re-attach
        </button>
      )}
      {claim.author.id === currentUserId && (
        <>
          <RequestProblemAlert problem={request.problem} onReload={() => onReload(claim.id)} onReloaded={request.clear} />
          <DeleteClaim
            busy={request.busy}
            onDelete={() =>
              void request.run(
                () => removeClaim(claim.id, claim.version),
                () => onClaimDeleted(claim.id),
              )
            }
          />
        </>
      )}
    </li>
  );
}
