import type { ClaimStatus } from "./statuses";
import type { EventKind } from "./history";
import type { AnchorMethod, AnchorState } from "./reanchor";
import type { ReviewView } from "./review";

/**
 * Where a claim stands in the article's current revision (lib/claims/reanchor.ts). Offsets are
 * into the current revision's plain text, null when not placed. `previous` is the passage the
 * claim last quoted with certainty, sent when it is not placed there now (the card shows it).
 */
export interface AnchorView {
  state: AnchorState;
  revision: number;
  start: number | null;
  end: number | null;
  method: AnchorMethod | null;
  previous?: string;
  /** Why the engine could not place it (not placed only). */
  reason?: string;
}

/**
 * A claim as the article page's list carries it (decision 0007): where it is, whose, its verdict
 * and version, and nothing that grows with its sources or history. `start`/`end` are where it
 * was marked (in revision `anchor.revision` when the article never changed); its passage now is
 * `article.text.slice(anchor.start, anchor.end)`; its author's name is in the list's `people`.
 */
export interface ClaimSummary {
  id: string;
  authorId: string;
  start: number;
  end: number;
  anchor: AnchorView;
  status: ClaimStatus;
  /** The second editor's review (lib/claims/review.ts). */
  review: ReviewView;
  version: number;
  sourceCount: number;
  /** Live (not deleted) replies in its discussion. */
  replyCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Display names of the people a list or a claim names, by user id. */
export type People = Record<string, string>;

/**
 * `GET /api/articles/{id}/annotations`: the summaries and a cursor (Article.claimSeq when read).
 * With `?since=CURSOR` the answer is a change set: `claims` are the live claims changed after
 * that cursor, `deleted` the ids changed after it that are no longer in the list (deleted, or no
 * longer matching its filter). A cursor the server has not reached yet (a database restored from
 * a backup) gets the whole list with `reset: true`: the client replaces what it has.
 */
export interface ClaimSummaries {
  claims: ClaimSummary[];
  people: People;
  cursor: string;
  /** Present in a change set only. */
  deleted?: string[];
  /** The whole list in answer to a `since` the server does not know: replace, do not merge. */
  reset?: true;
}

/**
 * One claim in full as a card shows it: `GET /api/annotations/{id}`, and the answer to POST and
 * PATCH. Its history is separate (ClaimEventView, `GET /api/annotations/{id}/history`).
 * Dates are ISO strings.
 */
export interface ClaimDetails {
  id: string;
  articleId: string;
  author: PersonRef;
  /** The revision the claim was marked in; `position` and `quote` are its selectors there. */
  revision: number;
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
  anchor: AnchorView;
  status: ClaimStatus;
  /** The second editor's review (lib/claims/review.ts). */
  review: ReviewView;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  sources: SourceView[];
}

/** A claim with its history: what the verification report is built from. */
export interface ClaimView extends ClaimDetails {
  /** Oldest first. */
  history: ClaimEventView[];
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface SourceView {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  addedBy: PersonRef;
  createdAt: string;
}

export interface ClaimEventView {
  id: string;
  kind: EventKind;
  actor: PersonRef;
  from: string | null;
  to: string | null;
  at: string;
}
