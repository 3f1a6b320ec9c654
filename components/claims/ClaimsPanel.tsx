"use client";

import { useId, useRef } from "react";
import { editorsOf, matchesFilter, statusCounts, type ClaimFilterState } from "@/lib/claims/filter";
import type { PlacedClaim } from "@/lib/claims/placement";
import type { ClaimDetails, People } from "@/lib/claims/types";
import { plural } from "@/lib/format";
import { ClaimCard } from "./ClaimCard";
import { ClaimFilters } from "./ClaimFilters";
import { OrphanedClaims, type OrphanedClaim } from "./OrphanedClaims";
import { StatusLegend } from "./StatusLegend";
import type { LoadedDetails } from "./types";

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
}

type AnchoredClaim = PlacedClaim & { anchor: Extract<PlacedClaim["anchor"], { status: "anchored" }> };

export function ClaimsPanel(props: ClaimsPanelProps) {
  const { claims, currentUser, filter, activeClaimId } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const shown = claims.filter((claim) => matchesFilter(claim, filter, currentUser.id));
  const cards = shown.filter(isAnchored).sort(inReadingOrder);
  const orphans = shown.filter((claim): claim is OrphanedClaim => claim.anchor.status === "orphaned");
  const counts = statusCounts(claims, filter, currentUser.id);

  const actions = {
    onClaimChanged: props.onClaimChanged,
    onReload: props.onReload,
    onClaimDeleted(id: string) {
      // The deleted card takes the focused button with it: land on the panel, not on <body>.
      const focus = document.activeElement;
      if (!focus || focus === document.body || headingRef.current?.parentElement?.contains(focus)) {
        headingRef.current?.focus();
      }
      props.onClaimDeleted(id);
    },
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
            editors={editorsOf(claims, props.people, currentUser.id)}
            counts={counts}
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
