import "server-only";
import type { ArticleDoc } from "@/lib/articles/document";
import { Problem } from "@/lib/errors";
import { planRevision, staleRevision, type RevisionFields, type RevisionSummary } from "@/lib/articles/revisions";
import type { ArticleMeta } from "@/lib/articles/schemas";
import { changedRanges, diffTexts, touchedByChange, type TextChange } from "@/lib/articles/revision-diff";
import { summaryOf } from "@/lib/claims/feed";
import {
  anchorInRevision,
  anchorStateOf,
  planReanchor,
  type AnchorState,
  type AnchorUpdate,
} from "@/lib/claims/reanchor";
import type { ClaimStatus } from "@/lib/claims/statuses";
import type { ClaimSummaries, ClaimSummary } from "@/lib/claims/types";
import { isRecordId } from "@/lib/ids";
import { isRole } from "@/lib/users/roles";
import { articleNotFound } from "./articles";
import { writeClaimAnchors } from "./claim-anchors";
import { listClaims } from "./claim-details";
import { db, writeTransaction, type Tx } from "./db";
import { publishChange } from "./live-bus";
import type { SessionUser } from "./session";

/*
 * Article revisions in the database. Saving one is one transaction: the article row moves to the
 * new revision only if it is still at the one that was read (the row lock orders two editors
 * saving at once: the second gets 409), the new revision row is written, and every live claim is
 * re-anchored in the new text and written with its anchor, its history event and the article's
 * next claimSeq, so the page's change feed brings every moved claim.
 */

export interface SavedRevision {
  revision: number;
  charsAdded: number;
  charsRemoved: number;
  /** How the article's live claims came out of it. */
  claims: Record<AnchorState, number>;
}

export interface RevisionInput extends RevisionFields {
  meta: ArticleMeta;
  /** The new body (TipTap JSON, as stored) and text, or "keep" for the current ones (only the details change). */
  content: { body: string; text: string } | "keep";
}

const currentSelect = {
  createdById: true,
  revision: true,
  body: true,
  text: true,
  title: true,
  outlet: true,
  author: true,
  url: true,
  publishedAt: true,
} as const;

const nullable = (meta: ArticleMeta) => ({
  title: meta.title,
  outlet: meta.outlet ?? null,
  author: meta.author ?? null,
  url: meta.url ?? null,
  publishedAt: meta.publishedAt ?? null,
});

export async function saveRevision(user: SessionUser, articleId: string, input: RevisionInput): Promise<SavedRevision> {
  if (!isRecordId(articleId)) throw articleNotFound();
  const row = await db.article.findUnique({ where: { id: articleId }, select: currentSelect });
  if (!row) throw articleNotFound();
  const role = isRole(user.role) ? user.role : "EDITOR";
  const body = input.content === "keep" ? row.body : input.content.body;
  const text = input.content === "keep" ? row.text : input.content.text;
  const current = {
    ...row,
    outlet: row.outlet ?? undefined,
    author: row.author ?? undefined,
    url: row.url ?? undefined,
    publishedAt: row.publishedAt ?? undefined,
  };
  const plan = planRevision({ id: user.id, role }, current, {
    meta: input.meta,
    body,
    text: text,
    baseRevision: input.baseRevision,
  });
  const at = new Date();

  const claims = await writeTransaction(async (tx) => {
    const claimSeq = await moveToRevision(tx, articleId, row.revision, {
      ...nullable(input.meta),
      body,
      text: text,
      revision: plan.number,
    });
    await tx.articleRevision.create({
      data: {
        articleId,
        number: plan.number,
        body,
        text: text,
        note: input.note,
        charsAdded: plan.charsAdded,
        charsRemoved: plan.charsRemoved,
        createdById: user.id,
        createdAt: at,
      },
      select: { id: true },
    });
    // Read inside the transaction, after the article row's lock: a claim created against the
    // old revision either committed before (and is here) or waits and then finds the new one.
    const live = await tx.claim.findMany({
      where: { articleId, deletedAt: null },
      select: {
        id: true,
        anchorState: true,
        anchorStart: true,
        anchorEnd: true,
        anchorScore: true,
        quoteExact: true,
        quotePrefix: true,
        quoteSuffix: true,
        quoteStart: true,
        quoteEnd: true,
      },
    });
    const updates = planReanchor(
      text,
      plan.number,
      live.map((claim) => ({
        id: claim.id,
        state: anchorStateOf(claim.anchorState),
        quote: {
          exact: claim.quoteExact,
          prefix: claim.quotePrefix,
          suffix: claim.quoteSuffix,
          start: claim.quoteStart,
          end: claim.quoteEnd,
        },
        ...(claim.anchorStart !== null && claim.anchorEnd !== null
          ? { candidate: { start: claim.anchorStart, end: claim.anchorEnd, score: claim.anchorScore } }
          : {}),
      })),
      plan.changes,
    );
    await writeAnchors(tx, updates, { claimSeq, actorId: user.id, at });
    await publishChange(tx, {
      articleId,
      seq: claimSeq,
      kind: "revision.saved",
      claimId: null,
      actor: user,
      inbox: [],
    });
    return updates;
  });

  const counts: Record<AnchorState, number> = { placed: 0, needs_confirmation: 0, not_placed: 0 };
  for (const update of claims) counts[update.anchor.state]++;
  return { revision: plan.number, charsAdded: plan.charsAdded, charsRemoved: plan.charsRemoved, claims: counts };
}

/**
 * The article's first write in the transaction: it moves to the new revision only if it is still
 * at `from` (else 409), and its claimSeq moves on; the new claimSeq stamps every re-anchored claim.
 */
async function moveToRevision(
  tx: Tx,
  articleId: string,
  from: number,
  data: ReturnType<typeof nullable> & { body: string; text: string; revision: number },
): Promise<number> {
  try {
    const article = await tx.article.update({
      where: { id: articleId, revision: from },
      data: { ...data, claimSeq: { increment: 1 } },
      select: { claimSeq: true },
    });
    return article.claimSeq;
  } catch (error) {
    // P2025: no row at that revision: someone saved one in between, or the article is gone.
    if (error instanceof Error && "code" in error && error.code === "P2025") throw staleRevision(from + 1);
    throw error;
  }
}

async function writeAnchors(
  tx: Tx,
  updates: readonly AnchorUpdate[],
  stamp: { claimSeq: number; actorId: string; at: Date },
): Promise<void> {
  await writeClaimAnchors(tx, updates, stamp.claimSeq);
  const events = updates.flatMap((update) =>
    update.event ? [{ ...update.event, claimId: update.id, actorId: stamp.actorId, createdAt: stamp.at }] : [],
  );
  if (events.length) await tx.claimEvent.createMany({ data: events });
}

/** The article's revisions, newest first. */
export async function listRevisions(articleId: string): Promise<RevisionSummary[]> {
  if (!isRecordId(articleId)) throw articleNotFound();
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      revision: true,
      revisions: {
        select: {
          number: true,
          createdAt: true,
          note: true,
          charsAdded: true,
          charsRemoved: true,
          createdBy: { select: { id: true, name: true } },
        },
        orderBy: { number: "desc" },
      },
    },
  });
  if (!article) throw articleNotFound();
  return article.revisions.map((revision) => ({
    number: revision.number,
    createdAt: revision.createdAt.toISOString(),
    createdBy: revision.createdBy,
    note: revision.note,
    charsAdded: revision.charsAdded,
    charsRemoved: revision.charsRemoved,
    current: revision.number === article.revision,
  }));
}

/** One revision's body and text (404 when the article has no such revision). */
export async function getRevision(
  articleId: string,
  number: number,
): Promise<{ number: number; doc: ArticleDoc; text: string }> {
  if (!isRecordId(articleId) || !Number.isInteger(number) || number < 1) throw revisionNotFound();
  const row = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number } },
    select: { number: true, body: true, text: true },
  });
  if (!row) throw revisionNotFound();
  return { number: row.number, doc: JSON.parse(row.body) as ArticleDoc, text: row.text };
}

const revisionNotFound = () =>
  new Problem("not_found", "This article has no such revision: choose one from its list of revisions.");

/**
 * An older revision as the article page shows it: its body and text, and the article's claims as
 * they were placed in it (claims marked later are left out).
 */
export async function readOldRevision(
  articleId: string,
  number: number,
  user: SessionUser,
): Promise<{ revision: { number: number; doc: ArticleDoc; text: string }; claims: ClaimSummaries }> {
  const revision = await getRevision(articleId, number);
  const claims = await listClaims(articleId, {}, user);
  const summaries: ClaimSummary[] = [];
  for (const claim of claims) {
    const anchor = anchorInRevision(claim, revision.text, number);
    if (anchor) summaries.push({ ...summaryOf(claim), anchor });
  }
  const people = Object.fromEntries(claims.map((claim) => [claim.author.id, claim.author.name]));
  return { revision, claims: { claims: summaries, people, cursor: "0" } };
}

export interface RevisionComparison {
  before: { number: number; text: string };
  after: RevisionSummary;
  changes: TextChange[];
  /** Claims whose passage in the older revision the change touched. */
  touched: { id: string; passage: string; author: string; status: ClaimStatus }[];
}

/** Revision `number` against the one before it: the changes, and the claims they touched. */
export async function compareWithPrevious(
  articleId: string,
  number: number,
  user: SessionUser,
): Promise<RevisionComparison> {
  if (!Number.isInteger(number) || number < 2) throw revisionNotFound();
  const [before, after, list, claims] = await Promise.all([
    getRevision(articleId, number - 1),
    getRevision(articleId, number),
    listRevisions(articleId),
    listClaims(articleId, {}, user),
  ]);
  const summary = list.find((entry) => entry.number === number);
  if (!summary) throw revisionNotFound();
  const changes = diffTexts(before.text, after.text);
  const ranges = changedRanges(changes);
  const touched = claims.flatMap((claim) => {
    const anchor = anchorInRevision(claim, before.text, before.number);
    if (!anchor || anchor.start === null || anchor.end === null) return [];
    if (!touchedByChange(ranges, anchor.start, anchor.end)) return [];
    return [
      {
        id: claim.id,
        passage: before.text.slice(anchor.start, anchor.end),
        author: claim.author.name,
        status: claim.status,
      },
    ];
  });
  return { before: { number: before.number, text: before.text }, after: summary, changes, touched };
}
