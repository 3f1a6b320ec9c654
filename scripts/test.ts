/**
 * `npm test`: every test, on both databases. Unit and data-layer tests (Vitest: the data layer on
 * SQLite and on PostgreSQL), then the end-to-end suite (Playwright) on SQLite with one instance
 * and on PostgreSQL with two instances behind one database. Starts and stops its own private
 * PostgreSQL cluster; installs Chromium and PostgreSQL from apt when missing (as root).
 *   npm test              everything
 *   npm run test:unit     Vitest only
 *   npm run test:e2e      Playwright only (both databases)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./ensure-chromium";
import { ensureDebianPackage } from "./lib/debian-package";
import { createDatabase, freePort, postgresBinDir, startCluster, type Cluster } from "./lib/postgres-cluster";
import { runMain } from "./lib/run";

const mode = process.argv[2] ?? "all";
const e2ePort = Number(process.env.E2E_PORT ?? 3100);

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) console.error(`✖ ${name} failed (exit ${result.status ?? result.signal}).`);
  return result.status === 0;
}

async function withTestCluster<T>(work: (cluster: Cluster) => Promise<T>): Promise<T> {
  ensureDebianPackage("postgresql", () => postgresBinDir() !== null, "The PostgreSQL tests");
  // The postgres user (the server's, when we are root) must reach the folder: /tmp, not the repo.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-test-pg-"));
  fs.chmodSync(dir, 0o755);
  const cluster = await startCluster(path.join(dir, "data"), await freePort(55432));
  try {
    return await work(cluster);
  } finally {
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runMain(async () => {
  if (mode !== "unit") ensureChromium();
  const failed = await withTestCluster(async (cluster) => {
    const failures: string[] = [];
    const run = (name: string, command: string, args: string[], env?: Record<string, string>) => {
      if (!step(name, command, args, env)) failures.push(name);
    };
    const bin = (name: string) => path.join("node_modules", ".bin", name);

    if (mode !== "e2e") {
      run("Unit and data-layer tests (SQLite and PostgreSQL)", bin("vitest"), ["run"], {
        FACTLINE_TEST_POSTGRES_ADMIN_URL: cluster.adminUrl,
      });
    }
    if (mode !== "unit") {
      run("End-to-end tests on SQLite, one instance", bin("playwright"), ["test"]);
      const url = await createDatabase(cluster, "factline_e2e");
      run("End-to-end tests on PostgreSQL, two instances", bin("playwright"), ["test"], {
        E2E_DATABASE_URL: url,
        E2E_PORT: String(e2ePort + 1),
        E2E_SECOND_PORT: String(e2ePort + 2),
      });
    }
    return failures;
  });
  if (failed.length) throw new Error(`\nFailed: ${failed.join("; ")}.`);
  console.log("\nAll tests passed.");
});
