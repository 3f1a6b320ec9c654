import { describeEvent } from "@/lib/claims/history";
import { markedAnchor } from "@/lib/claims/reanchor";
import { placeClaims, type Placed } from "@/lib/claims/placement";
import { REVIEW_STATE_LABELS, reviewLine, type ReviewView } from "@/lib/claims/review";
import { formatDate } from "@/lib/format";
import { BEST_RATING, STATUSES, STATUS_INFO, WORST_RATING, type ClaimStatus } from "@/lib/claims/statuses";
import type { ClaimView, PersonRef } from "@/lib/claims/types";
import { passageContext, storedContext } from "./context";
import type {
  Report,
  ReportChange,
  ReportClaim,
  ReportInput,
  ReportPerson,
  ReportReview,
  ReportScope,
  ReportSummary,
} from "./types";

/**
 * The verification report as plain, JSON-serialisable data: the page shows it and every renderer
 * (PDF, Markdown, CSV, JSON, ClaimReview, W3C) formats exactly this object, so all of them agree
 * on order, numbering, wording of statuses and what counts as orphaned.
 */

export const NO_CLAIMS_MESSAGE = "No claims have been marked in this article.";

/** Said above the claims that need confirmation, in every format that lists them. */
export const UNCONFIRMED_EXPLANATION =
  "The article changed in or around these passages in a later revision, and no editor has confirmed yet where they belong now. Each shows the passage as quoted and what the article reads there now.";

export function buildReport(input: ReportInput): Report {
  const { article, scope } = input;
  const baseUrl = input.baseUrl.replace(/\/+$/, "");
  const articleLink = `${baseUrl}/articles/${encodeURIComponent(article.id)}`;

  const placed = placeClaims(article.text, input.claims);
  const inText = placed.filter(isAnchored).sort(byReadingOrder);
  const anchored = inText.filter((claim) => claim.anchor.state !== "needs_confirmation");
  const uncertain = inText.filter((claim) => claim.anchor.state === "needs_confirmation");
  const orphans = placed.filter((claim) => !isAnchored(claim)).sort(byStoredPosition);
  const ordered = [...anchored, ...uncertain, ...orphans];
  const numbers = new Map(ordered.map((claim, index) => [claim.id, index + 1]));
  const anchors = new Map(input.claims.map((claim) => [claim.id, claim.anchor]));

  const toReportClaim = (claim: PlacedClaim): ReportClaim => {
    const info = STATUS_INFO[claim.status];
    return {
      id: claim.id,
      number: numbers.get(claim.id) ?? 0,
      link: `${articleLink}/report#claim-${encodeURIComponent(claim.id)}`,
      // What the claim quoted with certainty: the passage the revision changed, for an unconfirmed one.
      passage: claim.anchor.previous ?? claim.quote.exact,
      context:
        claim.anchor.status === "anchored"
          ? passageContext(article.text, claim.anchor.start, claim.anchor.end)
          : storedContext(claim.quote.prefix, claim.quote.suffix),
      placement:
        claim.anchor.status === "anchored" && claim.anchor.state === "needs_confirmation"
          ? {
              status: "needs_confirmation",
              start: claim.anchor.start,
              end: claim.anchor.end,
              currentText: article.text.slice(claim.anchor.start, claim.anchor.end),
              revision: anchors.get(claim.id)?.revision ?? article.revision ?? 1,
            }
          : claim.anchor.status === "anchored"
            ? {
                status: "anchored",
                start: claim.anchor.start,
                end: claim.anchor.end,
                currentText: currentTextIfChanged(article.text, claim.anchor, claim.quote.exact),
              }
            : { status: "orphaned", reason: claim.anchor.reason },
      status: claim.status,
      statusLabel: info.label,
      statusDescription: info.description,
      rating: info.rating
        ? { value: info.rating.value, best: BEST_RATING, worst: WORST_RATING, alternateName: info.rating.alternateName }
        : null,
      review: reportReview(claim.review),
      note: claim.note,
      editor: person(claim.author),
      createdAt: iso(claim.createdAt),
      updatedAt: iso(claim.updatedAt),
      lastChange: lastChangeOf(claim),
      sources: [...claim.sources].sort(byCreatedAt).map((source) => ({
        id: source.id,
        url: source.url,
        title: source.title,
        publisher: source.publisher,
        excerpt: source.excerpt,
        addedBy: person(source.addedBy),
        addedAt: iso(source.createdAt),
      })),
      disagreements: claim.disagreements.map((other) => ({
        claimId: other.claimId,
        number: numbers.get(other.claimId) ?? 0,
        editor: other.author.name,
        statusLabel: STATUS_INFO[other.status].label,
      })),
      selectors: {
        position: { start: claim.position.start, end: claim.position.end },
        quote: { exact: claim.quote.exact, prefix: claim.quote.prefix, suffix: claim.quote.suffix },
      },
      revision: claim.revision,
      anchor: anchors.get(claim.id) ?? markedAnchor(claim.revision, claim.position.start, claim.position.end),
      version: claim.version,
    };
  };

  const claims = anchored.map(toReportClaim);
  const unconfirmed = uncertain.map(toReportClaim);
  const orphaned = orphans.map(toReportClaim);
  return {
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet || null,
      author: article.author || null,
      url: article.url || null,
      publishedAt: optionalIso(article.publishedAt),
      link: articleLink,
      revision: article.revision ?? 1,
    },
    scope: {
      kind: scope.kind,
      editorName: scope.kind === "everyone" ? null : scope.editorName,
      label: scopeLabel(scope),
    },
    generatedAt: input.generatedAt.toISOString(),
    organization: input.organization,
    baseUrl,
    summary: summarise(input.claims, [...claims, ...unconfirmed, ...orphaned], unconfirmed.length, orphaned.length),
    claims,
    unconfirmed,
    orphaned,
    emptyMessage: claims.length + unconfirmed.length + orphaned.length === 0 ? NO_CLAIMS_MESSAGE : null,
  };
}

/** Said to readers who were not there when "Mine" was clicked: a name, never "Mine". */
export function scopeLabel(scope: ReportScope): string {
  return scope.kind === "everyone" ? "All editors’ claims" : `Claims by ${scope.editorName}`;
}

type PlacedClaim = Placed<ClaimView>;
type AnchoredClaim = PlacedClaim & { anchor: { status: "anchored"; start: number; end: number } };

function isAnchored(claim: PlacedClaim): claim is AnchoredClaim {
  return claim.anchor.status === "anchored";
}

// Ties (the same passage marked twice) fall back to the older claim first, then id, so the order
// and numbering never depend on the order the database returned.
function byReadingOrder(a: AnchoredClaim, b: AnchoredClaim): number {
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || byAge(a, b);
}

function byStoredPosition(a: PlacedClaim, b: PlacedClaim): number {
  return a.position.start - b.position.start || byAge(a, b);
}

function byAge(a: Pick<ClaimView, "createdAt" | "id">, b: Pick<ClaimView, "createdAt" | "id">): number {
  return compareIso(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byCreatedAt(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return compareIso(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function compareIso(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

function currentTextIfChanged(text: string, anchor: { start: number; end: number }, quoted: string): string | null {
  const current = text.slice(anchor.start, anchor.end);
  return current === quoted ? null : current;
}

/**
 * The claim's latest history event; a claim without history (imported, or older than history)
 * falls back to its own timestamps so every claim has a "last change" to show and to date
 * its ClaimReview with.
 */
function lastChangeOf(claim: Pick<ClaimView, "history" | "createdAt" | "updatedAt" | "author">): ReportChange {
  let latest = claim.history[0];
  for (const event of claim.history) if (latest && compareIso(event.at, latest.at) > 0) latest = event;
  if (latest) return { at: iso(latest.at), by: latest.actor.name, description: describeEvent(latest) };
  const edited = compareIso(claim.updatedAt, claim.createdAt) > 0;
  return {
    at: iso(edited ? claim.updatedAt : claim.createdAt),
    by: claim.author.name,
    description: edited ? "updated this claim" : "marked this claim",
  };
}

function summarise(views: ClaimView[], all: ReportClaim[], unconfirmed: number, orphaned: number): ReportSummary {
  const count = (status: ClaimStatus) => all.filter((claim) => claim.status === status).length;
  const verifiedClaims = count("VERIFIED");

  const editors = new Map<string, ReportPerson>();
  for (const view of views) {
    for (const who of [view.author, ...view.sources.map((s) => s.addedBy), ...view.history.map((e) => e.actor)]) {
      editors.set(who.id, person(who));
    }
  }

  let lastChange: ReportChange | null = null;
  for (const claim of all)
    if (!lastChange || compareIso(claim.lastChange.at, lastChange.at) > 0) lastChange = claim.lastChange;

  const citations = all.flatMap((claim) => claim.sources);
  return {
    totalClaims: all.length,
    byStatus: STATUSES.map((status) => ({ status, label: STATUS_INFO[status].label, count: count(status) })),
    ratedClaims: all.filter((claim) => claim.rating !== null).length,
    signedOffClaims: all.filter((claim) => claim.rating !== null && claim.review.state === "signed_off").length,
    awaitingReviewClaims: all.filter((claim) => claim.review.state === "awaiting_review").length,
    returnedClaims: all.filter((claim) => claim.review.state === "returned").length,
    verifiedClaims,
    verifiedShare: all.length ? verifiedClaims / all.length : null,
    orphanedClaims: orphaned,
    unconfirmedClaims: unconfirmed,
    editors: [...editors.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || (a.id < b.id ? -1 : 1)),
    sourcesCited: new Set(citations.map((source) => source.url)).size,
    citations: citations.length,
    lastChange,
  };
}

function reportReview(review: ReviewView): ReportReview {
  return {
    state: review.state,
    label: REVIEW_STATE_LABELS[review.state],
    reviewer: review.by ? person(review.by) : null,
    at: review.at ? iso(review.at) : null,
    comment: review.comment,
  };
}

/** The review in words, as every format prints it: "Signed off by Sam Second, 2 Dec 2026", "Returned by …: why". */
export function describeReview(review: ReportReview): string {
  return (
    reviewLine({ state: review.state, by: review.reviewer, at: review.at, comment: review.comment }, formatDate) ??
    review.label
  );
}

/**
 * What the ClaimReview export leaves out and why, in every format that mentions the export:
 * it publishes only verdicts a second editor signed off. Null when nothing rated is left out.
 */
export function claimReviewOmission(summary: ReportSummary): string | null {
  const leftOut = summary.ratedClaims - summary.signedOffClaims;
  if (leftOut <= 0) return null;
  const reasons = [
    summary.awaitingReviewClaims ? `${summary.awaitingReviewClaims} awaiting review` : "",
    summary.returnedClaims
      ? `${summary.returnedClaims} returned to ${summary.returnedClaims === 1 ? "its author" : "their authors"}`
      : "",
  ].filter(Boolean);
  return (
    `The ClaimReview export leaves out ${leftOut} rated ${leftOut === 1 ? "claim" : "claims"} ` +
    `not signed off by a second editor${reasons.length ? ` (${reasons.join(", ")})` : ""}.`
  );
}

function person(ref: PersonRef): ReportPerson {
  return { id: ref.id, name: ref.name };
}

/** Normalises the API's ISO strings (and tolerates other parseable forms) to toISOString's. */
function iso(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function optionalIso(value: Date | string | null): string | null {
  if (value === null || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
