/**
 * What the database says after a run, read directly (SQLite file read-only, or a PostgreSQL
 * connection, while the servers are idle), compared with what the clients were told.
 */
import type { CreateRun, TrackedClaim } from "./load";
import { withConnection, type DatabaseLocation, type SqlConnection } from "./sql";

/** Waits until the servers have finished whatever they were still doing when the load stopped. */
export async function waitUntilQuiet(location: DatabaseLocation): Promise<void> {
  const fingerprint = () =>
    withConnection(location, async (db) =>
      JSON.stringify(
        await db.all(
          `SELECT (SELECT count(*) FROM "Claim") AS claims, (SELECT coalesce(sum("version"), 0) FROM "Claim") AS versions,
             (SELECT count(*) FROM "ClaimEvent") AS events`,
        ),
      ),
    );
  let last = await fingerprint();
  for (let waited = 0; waited < 15_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await fingerprint();
    if (now === last) return;
    last = now;
  }
}

const count = async (db: SqlConnection, sql: string, params: unknown[]) =>
  Number((await db.all<{ n: number }>(sql, params))[0]?.n ?? 0);

export function countClaims(location: DatabaseLocation, articleId: string): Promise<number> {
  return withConnection(location, (db) =>
    count(db, `SELECT count(*) AS n FROM "Claim" WHERE "articleId" = ?`, [articleId]),
  );
}

export function trackClaims(location: DatabaseLocation, ids: string[]): Promise<TrackedClaim[]> {
  return withConnection(location, async (db) => {
    const rows = await db.all<{ id: string; version: number; status: string }>(
      `SELECT "id", "version", "status" FROM "Claim" WHERE "id" IN (${ids.map(() => "?").join(",")})`,
      ids,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) throw new Error(`Claim ${id} is missing from the database`);
      return {
        id,
        version: row.version,
        status: row.status,
        acknowledgedUpdates: 0,
        rejectedUpdates: 0,
        unanswered: 0,
      };
    });
  });
}

export interface WriteCheck {
  /** Writes the server acknowledged with a 2xx. */
  acknowledged: number;
  /** Writes the server answered with anything else (failed writes). */
  rejected: number;
  /** Acknowledged writes the database does not hold: must be 0. */
  lost: number;
  /** Rows (creates) or versions (updates) the database gained. */
  written: number;
  /** Writes applied whose answer the client never read (in flight when the run stopped, or timed out). */
  appliedUnanswered: number;
  /** Requests sent without an answer: the most `appliedUnanswered` may be. */
  unanswered: number;
  /** Anything inconsistent, in words; empty when all is well. */
  problems: string[];
}

/**
 * After a run with creates: every acknowledged id is there with its "created" history event,
 * and the rows added equal the acknowledged creates (plus at most the unanswered ones).
 */
export function checkCreates(
  location: DatabaseLocation,
  articleId: string,
  rowsBefore: number,
  { acknowledgedIds, rejected, unanswered }: Pick<CreateRun, "acknowledgedIds" | "rejected" | "unanswered">,
): Promise<WriteCheck> {
  return withConnection(location, async (db) => {
    const rowsAfter = await count(db, `SELECT count(*) AS n FROM "Claim" WHERE "articleId" = ?`, [articleId]);
    const found = new Map<string, number>();
    // In chunks: SQLite allows 32,766 parameters, PostgreSQL 65,535.
    for (let i = 0; i < acknowledgedIds.length; i += 1_000) {
      const chunk = acknowledgedIds.slice(i, i + 1_000);
      const rows = await db.all<{ id: string; events: number }>(
        `SELECT c."id", (SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."kind" = 'created') AS events
         FROM "Claim" c WHERE c."id" IN (${chunk.map(() => "?").join(",")})`,
        chunk,
      );
      for (const row of rows) found.set(row.id, Number(row.events));
    }
    let lost = 0;
    let withoutHistory = 0;
    for (const id of acknowledgedIds) {
      const events = found.get(id);
      if (events === undefined) lost++;
      else if (events !== 1) withoutHistory++;
    }
    const written = rowsAfter - rowsBefore;
    const appliedUnanswered = written - (acknowledgedIds.length - lost);
    const problems: string[] = [];
    if (rejected) problems.push(`${rejected} creates were answered with an error status`);
    if (lost) problems.push(`${lost} acknowledged creates are missing from the database`);
    if (withoutHistory) problems.push(`${withoutHistory} created claims lack exactly one "created" history event`);
    if (appliedUnanswered < 0 || appliedUnanswered > unanswered) {
      problems.push(
        `the database gained ${written} claims for ${acknowledgedIds.length} acknowledged creates (${unanswered} unanswered)`,
      );
    }
    return { acknowledged: acknowledgedIds.length, rejected, lost, written, appliedUnanswered, unanswered, problems };
  });
}

/**
 * After a run with updates: each claim's version is the one its client last acknowledged (or
 * one higher per unanswered request), and its status history grew by exactly the versions gained.
 */
export async function checkUpdates(
  location: DatabaseLocation,
  before: Map<string, { version: number; statusEvents: number }>,
  tracked: TrackedClaim[],
): Promise<WriteCheck> {
  const after = await statusSnapshot(
    location,
    tracked.map((claim) => claim.id),
  );
  let lost = 0;
  let written = 0;
  let appliedUnanswered = 0;
  let unanswered = 0;
  let beyond = 0;
  let historyOutOfStep = 0;
  for (const claim of tracked) {
    const then = before.get(claim.id)!;
    const now = after.get(claim.id)!;
    written += now.version - then.version;
    unanswered += claim.unanswered;
    if (now.version < claim.version) lost += claim.version - now.version;
    else if (now.version > claim.version + claim.unanswered) beyond++;
    else appliedUnanswered += now.version - claim.version;
    if (now.statusEvents - then.statusEvents !== now.version - then.version) historyOutOfStep++;
  }
  const acknowledged = tracked.reduce((sum, claim) => sum + claim.acknowledgedUpdates, 0);
  const rejected = tracked.reduce((sum, claim) => sum + claim.rejectedUpdates, 0);
  const problems: string[] = [];
  if (rejected) problems.push(`${rejected} updates were answered with an error status (409 included)`);
  if (lost) problems.push(`${lost} acknowledged updates are missing from the database`);
  if (beyond) problems.push(`${beyond} claims have a version beyond what their client could have caused`);
  if (historyOutOfStep) problems.push(`${historyOutOfStep} claims' status history does not match their version`);
  return { acknowledged, rejected, lost, written, appliedUnanswered, unanswered, problems };
}

/** Version and number of "status" history events of each claim. */
export function statusSnapshot(
  location: DatabaseLocation,
  ids: string[],
): Promise<Map<string, { version: number; statusEvents: number }>> {
  return withConnection(location, async (db) => {
    const rows = await db.all<{ id: string; version: number; statusEvents: number }>(
      `SELECT c."id", c."version", (SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."kind" = 'status') AS "statusEvents"
       FROM "Claim" c WHERE c."id" IN (${ids.map(() => "?").join(",")})`,
      ids,
    );
    return new Map(rows.map((row) => [row.id, { version: row.version, statusEvents: Number(row.statusEvents) }]));
  });
}

/** Every live claim of the article with its version: what a reader of the change feed should end up with. */
export function liveVersions(location: DatabaseLocation, articleId: string): Promise<Map<string, number>> {
  return withConnection(location, async (db) => {
    const rows = await db.all<{ id: string; version: number }>(
      `SELECT "id", "version" FROM "Claim" WHERE "articleId" = ? AND "deletedAt" IS NULL`,
      [articleId],
    );
    return new Map(rows.map((row) => [row.id, row.version]));
  });
}
