import "server-only";
import {
  claimNotFound,
  createdDetails,
  planCreate,
  planDelete,
  planUpdate,
  updatedDetails,
} from "@/lib/claims/changes";
import type { ReviewChange } from "@/lib/claims/review";
import type { CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { carryToRevision, markedColumns } from "@/lib/claims/reanchor";
import type { ClaimDetails } from "@/lib/claims/types";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import { canOverrideClaims } from "@/lib/users/admin";
import { roleOf } from "@/lib/users/roles";
import { articleNotFound } from "./articles";
import { readDetails } from "./claim-details";
import { articleChangedWhileMarking, nextClaimSeq, recordClaimChange, writeAtVersion } from "./claim-write-steps";
import { db, writeTransaction } from "./db";
import type { SessionUser } from "./session";

/*
 * A claim's author marks, changes and deletes it: writes of what lib/claims/changes.ts decides.
 * Each is one short transaction (decisions 0005, 0007): bump the article's claimSeq, write the
 * claim with the version read in its `where`, then its sources and history; the answer is
 * composed from what was read before and what the write returned, never read back.
 */

/** The columns an author's write sets when it changes the review: the state, nobody's decision yet. */
function reviewColumns(change: ReviewChange, at: Date) {
  return {
    reviewState: change.state,
    reviewById: null,
    reviewAt: change.state === "none" ? null : at,
    reviewComment: null,
  };
}

export async function createClaim(
  user: SessionUser,
  articleId: string,
  input: CreateClaimInput,
): Promise<ClaimDetails> {
  if (!isRecordId(articleId)) throw articleNotFound();
  // Read before the write; the write proves the article is still at this revision (below).
  const article = await db.article.findUnique({ where: { id: articleId }, select: { text: true, revision: true } });
  if (!article) throw articleNotFound();
  const selectors =
    input.revision === undefined || input.revision === article.revision
      ? input
      : await carriedToCurrent(articleId, input, input.revision, article);
  const plan = planCreate(article.text, selectors);
  const at = new Date();
  const id = await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, articleId, article.revision);
    const claim = await tx.claim.create({
      data: {
        ...plan.claim,
        ...markedColumns(article.revision, plan.claim),
        reviewState: plan.review,
        reviewAt: plan.review === "none" ? null : at,
        articleId,
        authorId: user.id,
        changeSeq,
        createdAt: at,
        updatedAt: at,
      },
      select: { id: true },
    });
    await recordClaimChange(tx, user, {
      articleId,
      claimId: claim.id,
      seq: changeSeq,
      kind: "claim.created",
      events: plan.events,
      at,
      inbox: plan.review === "none" ? [] : "article",
    });
    return claim.id;
  });
  // The author is the signed-in editor, named as their session names them.
  return createdDetails(plan, {
    id,
    articleId,
    author: { id: user.id, name: user.name },
    at,
    revision: article.revision,
  });
}

/**
 * A claim marked in an older revision (two editors at once: one saved a revision while the other
 * was selecting): placed in the current text by the same engine as every claim, when it finds the
 * passage verbatim; else refused, never stored at offsets of the wrong text.
 */
async function carriedToCurrent(
  articleId: string,
  input: CreateClaimInput,
  revision: number,
  current: { text: string; revision: number },
): Promise<CreateClaimInput> {
  const old = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number: revision } },
    select: { text: true },
  });
  if (!old || revision > current.revision) {
    throw new Problem(
      "invalid",
      `This article has no revision ${revision}: reload the article and mark the claim again.`,
    );
  }
  const carried = carryToRevision(old.text, current.text, input);
  if (!carried) throw articleChangedWhileMarking();
  return carried;
}

export async function updateClaim(user: SessionUser, id: string, input: UpdateClaimInput): Promise<ClaimDetails> {
  const before = await readDetails(id);
  const plan = planUpdate(
    before && { ...before, authorId: before.author.id, reviewState: before.review.state },
    input,
    user.id,
  );
  const claim = before!; // planUpdate refused a missing claim
  const at = new Date();
  const added = await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, claim.articleId);
    // Optimistic concurrency: only the version that was read and checked may be written.
    await writeAtVersion(
      tx,
      { id, authorId: user.id, version: plan.expectedVersion },
      {
        ...plan.set,
        ...(plan.review ? reviewColumns(plan.review, at) : {}),
        version: plan.version,
        changeSeq,
        updatedAt: at,
      },
    );
    // The decision the change undid stays, marked superseded (History shows it so).
    if (plan.review?.superseded)
      await tx.review.updateMany({ where: { claimId: id, supersededAt: null }, data: { supersededAt: at } });
    if (plan.removeSourceIds.length)
      await tx.source.deleteMany({ where: { id: { in: plan.removeSourceIds }, claimId: id } });
    const sources = plan.addSources.length
      ? await tx.source.createManyAndReturn({
          data: plan.addSources.map((source) => ({ ...source, claimId: id, addedById: user.id, createdAt: at })),
          select: { id: true, url: true, title: true, publisher: true, excerpt: true, createdAt: true },
        })
      : [];
    await recordClaimChange(tx, user, {
      articleId: claim.articleId,
      claimId: id,
      seq: changeSeq,
      kind: "claim.updated",
      events: plan.events,
      at,
      // Its review state moved: it enters or leaves colleagues' "awaiting my review".
      inbox: plan.review ? "article" : [],
    });
    return sources;
  });
  return updatedDetails(claim, plan, { at, addedBy: claim.author, added });
}

export async function deleteClaim(user: SessionUser, id: string, version?: number): Promise<void> {
  if (!isRecordId(id)) throw claimNotFound();
  const claim = await db.claim.findFirst({
    where: { id, deletedAt: null },
    select: { articleId: true, authorId: true, version: true },
  });
  const asAdmin = canOverrideClaims(roleOf(user.role));
  const plan = planDelete(claim, version, user.id, { asAdmin });
  const { articleId } = claim!; // planDelete refused a missing claim
  const at = new Date();
  await writeTransaction(async (tx) => {
    const changeSeq = await nextClaimSeq(tx, articleId);
    await writeAtVersion(
      tx,
      // An admin deletes whoever's claim it is (the history names the admin); an editor only their own.
      { id, ...(asAdmin ? {} : { authorId: user.id }), version: plan.expectedVersion },
      { deletedAt: at, version: plan.version, changeSeq, updatedAt: at },
    );
    await recordClaimChange(tx, user, {
      articleId,
      claimId: id,
      seq: changeSeq,
      kind: "claim.deleted",
      events: plan.events,
      at,
      inbox: "article",
    });
  });
}
