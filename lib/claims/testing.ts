import { describeRange } from "@/lib/anchoring";
import type { ClaimStatus } from "./statuses";
import type { ClaimView, PersonRef } from "./types";

/** A claim on `passage` of `text`, as the API would return it; for unit tests. */
export function claimOn(
  text: string,
  passage: string,
  options: { id: string; author: PersonRef; status?: ClaimStatus; occurrence?: number },
): ClaimView {
  let start = -1;
  for (let i = 0; i <= (options.occurrence ?? 0); i++) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`"${passage}" is not in the text`);
  const { position, quote } = describeRange(text, start, start + passage.length);
  return {
    id: options.id,
    articleId: "article-1",
    author: options.author,
    position: { start: position.start, end: position.end },
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    status: options.status ?? "UNVERIFIED",
    note: "",
    version: 1,
    createdAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-20T10:00:00.000Z",
    sources: [],
    history: [],
  };
}
