import "server-only";
import type { PlannedEvent } from "@/lib/claims/changes";
import { Problem } from "@/lib/errors";
import { articleNotFound } from "./articles";
import type { Tx } from "./db";

/*
 * The steps every claim write takes inside its transaction (decisions 0005, 0007): first the
 * article's next claimSeq, which stamps the claim; then the claim, written at the version read;
 * then its history events.
 */

/**
 * The transaction's first statement: the article's claimSeq moves on and the new value stamps
 * the claim (Claim.changeSeq). It takes the article row's write lock until commit, so writers of
 * one article commit in cursor order (decision 0007).
 */
export async function nextClaimSeq(tx: Tx, articleId: string, revision?: number): Promise<number> {
  try {
    // One statement (UPDATE … RETURNING). Prisma's @updatedAt moves Article.updatedAt with it.
    const article = await tx.article.update({
      where: { id: articleId, ...(revision !== undefined ? { revision } : {}) },
      data: { claimSeq: { increment: 1 } },
      select: { claimSeq: true },
    });
    return article.claimSeq;
  } catch (error) {
    // P2025: the article went away since the claim was read, or (with `revision`) a new revision
    // was saved: the claim's offsets were checked against text that is no longer current.
    if (error instanceof Error && "code" in error && error.code === "P2025") {
      throw revision === undefined ? articleNotFound() : articleChangedWhileMarking();
    }
    throw error;
  }
}

export function eventRows(events: PlannedEvent[], claimId: string, actorId: string, at: Date) {
  return events.map((event) => ({ ...event, claimId, actorId, createdAt: at }));
}

/** 409: the claim was marked against a revision that is no longer current. */
export const articleChangedWhileMarking = () =>
  new Problem(
    "conflict",
    "The article was revised while you were marking this claim, and the passage changed: reload it and mark the claim again.",
  );
