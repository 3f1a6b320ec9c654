/**
 * The SQLite reference store: the app's claim work hand-written on better-sqlite3 with prepared
 * statements — same schema, same rules (./raw-claims.ts, on the app's pure functions), same
 * transactions (the article's claimSeq incremented and the claim stamped with it), same answers.
 * It shows what the ORM and the framework cost on top of SQLite itself.
 */
import Database from "better-sqlite3";
import { isStatus } from "@/lib/claims/statuses";
import { sqliteFilePath } from "@/lib/config/database-url";
import type { SessionUser } from "@/lib/server/session";
import {
  articleNotFound,
  filterParams,
  idMaker,
  iso,
  notFound,
  peopleOf,
  planCreate,
  planUpdate,
  splitChanges,
  toSummary,
  type ClaimDetails,
  type ClaimForWrite,
  type ClaimStore,
  type SourceDetails,
  type SummaryRow,
} from "./raw-claims";

interface DetailRow extends ClaimForWrite {
  articleId: string;
  authorName: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  createdAt: string;
}
interface SourceRow {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  createdAt: string;
  addedById: string;
  addedByName: string;
}

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
  const changedClaims = db.prepare<[{ articleId: string; since: number }], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM Claim c JOIN User u ON u.id = c.authorId
     WHERE c.articleId = @articleId AND c.changeSeq > @since ORDER BY c.start ASC, c.createdAt ASC`,
  );
  const bumpSeq = db.prepare<[{ id: string; at: string }], { claimSeq: number }>(
    `UPDATE Article SET claimSeq = claimSeq + 1, updatedAt = @at WHERE id = @id RETURNING claimSeq`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO Claim (id, articleId, authorId, start, "end", exact, prefix, suffix, status, note, version, changeSeq, createdAt, updatedAt)
     VALUES (@id, @articleId, @authorId, @start, @end, @exact, @prefix, @suffix, @status, @note, 1, @seq, @at, @at)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO ClaimEvent (id, claimId, actorId, kind, fromValue, toValue, createdAt)
     VALUES (@id, @claimId, @actorId, @kind, @fromValue, @toValue, @at)`,
  );
  const claimForWrite = db.prepare<[string], DetailRow>(
    `SELECT c.id, c.articleId, c.authorId, u.name AS authorName, c.start, c."end", c.exact, c.prefix, c.suffix,
       c.status, c.note, c.version, c.createdAt, (SELECT count(*) FROM Source s WHERE s.claimId = c.id) AS sourceCount
     FROM Claim c JOIN User u ON u.id = c.authorId WHERE c.id = ? AND c.deletedAt IS NULL`,
  );
  const sourcesOfClaim = db.prepare<[string], SourceRow>(
    `SELECT s.id, s.url, s.title, s.publisher, s.excerpt, s.createdAt, u.id AS addedById, u.name AS addedByName
     FROM Source s JOIN User u ON u.id = s.addedById WHERE s.claimId = ? ORDER BY s.createdAt ASC`,
  );
  const updateClaim = db.prepare(
    `UPDATE Claim SET version = version + 1, status = coalesce(@status, status), note = coalesce(@note, note),
       changeSeq = @seq, updatedAt = @at
     WHERE id = @id AND authorId = @authorId AND version = @version AND deletedAt IS NULL`,
  );
  const deleteSource = db.prepare(`DELETE FROM Source WHERE id = ? AND claimId = ?`);
  const insertSource = db.prepare(
    `INSERT INTO Source (id, claimId, addedById, url, title, publisher, excerpt, createdAt)
     VALUES (@id, @claimId, @addedById, @url, @title, @publisher, @excerpt, @at)`,
  );

  const cursorOf = (articleId: string) => {
    const article = articleSeq.get(articleId);
    if (!article) throw articleNotFound();
    return String(article.claimSeq);
  };

  const create = db.transaction((user: SessionUser, articleId: string, input: Parameters<ClaimStore["create"]>[2]) => {
    const article = articleText.get(articleId);
    if (!article) throw articleNotFound();
    const plan = planCreate(article.text, input);
    const now = new Date();
    const at = stored(now);
    const id = nextId();
    const { claimSeq } = bumpSeq.get({ id: articleId, at })!;
    insertClaim.run({ id, articleId, authorId: user.id, ...plan.claim, seq: claimSeq, at });
    for (const event of plan.events) insertEvent.run({ id: nextId(), claimId: id, actorId: user.id, ...event, at });
    const details: ClaimDetails = {
      id,
      articleId,
      author: { id: user.id, name: user.name },
      position: { start: plan.claim.start, end: plan.claim.end },
      quote: { exact: plan.claim.exact, prefix: plan.claim.prefix, suffix: plan.claim.suffix },
      status: plan.claim.status,
      note: plan.claim.note,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      sources: [],
    };
    return details;
  });

  const update = db.transaction((user: SessionUser, id: string, input: Parameters<ClaimStore["update"]>[2]) => {
    const claim = claimForWrite.get(id);
    if (!claim) throw notFound();
    const sources = sourcesOfClaim.all(id);
    const removeIds = new Set(input.removeSourceIds ?? []);
    const removed = sources.filter((source) => removeIds.has(source.id));
    const plan = planUpdate(user, claim, input, removed);
    const now = new Date();
    const at = stored(now);
    const { claimSeq } = bumpSeq.get({ id: claim.articleId, at })!;
    const written = updateClaim.run({
      id,
      authorId: user.id,
      version: claim.version,
      status: plan.status,
      note: plan.note,
      seq: claimSeq,
      at,
    });
    if (written.changes !== 1) throw notFound(); // cannot happen: the transaction holds the only connection
    for (const source of plan.removed) deleteSource.run(source.id, id);
    const added: SourceDetails[] = plan.added.map((source) => {
      const row = {
        id: nextId(),
        url: source.url,
        title: source.title,
        publisher: source.publisher ?? null,
        excerpt: source.excerpt ?? null,
      };
      insertSource.run({ ...row, claimId: id, addedById: user.id, at });
      return { ...row, addedBy: { id: user.id, name: user.name }, createdAt: now.toISOString() };
    });
    for (const event of plan.events) insertEvent.run({ id: nextId(), claimId: id, actorId: user.id, ...event, at });
    const details: ClaimDetails = {
      id,
      articleId: claim.articleId,
      author: { id: claim.authorId, name: claim.authorName },
      position: { start: claim.start, end: claim.end },
      quote: { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      status: plan.status ?? (isStatus(claim.status) ? claim.status : "UNVERIFIED"),
      note: plan.note ?? claim.note,
      version: claim.version + 1,
      createdAt: iso(claim.createdAt),
      updatedAt: now.toISOString(),
      sources: [
        ...sources
          .filter((source) => !removeIds.has(source.id))
          .map((source): SourceDetails => ({
            id: source.id,
            url: source.url,
            title: source.title,
            publisher: source.publisher,
            excerpt: source.excerpt,
            addedBy: { id: source.addedById, name: source.addedByName },
            createdAt: iso(source.createdAt),
          })),
        ...added,
      ],
    };
    return details;
  });

  return {
    cursor: async (articleId) => cursorOf(articleId),
    // Synchronous reads on the one connection: no write can come in between the cursor and the rows.
    list: async (articleId, filter, user) => {
      const cursor = cursorOf(articleId);
      const rows = liveClaims.all({ articleId, ...filterParams(filter, user) });
      return { claims: rows.map(toSummary), people: peopleOf(rows), cursor };
    },
    changes: async (articleId, since, filter, user) => {
      const cursor = cursorOf(articleId);
      const rows = changedClaims.all({ articleId, since: Number(since) || 0 });
      const { live, deleted } = splitChanges(rows, filterParams(filter, user));
      return { claims: live.map(toSummary), deleted, people: peopleOf(live), cursor };
    },
    create: async (user, articleId, input) => create(user, articleId, input),
    update: async (user, id, input) => update(user, id, input),
  };
}
