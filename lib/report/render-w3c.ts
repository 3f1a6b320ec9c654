import type { ClaimDetails } from "@/lib/claims/types";
import { toAnnotationCollection } from "@/lib/claims/web-annotation";
import { stringifyJson } from "@/lib/json/script-safe";
import type { Report, ReportClaim } from "./types";

/**
 * Every claim in scope as a W3C Web Annotation collection: the same mapping as the annotations
 * API (lib/claims/web-annotation.ts), fed from the report so the order (reading order, then
 * orphans) and the set of claims match the other formats. Targets carry the stored selectors,
 * as the API does, so a client re-anchors them exactly as Factline would.
 */
export function toW3cCollection(report: Report) {
  const claims = [...report.claims, ...report.unconfirmed, ...report.orphaned].map((claim) =>
    toClaimView(report, claim),
  );
  const scope = report.scope.kind === "everyone" ? "" : ` (${report.scope.label})`;
  // The model has no description for a collection; its label is where a reader looks.
  const empty = report.emptyMessage ? `: ${report.emptyMessage}` : "";
  return toAnnotationCollection(
    claims,
    { baseUrl: report.baseUrl, articleId: report.article.id },
    `Claims in “${report.article.title}”${scope}${empty}`,
  );
}

export function renderW3c(report: Report): string {
  return `${stringifyJson(toW3cCollection(report), 2)}\n`;
}

/** Back to the API's shape (history is not part of an annotation). */
function toClaimView(report: Report, claim: ReportClaim): ClaimDetails {
  return {
    id: claim.id,
    articleId: report.article.id,
    author: claim.editor,
    revision: claim.revision,
    position: claim.selectors.position,
    quote: claim.selectors.quote,
    anchor: claim.anchor,
    status: claim.status,
    review: {
      state: claim.review.state,
      by: claim.review.reviewer,
      at: claim.review.at,
      comment: claim.review.comment,
    },
    note: claim.note,
    version: claim.version,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    sources: claim.sources.map((source) => ({
      id: source.id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      excerpt: source.excerpt,
      addedBy: source.addedBy,
      createdAt: source.addedAt,
    })),
  };
}
