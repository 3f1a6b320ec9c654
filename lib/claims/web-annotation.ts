import { formatDate } from "@/lib/format";
import { reviewLine } from "./review";
import { STATUS_INFO } from "./statuses";
import type { ClaimDetails } from "./types";

/** W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) views of claims. */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const LD_JSON = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export interface AnnotationTarget {
  /** Absolute IRIs: the claims' addresses are built on it. */
  baseUrl: string;
  articleId: string;
}

const annotationIri = (t: AnnotationTarget, id: string) => `${t.baseUrl}/api/annotations/${id}`;
export const articleIri = (t: AnnotationTarget) => `${t.baseUrl}/articles/${t.articleId}`;

/** One claim as an Annotation; `embedded` drops @context for items inside a collection page. */
export function toWebAnnotation(claim: ClaimDetails, target: AnnotationTarget, embedded = false) {
  const status = STATUS_INFO[claim.status];
  const body: object[] = [
    {
      type: "TextualBody",
      purpose: "assessing",
      value: status.label,
      format: "text/plain",
      language: "en",
    },
  ];
  // The second editor's review (decision 0015): "moderating" is the W3C purpose for assigning a quality to a verdict.
  const review = reviewLine(claim.review, formatDate);
  if (review) body.push({ type: "TextualBody", purpose: "moderating", value: review, format: "text/plain", language: "en" });
  if (claim.note) body.push({ type: "TextualBody", purpose: "commenting", value: claim.note, format: "text/plain" });
  for (const source of claim.sources) {
    body.push({
      type: "SpecificResource",
      purpose: "linking",
      source: { id: source.url, type: "Text", ...(source.title ? { title: source.title } : {}) },
      ...(source.excerpt ? { selector: { type: "TextQuoteSelector", exact: source.excerpt } } : {}),
    });
  }
  return {
    ...(embedded ? {} : { "@context": ANNOTATION_CONTEXT }),
    id: annotationIri(target, claim.id),
    type: "Annotation",
    motivation: "assessing",
    creator: { id: `${target.baseUrl}/users/${claim.author.id}`, type: "Person", name: claim.author.name },
    created: claim.createdAt,
    modified: claim.updatedAt,
    body,
    target: {
      source: articleIri(target),
      selector: [
        { type: "TextPositionSelector", start: claim.position.start, end: claim.position.end },
        { type: "TextQuoteSelector", exact: claim.quote.exact, prefix: claim.quote.prefix, suffix: claim.quote.suffix },
      ],
    },
  };
}

/** All claims as an AnnotationCollection with its single page embedded. */
export function toAnnotationCollection(claims: readonly ClaimDetails[], target: AnnotationTarget, label: string) {
  const id = `${articleIri(target)}/annotations`;
  return {
    "@context": ANNOTATION_CONTEXT,
    id,
    type: "AnnotationCollection",
    label,
    total: claims.length,
    first: {
      id: `${id}?page=0`,
      type: "AnnotationPage",
      startIndex: 0,
      items: claims.map((claim) => toWebAnnotation(claim, target, true)),
    },
  };
}
