/**
 * The SQLite reference store: the app's claim work hand-written on better-sqlite3 with prepared
 * statements — same schema, the app's own rules (lib/claims/changes.ts), the same transactions
 * (the article's claimSeq incremented and the claim stamped with it), the same answers. It shows
 * what the ORM and the framework cost on top of SQLite itself.
 */
import Database from "better-sqlite3";
import { createdDetails, planCreate, planUpdate, staleClaim, updatedDetails } from "@/lib/claims/changes";
import type { CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { sqliteFilePath } from "@/lib/config/database-url";
import type { SessionUser } from "@/lib/server/session";
import {
  articleNotFound,
  idMaker,
  readFeed,
  toDetails,
  type ClaimStore,
  type FeedReads,
  type DetailRow,
  type SourceRow,
  type SummaryRow,
} from "./raw-claims";

const SUMMARY_COLUMNS = `c.id, c.authorId, u.name AS authorName, c.start, c."end", c.status, c.version, c.deletedAt,
  (SELECT count(*) FROM Source s WHERE s.claimId = c.id) AS sourceCount, c.createdAt, c.updatedAt`;

/** Prisma stores DateTime in SQLite as ISO text with "+00:00"; written the same way here. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

export function createRawStore(databaseUrl: string): ClaimStore {
  // Same connection settings as the app's adapter: one connection, 5 s busy timeout.
  const db = new Database(sqliteFilePath(databaseUrl), { timeout: 5_000 });
  const nextId = idMaker("craw");

  const articleSeq = db.prepare<[string], { claimSeq: number }>(`SELECT claimSeq FROM Article WHERE id = ?`);
  const articleText = db.prepare<[string], { text: string }>(`SELECT text FROM Article WHERE id = ?`);
  const filtered = `(@authorId IS NULL OR c.authorId = @authorId) AND (@status IS NULL OR c.status = @status)`;
  type FilterParams = { articleId: string; authorId: string | null; status: string | null };
  const liveClaims = db.prepare<[FilterParams], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM Claim c JOIN User u ON u.id = c.authorId
     WHERE c.articleId = @articleId AND c.deletedAt IS NULL AND ${filtered} ORDER BY c.start ASC, c.createdAt ASC`,
  );
  const changedClaims = db.prepare<[{ articleId: string; since: number; authorId: string | null }], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM Claim c JOIN User u ON u.id = c.authorId
     WHERE c.articleId = @articleId AND c.changeSeq > @since AND (@authorId IS NULL OR c.authorId = @authorId)
     ORDER BY c.changeSeq ASC`,
  );
  const bumpSeq = db.prepare<[{ id: string; at: string }], { claimSeq: number }>(
    `UPDATE Article SET claimSeq = claimSeq + 1, updatedAt = @at WHERE id = @id RETURNING claimSeq`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO Claim (id, articleId, authorId, start, "end", exact, prefix, suffix, status, note, version, changeSeq, createdAt, updatedAt,
       anchorStart, anchorEnd, quoteExact, quotePrefix, quoteSuffix, quoteStart, quoteEnd)
     VALUES (@id, @articleId, @authorId, @start, @end, @exact, @prefix, @suffix, @status, @note, 1, @seq, @at, @at,
       @start, @end, @exact, @prefix, @suffix, @start, @end)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO ClaimEvent (id, claimId, actorId, kind, fromValue, toValue, createdAt)
     VALUES (@id, @claimId, @actorId, @kind, @fromValue, @toValue, @at)`,
  );
  const claimForWrite = db.prepare<[string], DetailRow>(
    `SELECT c.id, c.articleId, c.authorId, u.name AS authorName, c.start, c."end", c.exact, c.prefix, c.suffix,
       c.status, c.note, c.version, c.createdAt, c.updatedAt
     FROM Claim c JOIN User u ON u.id = c.authorId WHERE c.id = ? AND c.deletedAt IS NULL`,
  );
  const sourcesOfClaim = db.prepare<[string], SourceRow>(
    `SELECT s.id, s.url, s.title, s.publisher, s.excerpt, s.createdAt, u.id AS addedById, u.name AS addedByName
     FROM Source s JOIN User u ON u.id = s.addedById WHERE s.claimId = ? ORDER BY s.createdAt ASC, s.id ASC`,
  );
  const updateClaim = db.prepare(
    `UPDATE Claim SET version = @next, status = coalesce(@status, status), note = coalesce(@note, note),
       changeSeq = @seq, updatedAt = @at
     WHERE id = @id AND version = @expected AND deletedAt IS NULL`,
  );
  const deleteSource = db.prepare(`DELETE FROM Source WHERE id = ? AND claimId = ?`);
  const insertSource = db.prepare(
    `INSERT INTO Source (id, claimId, addedById, url, title, publisher, excerpt, createdAt)
     VALUES (@id, @claimId, @addedById, @url, @title, @publisher, @excerpt, @at)`,
  );

  // Synchronous reads on the one connection: no write can come in between the cursor and the rows.
  const reads: FeedReads = {
    claimSeq: async (articleId) => {
      const article = articleSeq.get(articleId);
      if (!article) throw articleNotFound();
      return article.claimSeq;
    },
    live: async (articleId, scope) =>
      liveClaims.all({ articleId, authorId: scope.authorId ?? null, status: scope.status ?? null }),
    changed: async (articleId, since, authorId) => changedClaims.all({ articleId, since, authorId }),
  };

  const create = db.transaction((user: SessionUser, articleId: string, input: CreateClaimInput) => {
    const article = articleText.get(articleId);
    if (!article) throw articleNotFound();
    const plan = planCreate(article.text, input);
    const now = new Date();
    const at = stored(now);
    const id = nextId();
    const { claimSeq } = bumpSeq.get({ id: articleId, at })!;
    insertClaim.run({ id, articleId, authorId: user.id, ...plan.claim, seq: claimSeq, at });
    for (const event of plan.events) insertEvent.run({ id: nextId(), claimId: id, actorId: user.id, ...event, at });
    return createdDetails(plan, { id, articleId, author: { id: user.id, name: user.name }, at: now, revision: 1 });
  });

  const update = db.transaction((user: SessionUser, id: string, input: UpdateClaimInput) => {
    const row = claimForWrite.get(id);
    const sources = row ? sourcesOfClaim.all(id) : [];
    const plan = planUpdate(row && { ...row, sources }, input, user.id);
    const now = new Date();
    const at = stored(now);
    const { claimSeq } = bumpSeq.get({ id: row!.articleId, at })!;
    const written = updateClaim.run({
      id,
      expected: plan.expectedVersion,
      next: plan.version,
      status: plan.set.status ?? null,
      note: plan.set.note ?? null,
      seq: claimSeq,
      at,
    });
    if (written.changes !== 1) throw staleClaim();
    for (const sourceId of plan.removeSourceIds) deleteSource.run(sourceId, id);
    const added = plan.addSources.map((source) => {
      const addedSource = { ...source, id: nextId(), createdAt: now };
      insertSource.run({ ...source, id: addedSource.id, claimId: id, addedById: user.id, at });
      return addedSource;
    });
    for (const event of plan.events) insertEvent.run({ id: nextId(), claimId: id, actorId: user.id, ...event, at });
    return updatedDetails(toDetails(row!, sources), plan, {
      at: now,
      addedBy: { id: user.id, name: user.name },
      added,
    });
  });

  return {
    feed: (articleId, filter, user, request) => readFeed(reads, articleId, filter, user, request),
    create: async (user, articleId, input) => create(user, articleId, input),
    update: async (user, id, input) => update(user, id, input),
  };
}
