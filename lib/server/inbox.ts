import "server-only";
import {
  mergeEntries,
  replyItemKey,
  returnedItemKey,
  reviewItemKey,
  type InboxAnswer,
  type InboxEntry,
} from "@/lib/inbox/items";
import type { Prisma } from "@/generated/prisma/client";
import { db, writeTransaction } from "./db";
import { claimsAwaitingReviewBy, claimsReturnedTo, type ReviewInboxItem } from "./reviews";

/*
 * Each editor's inbox (decision 0016): entries derived from replies and reviews
 * by one function per source, and the person's InboxDone marks. A source returns its most
 * recent entries, at most SOURCE_LIMIT: the inbox is a to-do list, not an archive.
 */

const SOURCE_LIMIT = 200;
const QUOTE_LENGTH = 160;

/** One source of inbox entries for a person. */
export type InboxSource = (userId: string) => Promise<InboxEntry[]>;

const replyEntrySelect = {
  id: true,
  text: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  claim: { select: { id: true, exact: true, article: { select: { id: true, title: true } } } },
} satisfies Prisma.ReplySelect;

type ReplyEntryRow = Prisma.ReplyGetPayload<{ select: typeof replyEntrySelect }>;

const quoteOf = (exact: string) => (exact.length > QUOTE_LENGTH ? `${exact.slice(0, QUOTE_LENGTH - 1)}…` : exact);

function replyEntry(kind: "reply" | "mention", row: ReplyEntryRow): InboxEntry {
  return {
    key: replyItemKey(row.id),
    kind,
    at: row.createdAt.toISOString(),
    claim: {
      id: row.claim.id,
      articleId: row.claim.article.id,
      articleTitle: row.claim.article.title,
      quote: quoteOf(row.claim.exact),
    },
    from: row.author,
    text: row.text,
  };
}

/** Live replies on live claims, not the person's own. */
const liveReplyBy = (userId: string) =>
  ({ deletedAt: null, authorId: { not: userId }, claim: { deletedAt: null } }) satisfies Prisma.ReplyWhereInput;

/** Replies mentioning me. */
export const mentionsOf: InboxSource = async (userId) => {
  const rows = await db.reply.findMany({
    where: { ...liveReplyBy(userId), mentions: { some: { userId } } },
    select: replyEntrySelect,
    orderBy: { createdAt: "desc" },
    take: SOURCE_LIMIT,
  });
  return rows.map((row) => replyEntry("mention", row));
};

/** Replies on my claims by others. */
export const repliesOnClaimsOf: InboxSource = async (userId) => {
  const rows = await db.reply.findMany({
    where: { ...liveReplyBy(userId), claim: { deletedAt: null, authorId: userId } },
    select: replyEntrySelect,
    orderBy: { createdAt: "desc" },
    take: SOURCE_LIMIT,
  });
  return rows.map((row) => replyEntry("reply", row));
};

function reviewEntry(kind: "awaiting_review" | "returned", item: ReviewInboxItem): InboxEntry {
  return {
    key: kind === "awaiting_review" ? reviewItemKey(item.claimId, item.version) : returnedItemKey(item.claimId, item.version),
    kind,
    at: item.at,
    claim: { id: item.claimId, articleId: item.articleId, articleTitle: item.articleTitle, quote: quoteOf(item.quote) },
    from: item.by,
    text: item.comment ?? null,
  };
}

/** Colleagues' claims waiting for a second editor's review (lib/server/reviews.ts). */
export const awaitingMyReview: InboxSource = async (userId) =>
  (await claimsAwaitingReviewBy(userId)).map((item) => reviewEntry("awaiting_review", item));

/** My claims a reviewer returned, with the reviewer's comment. */
export const returnedToMe: InboxSource = async (userId) =>
  (await claimsReturnedTo(userId)).map((item) => reviewEntry("returned", item));

/**
 * Every source, in order of precedence: a key a source gave already is not repeated (a reply on
 * my claim that mentions me shows as the mention); then the reviews: claims awaiting my review, my claims returned to me.
 */
const SOURCES: InboxSource[] = [mentionsOf, repliesOnClaimsOf, awaitingMyReview, returnedToMe];

async function doneKeys(userId: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.inboxDone.findMany({ where: { userId, key: { in: keys } }, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}

/** The inbox, newest first: open items, or every item with `includeDone`; and how many are open. */
export async function readInbox(userId: string, options: { includeDone?: boolean } = {}): Promise<InboxAnswer> {
  const entries = await Promise.all(SOURCES.map((source) => source(userId)));
  const done = await doneKeys(userId, entries.flat().map((entry) => entry.key));
  const items = mergeEntries(entries, done);
  const open = items.filter((item) => !item.done).length;
  return { items: options.includeDone ? items : items.filter((item) => !item.done), open };
}

/** The header's number. */
export async function openInboxCount(userId: string): Promise<number> {
  return (await readInbox(userId)).open;
}

/**
 * Marks items done (or open again with `done: false`). Keys of items the person does not have
 * are ignored rather than refused: an item may have gone (its reply deleted) since the page loaded.
 */
export async function markInboxDone(userId: string, keys: string[], done = true): Promise<InboxAnswer> {
  const unique = [...new Set(keys)];
  const current = await readInbox(userId, { includeDone: true });
  const known = new Set(current.items.map((item) => item.key));
  const wanted = unique.filter((key) => known.has(key));
  const at = new Date();
  await writeTransaction(async (tx) => {
    if (!done) {
      await tx.inboxDone.deleteMany({ where: { userId, key: { in: wanted } } });
      return;
    }
    const existing = await tx.inboxDone.findMany({ where: { userId, key: { in: wanted } }, select: { key: true } });
    const fresh = wanted.filter((key) => !existing.some((row) => row.key === key));
    if (fresh.length) await tx.inboxDone.createMany({ data: fresh.map((key) => ({ userId, key, doneAt: at })) });
  });
  return readInbox(userId);
}
