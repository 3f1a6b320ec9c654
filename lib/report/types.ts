import type { AnchorView, ClaimView } from "@/lib/claims/types";
import type { ReviewState } from "@/lib/claims/review";
import type { ClaimStatus } from "@/lib/claims/statuses";
import type { PassageContext } from "./context";
import type { ReportUnchecked } from "./unchecked";

/**
 * The verification report's shape: plain, JSON-serialisable data that lib/report/model.ts builds
 * and every renderer (PDF, Markdown, CSV, JSON, ClaimReview, W3C) formats.
 */

export type ReportScope =
  { kind: "everyone" } | { kind: "mine"; editorName: string } | { kind: "editor"; editorName: string };

export interface ReportInput {
  article: {
    id: string;
    title: string;
    outlet: string | null;
    author: string | null;
    url: string | null;
    publishedAt: Date | string | null;
    /** The article's plain text, which claims anchor to. */
    text: string;
    /** The revision the text is (1 when the article never changed). */
    revision?: number;
  };
  /** The claims in scope: the route filters them ("Mine", one editor) before calling buildReport. */
  claims: ClaimView[];
  scope: ReportScope;
  generatedAt: Date;
  /** Public origin of Factline (no trailing slash needed), for links back to the article and claims. */
  baseUrl: string;
  /** Who publishes the fact-check: the ClaimReview author, named in the report's header. */
  organization: string;
}

export interface Report {
  article: ReportArticle;
  scope: { kind: ReportScope["kind"]; editorName: string | null; label: string };
  /** ISO date-time. */
  generatedAt: string;
  organization: string;
  baseUrl: string;
  summary: ReportSummary;
  /** Claims found in the article's current text, in reading order. */
  claims: ReportClaim[];
  /**
   * Claims found only approximately after the last revision, not yet confirmed by a person:
   * listed apart, in reading order, never printed as if placed.
   */
  unconfirmed: ReportClaim[];
  /** Claims that could no longer be found in the text: listed apart, never dropped. */
  orphaned: ReportClaim[];
  /** NO_CLAIMS_MESSAGE when the report has no claims at all, else null. */
  emptyMessage: string | null;
  /** "Check-worthy sentences not checked", when asked for (`?unchecked=1`; lib/report/unchecked.ts). */
  unchecked?: ReportUnchecked;
}

export interface ReportArticle {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** ISO date-time, or null when unknown. */
  publishedAt: string | null;
  /** The article in Factline. */
  link: string;
  /** The revision of the text the report covers. */
  revision: number;
}

export interface ReportSummary {
  totalClaims: number;
  /** Every status in STATUSES order, zeros included, so tables and columns are stable. */
  byStatus: { status: ClaimStatus; label: string; count: number }[];
  /** Claims with a verdict (anything but Unverified). */
  ratedClaims: number;
  /** Rated claims a second editor signed off: the only ones the ClaimReview export publishes. */
  signedOffClaims: number;
  awaitingReviewClaims: number;
  returnedClaims: number;
  verifiedClaims: number;
  /** verifiedClaims / totalClaims (orphans count), or null when there are no claims. */
  verifiedShare: number | null;
  orphanedClaims: number;
  /** Claims awaiting confirmation after the last revision. */
  unconfirmedClaims: number;
  /** Everyone who marked a claim, added a source or changed a claim in scope, by name. */
  editors: ReportPerson[];
  /** Distinct source URLs across all claims. */
  sourcesCited: number;
  /** Source entries across all claims (one URL cited by two claims counts twice). */
  citations: number;
  /** The most recent change to any claim in scope, or null when there are none. */
  lastChange: ReportChange | null;
}

export interface ReportPerson {
  id: string;
  name: string;
}

export interface ReportChange {
  /** ISO date-time. */
  at: string;
  by: string;
  /** What happened, as the claim's history says it after the name: "changed the status from …". */
  description: string;
}

/** The second editor's review of a claim (lib/claims/review.ts). */
export interface ReportReview {
  state: ReviewState;
  /** "Signed off", "Awaiting review", "Returned" or "No verdict yet". */
  label: string;
  /** Who signed it off or returned it; null otherwise. */
  reviewer: ReportPerson | null;
  /** ISO date-time the state began, or null. */
  at: string | null;
  comment: string | null;
}

export interface ReportRating {
  value: number;
  best: number;
  worst: number;
  /** The verdict in words ("True", "Misleading"), as ClaimReview's alternateName. */
  alternateName: string;
}

export interface ReportSource {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  addedBy: ReportPerson;
  /** ISO date-time. */
  addedAt: string;
}

export type ReportPlacement =
  | {
      status: "anchored";
      start: number;
      end: number;
      /** The article's wording there now, when an edit changed it since the claim was marked; else null. */
      currentText: string | null;
    }
  | {
      status: "needs_confirmation";
      start: number;
      end: number;
      /** The article's wording where the engine found the claim after the revision. */
      currentText: string;
      /** The revision whose change made it uncertain. */
      revision: number;
    }
  | { status: "orphaned"; reason: string };

export interface ReportClaim {
  id: string;
  /** 1-based, across claims then orphans: what disagreements and readers refer to. */
  number: number;
  /** The claim on the report page in Factline, which shows it with its verdict and sources. */
  link: string;
  /** The passage as the editor quoted it. */
  passage: string;
  /** Text around the passage: from the article for placed claims, from the stored quote for orphans. */
  context: PassageContext;
  placement: ReportPlacement;
  status: ClaimStatus;
  statusLabel: string;
  statusDescription: string;
  /** Null while Unverified. */
  rating: ReportRating | null;
  review: ReportReview;
  note: string;
  editor: ReportPerson;
  /** ISO date-times. */
  createdAt: string;
  updatedAt: string;
  lastChange: ReportChange;
  sources: ReportSource[];
  /** Other editors' claims in this report on the same passage with another verdict. */
  disagreements: { claimId: string; number: number; editor: string; statusLabel: string }[];
  /** The stored W3C selectors and version, so the Web Annotation export matches the API's. */
  selectors: { position: { start: number; end: number }; quote: { exact: string; prefix: string; suffix: string } };
  /** The revision the selectors are in, and where the claim stands in the current one. */
  revision: number;
  anchor: AnchorView;
  version: number;
}
