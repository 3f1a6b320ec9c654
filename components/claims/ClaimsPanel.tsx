"use client";

import { useCallback, useId, useMemo, useRef } from "react";
import { editorsOf, matchesFilter, reviewCounts, statusCounts, type ClaimFilterState } from "@/lib/claims/filter";
import type { PlacedClaim } from "@/lib/claims/placement";
import type { ClaimDetails, People, PersonRef } from "@/lib/claims/types";
import { plural } from "@/lib/format";
import { ClaimCard } from "./ClaimCard";
import { ClaimFilters } from "./ClaimFilters";
import { OrphanedClaims, type OrphanedClaim } from "./OrphanedClaims";
import { StatusLegend } from "./StatusLegend";
import type { LoadedDetails } from "./types";
import { useReusedClaims } from "./useReusedClaims";
import { useRestAfterHydration } from "./useRestAfterHydration";

export interface ClaimsPanelProps {
  /** Every live claim of the article, placed (unfiltered). */
  claims: PlacedClaim[];
  /** The names of the claims' authors. */
  people: People;
  /** Loaded details by claim id (the active card's, and earlier ones). */
  details: Readonly<Record<string, LoadedDetails>>;
  currentUser: { id: string; name: string };
  filter: ClaimFilterState;
  onFilterChange(filter: ClaimFilterState): void;
  /** The card to show expanded and focused. */
  activeClaimId: string | null;
  /** A card or its "Show in text" button was chosen: the workspace scrolls to the highlight. */
  onActivate(id: string): void;
  /** After a successful PATCH, with the server's response. */
  onClaimChanged(claim: ClaimDetails): void;
  onClaimDeleted(id: string): void;
  /** Re-reads one claim (after a 409 conflict or a failed load). */
  onReload(id: string): Promise<void>;
  /** Whether this editor may confirm or re-attach a claim by `authorId`. */
  canPlace(authorId: string): boolean;
  onReattach(id: string): void;
  /** Admins only: who a colleague's claim may be reassigned to. */
  adminPeople: ReadonlyArray<PersonRef> | null;
  onReplyCount(id: string, count: number): void;
  /** The claim whose discussion opens with the page (an inbox link), if any. */
  discussionOpenFor?: string | null;
  /** The open claim a colleague changed while it was open here, and who (live updates). */
  changedUnderneath?: { claimId: string; by: string } | null;
  onDismissChanged?(): void;
}

/**
 * Cards that come with the page (more than a tall panel shows, so that scrolling finds cards at
 * once); the rest are rendered in the browser right after hydration (see useRestAfterHydration).
 */
const FIRST_CARDS = 20;

type AnchoredClaim = PlacedClaim & { anchor: Extract<PlacedClaim["anchor"], { status: "anchored" }> };

export function ClaimsPanel(props: ClaimsPanelProps) {
  const { currentUser, filter, activeClaimId, onClaimDeleted, people } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A thousand cards: each redraws only when its own claim (or whether it is active) changed.
  const claims = useReusedClaims(props.claims);
  const shown = useMemo(
    () => claims.filter((claim) => matchesFilter(claim, filter, currentUser.id)),
    [claims, filter, currentUser.id],
  );
  const anchored = useMemo(() => shown.filter(isAnchored).sort(inReadingOrder), [shown]);
  const cards = useRestAfterHydration(anchored, FIRST_CARDS);
  const orphans = useMemo(
    () => shown.filter((claim): claim is OrphanedClaim => claim.anchor.status === "orphaned"),
    [shown],
  );
  const counts = useMemo(() => statusCounts(claims, filter, currentUser.id), [claims, filter, currentUser.id]);
  const byReview = useMemo(() => reviewCounts(claims, filter, currentUser.id), [claims, filter, currentUser.id]);
  const editors = useMemo(() => editorsOf(claims, people, currentUser.id), [claims, people, currentUser.id]);

  const dropClaim = useCallback(
    (id: string) => {
      // The deleted card takes the focused button with it: land on the panel, not on <body>.
      const focus = document.activeElement;
      if (!focus || focus === document.body || headingRef.current?.parentElement?.contains(focus)) {
        headingRef.current?.focus();
      }
      onClaimDeleted(id);
    },
    [onClaimDeleted],
  );
  const actions = {
    onClaimChanged: props.onClaimChanged,
    onReload: props.onReload,
    onClaimDeleted: dropClaim,
    canPlace: props.canPlace,
    onReattach: props.onReattach,
    adminPeople: props.adminPeople,
    onReplyCount: props.onReplyCount,
  };

  return (
    <section className="claims" aria-labelledby={headingId} data-claims-panel="">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Claims
      </h2>
      {claims.length === 0 ? (
        <p className="claims-empty">
          No claims yet. Select a passage in the article and choose Mark as claim (or press Alt+M).
        </p>
      ) : (
        <>
          <p className="claims-count" aria-live="polite">
            {shown.length} of {plural(claims.length, "claim")} shown
          </p>
          <ClaimFilters
            filter={filter}
            onFilterChange={props.onFilterChange}
            editors={editors}
            counts={counts}
            reviewCounts={byReview}
          />
          <StatusLegend counts={counts} />
          {shown.length === 0 && <p className="claims-empty">No claims match these filters.</p>}
          {cards.length > 0 && (
            <ol className="claim-list">
              {cards.map((claim) => (
                <li key={claim.id}>
                  <ClaimCard
                    claim={claim}
                    details={props.details[claim.id]}
                    currentUserId={currentUser.id}
                    active={claim.id === activeClaimId}
                    discussionOpen={claim.id === props.discussionOpenFor}
                    changedBy={props.changedUnderneath?.claimId === claim.id ? props.changedUnderneath.by : null}
                    onDismissChanged={props.onDismissChanged}
                    onActivate={props.onActivate}
                    {...actions}
                  />
                </li>
              ))}
            </ol>
          )}
          <OrphanedClaims claims={orphans} currentUserId={currentUser.id} {...actions} />
        </>
      )}
    </section>
  );
}

function isAnchored(claim: PlacedClaim): claim is AnchoredClaim {
  return claim.anchor.status === "anchored";
}

function inReadingOrder(a: AnchoredClaim, b: AnchoredClaim): number {
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.createdAt.localeCompare(b.createdAt);
}
