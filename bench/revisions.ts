/**
 * `npm run bench:revisions`: saving a revision of a ~165,000-character article with 1,000 claims
 * (a paragraph added at the top, one word changed in every tenth claimed passage, five claimed
 * passages cut), in-process on SQLite, through the app's own saveRevision (lib/server/revisions.ts):
 *   - the whole save, re-anchoring every claim inside the revision's transaction;
 *   - the same save of an article without claims (the rest of the work: diff, revision row);
 *   - the re-anchoring alone (planReanchor: the engine, no database);
 *   - a raw reference: the same claim rows written with better-sqlite3 in one transaction, the
 *     floor for the database part.
 * Medians of 5 runs after one warm-up; each run saves a fresh copy of the article at revision 1.
 * Prints the figures and writes them to bench/results/revisions.json (bench/README.md, "Revisions").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { diffTexts } from "@/lib/articles/revision-diff";
import { planReanchor } from "@/lib/claims/reanchor";
import { bodyOfLines, reviseForBench } from "./lib/revisions/edit";
import { seedRevisionBench } from "./lib/revisions/data";

const RUNS = Number(process.env.BENCH_RUNS) || 5;
const CHARS = 165_000;
const CLAIMS = 1_000;
const RESULTS = path.join(process.cwd(), "bench", "results", "revisions.json");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function main(): Promise<void> {
  console.log(`Seeding ${RUNS + 1} copies of a ${CHARS.toLocaleString("en")}-character article with ${CLAIMS} claims...`);
  const data = await seedRevisionBench({ chars: CHARS, claims: CLAIMS, copies: RUNS + 1 });
  // The app's database module reads its configuration on first use: point it at the bench file.
  process.env.DATABASE_URL = data.url;
  const { saveRevision } = await import("@/lib/server/revisions");
  const { db } = await import("@/lib/server/db");

  const edit = reviseForBench(data.text, data.selectors);
  const content = { body: bodyOfLines(edit.text), text: edit.text };
  const user = { id: data.editorId, name: "Bench Editor", email: "editor@factline.test", role: "EDITOR" as const };
  const input = { meta: { title: "Revision benchmark" }, content, note: "Benchmark revision" };
  const claims = data.selectors.map((selectors, i) => ({
    id: String(i),
    state: "placed" as const,
    quote: { ...selectors.quote, start: selectors.position.start, end: selectors.position.end },
  }));

  const anchoring: number[] = [];
  const withClaims: number[] = [];
  const withoutClaims: number[] = [];
  let outcome: Awaited<ReturnType<typeof saveRevision>> | undefined;
  for (let run = 0; run <= RUNS; run++) {
    // The diff is part of the re-anchoring's cost: it is timed with it.
    const a = await timed(() => planReanchor(edit.text, 2, claims, diffTexts(data.text, edit.text)));
    const w = await timed(async () => (outcome = await saveRevision(user, data.withClaims[run]!, input)));
    const n = await timed(() => saveRevision(user, data.withoutClaims[run]!, input));
    // The first round warms the JIT, the database connection and its statement caches.
    if (run === 0) continue;
    anchoring.push(a);
    withClaims.push(w);
    withoutClaims.push(n);
  }
  await db.$disconnect();

  const raw = rawReference(data.url.replace(/^file:/, ""), data.withClaims[0]!, edit.text);
  const figures = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
    article: { characters: data.text.length, claims: CLAIMS, wordChanged: edit.wordChanged, deleted: edit.deleted },
    outcome: outcome?.claims,
    runs: RUNS,
    medianMs: {
      saveWithClaims: round(median(withClaims)),
      saveWithoutClaims: round(median(withoutClaims)),
      reanchoringAlone: round(median(anchoring)),
      rawClaimWrites: round(raw),
    },
  };
  const m = figures.medianMs;
  console.log(`\n${figures.machine}`);
  console.log(`Article: ${figures.article.characters.toLocaleString("en")} characters, ${CLAIMS} claims; revision: paragraph on top, ${edit.wordChanged} words changed, ${edit.deleted} passages cut`);
  console.log(`Outcome: ${JSON.stringify(figures.outcome)}`);
  console.log(`Save with 1,000 claims (re-anchoring included): ${m.saveWithClaims} ms`);
  console.log(`Save of the same revision without claims:      ${m.saveWithoutClaims} ms`);
  console.log(`Re-anchoring alone (engine, no database):       ${m.reanchoringAlone} ms   (floor: < 300 ms)`);
  console.log(`Raw reference: the claim rows with better-sqlite3: ${m.rawClaimWrites} ms`);
  console.log(`Re-anchoring cost in the save (with − without):  ${round(m.saveWithClaims - m.saveWithoutClaims)} ms`);
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
  fs.rmSync(data.dir, { recursive: true, force: true });
}

/**
 * The floor for the database part: the article's claims' anchor columns and their history events
 * written in one better-sqlite3 transaction with prepared statements (values as the app wrote them).
 */
function rawReference(file: string, articleId: string, text: string): number {
  const sqlite = new Database(file);
  try {
    const rows = sqlite
      .prepare(`SELECT id, anchorState, anchorRevision, anchorStart, anchorEnd, anchorMethod, anchorScore, anchorReason,
          quoteExact, quotePrefix, quoteSuffix, quoteStart, quoteEnd FROM Claim WHERE articleId = ?`)
      .all(articleId) as Array<Record<string, unknown>>;
    const update = sqlite.prepare(`UPDATE Claim SET anchorState = @anchorState, anchorRevision = @anchorRevision + 1,
        anchorStart = @anchorStart, anchorEnd = @anchorEnd, anchorMethod = @anchorMethod, anchorScore = @anchorScore,
        anchorReason = @anchorReason, quoteExact = @quoteExact, quotePrefix = @quotePrefix, quoteSuffix = @quoteSuffix,
        quoteStart = @quoteStart, quoteEnd = @quoteEnd, changeSeq = changeSeq + 1 WHERE id = @id`);
    const event = sqlite.prepare(
      `INSERT INTO ClaimEvent (id, claimId, actorId, kind, toValue, createdAt) SELECT @eventId, id, authorId, 'moved', '3', @at FROM Claim WHERE id = @id`,
    );
    const at = new Date().toISOString();
    const write = sqlite.transaction(() => {
      sqlite.prepare(`UPDATE Article SET text = ?, claimSeq = claimSeq + 1 WHERE id = ?`).run(text, articleId);
      for (const [i, row] of rows.entries()) {
        update.run(row);
        event.run({ id: row.id, eventId: `raw-${i}-${Date.now()}`, at });
      }
    });
    const start = performance.now();
    write();
    return performance.now() - start;
  } finally {
    sqlite.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
