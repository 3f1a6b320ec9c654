"use client";

import { useEffect, useRef, useState, type MouseEvent } from "react";
import type { PlacedClaim } from "@/lib/claims/placement";
import { ClaimByline } from "./ClaimByline";
import { ClaimDetails } from "./ClaimDetails";
import { ClaimHistory } from "./ClaimHistory";
import { DisagreementNotice } from "./DisagreementNotice";
import { OwnClaimEditor } from "./OwnClaimEditor";
import { shortQuote, statusClass } from "./text";
import type { ClaimActions, LoadedDetails } from "./types";

interface Props extends ClaimActions {
  claim: PlacedClaim;
  /** Its note and sources, once loaded (the card asks for them when it becomes active). */
  details: LoadedDetails | undefined;
  currentUserId: string;
  /** The claim the editor is looking at: shown expanded, outlined and focused. */
  active: boolean;
  onActivate(id: string): void;
}

export function ClaimCard({ claim, details, currentUserId, active, onActivate, ...actions }: Props) {
  const ref = useRef<HTMLElement>(null);
  const own = claim.author.id === currentUserId;

  useEffect(() => {
    const card = ref.current;
    if (!active || !card) return;
    card.scrollIntoView({ block: "nearest" });
    if (!keepsFocus(card)) card.focus({ preventScroll: true });
  }, [active]);

  function activateOnClick(event: MouseEvent<HTMLElement>) {
    // Controls inside the card do their own thing; selecting text to copy it is not a request to jump.
    if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed && event.currentTarget.contains(selection.anchorNode)) return;
    onActivate(claim.id);
  }

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-label={`Claim: ${shortQuote(claim.quote.exact)}`}
      aria-current={active ? "true" : undefined}
      className={`claim-card ${statusClass(claim.status)}${active ? " is-active" : ""}${own ? " is-own" : ""}`}
      onClick={activateOnClick}
    >
      <div className="claim-card-head">
        <blockquote className="claim-quote">“{claim.quote.exact}”</blockquote>
        <button type="button" className="claim-small-button" onClick={() => onActivate(claim.id)}>
          Show in text
        </button>
      </div>
      <ClaimByline claim={claim} currentUserId={currentUserId} />
      <DisagreementNotice disagreements={claim.disagreements} />
      {active && (
        <>
          {details?.claim ? (
            own ? (
              <OwnClaimEditor claim={details.claim} currentUserId={currentUserId} {...actions} />
            ) : (
              <ClaimDetails claim={details.claim} currentUserId={currentUserId} />
            )
          ) : details?.error ? (
            <LoadProblem message={details.error} onRetry={() => actions.onReload(claim.id)} />
          ) : (
            <p className="muted claim-loading" role="status">
              Loading…
            </p>
          )}
          <ClaimHistory claimId={claim.id} version={claim.version} />
        </>
      )}
    </article>
  );
}

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

const INTERACTIVE = "a, button, input, select, textarea, label, .claim-editor, .claim-history";

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
