/**
 * The bench's own PostgreSQL cluster: initdb into a fresh folder under /tmp, pg_ctl start on
 * BENCH.postgresPort (127.0.0.1 only, trust auth), stopped and removed at the end. As root it runs
 * the tools as the `postgres` user (PostgreSQL refuses to run as root); otherwise as whoever runs
 * the bench. Needs PostgreSQL 15+ (`apt-get install -y postgresql`).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface Cluster {
  port: number;
  dir: string;
  /** A database's URL in this cluster. */
  urlOf(database: string): string;
  /** A fresh database, empty or (with `template`) a copy of another one that no one is connected to. */
  createDatabase(name: string, template?: string): Promise<void>;
  /** Process id of the postmaster: its children are the backends (for CPU accounting). */
  postmasterPid(): number;
  stop(): void;
}

const asRoot = process.getuid?.() === 0;

/** Finds a PostgreSQL program on PATH or in Debian's versioned folder. */
function program(name: string): string {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(root, version, "bin", name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    `PostgreSQL's ${name} was not found: install PostgreSQL (apt-get install -y postgresql) or run with BENCH_DATABASES=sqlite`,
  );
}

function runAsOwner(command: string, args: string[]): void {
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

export async function startCluster(port: number): Promise<Cluster> {
  const initdb = program("initdb");
  const pgCtl = program("pg_ctl");
  // /tmp, not the worktree: the postgres user must be able to reach the folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-bench-pg-"));
  if (asRoot) spawnSync("chown", ["postgres:postgres", dir]);
  const dataDir = path.join(dir, "data");
  const user = asRoot ? "postgres" : os.userInfo().username;
  runAsOwner(initdb, ["-D", dataDir, "--auth=trust", "--username", user, "--encoding=UTF8", "--no-locale"]);
  // Defaults otherwise (fsync and synchronous_commit on, as in production), sized for 2 apps × their pools.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200`;
  try {
    runAsOwner(pgCtl, ["-D", dataDir, "-o", options, "-l", path.join(dir, "postgres.log"), "-w", "start"]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start on port ${port} (is it in use? set BENCH_POSTGRES_PORT)`, {
      cause: error,
    });
  }
  let stopped = false;
  const urlOf = (database: string) => `postgresql://${user}@127.0.0.1:${port}/${database}`;
  return {
    port,
    dir,
    urlOf,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: urlOf("postgres") });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}"`);
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
      } finally {
        await client.end();
      }
    },
    postmasterPid() {
      return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
