import "server-only";
import { staleClaim, type PlannedEvent } from "@/lib/claims/changes";
import { Problem } from "@/lib/errors";
import type { InboxScope, LiveChangeKind } from "@/lib/live/events";
import type { Prisma } from "@/generated/prisma/client";
import { articleNotFound } from "./articles";
import type { Tx } from "./db";
import { publishChange } from "./live-bus";
import type { SessionUser } from "./session";

/*
 * The steps every claim write takes inside its transaction (decisions 0005, 0007): first the
 * article's next claimSeq, which stamps the claim; then the claim, written at the version read;
 * last its history events and the announcement to open pages (decision 0018).
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

function eventRows(events: PlannedEvent[], claimId: string, actorId: string, at: Date) {
  return events.map((event) => ({ ...event, claimId, actorId, createdAt: at }));
}

/**
 * Optimistic concurrency: the claim is written only while it is live and still at the version
 * that was read and checked (`where` names it, with whatever else must still hold); else someone
 * changed or deleted it meanwhile, and the write is a 409.
 */
export async function writeAtVersion(
  tx: Tx,
  where: Prisma.ClaimWhereInput & { id: string; version: number },
  data: Prisma.ClaimUncheckedUpdateManyInput,
): Promise<void> {
  const written = await tx.claim.updateMany({ where: { ...where, deletedAt: null }, data });
  if (written.count !== 1) throw staleClaim();
}

/** What a claim write records: its feed step, its history events and whose inbox it may change. */
export interface ClaimChange {
  articleId: string;
  claimId: string;
  /** The article's claimSeq this write took (nextClaimSeq). */
  seq: number;
  kind: LiveChangeKind;
  events: PlannedEvent[];
  at: Date;
  inbox: InboxScope;
}

/**
 * A claim write's last steps, inside its transaction: the history events the plan produced, by
 * `user`, and the announcement of the change, sent once the transaction commits.
 */
export async function recordClaimChange(tx: Tx, user: SessionUser, change: ClaimChange): Promise<void> {
  const { events, at, ...announced } = change;
  if (events.length) await tx.claimEvent.createMany({ data: eventRows(events, change.claimId, user.id, at) });
  await publishChange(tx, { ...announced, actor: user });
}

/** 409: the claim was marked against a revision that is no longer current. */
export const articleChangedWhileMarking = () =>
  new Problem(
    "conflict",
    "The article was revised while you were marking this claim, and the passage changed: reload it and mark the claim again.",
  );
