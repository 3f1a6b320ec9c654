/**
 * `npm run bench:annotations`: load-tests the annotations API of the production build against a
 * minimal node:http server doing the same database work (see bench/README.md).
 *
 * 1. builds `.next-bench` when missing or stale;
 * 2. seeds a fresh SQLite database with a ~20,000-character article and 1,000 claims, and copies
 *    it for each server;
 * 3. starts the app (`next start`), the ceiling (node:http + lib/server/claims.ts) and the raw
 *    reference (node:http + better-sqlite3); runs reads, then updates, then creates, with 50
 *    connections and a 10 s measured window each, the servers taking turns; checks each
 *    database against what the clients were told;
 * 4. prints the figures and writes them to bench/results/annotations.json.
 */
import { passages } from "./lib/article";
import { ensureBenchBuild } from "./lib/build";
import { BENCH, RESULTS_FILE, SERVERS, TEMPLATE_DATABASE } from "./lib/config";
import { measureCreates, measureReads, measureUpdates, probe, type ServerUnderTest } from "./lib/measure";
import { buildReport, printReport, writeReport, type ServerReport } from "./lib/report";
import { copyDatabase, removeDatabase, seedBenchDatabase } from "./lib/seed";
import { startBenchServer } from "./lib/servers";
import { killAllServers } from "./lib/server-process";

async function main(): Promise<void> {
  ensureBenchBuild();

  console.log(`Seeding ${BENCH.claims} claims...`);
  const data = await seedBenchDatabase(TEMPLATE_DATABASE, { articleChars: BENCH.articleChars, claims: BENCH.claims });
  for (const spec of SERVERS) copyDatabase(TEMPLATE_DATABASE, spec.databaseFile);
  removeDatabase(TEMPLATE_DATABASE);
  // Passages for the create scenario: other spans of the same text, so new claims overlap old ones.
  const createPassages = passages(data.text, BENCH.claims, 99);

  const subjects: ServerUnderTest[] = [];
  try {
    for (const spec of SERVERS) {
      const { server, target } = await startBenchServer(spec, data);
      subjects.push({ spec, server, target });
      console.log(`${spec.kind.padEnd(8)} ${spec.label} on :${spec.port}, log in ${server.logFile}`);
    }
    // The servers take turns scenario by scenario, so that the figures compared with each other
    // are measured a minute apart at most, under the same conditions on this (shared) machine.
    const inTurn = async <T>(scenario: string, run: (subject: ServerUnderTest) => Promise<T>): Promise<T[]> => {
      const results: T[] = [];
      for (const subject of subjects) {
        console.log(`${subject.spec.kind.padEnd(8)} ${scenario}`);
        results.push(await run(subject));
      }
      return results;
    };
    const probes = await inTurn("probe", probe);
    const reads = await inTurn("reads", measureReads);
    const updates = await inTurn("updates", (subject) => measureUpdates(subject, data));
    const creates = await inTurn("creates", (subject) => measureCreates(subject, data, createPassages));
    const results: ServerReport[] = subjects.map(({ spec, server }, i) => {
      const stderr = server.stderr();
      return {
        kind: spec.kind,
        label: spec.label,
        probe: probes[i]!,
        scenarios: { reads: reads[i]!, updates: updates[i]!.figures, creates: creates[i]!.figures },
        integrity: { updates: updates[i]!.check, creates: creates[i]!.check },
        stderr: { lines: stderr.lines, first: stderr.first.slice(0, 20) },
      };
    });

    const report = buildReport(results, { chars: data.text.length, claims: BENCH.claims });
    printReport(report);
    await writeReport(report, RESULTS_FILE);
    console.log(`Written to ${RESULTS_FILE}`);
    // Losing an acknowledged write is a bug, not a slow figure: fail the command for it.
    if (results.some((result) => result.integrity.creates.lost + result.integrity.updates.lost > 0))
      process.exitCode = 1;
  } finally {
    for (const subject of subjects) await subject.server.stop();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  killAllServers();
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
