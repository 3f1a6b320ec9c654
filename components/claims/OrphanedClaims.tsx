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

interface Props extends Pick<ClaimActions, "onClaimDeleted" | "onReload"> {
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
        highlighted. Check them against the new text.
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
}: { claim: OrphanedClaim; currentUserId: string } & Pick<ClaimActions, "onClaimDeleted" | "onReload">) {
  const request = useClaimRequest();
  return (
    <li className="claim-orphan">
      <blockquote className="claim-quote">“{claim.quote.exact}”</blockquote>
      <ClaimByline claim={claim} currentUserId={currentUserId} />
      <p className="muted claim-orphan-reason">{claim.anchor.reason}</p>
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
