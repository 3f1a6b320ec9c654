import { plural } from "@/lib/format";
import { stringifyJson } from "@/lib/json/script-safe";
import { claimReviewOmission } from "./model";
import type { Report, ReportClaim, ReportRating } from "./types";
import { isHttpUrl, isoDay } from "./text";

/**
 * schema.org ClaimReview (https://schema.org/ClaimReview, as Google's Fact Check markup reads it)
 * for every rated claim a second editor signed off (decision 0015): Unverified claims have no
 * verdict to publish, and a verdict awaiting review or returned is not final. How many were left
 * out and why is said in the Report node's `description` (a schema.org Text property of every
 * CreativeWork, so the document stays valid), never as a made-up top-level field.
 *
 * Decision: one JSON-LD document with a shared "@context" and a "@graph", not a bare array.
 * The graph's first node is the report itself (a schema.org Report about the article) whose
 * description carries the summary, or NO_CLAIMS_MESSAGE: with an array, a report without rated
 * claims would be `[]`, which says nothing. Google's parser and the schema.org validator both
 * read @graph; to publish a single review, copy its node and add "@context".
 */

export const SCHEMA_ORG = "https://schema.org";

export interface ClaimReviewDocument {
  "@context": typeof SCHEMA_ORG;
  "@graph": [ReportNode, ...ClaimReviewNode[]];
}

export interface ReportNode {
  "@type": "Report";
  "@id": string;
  name: string;
  description: string;
  about: NewsArticleNode;
  author: OrganizationNode;
  dateCreated: string;
  hasPart: { "@id": string }[];
}

export interface ClaimReviewNode {
  "@type": "ClaimReview";
  "@id": string;
  url: string;
  claimReviewed: string;
  reviewRating: {
    "@type": "Rating";
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
  };
  itemReviewed: {
    "@type": "Claim";
    author?: { "@type": "Person" | "Organization"; name: string };
    datePublished?: string;
    appearance: NewsArticleNode;
  };
  author: OrganizationNode;
  /** The day of the claim's last change. */
  datePublished: string;
}

interface NewsArticleNode {
  "@type": "NewsArticle";
  url?: string;
  headline: string;
}

interface OrganizationNode {
  "@type": "Organization";
  name: string;
}

export function toClaimReviewDocument(report: Report): ClaimReviewDocument {
  const organization: OrganizationNode = { "@type": "Organization", name: report.organization };
  const appearance = newsArticle(report);
  const reviews = [...report.claims, ...report.unconfirmed, ...report.orphaned].flatMap((claim) =>
    claim.rating && claim.review.state === "signed_off"
      ? [claimReview(report, claim, claim.rating, organization, appearance)]
      : [],
  );
  return {
    "@context": SCHEMA_ORG,
    "@graph": [
      {
        "@type": "Report",
        "@id": `${report.article.link}#verification-report`,
        name: `Verification report: ${report.article.title}`,
        description: describe(report),
        about: appearance,
        author: organization,
        dateCreated: report.generatedAt,
        hasPart: reviews.map((review) => ({ "@id": review["@id"] })),
      },
      ...reviews,
    ],
  };
}

export function renderClaimReview(report: Report): string {
  return `${stringifyJson(toClaimReviewDocument(report), 2)}\n`;
}

function claimReview(
  report: Report,
  claim: ReportClaim,
  rating: ReportRating,
  organization: OrganizationNode,
  appearance: NewsArticleNode,
): ClaimReviewNode {
  const { article } = report;
  const claimAuthor = article.author
    ? ({ "@type": "Person", name: article.author } as const)
    : article.outlet
      ? ({ "@type": "Organization", name: article.outlet } as const)
      : null;
  return {
    "@type": "ClaimReview",
    "@id": claim.link,
    url: claim.link,
    claimReviewed: claim.passage,
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating.value,
      bestRating: rating.best,
      worstRating: rating.worst,
      alternateName: rating.alternateName,
    },
    itemReviewed: {
      "@type": "Claim",
      ...(claimAuthor ? { author: claimAuthor } : {}),
      ...(article.publishedAt ? { datePublished: isoDay(article.publishedAt) } : {}),
      appearance,
    },
    author: organization,
    datePublished: isoDay(claim.lastChange.at),
  };
}

function newsArticle(report: Report): NewsArticleNode {
  const { url, title } = report.article;
  return { "@type": "NewsArticle", ...(isHttpUrl(url) ? { url } : {}), headline: title };
}

function describe(report: Report): string {
  if (report.emptyMessage) return report.emptyMessage;
  const { totalClaims, ratedClaims, signedOffClaims } = report.summary;
  if (ratedClaims === 0) return "No claim in this report has been rated yet.";
  const omission = claimReviewOmission(report.summary);
  return (
    `${ratedClaims} of ${plural(totalClaims, "claim")} rated (${report.scope.label}); ` +
    `${signedOffClaims} signed off by a second editor ${signedOffClaims === 1 ? "is" : "are"} published here.` +
    (omission ? ` ${omission}` : "")
  );
}
