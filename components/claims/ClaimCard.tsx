"use client";

import { memo, useState, type MouseEvent } from "react";
import type { PlacedClaim } from "@/lib/claims/placement";
import { AdminClaimControls } from "./AdminClaimControls";
import { ChangedPassage } from "./ChangedPassage";
import { ClaimByline } from "./ClaimByline";
import { ClaimDetails } from "./ClaimDetails";
import { ClaimDiscussion } from "./ClaimDiscussion";
import { ClaimHistory } from "./ClaimHistory";
import { DisagreementNotice } from "./DisagreementNotice";
import { OwnClaimEditor } from "./OwnClaimEditor";
import { SimilarClaims } from "./SimilarClaims";
import { ReviewActions } from "./ReviewActions";
import { ReviewNotice } from "./ReviewNotice";
import { canReview } from "@/lib/claims/review";
import { shortQuote, statusClass } from "./text";
import type { ClaimActions, LoadedDetails } from "./types";

interface Props extends ClaimActions {
  claim: PlacedClaim;
  /** Its note and sources, once loaded (the card asks for them when it becomes active). */
  details: LoadedDetails | undefined;
  currentUserId: string;
  /** The claim the editor is looking at: shown expanded, outlined and focused. */
  active: boolean;
  /** Its discussion opens with the page (the claim an inbox link names). */
  discussionOpen?: boolean;
  /** A colleague changed this claim while it was open here: their name (the card offers a reload). */
  changedBy?: string | null;
  onDismissChanged?(): void;
  onActivate(id: string): void;
}

/** Memoised: of a thousand cards, a change redraws the ones whose props changed (see ClaimsPanel). */
export const ClaimCard = memo(function ClaimCard({
  claim,
  details,
  currentUserId,
  active,
  discussionOpen,
  changedBy = null,
  onDismissChanged,
  onActivate,
  ...actions
}: Props) {
  // Bumped by "Reload this claim": the editor's forms start again from the claim as saved now.
  const [formsEpoch, setFormsEpoch] = useState(0);
  const own = claim.author.id === currentUserId;
  const reviewable = canReview({ authorId: claim.author.id, reviewState: claim.review.state }, currentUserId);

  function activateOnClick(event: MouseEvent<HTMLElement>) {
    // Controls inside the card do their own thing; selecting text to copy it is not a request to jump.
    if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && event.currentTarget.contains(selection.anchorNode)) return;
    onActivate(claim.id);
  }

  return (
    <article
      // Only the active card has one: React calls it when the card becomes active (or mounts active).
      ref={active ? showActiveCard : undefined}
      tabIndex={-1}
      aria-label={`Claim: ${shortQuote(claim.quote.exact)}`}
      aria-current={active ? "true" : undefined}
      className={`claim-card ${statusClass(claim.status)}${active ? " is-active" : ""}${own ? " is-own" : ""}${
        claim.anchor.state === "needs_confirmation" ? " needs-confirmation" : ""
      }${claim.review.state === "awaiting_review" ? " awaiting-review" : ""}`}
      onClick={activateOnClick}
    >
      <div className="claim-card-head">
        <blockquote className="claim-quote">{`“${claim.quote.exact}”`}</blockquote>
        <button type="button" className="claim-small-button" onClick={() => onActivate(claim.id)}>
          Show in text
        </button>
      </div>
      <ClaimByline claim={claim} currentUserId={currentUserId} />
      <ReviewNotice review={claim.review} />
      {claim.anchor.state === "needs_confirmation" && <ChangedPassage claim={claim} {...actions} />}
      <DisagreementNotice disagreements={claim.disagreements} />
      {active && (
        <>
          {changedBy !== null && (
            <div className="notice notice-old claim-changed" role="status">
              <p>
                {changedBy || "A colleague"} changed this claim while you had it open. What you have not saved is kept.
              </p>
              <button
                type="button"
                onClick={() => {
                  setFormsEpoch((epoch) => epoch + 1);
                  onDismissChanged?.();
                  void actions.onReload(claim.id);
                }}
              >
                Reload this claim
              </button>
            </div>
          )}
          <SimilarClaims claimId={claim.id} />
          {details?.claim ? (
            own ? (
              <OwnClaimEditor key={formsEpoch} claim={details.claim} currentUserId={currentUserId} {...actions} />
            ) : (
              <>
                <ClaimDetails claim={details.claim} currentUserId={currentUserId} />
                {actions.adminPeople && (
                  <AdminClaimControls claim={details.claim} people={actions.adminPeople} {...actions} />
                )}
              </>
            )
          ) : details?.error ? (
            <LoadProblem message={details.error} onRetry={() => actions.onReload(claim.id)} />
          ) : (
            <p className="muted claim-loading" role="status">
              Loading…
            </p>
          )}
          {reviewable && (
            <ReviewActions
              claimId={claim.id}
              version={claim.version}
              onClaimChanged={actions.onClaimChanged}
              onReload={actions.onReload}
            />
          )}
          <ClaimHistory claimId={claim.id} version={claim.version} />
        </>
      )}
      <ClaimDiscussion
        claimId={claim.id}
        count={claim.replyCount}
        currentUserId={currentUserId}
        initiallyOpen={discussionOpen}
        onCount={actions.onReplyCount}
      />
    </article>
  );
});

/** The details could not be loaded: what the server said, and another try. */
function LoadProblem({ message, onRetry }: { message: string; onRetry(): Promise<void> }) {
  const [retrying, setRetrying] = useState(false);
  return (
    <div className="form-error claim-problem" role="alert">
      <p>{message}</p>
      <button
        type="button"
        disabled={retrying}
        onClick={() => {
          setRetrying(true);
          void onRetry().finally(() => setRetrying(false));
        }}
      >
        {retrying ? "Loading…" : "Try again"}
      </button>
    </div>
  );
}

/**
 * The active card is scrolled to and focused. A ref callback rather than an effect in every card:
 * of a thousand cards, one is active, and the others then cost React no effect to run.
 */
function showActiveCard(card: HTMLElement | null): void {
  if (!card) return;
  card.scrollIntoView({ block: "nearest" });
  if (!keepsFocus(card)) card.focus({ preventScroll: true });
}

const INTERACTIVE = "a, button, input, select, textarea, label, .claim-editor, .claim-history, .claim-discussion";

/** Focus stays where it is when it is already in this card, or the editor is typing in the panel. */
function keepsFocus(card: HTMLElement): boolean {
  const current = document.activeElement;
  if (!(current instanceof HTMLElement) || current === document.body) return false;
  if (card.contains(current)) return true;
  const panel = card.closest("[data-claims-panel]");
  const typing = current.matches(
    "textarea, select, input:not([type=radio]):not([type=checkbox]), [contenteditable=true]",
  );
  return typing && !!panel?.contains(current);
}
