/**
 * `npm run db:postgres`: a private PostgreSQL cluster for development (no system service), with a
 * `factline` database and user; prints the DATABASE_URL to start Factline on it.
 * `npm run db:postgres -- stop` stops it. Data lives in data/postgres (or the system's temporary
 * folder when the server's user cannot reach the repository). Port: FACTLINE_POSTGRES_PORT or 5544.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/config/database-url";
import { SUPERUSER, createDatabase, postgresBinDir, startCluster, stopCluster } from "./lib/postgres-cluster";
import { runMain } from "./lib/run";

const port = Number(process.env.FACTLINE_POSTGRES_PORT ?? 5544);

/** As root the server runs as `postgres`, which must be able to reach the folder. */
function clusterDir(): string {
  const inRepo = path.join(PROJECT_ROOT, "data", "postgres");
  if (process.getuid?.() !== 0) return inRepo;
  fs.mkdirSync(path.dirname(inRepo), { recursive: true });
  const reachable = spawnSync("runuser", ["-u", SUPERUSER, "--", "test", "-x", path.dirname(inRepo)]).status === 0;
  return reachable ? inRepo : path.join(os.tmpdir(), "factline-postgres");
}

runMain(async () => {
  if (!postgresBinDir()) {
    throw new Error("PostgreSQL is not installed. Install it with: sudo apt-get install -y postgresql");
  }
  const dir = clusterDir();
  if (process.argv[2] === "stop") {
    stopCluster(dir);
    console.log(`Stopped the PostgreSQL cluster in ${dir}.`);
    return;
  }
  const cluster = await startCluster(dir, port);
  const url = await createDatabase(cluster, "factline", { keep: true });
  console.log(`PostgreSQL is running on port ${port} (data in ${dir}).\n`);
  console.log(`  DATABASE_URL=${url} npm start\n`);
  console.log("Stop it with: npm run db:postgres -- stop");
});
