/**
 * `npm run bench:annotations`: load-tests the annotations API of the production build on SQLite
 * and on PostgreSQL (one instance, and two on one database) against minimal node:http servers
 * doing the same database work (see bench/README.md).
 *
 * 1. builds `.next-bench` when missing or stale;
 * 2. seeds a fresh SQLite database with a ~20,000-character article and 1,000 claims, copies it
 *    for each SQLite server, and starts a private PostgreSQL cluster with one database per
 *    PostgreSQL server holding the same rows;
 * 3. starts the servers: on SQLite the app (`next start`), the ceiling (node:http +
 *    lib/server/claim-*.ts) and the raw reference (node:http + better-sqlite3); on PostgreSQL the
 *    app with one instance, the app with two, and the raw reference (node:http + pg);
 * 4. runs the closed-loop scenarios (page loads, change-reads, updates, creates; 50 connections,
 *    a 10 s window each), the servers taking turns, then the open-loop mix (100 requests/s for
 *    30 s) on the apps and the raw references; checks each database against what the clients were told;
 * 5. prints the figures and writes them to bench/results/annotations.json.
 */
import { passages } from "./lib/article";
import { ensureBenchBuild } from "./lib/build";
import { BENCH, RESULTS_FILE, SERVERS, TEMPLATE_DATABASE, sqliteUrlOf, type ServerSpec } from "./lib/config";
import {
  measureChangeReads,
  measureCreates,
  measureOpenLoop,
  measureReads,
  measureUpdates,
  probe,
  type OpenLoopResult,
} from "./lib/measure";
import { startCluster, type Cluster } from "./lib/postgres";
import { buildReport, printReport, writeReport, type ServerReport } from "./lib/report";
import { prepareDatabase } from "@/scripts/lib/prepare-db";
import { copyDatabase, copyToPostgres, removeDatabase, seedBenchDatabase } from "./lib/seed";
import { startSubject, stopSubject, type Subject } from "./lib/servers";
import { killAllServers } from "./lib/server-process";
import type { DatabaseLocation } from "./lib/sql";

let cluster: Cluster | undefined;
const PG_TEMPLATE = "bench_template";

async function databaseFor(spec: ServerSpec): Promise<DatabaseLocation> {
  if (spec.database === "sqlite") {
    copyDatabase(TEMPLATE_DATABASE, spec.databaseName);
    return { kind: "sqlite", url: sqliteUrlOf(spec.databaseName) };
  }
  if (!cluster) {
    console.log(`Starting a private PostgreSQL cluster on port ${BENCH.postgresPort}...`);
    cluster = await startCluster(BENCH.postgresPort);
    // Migrated (by the app's own step) and filled once, then copied per server: each migration
    // command of the Prisma CLI takes seconds on PostgreSQL, CREATE DATABASE … TEMPLATE does not.
    await cluster.createDatabase(PG_TEMPLATE);
    const template: DatabaseLocation = { kind: "postgresql", url: cluster.urlOf(PG_TEMPLATE) };
    await prepareDatabase(template.url);
    await copyToPostgres(TEMPLATE_DATABASE, template);
  }
  await cluster.createDatabase(spec.databaseName, PG_TEMPLATE);
  return { kind: "postgresql", url: cluster.urlOf(spec.databaseName) };
}

const openLoopOf = (result: OpenLoopResult | { error: string } | undefined) =>
  result === undefined
    ? { openLoop: null }
    : "error" in result
      ? { openLoop: null, openLoopError: result.error }
      : { openLoop: result };

async function main(): Promise<void> {
  const started = Date.now();
  if (SERVERS.some((spec) => spec.kind === "app")) ensureBenchBuild();

  console.log(`Seeding ${BENCH.claims} claims...`);
  const data = await seedBenchDatabase(TEMPLATE_DATABASE, { articleChars: BENCH.articleChars, claims: BENCH.claims });
  // Passages for the creates: other spans of the same text, so new claims overlap old ones.
  const createPassages = passages(data.text, BENCH.claims, 99);

  const subjects: Subject[] = [];
  try {
    for (const spec of SERVERS) {
      const location = await databaseFor(spec);
      const subject = await startSubject(
        spec,
        location,
        data,
        spec.database === "postgresql" ? cluster!.postmasterPid() : null,
      );
      subjects.push(subject);
      const ports = spec.ports.map((port) => `:${port}`).join(" and ");
      console.log(`${spec.id.padEnd(16)} ${spec.label} on ${ports}, log in ${subject.instances[0]!.logFile}`);
    }
    removeDatabase(TEMPLATE_DATABASE);
    // The servers take turns scenario by scenario, so that the figures compared with each other
    // are measured minutes apart at most, under the same conditions on this (shared) machine.
    const inTurn = async <T>(scenario: string, run: (subject: Subject) => Promise<T>, only = (_: Subject) => true) => {
      const results = new Map<Subject, T>();
      for (const subject of subjects.filter(only)) {
        console.log(`${subject.spec.id.padEnd(16)} ${scenario}`);
        results.set(subject, await run(subject));
      }
      return results;
    };
    const probes = await inTurn("probe", probe);
    const reads = await inTurn("page loads", measureReads);
    const changeReads = await inTurn("change-reads (304)", (subject) =>
      measureChangeReads(subject, probes.get(subject)!.position, "changeReads"),
    );
    const changeSets = await inTurn(`change-reads (${BENCH.changeSetSize} changes)`, (subject) =>
      measureChangeReads(subject, probes.get(subject)!.position, "changeSets"),
    );
    const updates = await inTurn("updates", (subject) => measureUpdates(subject, data));
    const creates = await inTurn("creates", (subject) => measureCreates(subject, data, createPassages));
    // Last, and one server's failure does not cost the others' figures: it is reported instead.
    const openLoop: Map<Subject, OpenLoopResult | { error: string }> = await inTurn(
      `open loop (${BENCH.openLoop.rate}/s for ${BENCH.openLoop.seconds} s)`,
      (subject) =>
        measureOpenLoop(subject, data, createPassages).catch((error: unknown) => {
          console.error(error);
          return { error: error instanceof Error ? error.message : String(error) };
        }),
      (subject) => subject.spec.openLoop,
    );
    const results: ServerReport[] = subjects.map((subject) => {
      const { spec, instances } = subject;
      const stderr = instances.flatMap((server) => server.stderr().first);
      const { position: _position, ...probed } = probes.get(subject)!;
      return {
        id: spec.id,
        kind: spec.kind,
        database: spec.database,
        label: spec.label,
        instances: instances.length,
        probe: probed,
        scenarios: {
          reads: reads.get(subject)!,
          changeReads: changeReads.get(subject)!,
          changeSets: changeSets.get(subject)!,
          updates: updates.get(subject)!.figures,
          creates: creates.get(subject)!.figures,
        },
        integrity: { updates: updates.get(subject)!.check, creates: creates.get(subject)!.check },
        ...openLoopOf(openLoop.get(subject)),
        stderr: {
          lines: instances.reduce((sum, server) => sum + server.stderr().lines, 0),
          first: stderr.slice(0, 20),
        },
      };
    });

    const report = buildReport(results, { chars: data.text.length, claims: BENCH.claims });
    printReport(report);
    await writeReport(report, RESULTS_FILE);
    console.log(`Written to ${RESULTS_FILE} (the whole run took ${((Date.now() - started) / 60_000).toFixed(1)} min)`);
    // Losing an acknowledged write is a bug, not a slow figure: fail the command for it.
    const lost = results.some(
      (result) =>
        result.integrity.creates.lost +
          result.integrity.updates.lost +
          (result.openLoop ? result.openLoop.check.creates.lost + result.openLoop.check.updates.lost : 0) >
        0,
    );
    if (lost) process.exitCode = 1;
  } finally {
    for (const subject of subjects) await stopSubject(subject);
    cluster?.stop();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAllServers();
    cluster?.stop();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  killAllServers();
  try {
    cluster?.stop();
  } catch (stopError) {
    console.error(stopError);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
