/**
 * The reference store: what lib/server/claims.ts does per request, hand-written on better-sqlite3
 * with prepared statements (same schema, same validation, same transactions, same response
 * shape). It shows what the ORM layer costs on top of SQLite itself.
 */
import Database from "better-sqlite3";
import { describeRange, validateSelectors } from "@/lib/anchoring";
import { isEventKind } from "@/lib/claims/history";
import type { ClaimFilter, CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { isStatus, statusRuleViolation } from "@/lib/claims/statuses";
import type { ClaimEventView, ClaimView, SourceView } from "@/lib/claims/types";
import { sqliteFilePath } from "@/lib/config/database-url";
import { Problem } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/session";
import type { ClaimStore } from "./baseline-server";

interface ClaimRow {
  id: string;
  articleId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: string;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  authorId: string;
  authorName: string;
}
interface SourceRow {
  id: string;
  claimId: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  createdAt: string;
  addedById: string;
  addedByName: string;
}
interface EventRow {
  id: string;
  claimId: string;
  kind: string;
  fromValue: string | null;
  toValue: string | null;
  createdAt: string;
  actorId: string;
  actorName: string;
}

const CLAIM_COLUMNS = `c.id, c.articleId, c.start, c."end", c.exact, c.prefix, c.suffix, c.status, c.note, c.version,
  c.createdAt, c.updatedAt, u.id AS authorId, u.name AS authorName`;
const SOURCE_COLUMNS = `s.id, s.claimId, s.url, s.title, s.publisher, s.excerpt, s.createdAt, u.id AS addedById, u.name AS addedByName`;
const EVENT_COLUMNS = `e.id, e.claimId, e.kind, e.fromValue, e.toValue, e.createdAt, u.id AS actorId, u.name AS actorName`;

/** Prisma stores DateTime in SQLite as ISO text with "+00:00"; written the same way here. */
const now = () => new Date().toISOString().replace("Z", "+00:00");
const iso = (stored: string) => new Date(stored).toISOString();

function idMaker(): () => string {
  let counter = 0;
  const stamp = Date.now().toString(36);
  return () => `craw${stamp}${(counter++).toString(36).padStart(8, "0")}`;
}

const notFound = () => new Problem("not_found", "There is no such claim. It may have been deleted.");
const articleNotFound = () => new Problem("not_found", "There is no article with this id. It may have been removed.");
const staleVersion = () =>
  new Problem(
    "conflict",
    "Someone changed this claim after you loaded it. Reload to see the latest version, then try again.",
  );

export function createRawStore(databaseUrl: string): ClaimStore {
  // Same connection settings as the app's adapter: one connection, 5 s busy timeout.
  const db = new Database(sqliteFilePath(databaseUrl), { timeout: 5_000 });
  const nextId = idMaker();

  const articleExists = db.prepare<[string], { id: string }>(`SELECT id FROM Article WHERE id = ?`);
  const articleText = db.prepare<[string], { text: string }>(`SELECT text FROM Article WHERE id = ?`);
  const liveClaims = `SELECT id FROM Claim WHERE articleId = @articleId AND deletedAt IS NULL
    AND (@authorId IS NULL OR authorId = @authorId) AND (@status IS NULL OR status = @status)`;
  const claimsOfArticle = db.prepare<[{ articleId: string; authorId: string | null; status: string | null }], ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM Claim c JOIN User u ON u.id = c.authorId WHERE c.id IN (${liveClaims})
     ORDER BY c.start ASC, c.createdAt ASC`,
  );
  const sourcesOfArticle = db.prepare<
    [{ articleId: string; authorId: string | null; status: string | null }],
    SourceRow
  >(
    `SELECT ${SOURCE_COLUMNS} FROM Source s JOIN User u ON u.id = s.addedById WHERE s.claimId IN (${liveClaims})
     ORDER BY s.createdAt ASC`,
  );
  const eventsOfArticle = db.prepare<[{ articleId: string; authorId: string | null; status: string | null }], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ClaimEvent e JOIN User u ON u.id = e.actorId WHERE e.claimId IN (${liveClaims})
     ORDER BY e.createdAt ASC, e.id ASC`,
  );
  const claimById = db.prepare<[string], ClaimRow>(
    `SELECT ${CLAIM_COLUMNS} FROM Claim c JOIN User u ON u.id = c.authorId WHERE c.id = ?`,
  );
  const sourcesOfClaim = db.prepare<[string], SourceRow>(
    `SELECT ${SOURCE_COLUMNS} FROM Source s JOIN User u ON u.id = s.addedById WHERE s.claimId = ? ORDER BY s.createdAt ASC`,
  );
  const eventsOfClaim = db.prepare<[string], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ClaimEvent e JOIN User u ON u.id = e.actorId WHERE e.claimId = ? ORDER BY e.createdAt ASC, e.id ASC`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO Claim (id, articleId, authorId, start, "end", exact, prefix, suffix, status, note, version, createdAt, updatedAt)
     VALUES (@id, @articleId, @authorId, @start, @end, @exact, @prefix, @suffix, @status, @note, 1, @at, @at)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO ClaimEvent (id, claimId, actorId, kind, fromValue, toValue, createdAt)
     VALUES (@id, @claimId, @actorId, @kind, @fromValue, @toValue, @at)`,
  );
  const claimForWrite = db.prepare<
    [string],
    { id: string; authorId: string; version: number; status: string; note: string; sources: number }
  >(
    `SELECT c.id, c.authorId, c.version, c.status, c.note, (SELECT count(*) FROM Source s WHERE s.claimId = c.id) AS sources
     FROM Claim c WHERE c.id = ? AND c.deletedAt IS NULL`,
  );
  const sourceOfClaim = db.prepare<[string, string], { id: string; title: string }>(
    `SELECT id, title FROM Source WHERE id = ? AND claimId = ?`,
  );
  const updateClaim = db.prepare(
    `UPDATE Claim SET version = version + 1, status = coalesce(@status, status), note = coalesce(@note, note), updatedAt = @at
     WHERE id = @id AND authorId = @authorId AND version = @version AND deletedAt IS NULL`,
  );
  const deleteSource = db.prepare(`DELETE FROM Source WHERE id = ? AND claimId = ?`);
  const insertSource = db.prepare(
    `INSERT INTO Source (id, claimId, addedById, url, title, publisher, excerpt, createdAt)
     VALUES (@id, @claimId, @addedById, @url, @title, @publisher, @excerpt, @at)`,
  );

  function toView(row: ClaimRow, sources: SourceRow[], events: EventRow[]): ClaimView {
    return {
      id: row.id,
      articleId: row.articleId,
      author: { id: row.authorId, name: row.authorName },
      position: { start: row.start, end: row.end },
      quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
      status: isStatus(row.status) ? row.status : "UNVERIFIED",
      note: row.note,
      version: row.version,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
      sources: sources.map((source): SourceView => ({
        id: source.id,
        url: source.url,
        title: source.title,
        publisher: source.publisher,
        excerpt: source.excerpt,
        createdAt: iso(source.createdAt),
        addedBy: { id: source.addedById, name: source.addedByName },
      })),
      history: events.flatMap((event): ClaimEventView[] =>
        isEventKind(event.kind)
          ? [
              {
                id: event.id,
                kind: event.kind,
                actor: { id: event.actorId, name: event.actorName },
                from: event.fromValue,
                to: event.toValue,
                at: iso(event.createdAt),
              },
            ]
          : [],
      ),
    };
  }

  function readClaim(id: string): ClaimView {
    const row = claimById.get(id);
    if (!row) throw notFound();
    return toView(row, sourcesOfClaim.all(id), eventsOfClaim.all(id));
  }

  function groupByClaim<T extends { claimId: string }>(rows: T[]): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = groups.get(row.claimId);
      if (group) group.push(row);
      else groups.set(row.claimId, [row]);
    }
    return groups;
  }

  // Not a transaction, like listClaims: a synchronous read cannot interleave with a write anyway.
  const list = (articleId: string, filter: ClaimFilter, user: SessionUser): ClaimView[] => {
    if (!articleExists.get(articleId)) throw articleNotFound();
    const params = {
      articleId,
      authorId: filter.user ? (filter.user === "me" ? user.id : filter.user) : null,
      status: filter.status ?? null,
    };
    const sources = groupByClaim(sourcesOfArticle.all(params));
    const events = groupByClaim(eventsOfArticle.all(params));
    return claimsOfArticle.all(params).map((row) => toView(row, sources.get(row.id) ?? [], events.get(row.id) ?? []));
  };

  const create = db.transaction((user: SessionUser, articleId: string, input: CreateClaimInput): ClaimView => {
    const article = articleText.get(articleId);
    if (!article) throw articleNotFound();
    const position = { type: "TextPositionSelector" as const, ...input.position };
    const quote = { type: "TextQuoteSelector" as const, ...input.quote };
    const problem = validateSelectors(article.text, position, quote);
    if (problem) throw new Problem("invalid", problem);
    const status = input.status ?? "UNVERIFIED";
    const ruleBroken = statusRuleViolation(status, 0);
    if (ruleBroken) throw new Problem("invalid", ruleBroken);

    const canonical = describeRange(article.text, position.start, position.end);
    const id = nextId();
    const at = now();
    const { start, end } = canonical.position;
    const { exact, prefix, suffix } = canonical.quote;
    insertClaim.run({
      id,
      articleId,
      authorId: user.id,
      start,
      end,
      exact,
      prefix,
      suffix,
      status,
      note: input.note ?? "",
      at,
    });
    insertEvent.run({
      id: nextId(),
      claimId: id,
      actorId: user.id,
      kind: "created",
      fromValue: null,
      toValue: null,
      at,
    });
    if (status !== "UNVERIFIED")
      insertEvent.run({
        id: nextId(),
        claimId: id,
        actorId: user.id,
        kind: "status",
        fromValue: "UNVERIFIED",
        toValue: status,
        at,
      });
    return readClaim(id);
  });

  const update = db.transaction((user: SessionUser, id: string, input: UpdateClaimInput): ClaimView => {
    const claim = claimForWrite.get(id);
    if (!claim) throw notFound();
    if (claim.authorId !== user.id)
      throw new Problem("forbidden", "This claim belongs to another editor: you can read it but not change it.");
    if (input.version !== claim.version) throw staleVersion();
    const removeIds = [...new Set(input.removeSourceIds ?? [])];
    const removed = removeIds.flatMap((sourceId) => sourceOfClaim.get(sourceId, id) ?? []);
    if (removed.length !== removeIds.length)
      throw new Problem("invalid", "A source to remove does not belong to this claim. Reload and try again.");
    const added = input.addSources ?? [];

    const status = input.status ?? (isStatus(claim.status) ? claim.status : "UNVERIFIED");
    const ruleBroken = statusRuleViolation(status, claim.sources - removed.length + added.length);
    if (ruleBroken) throw new Problem("invalid", ruleBroken);

    const events: Array<{ kind: string; fromValue: string | null; toValue: string | null }> = [];
    if (input.status !== undefined && input.status !== claim.status)
      events.push({ kind: "status", fromValue: claim.status, toValue: input.status });
    if (input.note !== undefined && input.note !== claim.note)
      events.push({ kind: "note", fromValue: claim.note, toValue: input.note });
    for (const source of added) events.push({ kind: "source_added", fromValue: null, toValue: source.title });
    for (const source of removed) events.push({ kind: "source_removed", fromValue: source.title, toValue: null });

    const at = now();
    const written = updateClaim.run({
      id,
      authorId: user.id,
      version: claim.version,
      status: input.status ?? null,
      note: input.note ?? null,
      at,
    });
    if (written.changes !== 1) throw staleVersion();
    for (const source of removed) deleteSource.run(source.id, id);
    for (const source of added) {
      insertSource.run({
        id: nextId(),
        claimId: id,
        addedById: user.id,
        url: source.url,
        title: source.title,
        publisher: source.publisher ?? null,
        excerpt: source.excerpt ?? null,
        at,
      });
    }
    for (const event of events) insertEvent.run({ id: nextId(), claimId: id, actorId: user.id, ...event, at });
    return readClaim(id);
  });

  return {
    list: async (articleId, filter, user) => list(articleId, filter, user),
    create: async (user, articleId, input) => create(user, articleId, input),
    update: async (user, id, input) => update(user, id, input),
  };
}
