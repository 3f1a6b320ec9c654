import "server-only";
import type { AnchorUpdate } from "@/lib/claims/reanchor";
import { serverConfig } from "./env";
import type { Tx } from "./db";

/**
 * The anchors of a revision's claims, written in a few statements instead of one per claim: a
 * revision of an article with 1,000 claims moves all of them, and a thousand single-row updates
 * cost a second where one UPDATE … FROM (VALUES …) per batch costs milliseconds (bench:revisions).
 * Portable SQL: SQLite (3.33+) and PostgreSQL both run UPDATE … FROM and name VALUES' columns
 * column1, column2…; every value is cast, so PostgreSQL knows their types. The claim's
 * `updatedAt` stays: its rating did not change, only where its passage is.
 */
const BATCH = 200;

const COLUMNS = [
  ["anchorState", "TEXT"],
  ["anchorRevision", "INTEGER"],
  ["anchorStart", "INTEGER"],
  ["anchorEnd", "INTEGER"],
  ["anchorMethod", "TEXT"],
  ["anchorScore", "DOUBLE PRECISION"],
  ["anchorReason", "TEXT"],
  ["quoteExact", "TEXT"],
  ["quotePrefix", "TEXT"],
  ["quoteSuffix", "TEXT"],
  ["quoteStart", "INTEGER"],
  ["quoteEnd", "INTEGER"],
  ["changeSeq", "INTEGER"],
] as const;

export async function writeClaimAnchors(tx: Tx, updates: readonly AnchorUpdate[], changeSeq: number): Promise<void> {
  const postgres = serverConfig().database.provider === "postgresql";
  for (let from = 0; from < updates.length; from += BATCH) {
    const batch = updates.slice(from, from + BATCH);
    const values: unknown[] = [];
    const placeholder = () => (postgres ? `$${values.length}` : "?");
    const rows = batch.map((update) => {
      const cells: string[] = [];
      values.push(update.id);
      cells.push(`CAST(${placeholder()} AS TEXT)`);
      for (const [column, type] of COLUMNS) {
        values.push(valueOf(update, column, changeSeq));
        cells.push(`CAST(${placeholder()} AS ${type})`);
      }
      return `(${cells.join(", ")})`;
    });
    // Columns keep their stored value when the update does not set them (a quote not re-taken).
    const assignments = COLUMNS.map(([column], index) =>
      column.startsWith("quote")
        ? `"${column}" = COALESCE(v.column${index + 2}, "Claim"."${column}")`
        : `"${column}" = v.column${index + 2}`,
    );
    await tx.$executeRawUnsafe(
      `UPDATE "Claim" SET ${assignments.join(", ")} FROM (VALUES ${rows.join(", ")}) AS v WHERE "Claim"."id" = v.column1`,
      ...values,
    );
  }
}

function valueOf(update: AnchorUpdate, column: (typeof COLUMNS)[number][0], changeSeq: number): unknown {
  const { anchor, quote } = update;
  switch (column) {
    case "anchorState":
      return anchor.state;
    case "anchorRevision":
      return anchor.revision;
    case "anchorStart":
      return anchor.start;
    case "anchorEnd":
      return anchor.end;
    case "anchorMethod":
      return anchor.method;
    case "anchorScore":
      return anchor.score;
    case "anchorReason":
      return anchor.reason;
    case "quoteExact":
      return quote?.exact ?? null;
    case "quotePrefix":
      return quote?.prefix ?? null;
    case "quoteSuffix":
      return quote?.suffix ?? null;
    case "quoteStart":
      return quote?.start ?? null;
    case "quoteEnd":
      return quote?.end ?? null;
    case "changeSeq":
      return changeSeq;
  }
}
