/*
 * Live updates (decision 0018): what the server announces to open pages, as plain data. An
 * announcement is a compact pointer — which article moved to which step of its change feed
 * (Article.claimSeq), what kind of change it was and who made it — never the claim itself: the page
 * fetches the change feed (decision 0007), so access rules stay in one place and a missed
 * announcement costs nothing but a later fetch.
 */

export const LIVE_CHANGE_KINDS = [
  "claim.created",
  "claim.updated",
  "claim.placed",
  "claim.deleted",
  "claim.reassigned",
  "claim.reviewed",
  "reply.posted",
  "reply.edited",
  "reply.deleted",
  "revision.saved",
] as const;
export type LiveChangeKind = (typeof LIVE_CHANGE_KINDS)[number];

export interface LiveActor {
  id: string;
  name: string;
}

/**
 * Whose inbox the change may alter: the named people, or (`"article"`) everyone who works on the
 * article (a claim's review state moved: it enters or leaves "awaiting my review").
 */
export type InboxScope = readonly string[] | "article";

/** One committed change of an article, as published between instances. */
export interface LiveChange {
  articleId: string;
  /** The article's claimSeq after the change: the SSE event id. */
  seq: number;
  kind: LiveChangeKind;
  claimId: string | null;
  actor: LiveActor;
  inbox: InboxScope;
}

/** What a page receives in a `change` event (no inbox recipients: they are nobody else's business). */
export interface LiveChangeEvent {
  seq: number;
  kind: LiveChangeKind;
  claimId: string | null;
  actor: LiveActor;
}

export const publicChange = (change: LiveChange): LiveChangeEvent => ({
  seq: change.seq,
  kind: change.kind,
  claimId: change.claimId,
  actor: change.actor,
});

const VERB: Record<LiveChangeKind, string> = {
  "claim.created": "marked a claim",
  "claim.updated": "changed a claim",
  "claim.placed": "placed a claim in the new text",
  "claim.deleted": "deleted a claim",
  "claim.reassigned": "reassigned a claim",
  "claim.reviewed": "reviewed a claim",
  "reply.posted": "replied on a claim",
  "reply.edited": "edited a reply",
  "reply.deleted": "deleted a reply",
  "revision.saved": "saved a new revision of the article",
};

/** The sentence a screen reader hears: "Sam Second marked a claim". */
export function announcementOf(event: Pick<LiveChangeEvent, "kind" | "actor">): string {
  return `${event.actor.name || "A colleague"} ${VERB[event.kind]}`;
}

export function isLiveChange(value: unknown): value is LiveChange {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.articleId === "string" &&
    typeof v.seq === "number" &&
    Number.isSafeInteger(v.seq) &&
    (LIVE_CHANGE_KINDS as readonly string[]).includes(v.kind as string) &&
    (v.claimId === null || typeof v.claimId === "string") &&
    !!v.actor &&
    typeof (v.actor as LiveActor).id === "string" &&
    typeof (v.actor as LiveActor).name === "string" &&
    (v.inbox === "article" || (Array.isArray(v.inbox) && v.inbox.every((id) => typeof id === "string")))
  );
}

/**
 * `Last-Event-ID` (or `?lastEventId=`): the feed step the page last heard of. Anything but a
 * whole number is ignored (the stream then starts as for a fresh page).
 */
export function parseLastEventId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** One Server-Sent Event, with an id only for feed steps (presence and inbox hints keep the last id). */
export function formatSse(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies from closing an idle stream; EventSource ignores it. */
export const SSE_HEARTBEAT = ": keep-alive\n\n";
