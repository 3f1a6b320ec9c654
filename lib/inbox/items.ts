import type { PersonRef } from "@/lib/claims/types";

/**
 * The inbox (decision 0016): items are derived from what happened (replies, mentions, reviews);
 * only "done" is stored, per person and item key (InboxDone). A key names what the item is
 * about, so the same event never shows twice and a new event is a new item:
 * - "reply:REPLY_ID": a reply on my claim, or a reply mentioning me (one item if both);
 * - "review:CLAIM_ID:VERSION": a claim awaiting my review, at that version of the claim;
 * - "returned:REVIEW_ID": my claim returned to me.
 */
export const INBOX_KINDS = ["reply", "mention", "awaiting_review", "returned"] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export interface InboxItem {
  key: string;
  kind: InboxKind;
  /** When it happened: the inbox lists newest first. */
  at: string;
  claim: { id: string; articleId: string; articleTitle: string; quote: string };
  /** Who did it (the reply's author, the reviewer, the claim's author). */
  from: PersonRef | null;
  /** The reply's text or the reviewer's comment. */
  text: string | null;
  done: boolean;
}

/** An item as a source finds it, before the person's "done" marks are applied. */
export type InboxEntry = Omit<InboxItem, "done">;

/** GET /api/inbox: the items (open ones, or all with ?done=include) and the number still open. */
export interface InboxAnswer {
  items: InboxItem[];
  open: number;
}

export const replyItemKey = (replyId: string) => `reply:${replyId}`;
export const reviewItemKey = (claimId: string, version: number) => `review:${claimId}:${version}`;
/** A claim returned at one version: returned again later (after a change), it is a new item. */
export const returnedItemKey = (claimId: string, version: number) => `returned:${claimId}:${version}`;

/**
 * The entries of every source as one list, newest first: an entry whose key came already (a
 * reply on my claim that also mentions me) shows once, as the first source gave it.
 */
export function mergeEntries(sources: readonly (readonly InboxEntry[])[], done: ReadonlySet<string>): InboxItem[] {
  const byKey = new Map<string, InboxItem>();
  for (const entries of sources) {
    for (const entry of entries) {
      if (!byKey.has(entry.key)) byKey.set(entry.key, { ...entry, done: done.has(entry.key) });
    }
  }
  return [...byKey.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.key.localeCompare(b.key));
}

export const INBOX_KIND_LABEL: Record<InboxKind, string> = {
  reply: "Reply on your claim",
  mention: "Mentioned you",
  awaiting_review: "Awaiting your review",
  returned: "Returned to you",
};
