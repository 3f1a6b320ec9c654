import { z } from "zod";
import { STATUSES, type ClaimStatus } from "@/lib/claims/statuses";
import { recordIdSchema } from "@/lib/ids";

/** The library's orders (decision 0021). */
export const LIBRARY_SORTS = ["newest", "title", "outlet", "claims", "progress"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const LIBRARY_SORT_LABELS: Record<LibrarySort, string> = {
  newest: "Newest first",
  title: "Title",
  outlet: "Outlet",
  claims: "Most claims",
  progress: "Least progress",
};
export const LIBRARY_PAGE_SIZE = 50;
/** Deeper than this, filter instead (10,000 articles are 200 pages). */
const MAX_LIBRARY_OFFSET = 100_000;

/** /articles' address: its order, filters and page. Empty parameters count as missing. */
export const libraryQuerySchema = z
  .object({
    sort: z.enum(LIBRARY_SORTS, { error: `sort is one of ${LIBRARY_SORTS.join(", ")}.` }).default("newest"),
    outlet: z.string().max(200, "outlet is at most 200 characters.").optional(),
    addedBy: z.union([z.literal("me"), recordIdSchema('addedBy is "me" or an editor\'s id.')]).optional(),
    awaiting: z
      .literal("1", { error: 'awaiting is "1" (only articles with claims awaiting review) or left out.' })
      .optional(),
    cursor: z
      .string()
      .regex(/^\d{1,6}$/, "cursor is the value a previous page answered; start again without it.")
      .refine((value) => Number(value) <= MAX_LIBRARY_OFFSET, "That page is too deep: filter the library instead.")
      .optional(),
  })
  .strict();
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

export interface ArticleProgress {
  /** Live claims by status, every status present (0 when none). */
  byStatus: Record<ClaimStatus, number>;
  total: number;
  /** Claims a second editor signed off (decision 0015). */
  signedOff: number;
  awaitingReview: number;
}

export function emptyProgress(): ArticleProgress {
  return {
    byStatus: Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>,
    total: 0,
    signedOff: 0,
    awaitingReview: 0,
  };
}

/** Adds one group of claims (a GROUP BY row: status, review state, count) to an article's progress. */
export function addToProgress(
  progress: ArticleProgress,
  group: { status: string; reviewState: string; count: number },
): void {
  const status = (STATUSES as readonly string[]).includes(group.status) ? (group.status as ClaimStatus) : "UNVERIFIED";
  progress.byStatus[status] += group.count;
  progress.total += group.count;
  if (group.reviewState === "signed_off") progress.signedOff += group.count;
  if (group.reviewState === "awaiting_review") progress.awaitingReview += group.count;
}

/** The share signed off, 0–100, rounded down (so 100 means every claim); null without claims. */
export function signedOffPercent(progress: ArticleProgress): number | null {
  return progress.total === 0 ? null : Math.floor((progress.signedOff * 100) / progress.total);
}

/** "3 of 8 signed off, 2 awaiting review" — the bar's words, for everyone who cannot see it. */
export function progressSummary(progress: ArticleProgress): string {
  if (progress.total === 0) return "No claims yet";
  const parts = [`${progress.signedOff} of ${progress.total} signed off`];
  if (progress.awaitingReview) parts.push(`${progress.awaitingReview} awaiting review`);
  return parts.join(", ");
}
