import { describeRange } from "@/lib/anchoring";
import { markedAnchor } from "./reanchor";
import { NO_REVIEW } from "./review";
import type { ClaimStatus } from "./statuses";
import type { ClaimSummary, ClaimView, PersonRef } from "./types";

function rangeOf(text: string, passage: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  return { start, end: start + passage.length };
}

/** A claim on `passage` of `text`, as the API would return it in full; for unit tests. */
export function claimOn(
  text: string,
  passage: string,
  options: { id: string; author: PersonRef; status?: ClaimStatus; occurrence?: number },
): ClaimView {
  const range = rangeOf(text, passage, options.occurrence);
  const { position, quote } = describeRange(text, range.start, range.end);
  return {
    id: options.id,
    articleId: "article-1",
    author: options.author,
    revision: 1,
    position: { start: position.start, end: position.end },
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    anchor: markedAnchor(1, position.start, position.end),
    status: options.status ?? "UNVERIFIED",
    review: NO_REVIEW,
    note: "",
    version: 1,
    createdAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-20T10:00:00.000Z",
    sources: [],
    history: [],
  };
}

/** A claim on `passage` of `text`, as the article's list summarises it; for unit tests. */
export function summaryOn(
  text: string,
  passage: string,
  options: { id: string; authorId: string; status?: ClaimStatus; occurrence?: number },
): ClaimSummary {
  const range = rangeOf(text, passage, options.occurrence);
  return {
    id: options.id,
    authorId: options.authorId,
    ...range,
    anchor: markedAnchor(1, range.start, range.end),
    status: options.status ?? "UNVERIFIED",
    review: NO_REVIEW,
    version: 1,
    sourceCount: 0,
    replyCount: 0,
    createdAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-20T10:00:00.000Z",
  };
}
