import "server-only";
import { isReviewState, NO_REVIEW, type ReviewView } from "@/lib/claims/review";
import { anchorMethodOf, anchorStateOf } from "@/lib/claims/reanchor";
import { isStatus, type ClaimStatus } from "@/lib/claims/statuses";
import type { AnchorView, People } from "@/lib/claims/types";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "./db";

/*
 * What the claim answers share (summaries in lib/server/claim-feed.ts, details in
 * lib/server/claim-details.ts): the anchor and review columns and how they read, the names of the
 * people an answer mentions, and reading order.
 */

export const statusOf = (value: string): ClaimStatus => (isStatus(value) ? value : "UNVERIFIED");
export const iso = (date: Date) => date.toISOString();

/** Display names by id; one query for every person an answer names. */
export async function namesOf(ids: Iterable<string>): Promise<People> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return {};
  const rows = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

export const person = (people: People, id: string) => ({ id, name: people[id] ?? "" });

/** The columns of a claim's current anchor (lib/claims/reanchor.ts), for summaries and details. */
export const anchorSelect = {
  anchorState: true,
  anchorRevision: true,
  anchorStart: true,
  anchorEnd: true,
  anchorMethod: true,
  anchorReason: true,
  quoteExact: true,
} satisfies Prisma.ClaimSelect;

type AnchorRow = Prisma.ClaimGetPayload<{ select: typeof anchorSelect }>;

export function anchorOf(row: AnchorRow): AnchorView {
  const state = anchorStateOf(row.anchorState);
  return {
    state,
    revision: row.anchorRevision,
    start: row.anchorStart,
    end: row.anchorEnd,
    method: anchorMethodOf(row.anchorMethod),
    // The card shows what the claim quoted before the text changed.
    ...(state === "placed" ? {} : { previous: row.quoteExact }),
    ...(state === "not_placed" && row.anchorReason ? { reason: row.anchorReason } : {}),
  };
}

/** The claim's current review, copied on its row from the latest decision (decision 0015). */
export const reviewSelect = {
  reviewState: true,
  reviewById: true,
  reviewAt: true,
  reviewComment: true,
} satisfies Prisma.ClaimSelect;

type ReviewRow = Prisma.ClaimGetPayload<{ select: typeof reviewSelect }>;

export function reviewOf(row: ReviewRow, people: People): ReviewView {
  if (!isReviewState(row.reviewState) || row.reviewState === "none") return NO_REVIEW;
  return {
    state: row.reviewState,
    by: row.reviewById ? person(people, row.reviewById) : null,
    at: row.reviewAt ? iso(row.reviewAt) : null,
    comment: row.reviewComment,
  };
}

/** Reading order in the current revision; claims that could not be placed come last. */
export const readingOrder = [
  { anchorStart: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
] satisfies Prisma.ClaimOrderByWithRelationInput[];
