/**
 * What the database says after a run, read directly from the SQLite file (read-only, while the
 * server is idle), compared with what the clients were told.
 */
import Database from "better-sqlite3";
import type { CreateRun, TrackedClaim } from "./load";

function withDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Waits until the server has finished whatever it was still doing when the load stopped. */
export async function waitUntilQuiet(file: string): Promise<void> {
  const fingerprint = () =>
    withDatabase(file, (db) =>
      JSON.stringify(
        db
          .prepare(
            `SELECT (SELECT count(*) FROM Claim) AS claims, (SELECT total(version) FROM Claim) AS versions, (SELECT count(*) FROM ClaimEvent) AS events`,
          )
          .get(),
      ),
    );
  let last = fingerprint();
  for (let waited = 0; waited < 15_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = fingerprint();
    if (now === last) return;
    last = now;
  }
}

export function countClaims(file: string, articleId: string): number {
  return withDatabase(
    file,
    (db) => (db.prepare(`SELECT count(*) AS n FROM Claim WHERE articleId = ?`).get(articleId) as { n: number }).n,
  );
}

export function trackClaims(file: string, ids: string[]): TrackedClaim[] {
  return withDatabase(file, (db) => {
    const read = db.prepare<[string], { version: number; status: string }>(
      `SELECT version, status FROM Claim WHERE id = ?`,
    );
    return ids.map((id) => {
      const row = read.get(id);
      if (!row) throw new Error(`Claim ${id} is missing from ${file}`);
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
 * After the create scenario: every acknowledged id is there with its "created" history event,
 * and the rows added equal the acknowledged creates (plus at most the unanswered ones).
 */
export function checkCreates(
  file: string,
  articleId: string,
  rowsBefore: number,
  { acknowledgedIds, rejected, unanswered }: Pick<CreateRun, "acknowledgedIds" | "rejected" | "unanswered">,
): WriteCheck {
  return withDatabase(file, (db) => {
    const rowsAfter = (
      db.prepare(`SELECT count(*) AS n FROM Claim WHERE articleId = ?`).get(articleId) as { n: number }
    ).n;
    const find = db.prepare<[string], { events: number }>(
      `SELECT (SELECT count(*) FROM ClaimEvent e WHERE e.claimId = c.id AND e.kind = 'created') AS events FROM Claim c WHERE c.id = ?`,
    );
    let lost = 0;
    let withoutHistory = 0;
    for (const id of acknowledgedIds) {
      const row = find.get(id);
      if (!row) lost++;
      else if (row.events !== 1) withoutHistory++;
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
 * After the update scenario: each claim's version is the one its client last acknowledged (or
 * one higher per unanswered request), and its status history grew by exactly the versions gained.
 */
export function checkUpdates(
  file: string,
  before: Map<string, { version: number; statusEvents: number }>,
  tracked: TrackedClaim[],
): WriteCheck {
  const after = statusSnapshot(
    file,
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
export function statusSnapshot(file: string, ids: string[]): Map<string, { version: number; statusEvents: number }> {
  return withDatabase(file, (db) => {
    const read = db.prepare<[string], { version: number; statusEvents: number }>(
      `SELECT version, (SELECT count(*) FROM ClaimEvent e WHERE e.claimId = c.id AND e.kind = 'status') AS statusEvents FROM Claim c WHERE c.id = ?`,
    );
    return new Map(ids.map((id) => [id, read.get(id)!]));
  });
}
