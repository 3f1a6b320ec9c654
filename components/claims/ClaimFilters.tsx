"use client";

import { useId } from "react";
import { REVIEW_FILTERS, isReviewFilter, type ClaimFilterState, type ReviewFilter } from "@/lib/claims/filter";
import { REVIEW_STATE_LABELS } from "@/lib/claims/review";
import { STATUSES, STATUS_INFO, isStatus, type ClaimStatus } from "@/lib/claims/statuses";
import type { PersonRef } from "@/lib/claims/types";

interface Props {
  filter: ClaimFilterState;
  onFilterChange(filter: ClaimFilterState): void;
  /** Colleagues with claims here, by name (the current user is "Mine"). */
  editors: PersonRef[];
  /** Claims per status among those the editor filter keeps. */
  counts: Record<ClaimStatus, number>;
  /** Claims per review state among those the editor and status filters keep. */
  reviewCounts: Record<ReviewFilter, number>;
}

export function ClaimFilters({ filter, onFilterChange, editors, counts, reviewCounts }: Props) {
  const id = useId();
  // An editor whose last claim just went away is still the filter: keep them selectable, not silently "Everyone".
  const unknownEditor =
    filter.who !== "everyone" && filter.who !== "mine" && !editors.some((editor) => editor.id === filter.who);

  return (
    <div className="claims-filters">
      <div className="field">
        <label htmlFor={`${id}-who`}>Filter by editor</label>
        <select
          id={`${id}-who`}
          value={filter.who}
          onChange={(event) => onFilterChange({ ...filter, who: event.target.value })}
        >
          <option value="everyone">Everyone</option>
          <option value="mine">Mine</option>
          {editors.map((editor) => (
            <option key={editor.id} value={editor.id}>
              {editor.name}
            </option>
          ))}
          {unknownEditor && <option value={filter.who}>An editor with no claims left</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Filter by status</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(event) => {
            const value = event.target.value;
            onFilterChange({ ...filter, status: isStatus(value) ? value : "all" });
          }}
        >
          <option value="all">All statuses</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_INFO[status].label} ({counts[status]})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-review`}>Filter by review</label>
        <select
          id={`${id}-review`}
          value={filter.review}
          onChange={(event) => {
            const value = event.target.value;
            onFilterChange({ ...filter, review: isReviewFilter(value) ? value : "all" });
          }}
        >
          <option value="all">All</option>
          {REVIEW_FILTERS.map((state) => (
            <option key={state} value={state}>
              {REVIEW_STATE_LABELS[state]} ({reviewCounts[state]})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
