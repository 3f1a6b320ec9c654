"use client";

import { useId, useState, type FormEvent } from "react";
import { MAX_REVIEW_COMMENT } from "@/lib/claims/review";
import type { ReviewClaimInput } from "@/lib/claims/schemas";
import type { ClaimDetails } from "@/lib/claims/types";
import { reviewClaim } from "./api";
import { RequestProblemAlert } from "./RequestProblemAlert";
import { useClaimRequest } from "./useClaimRequest";
import { useReturnFocus } from "./useReturnFocus";

interface Props {
  claimId: string;
  /** The version the reviewer sees: a change by the author in between is a 409. */
  version: number;
  onClaimChanged(claim: ClaimDetails): void;
  onReload(id: string): Promise<void>;
}

/**
 * Approve and Return for changes, for another editor than the author while the claim awaits
 * review (lib/claims/review.ts canReview decides; the server checks again). A return says why.
 */
export function ReviewActions({ claimId, version, onClaimChanged, onReload }: Props) {
  const id = useId();
  const request = useClaimRequest();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const returnButtonRef = useReturnFocus<HTMLButtonElement>(returning);

  const send = (input: Omit<ReviewClaimInput, "version">, success: string) =>
    request.run(() => reviewClaim(claimId, { version, ...input }), onClaimChanged, success);

  function submitReturn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!comment.trim()) {
      request.report("Say what the author should change: returning a claim needs a comment.");
      return;
    }
    void send({ decision: "return", comment }, "Returned the claim to its author.");
  }

  return (
    <div className="claim-section claim-review-actions" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="claim-section-title">
        Review
      </h3>
      <RequestProblemAlert problem={request.problem} onReload={() => onReload(claimId)} onReloaded={request.clear} />
      <p className="claims-sr-only" aria-live="polite">
        {request.notice}
      </p>
      {returning ? (
        <form className="claim-return-form" onSubmit={submitReturn}>
          <label htmlFor={`${id}-comment`}>What should the author change?</label>
          <textarea
            id={`${id}-comment`}
            value={comment}
            maxLength={MAX_REVIEW_COMMENT}
            required
            readOnly={request.busy}
            autoFocus
            onChange={(event) => setComment(event.target.value)}
          />
          <div className="claim-actions">
            <button type="submit" disabled={request.busy}>
              Return
            </button>
            <button type="button" disabled={request.busy} onClick={() => setReturning(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="claim-actions">
          <button
            type="button"
            disabled={request.busy}
            onClick={() => void send({ decision: "approve" }, "Signed off on the claim.")}
          >
            Approve
          </button>
          <button ref={returnButtonRef} type="button" disabled={request.busy} onClick={() => setReturning(true)}>
            Return for changes
          </button>
        </div>
      )}
    </div>
  );
}
