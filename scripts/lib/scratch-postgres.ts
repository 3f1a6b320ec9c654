import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDebianPackage } from "./debian-package";
import { createDatabase, freePort, postgresBinDir, startCluster } from "./postgres-cluster";

/**
 * Runs `work` with the URL of an empty PostgreSQL database on a throwaway private cluster, then
 * removes the cluster. The Prisma CLI connects to PostgreSQL even to diff two schema files, so
 * authoring and checking migrations needs a server, but never the developer's own.
 */
export async function withScratchPostgres<T>(
  work: (url: string, another: (name: string) => Promise<string>) => Promise<T> | T,
  settings: Record<string, string> = {},
): Promise<T> {
  ensureDebianPackage("postgresql", () => postgresBinDir() !== null, "Authoring and checking PostgreSQL migrations");
  // The postgres user (the server's, when we are root) must reach the folder: /tmp, not the repo.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-scratch-pg-"));
  fs.chmodSync(dir, 0o755);
  const cluster = await startCluster(path.join(dir, "data"), await freePort(55400), settings);
  try {
    return await work(await createDatabase(cluster, "scratch"), (name) => createDatabase(cluster, name));
  } finally {
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
