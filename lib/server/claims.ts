import "server-only";
import { describeRange, validateSelectors } from "@/lib/anchoring";
import { Problem } from "@/lib/errors";
import { isEventKind, type EventKind } from "@/lib/claims/history";
import type { ClaimFilter, CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { isStatus, statusRuleViolation } from "@/lib/claims/statuses";
import type { ClaimView } from "@/lib/claims/types";
import type { Prisma } from "@/generated/prisma/client";
import { articleNotFound } from "./articles";
import { db, withBusyRetry, writeTransaction } from "./db";
import type { SessionUser } from "./session";

const person = { select: { id: true, name: true } } as const;

const claimSelect = {
  id: true,
  articleId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  status: true,
  note: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: person,
  sources: {
    select: { id: true, url: true, title: true, publisher: true, excerpt: true, createdAt: true, addedBy: person },
    orderBy: { createdAt: "asc" },
  },
  events: {
    select: { id: true, kind: true, fromValue: true, toValue: true, createdAt: true, actor: person },
    // Events of one write share a timestamp; cuids grow within a process, so id keeps write order.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

function toView(row: ClaimRow): ClaimView {
  return {
    id: row.id,
    articleId: row.articleId,
    author: row.author,
    position: { start: row.start, end: row.end },
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    status: isStatus(row.status) ? row.status : "UNVERIFIED",
    note: row.note,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sources: row.sources.map((source) => ({ ...source, createdAt: source.createdAt.toISOString() })),
    history: row.events.flatMap((event) =>
      isEventKind(event.kind)
        ? [
            {
              id: event.id,
              kind: event.kind,
              actor: event.actor,
              from: event.fromValue,
              to: event.toValue,
              at: event.createdAt.toISOString(),
            },
          ]
        : [],
    ),
  };
}

const notFound = () => new Problem("not_found", "There is no such claim. It may have been deleted.");

export async function listClaims(articleId: string, filter: ClaimFilter, user: SessionUser): Promise<ClaimView[]> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw articleNotFound();
  const rows = await db.claim.findMany({
    where: {
      articleId,
      deletedAt: null,
      ...(filter.user ? { authorId: filter.user === "me" ? user.id : filter.user } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    select: claimSelect,
    orderBy: [{ start: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toView);
}

export async function getClaim(id: string): Promise<ClaimView> {
  const row = await db.claim.findFirst({ where: { id, deletedAt: null }, select: claimSelect });
  if (!row) throw notFound();
  return toView(row);
}

export async function createClaim(user: SessionUser, articleId: string, input: CreateClaimInput): Promise<ClaimView> {
  // Articles do not change once added, so their text can be read before the write.
  const article = await db.article.findUnique({ where: { id: articleId }, select: { text: true } });
  if (!article) throw articleNotFound();
  const position = { type: "TextPositionSelector" as const, ...input.position };
  const quote = { type: "TextQuoteSelector" as const, ...input.quote };
  const problem = validateSelectors(article.text, position, quote);
  if (problem) throw new Problem("invalid", problem);
  const status = input.status ?? "UNVERIFIED";
  const ruleBroken = statusRuleViolation(status, 0);
  if (ruleBroken) throw new Problem("invalid", ruleBroken);

  // Store canonical selectors (whole characters, context cut from the text itself).
  const canonical = describeRange(article.text, position.start, position.end);
  const events: Prisma.ClaimEventCreateWithoutClaimInput[] = [{ actor: { connect: { id: user.id } }, kind: "created" }];
  if (status !== "UNVERIFIED")
    events.push({ actor: { connect: { id: user.id } }, kind: "status", fromValue: "UNVERIFIED", toValue: status });
  // One nested create: Prisma writes the claim and its history in a single transaction.
  const { id } = await withBusyRetry(() =>
    db.claim.create({
      data: {
        article: { connect: { id: articleId } },
        author: { connect: { id: user.id } },
        start: canonical.position.start,
        end: canonical.position.end,
        exact: canonical.quote.exact,
        prefix: canonical.quote.prefix,
        suffix: canonical.quote.suffix,
        status,
        note: input.note ?? "",
        events: { create: events },
      },
      select: { id: true },
    }),
  );
  return getClaim(id);
}

/** Reads a live claim for a write: 404 when missing, 403 when someone else's, 409 when stale. */
async function claimForWrite(user: SessionUser, id: string, version: number | undefined) {
  const claim = await db.claim.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      authorId: true,
      version: true,
      status: true,
      note: true,
      _count: { select: { sources: true } },
    },
  });
  if (!claim) throw notFound();
  if (claim.authorId !== user.id)
    throw new Problem("forbidden", "This claim belongs to another editor: you can read it but not change it.");
  if (version !== undefined && version !== claim.version) throw staleVersion();
  return claim;
}

function staleVersion(): Problem {
  return new Problem(
    "conflict",
    "Someone changed this claim after you loaded it. Reload to see the latest version, then try again.",
  );
}

/**
 * Optimistic concurrency: the claim is read and checked outside the transaction, and the
 * transaction's first statement updates it only if its version is still the one read. Every
 * change to a claim or its sources bumps the version, so a matching version proves that what
 * we checked is still true, and the write lock is held for a few statements only.
 */
async function bumpVersion(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  id: string,
  version: number,
  data: Prisma.ClaimUpdateManyMutationInput,
) {
  const written = await tx.claim.updateMany({
    where: { id, authorId: user.id, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (written.count !== 1) throw staleVersion();
}

export async function updateClaim(user: SessionUser, id: string, input: UpdateClaimInput): Promise<ClaimView> {
  const claim = await claimForWrite(user, id, input.version);
  const removeIds = [...new Set(input.removeSourceIds ?? [])];
  const removed = removeIds.length
    ? await db.source.findMany({ where: { id: { in: removeIds }, claimId: id }, select: { id: true, title: true } })
    : [];
  if (removed.length !== removeIds.length)
    throw new Problem("invalid", "A source to remove does not belong to this claim. Reload and try again.");
  const added = input.addSources ?? [];

  const status = input.status ?? (isStatus(claim.status) ? claim.status : "UNVERIFIED");
  const ruleBroken = statusRuleViolation(status, claim._count.sources - removed.length + added.length);
  if (ruleBroken) throw new Problem("invalid", ruleBroken);

  const events: Array<{ kind: EventKind; fromValue?: string | null; toValue?: string | null }> = [];
  if (input.status !== undefined && input.status !== claim.status)
    events.push({ kind: "status", fromValue: claim.status, toValue: input.status });
  if (input.note !== undefined && input.note !== claim.note)
    events.push({ kind: "note", fromValue: claim.note, toValue: input.note });
  for (const source of added) events.push({ kind: "source_added", toValue: source.title });
  for (const source of removed) events.push({ kind: "source_removed", fromValue: source.title });

  await writeTransaction(async (tx) => {
    await bumpVersion(tx, user, id, claim.version, {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    if (removed.length) await tx.source.deleteMany({ where: { id: { in: removeIds }, claimId: id } });
    if (added.length) {
      await tx.source.createMany({ data: added.map((source) => ({ ...source, claimId: id, addedById: user.id })) });
    }
    if (events.length)
      await tx.claimEvent.createMany({ data: events.map((event) => ({ ...event, claimId: id, actorId: user.id })) });
  });
  return getClaim(id);
}

export async function deleteClaim(user: SessionUser, id: string, version?: number): Promise<void> {
  const claim = await claimForWrite(user, id, version);
  await writeTransaction(async (tx) => {
    await bumpVersion(tx, user, id, claim.version, { deletedAt: new Date() });
    await tx.claimEvent.create({ data: { claimId: id, actorId: user.id, kind: "deleted" } });
  });
}
