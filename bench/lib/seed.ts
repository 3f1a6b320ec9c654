import fs from "node:fs";
import Database from "better-sqlite3";
import type { ClaimSelectors } from "@/lib/anchoring";
import { markedColumns } from "@/lib/claims/reanchor";
import type { ClaimStatus } from "@/lib/claims/statuses";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { prepareDatabase } from "@/scripts/lib/prepare-db";
import { benchArticle, passages, random } from "./article";
import { BENCH_EDITOR, sqliteUrlOf } from "./config";
import { connect, type DatabaseLocation } from "./sql";

export interface BenchData {
  articleId: string;
  editorId: string;
  text: string;
  /** Ids of the seeded claims, in text order. */
  claimIds: string[];
}

/** Removes an SQLite database with its WAL and shared-memory files. */
export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** cuid-like ids that grow within the run, as Prisma's do (history is ordered by createdAt, then id). */
function idMaker(): () => string {
  let counter = 0;
  const stamp = Date.now().toString(36);
  return () => `cbench${stamp}${(counter++).toString(36).padStart(6, "0")}`;
}

const VERDICTS: ClaimStatus[] = ["VERIFIED", "MOSTLY_TRUE", "MISLEADING", "FALSE"];

/**
 * A fresh database at `file`: migrated, demo editors seeded (by the app's own prepareDatabase),
 * then one ~20,000-character article with `claims` claims written directly, in one transaction
 * (the article's change cursor at `claims`, each claim stamped with its place in it).
 * Most claims are unverified; some are unproven; a fifth carry a verdict with its source — as the
 * API would have left them, history included. With `sourcesPerClaim`, every claim carries that
 * many sources instead (the viewer benchmark's heavier page).
 */
export async function seedBenchDatabase(
  file: string,
  options: { articleChars: number; claims: number; sourcesPerClaim?: number },
): Promise<BenchData> {
  removeDatabase(file);
  const url = sqliteUrlOf(file);
  await prepareDatabase(url);

  const { doc, text } = await benchArticle(options.articleChars);
  const db = createPrismaClient(url);
  try {
    const editor = await db.user.findUniqueOrThrow({ where: { email: BENCH_EDITOR.email }, select: { id: true } });
    const article = await db.article.create({
      data: {
        title: "Benchmark: live updates from the second week of the invasion",
        outlet: "Factline benchmark desk",
        body: JSON.stringify(doc),
        text,
        createdById: editor.id,
        revisions: { create: { number: 1, body: JSON.stringify(doc), text, createdById: editor.id } },
      },
      select: { id: true },
    });

    const nextId = idMaker();
    const next = random(7);
    const base = Date.now() - options.claims * 60_000;
    const claims = [];
    const sources = [];
    const events = [];
    for (const [i, selectors] of passages(text, options.claims, 2).entries()) {
      const id = nextId();
      const createdAt = new Date(base + i * 60_000);
      const later = new Date(createdAt.getTime() + 30_000);
      const roll = next();
      const status: ClaimStatus =
        roll < 0.2 ? VERDICTS[Math.floor(next() * VERDICTS.length)]! : roll < 0.3 ? "UNPROVEN" : "UNVERIFIED";
      const sourceCount = options.sourcesPerClaim ?? (VERDICTS.includes(status) ? 1 : 0);
      claims.push({
        id,
        articleId: article.id,
        authorId: editor.id,
        ...selectorsColumns(selectors),
        ...markedColumns(1, selectorsColumns(selectors)),
        status,
        note: next() < 0.3 ? "Check against the ministry's own statement before publishing." : "",
        // One write for the sources, one for the status, as the card sends them.
        version: 1 + (sourceCount > 0 ? 1 : 0) + (status === "UNVERIFIED" ? 0 : 1),
        // As if each claim had been written through the API, one after the other.
        changeSeq: i + 1,
        createdAt,
        updatedAt: status === "UNVERIFIED" && sourceCount === 0 ? createdAt : later,
      });
      events.push({ id: nextId(), claimId: id, actorId: editor.id, kind: "created", createdAt });
      for (let s = 0; s < sourceCount; s++) {
        const title = s === 0 ? `Reuters fact check ${i}` : `Reuters fact check ${i}, source ${s + 1}`;
        sources.push({
          id: nextId(),
          claimId: id,
          addedById: editor.id,
          url: s === 0 ? `https://example.org/fact-check/${i}` : `https://example.org/fact-check/${i}/${s + 1}`,
          title,
          publisher: "Reuters",
          excerpt: null,
          createdAt: later,
        });
        events.push({
          id: nextId(),
          claimId: id,
          actorId: editor.id,
          kind: "source_added",
          toValue: title,
          createdAt: later,
        });
      }
      if (status !== "UNVERIFIED") {
        events.push({
          id: nextId(),
          claimId: id,
          actorId: editor.id,
          kind: "status",
          fromValue: "UNVERIFIED",
          toValue: status,
          createdAt: later,
        });
      }
    }
    await db.$transaction([
      db.claim.createMany({ data: claims }),
      db.source.createMany({ data: sources }),
      db.claimEvent.createMany({ data: events }),
      db.article.update({ where: { id: article.id }, data: { claimSeq: claims.length } }),
    ]);
    return { articleId: article.id, editorId: editor.id, text, claimIds: claims.map((claim) => claim.id) };
  } finally {
    await db.$disconnect();
  }
}

function selectorsColumns({ position, quote }: ClaimSelectors) {
  return { start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

/** Copies the seeded database for one server (after folding the WAL into the main file). */
export function copyDatabase(from: string, to: string): void {
  const sqlite = new Database(from);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  removeDatabase(to);
  fs.copyFileSync(from, to);
}

/** The tables the app's schema has, parents first (the copy must insert them in this order). */
const TABLES = ["User", "Article", "Claim", "Source", "ClaimEvent"] as const;

/**
 * Makes a migrated PostgreSQL database hold exactly the rows of the seeded SQLite template (same
 * ids, same timestamps), so that every server starts from the same data whatever its database.
 */
export async function copyToPostgres(templateFile: string, target: DatabaseLocation): Promise<void> {
  const from = await connect({ kind: "sqlite", url: sqliteUrlOf(templateFile) });
  const to = await connect(target);
  try {
    const tables = await from.all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%'`,
    );
    const unknown = tables.map((table) => table.name).filter((name) => !(TABLES as readonly string[]).includes(name));
    if (unknown.length) throw new Error(`The bench does not know how to copy these tables: ${unknown.join(", ")}`);
    await to.run("BEGIN");
    await to.run(`TRUNCATE ${TABLES.map((table) => `"${table}"`).join(", ")} CASCADE`);
    for (const table of TABLES) {
      const rows = await from.all<Record<string, unknown>>(`SELECT * FROM "${table}"`);
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      // Prisma's SQLite DateTime is ISO text; PostgreSQL's timestamp(3) columns parse it as is.
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values = chunk.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ");
        await to.run(
          `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES ${values}`,
          chunk.flatMap((row) => columns.map((column) => row[column])),
        );
      }
    }
    await to.run("COMMIT");
  } finally {
    await from.close();
    await to.close();
  }
}
