import "server-only";
import { claimNotFound } from "@/lib/claims/changes";
import { mentionedIds } from "@/lib/discussion/mentions";
import type { ReplyInput } from "@/lib/discussion/schemas";
import type { ReplyThread, ReplyView } from "@/lib/discussion/types";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import type { Prisma } from "@/generated/prisma/client";
import type { LiveChangeKind } from "@/lib/live/events";
import { db, writeTransaction, type Tx } from "./db";
import { publishChange } from "./live-bus";
import { listActivePeople } from "./people";
import type { SessionUser } from "./session";

/*
 * A claim's discussion (decision 0016). Each write is one transaction: the reply row, its
 * mentions, and a step of the article's claims feed (Article.claimSeq, Claim.changeSeq) so that
 * pages showing the article see the claim's new reply count. The claim's version and updatedAt
 * stay: a reply is not a change to the claim's rating.
 */

const replySelect = {
  id: true,
  claimId: true,
  text: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.ReplySelect;

type ReplyRow = Prisma.ReplyGetPayload<{ select: typeof replySelect }>;

function toView(row: ReplyRow): ReplyView {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    claimId: row.claimId,
    author: row.author,
    // The text of a deleted reply is never sent.
    text: deleted ? null : row.text,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
  };
}

const replyNotFound = () => new Problem("not_found", "There is no such reply. It may have been deleted.");

async function liveClaim(claimId: string) {
  if (!isRecordId(claimId)) throw claimNotFound();
  const claim = await db.claim.findFirst({
    where: { id: claimId, deletedAt: null },
    select: { id: true, articleId: true, authorId: true, updatedAt: true },
  });
  if (!claim) throw claimNotFound();
  return claim;
}

/** The thread, oldest first, with deleted replies in their place. 404 for a deleted claim. */
export async function listReplies(claimId: string): Promise<ReplyThread> {
  await liveClaim(claimId);
  const rows = await db.reply.findMany({
    where: { claimId },
    select: replySelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const replies = rows.map(toView);
  return { replies, count: replies.filter((reply) => !reply.deleted).length };
}

/** Live replies per claim, for the claim summaries (one grouped query). */
export async function replyCounts(where: Prisma.ReplyWhereInput): Promise<Map<string, number>> {
  const groups = await db.reply.groupBy({
    by: ["claimId"],
    where: { ...where, deletedAt: null },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.claimId, group._count._all]));
}

/**
 * Refuses a write by an account deactivated since its session began (sessions of a deactivated
 * account end at once, decision 0011; this is the write's own check, inside its transaction).
 */
async function assertActive(tx: Tx, userId: string): Promise<void> {
  const author = await tx.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
  if (!author || author.deactivatedAt) {
    throw new Problem("forbidden", "Your account is deactivated, so you cannot post or change replies. Ask an admin.");
  }
}

type ClaimRef = { id: string; articleId: string; authorId: string; updatedAt: Date };

/**
 * The claim's step in its article's feed, keeping the claim's own updatedAt (see above), announced
 * to open pages after commit; `inbox` are the people whose inbox the reply may change (the claim's
 * author, who is mentioned).
 */
async function touchClaim(
  tx: Tx,
  claim: ClaimRef,
  change: { kind: LiveChangeKind; user: SessionUser; inbox: string[] },
): Promise<void> {
  const article = await tx.article.update({
    where: { id: claim.articleId },
    data: { claimSeq: { increment: 1 } },
    select: { claimSeq: true },
  });
  await tx.claim.update({
    where: { id: claim.id },
    data: { changeSeq: article.claimSeq, updatedAt: claim.updatedAt },
    select: { id: true },
  });
  await publishChange(tx, {
    articleId: claim.articleId,
    seq: article.claimSeq,
    kind: change.kind,
    claimId: claim.id,
    actor: change.user,
    inbox: [...new Set([claim.authorId, ...change.inbox])].filter((id) => id !== change.user.id),
  });
}

async function mentionsOf(text: string, authorId: string): Promise<string[]> {
  if (!text.includes("@")) return [];
  return mentionedIds(text, await listActivePeople()).filter((id) => id !== authorId);
}

export async function postReply(user: SessionUser, claimId: string, input: ReplyInput): Promise<ReplyView> {
  const claim = await liveClaim(claimId);
  const mentioned = await mentionsOf(input.text, user.id);
  const at = new Date();
  const row = await writeTransaction(async (tx) => {
    await assertActive(tx, user.id);
    await touchClaim(tx, claim, { kind: "reply.posted", user, inbox: mentioned });
    const reply = await tx.reply.create({
      data: { claimId, authorId: user.id, text: input.text, createdAt: at },
      select: replySelect,
    });
    if (mentioned.length) {
      await tx.mention.createMany({ data: mentioned.map((userId) => ({ replyId: reply.id, userId, createdAt: at })) });
    }
    return reply;
  });
  return toView(row);
}

/** A live reply on a live claim, and whether it is the user's: 404 or 403 otherwise. */
async function ownReply(user: SessionUser, replyId: string) {
  if (!isRecordId(replyId)) throw replyNotFound();
  const reply = await db.reply.findFirst({
    where: { id: replyId, deletedAt: null, claim: { deletedAt: null } },
    select: {
      id: true,
      authorId: true,
      claim: { select: { id: true, articleId: true, authorId: true, updatedAt: true } },
    },
  });
  if (!reply) throw replyNotFound();
  if (reply.authorId !== user.id) throw new Problem("forbidden", "You can only change your own replies.");
  return reply;
}

export async function editReply(user: SessionUser, replyId: string, input: ReplyInput): Promise<ReplyView> {
  const reply = await ownReply(user, replyId);
  const mentioned = await mentionsOf(input.text, user.id);
  const at = new Date();
  const row = await writeTransaction(async (tx) => {
    await assertActive(tx, user.id);
    const written = await tx.reply.updateMany({
      where: { id: replyId, authorId: user.id, deletedAt: null },
      data: { text: input.text, editedAt: at },
    });
    if (written.count !== 1) throw replyNotFound();
    // Who is mentioned follows the text; a mention kept keeps its time (and its inbox item).
    const before = await tx.mention.findMany({ where: { replyId }, select: { userId: true } });
    await tx.mention.deleteMany({ where: { replyId, userId: { notIn: mentioned } } });
    if (mentioned.length) {
      const kept = await tx.mention.findMany({ where: { replyId }, select: { userId: true } });
      const added = mentioned.filter((id) => !kept.some((mention) => mention.userId === id));
      if (added.length)
        await tx.mention.createMany({ data: added.map((userId) => ({ replyId, userId, createdAt: at })) });
    }
    await touchClaim(tx, reply.claim, {
      kind: "reply.edited",
      user,
      inbox: [...mentioned, ...before.map((mention) => mention.userId)],
    });
    return tx.reply.findUniqueOrThrow({ where: { id: replyId }, select: replySelect });
  });
  return toView(row);
}

/** Keeps the row ("Reply deleted") and empties its text; its mentions go with the text. */
export async function deleteReply(user: SessionUser, replyId: string): Promise<void> {
  const reply = await ownReply(user, replyId);
  const at = new Date();
  await writeTransaction(async (tx) => {
    const written = await tx.reply.updateMany({
      where: { id: replyId, authorId: user.id, deletedAt: null },
      data: { deletedAt: at, text: "" },
    });
    if (written.count !== 1) throw replyNotFound();
    const mentioned = await tx.mention.findMany({ where: { replyId }, select: { userId: true } });
    await tx.mention.deleteMany({ where: { replyId } });
    await touchClaim(tx, reply.claim, {
      kind: "reply.deleted",
      user,
      inbox: mentioned.map((mention) => mention.userId),
    });
  });
}
