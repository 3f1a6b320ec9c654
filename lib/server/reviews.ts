import "server-only";
import { planReview } from "@/lib/claims/review";
import type { ReviewClaimInput } from "@/lib/claims/schemas";
import type { ClaimDetails, PersonRef } from "@/lib/claims/types";
import type { Prisma } from "@/generated/prisma/client";
import { getClaimDetails } from "./claim-details";
import { nextClaimSeq, recordClaimChange, writeAtVersion } from "./claim-write-steps";
import { db, writeTransaction } from "./db";
import type { SessionUser } from "./session";

/*
 * Reviews in the database (decision 0015): one Review row per decision, and the claim's current
 * review copied on its row, written in one transaction with the claim's version bump, its
 * change-feed stamp and its History event.
 */

/**
 * A second editor approves or returns the claim at the version they saw: 404 deleted, 403 their
 * own, 409 changed since or no longer awaiting review, 422 Unverified or a return without a comment.
 * Answers the claim's details.
 */
export async function reviewClaim(user: SessionUser, id: string, input: ReviewClaimInput): Promise<ClaimDetails> {
  const before = await getClaimDetails(id);
  const plan = planReview(
    { authorId: before.author.id, version: before.version, status: before.status, reviewState: before.review.state },
    input,
    user.id,
  );
  const at = new Date();
  await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, before.articleId);
    // The state in the `where` too: a colleague's review or the author's change in between is a 409.
    await writeAtVersion(
      tx,
      { id, version: plan.expectedVersion, reviewState: "awaiting_review", authorId: { not: user.id } },
      {
        reviewState: plan.state,
        reviewById: user.id,
        reviewAt: at,
        reviewComment: plan.comment,
        version: plan.version,
        changeSeq,
        updatedAt: at,
      },
    );
    await tx.review.create({
      data: {
        claimId: id,
        reviewerId: user.id,
        decision: plan.decision,
        comment: plan.comment ?? "",
        claimVersion: plan.expectedVersion,
        createdAt: at,
      },
      select: { id: true },
    });
    // The author's "returned to me" and everyone's "awaiting my review" move.
    await recordClaimChange(tx, user, {
      articleId: before.articleId,
      claimId: id,
      seq: changeSeq,
      kind: "claim.reviewed",
      events: [plan.event],
      at,
      inbox: "article",
    });
  });
  return {
    ...before,
    review: { state: plan.state, by: { id: user.id, name: user.name }, at: at.toISOString(), comment: plan.comment },
    version: plan.version,
    updatedAt: at.toISOString(),
  };
}

/** One claim in an editor's inbox (the inbox lists them newest first). */
export interface ReviewInboxItem {
  claimId: string;
  articleId: string;
  articleTitle: string;
  /** The passage the claim quotes now. */
  quote: string;
  /** When the claim began awaiting review, or was returned. */
  at: string;
  /** Awaiting review: the claim's author; returned: the reviewer. */
  by: PersonRef;
  /** The reviewer's comment (returned claims). */
  comment?: string;
  /** The claim's version: a claim awaiting review again after a change is a new inbox item. */
  version: number;
}

/** How many items one inbox list holds at most: the newest. */
export const INBOX_LIMIT = 200;

const inboxSelect = {
  id: true,
  version: true,
  articleId: true,
  article: { select: { title: true } },
  exact: true,
  quoteExact: true,
  reviewAt: true,
  updatedAt: true,
  reviewComment: true,
  author: { select: { id: true, name: true } },
  reviewBy: { select: { id: true, name: true } },
} satisfies Prisma.ClaimSelect;

type InboxRow = Prisma.ClaimGetPayload<{ select: typeof inboxSelect }>;

/** A claim as an inbox item; `by` is who the item is from (the author, or the reviewer). */
function inboxItemOf(row: InboxRow, by: PersonRef): ReviewInboxItem {
  return {
    claimId: row.id,
    articleId: row.articleId,
    articleTitle: row.article.title,
    quote: row.quoteExact || row.exact,
    at: (row.reviewAt ?? row.updatedAt).toISOString(),
    by,
    version: row.version,
  };
}

/**
 * Other editors' live claims that wait for a review, which `userId` may give, on the articles
 * `userId` works on (added, or marked a claim in): a desk's inbox shows the reviews of its own
 * stories, not every verdict of the whole library. Newest first.
 */
export async function claimsAwaitingReviewBy(userId: string): Promise<ReviewInboxItem[]> {
  const rows = await db.claim.findMany({
    where: {
      reviewState: "awaiting_review",
      deletedAt: null,
      authorId: { not: userId },
      article: { OR: [{ createdById: userId }, { claims: { some: { authorId: userId, deletedAt: null } } }] },
    },
    select: inboxSelect,
    orderBy: [{ reviewAt: "desc" }, { id: "desc" }],
    take: INBOX_LIMIT,
  });
  return rows.map((row) => inboxItemOf(row, row.author));
}

/** `userId`'s live claims a reviewer returned, with the reviewer's comment; newest first. */
export async function claimsReturnedTo(userId: string): Promise<ReviewInboxItem[]> {
  const rows = await db.claim.findMany({
    where: { reviewState: "returned", deletedAt: null, authorId: userId },
    select: inboxSelect,
    orderBy: [{ reviewAt: "desc" }, { id: "desc" }],
    take: INBOX_LIMIT,
  });
  return rows.map((row) => ({
    ...inboxItemOf(row, row.reviewBy ?? { id: "", name: "An editor" }),
    ...(row.reviewComment ? { comment: row.reviewComment } : {}),
  }));
}
