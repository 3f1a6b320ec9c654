/**
 * The PostgreSQL reference store: the same work as ./raw-store.ts on `pg` — a pool of 10
 * connections (pg's default, as @prisma/adapter-pg's), named prepared statements, one short
 * transaction per write that first increments the article's claimSeq (taking its row lock, so
 * writers of one article commit in cursor order) and stamps the claim with it.
 */
import pg from "pg";
import { createdDetails, planCreate, planUpdate, staleClaim, updatedDetails } from "@/lib/claims/changes";
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

const SUMMARY_COLUMNS = `c."id", c."authorId", u."name" AS "authorName", c."start", c."end", c."status", c."version",
  c."deletedAt", (SELECT count(*)::int FROM "Source" s WHERE s."claimId" = c."id") AS "sourceCount", c."createdAt", c."updatedAt"`;

/** Named statements: each connection prepares one the first time it runs it, then only binds and executes. */
const SQL = {
  articleSeq: `SELECT "claimSeq" FROM "Article" WHERE "id" = $1`,
  articleText: `SELECT "text" FROM "Article" WHERE "id" = $1`,
  liveClaims: `SELECT ${SUMMARY_COLUMNS} FROM "Claim" c JOIN "User" u ON u."id" = c."authorId"
    WHERE c."articleId" = $1 AND c."deletedAt" IS NULL AND ($2::text IS NULL OR c."authorId" = $2)
      AND ($3::text IS NULL OR c."status" = $3)
    ORDER BY c."start" ASC, c."createdAt" ASC`,
  changedClaims: `SELECT ${SUMMARY_COLUMNS} FROM "Claim" c JOIN "User" u ON u."id" = c."authorId"
    WHERE c."articleId" = $1 AND c."changeSeq" > $2 AND ($3::text IS NULL OR c."authorId" = $3)
    ORDER BY c."changeSeq" ASC`,
  bumpSeq: `UPDATE "Article" SET "claimSeq" = "claimSeq" + 1, "updatedAt" = $2 WHERE "id" = $1 RETURNING "claimSeq"`,
  insertClaim: `INSERT INTO "Claim" ("id", "articleId", "authorId", "start", "end", "exact", "prefix", "suffix", "status",
      "note", "version", "changeSeq", "createdAt", "updatedAt",
      "anchorStart", "anchorEnd", "quoteExact", "quotePrefix", "quoteSuffix", "quoteStart", "quoteEnd")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $12, $4, $5, $6, $7, $8, $4, $5)`,
  insertEvent: `INSERT INTO "ClaimEvent" ("id", "claimId", "actorId", "kind", "fromValue", "toValue", "createdAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  claimForWrite: `SELECT c."id", c."articleId", c."authorId", u."name" AS "authorName", c."start", c."end", c."exact",
      c."prefix", c."suffix", c."status", c."note", c."version", c."createdAt", c."updatedAt"
    FROM "Claim" c JOIN "User" u ON u."id" = c."authorId" WHERE c."id" = $1 AND c."deletedAt" IS NULL`,
  sourcesOfClaim: `SELECT s."id", s."url", s."title", s."publisher", s."excerpt", s."createdAt", u."id" AS "addedById",
      u."name" AS "addedByName"
    FROM "Source" s JOIN "User" u ON u."id" = s."addedById" WHERE s."claimId" = $1 ORDER BY s."createdAt" ASC, s."id" ASC`,
  updateClaim: `UPDATE "Claim" SET "version" = $3, "status" = coalesce($4, "status"), "note" = coalesce($5, "note"),
      "changeSeq" = $6, "updatedAt" = $7
    WHERE "id" = $1 AND "version" = $2 AND "deletedAt" IS NULL`,
  deleteSource: `DELETE FROM "Source" WHERE "id" = $1 AND "claimId" = $2`,
  insertSource: `INSERT INTO "Source" ("id", "claimId", "addedById", "url", "title", "publisher", "excerpt", "createdAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
} as const;
type Statement = keyof typeof SQL;

// Prisma stores DateTime as timestamp(3) without time zone, in UTC: read it as UTC whatever TZ says.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function createRawPgStore(databaseUrl: string): ClaimStore {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, types });
  const nextId = idMaker("cpgr");

  const query = <T extends pg.QueryResultRow>(on: pg.Pool | pg.PoolClient, name: Statement, values: unknown[]) =>
    on.query<T>({ name, text: SQL[name], values });

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  // The cursor is read before the rows (readFeed): every write up to it has committed, so the rows
  // hold it (they may hold later ones too, which the next change-read sends again).
  const reads: FeedReads = {
    claimSeq: async (articleId) => {
      const { rows } = await query<{ claimSeq: number }>(pool, "articleSeq", [articleId]);
      if (!rows[0]) throw articleNotFound();
      return rows[0].claimSeq;
    },
    live: async (articleId, scope) =>
      (await query<SummaryRow>(pool, "liveClaims", [articleId, scope.authorId ?? null, scope.status ?? null])).rows,
    changed: async (articleId, since, authorId) =>
      (await query<SummaryRow>(pool, "changedClaims", [articleId, since, authorId])).rows,
  };

  return {
    feed: (articleId, filter, user, request) => readFeed(reads, articleId, filter, user, request),

    async create(user, articleId, input) {
      // Articles do not change once added: their text is read before the transaction.
      const { rows } = await query<{ text: string }>(pool, "articleText", [articleId]);
      if (!rows[0]) throw articleNotFound();
      const plan = planCreate(rows[0].text, input);
      const now = new Date();
      const at = now.toISOString();
      const id = nextId();
      await inTransaction(async (client) => {
        const seq = await query<{ claimSeq: number }>(client, "bumpSeq", [articleId, at]);
        const { start, end, exact, prefix, suffix, status, note } = plan.claim;
        const claimSeq = seq.rows[0]!.claimSeq;
        await query(client, "insertClaim", [
          id,
          articleId,
          user.id,
          start,
          end,
          exact,
          prefix,
          suffix,
          status,
          note,
          claimSeq,
          at,
        ]);
        for (const event of plan.events)
          await query(client, "insertEvent", [nextId(), id, user.id, event.kind, event.fromValue, event.toValue, at]);
      });
      return createdDetails(plan, { id, articleId, author: { id: user.id, name: user.name }, at: now, revision: 1 });
    },

    async update(user: SessionUser, id, input) {
      // Read and checked outside the transaction; the version in its UPDATE proves the check still holds.
      const [claimRows, sourceRows] = await Promise.all([
        query<DetailRow>(pool, "claimForWrite", [id]),
        query<SourceRow>(pool, "sourcesOfClaim", [id]),
      ]);
      const row = claimRows.rows[0];
      const sources = sourceRows.rows;
      const plan = planUpdate(row && { ...row, sources }, input, user.id);
      const now = new Date();
      const at = now.toISOString();
      const added = plan.addSources.map((source) => ({ ...source, id: nextId(), createdAt: now }));
      await inTransaction(async (client) => {
        // The article's row first: writers of one article take its lock in the same order, and commit in cursor order.
        const seq = await query<{ claimSeq: number }>(client, "bumpSeq", [row!.articleId, at]);
        const written = await query(client, "updateClaim", [
          id,
          plan.expectedVersion,
          plan.version,
          plan.set.status ?? null,
          plan.set.note ?? null,
          seq.rows[0]!.claimSeq,
          at,
        ]);
        if (written.rowCount !== 1) throw staleClaim();
        for (const sourceId of plan.removeSourceIds) await query(client, "deleteSource", [sourceId, id]);
        for (const source of added)
          await query(client, "insertSource", [
            source.id,
            id,
            user.id,
            source.url,
            source.title,
            source.publisher,
            source.excerpt,
            at,
          ]);
        for (const event of plan.events)
          await query(client, "insertEvent", [nextId(), id, user.id, event.kind, event.fromValue, event.toValue, at]);
      });
      return updatedDetails(toDetails(row!, sources), plan, {
        at: now,
        addedBy: { id: user.id, name: user.name },
        added,
      });
    },
  };
}
