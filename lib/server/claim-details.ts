import "server-only";
import { claimNotFound } from "@/lib/claims/changes";
import { scopeOf } from "@/lib/claims/feed";
import { isEventKind } from "@/lib/claims/history";
import type { ClaimFilter } from "@/lib/claims/schemas";
import type { ClaimDetails, ClaimEventView, ClaimView, People } from "@/lib/claims/types";
import { isRecordId } from "@/lib/ids";
import type { Prisma } from "@/generated/prisma/client";
import { claimSeqOf } from "./claim-feed";
import {
  anchorOf,
  anchorSelect,
  iso,
  namesOf,
  person,
  readingOrder,
  reviewOf,
  reviewSelect,
  statusOf,
} from "./claim-rows";
import { db } from "./db";
import type { SessionUser } from "./session";

/*
 * Whole claims: one claim's details (a card) and history, and every live claim of an article in
 * full (the W3C collection, the verification report, an older revision's view).
 */

const detailsSelect = {
  id: true,
  articleId: true,
  authorId: true,
  revision: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  ...anchorSelect,
  ...reviewSelect,
  status: true,
  note: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  sources: {
    select: { id: true, url: true, title: true, publisher: true, excerpt: true, createdAt: true, addedById: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ClaimSelect;

type DetailsRow = Prisma.ClaimGetPayload<{ select: typeof detailsSelect }>;

const eventSelect = {
  id: true,
  claimId: true,
  kind: true,
  fromValue: true,
  toValue: true,
  createdAt: true,
  actorId: true,
} satisfies Prisma.ClaimEventSelect;

// Events of one write share a timestamp; cuids grow within a process, so id keeps write order.
const eventOrder = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ClaimEventOrderByWithRelationInput[];

type EventRow = Prisma.ClaimEventGetPayload<{ select: typeof eventSelect }>;

const peopleOfDetails = (row: DetailsRow) => [
  row.authorId,
  ...(row.reviewById ? [row.reviewById] : []),
  ...row.sources.map((source) => source.addedById),
];

function toDetails(row: DetailsRow, people: People): ClaimDetails {
  return {
    id: row.id,
    articleId: row.articleId,
    author: person(people, row.authorId),
    revision: row.revision,
    position: { start: row.start, end: row.end },
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    anchor: anchorOf(row),
    status: statusOf(row.status),
    review: reviewOf(row, people),
    note: row.note,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    sources: row.sources.map(({ addedById, createdAt, ...source }) => ({
      ...source,
      addedBy: person(people, addedById),
      createdAt: iso(createdAt),
    })),
  };
}

function toEvents(rows: EventRow[], people: People): ClaimEventView[] {
  return rows.flatMap((event) =>
    isEventKind(event.kind)
      ? [
          {
            id: event.id,
            kind: event.kind,
            actor: person(people, event.actorId),
            from: event.fromValue,
            to: event.toValue,
            at: iso(event.createdAt),
          },
        ]
      : [],
  );
}

/** A live claim with its sources and the names they need, or null. */
export async function readDetails(id: string): Promise<ClaimDetails | null> {
  if (!isRecordId(id)) return null;
  const row = await db.claim.findFirst({ where: { id, deletedAt: null }, select: detailsSelect });
  return row ? toDetails(row, await namesOf(peopleOfDetails(row))) : null;
}

/** One claim as a card shows it, without history: 404 when deleted or unknown. */
export async function getClaimDetails(id: string): Promise<ClaimDetails> {
  const claim = await readDetails(id);
  if (!claim) throw claimNotFound();
  return claim;
}

/** A claim's history, oldest first: 404 when deleted or unknown. */
export async function getClaimHistory(id: string): Promise<ClaimEventView[]> {
  if (!isRecordId(id)) throw claimNotFound();
  const claim = await db.claim.findFirst({
    where: { id, deletedAt: null },
    select: { events: { select: eventSelect, orderBy: eventOrder } },
  });
  if (!claim) throw claimNotFound();
  return toEvents(claim.events, await namesOf(claim.events.map((event) => event.actorId)));
}

/**
 * Every live claim of the article in full, in reading order: for the W3C collection and the
 * verification report. History only when asked for (the report's "last change" and editors).
 */
export async function listClaims(
  articleId: string,
  filter: ClaimFilter,
  user: SessionUser,
  options: { history: boolean } = { history: false },
): Promise<ClaimView[]> {
  await claimSeqOf(articleId);
  const scope = scopeOf(filter, user.id);
  const rows = await db.claim.findMany({
    where: {
      articleId,
      deletedAt: null,
      ...(scope.authorId ? { authorId: scope.authorId } : {}),
      ...(scope.status ? { status: scope.status } : {}),
    },
    select: { ...detailsSelect, ...(options.history ? { events: { select: eventSelect, orderBy: eventOrder } } : {}) },
    orderBy: readingOrder,
  });
  const eventsOf = (row: DetailsRow): EventRow[] => ("events" in row ? (row.events as EventRow[]) : []);
  const people = await namesOf(
    rows.flatMap((row) => [...peopleOfDetails(row), ...eventsOf(row).map((e) => e.actorId)]),
  );
  return rows.map((row) => ({ ...toDetails(row, people), history: toEvents(eventsOf(row), people) }));
}
