/**
 * A private PostgreSQL cluster for development and tests: initdb + pg_ctl in a folder of ours, on a
 * port of ours, no system service. As root, the server runs as the `postgres` user (PostgreSQL
 * refuses to run as root), so the folder must be one that user can reach.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { withPostgres } from "./pg";

export const SUPERUSER = "postgres";
const SUPERUSER_PASSWORD = "factline-local";

export interface Cluster {
  dir: string;
  port: number;
  /** A URL with superuser rights, for creating databases. */
  adminUrl: string;
  stop(): void;
}

/** The folder of PostgreSQL's server programs (initdb, pg_ctl), or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((name) => fs.existsSync(path.join(root, name, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin");
  }
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return onPath ? path.dirname(fs.realpathSync(onPath)) : null;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program, as `postgres` when we are root. */
function pgProgram(bin: string, program: string, args: string[]): void {
  const command = path.join(bin, program);
  const result = isRoot()
    ? spawnSync("runuser", ["-u", SUPERUSER, "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${program} ${args.join(" ")} failed:\n${`${result.stdout}${result.stderr}`.trim()}`);
  }
}

/**
 * Starts (initialising first when new) the cluster in `dir` on `port`; resolves once it accepts
 * connections. `settings` are server parameters for this start (`-c name=value`).
 */
export async function startCluster(dir: string, port: number, settings: Record<string, string> = {}): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed. Install it with: apt-get install -y postgresql");
  const adminUrl = `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`;
  const cluster: Cluster = {
    dir,
    port,
    adminUrl,
    stop: () => stopCluster(dir),
  };
  if (await accepts(adminUrl)) return cluster;

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (isRoot()) spawnSync("chown", [`${SUPERUSER}:`, dir]);
    const passwordFile = path.join(dir, "..", `.${path.basename(dir)}-pw`);
    fs.writeFileSync(passwordFile, SUPERUSER_PASSWORD, { mode: 0o644 });
    try {
      // Passwords over TCP, as a production server would ask: a wrong one must fail.
      pgProgram(bin, "initdb", [
        "-D",
        dir,
        "-U",
        SUPERUSER,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
      ]);
    } finally {
      fs.rmSync(passwordFile, { force: true });
    }
  }
  if (await portTaken(port)) throw new Error(`Port ${port} is taken by another program: choose another port.`);
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off${extra.join("")}`;
  pgProgram(bin, "pg_ctl", ["-D", dir, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]);
  return cluster;
}

/** Stops the cluster in `dir` if it runs. */
export function stopCluster(dir: string): void {
  const bin = postgresBinDir();
  if (!bin || !fs.existsSync(path.join(dir, "postmaster.pid"))) return;
  pgProgram(bin, "pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
}

/**
 * Creates `name` owned by a login role of the same name, or `owner` (password: the role's name,
 * unless given), and returns its URL. An existing database is dropped first, or kept with `keep`.
 */
export async function createDatabase(
  cluster: Pick<Cluster, "adminUrl" | "port">,
  name: string,
  options: { template?: string; password?: string; keep?: boolean; owner?: string } = {},
): Promise<string> {
  const owner = options.owner ?? name;
  const password = options.password ?? owner;
  await withPostgres(cluster.adminUrl, async (client) => {
    const role = quoteIdent(owner);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [owner]);
    const passwordSql = `PASSWORD ${quoteLiteral(password)}`;
    await client.query(
      exists.rowCount ? `ALTER ROLE ${role} WITH LOGIN ${passwordSql}` : `CREATE ROLE ${role} LOGIN ${passwordSql}`,
    );
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount && options.keep) return;
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    const template = options.template ? ` TEMPLATE ${quoteIdent(options.template)}` : "";
    await client.query(`CREATE DATABASE ${quoteIdent(name)} OWNER ${role}${template}`);
  });
  return `postgresql://${encodeURIComponent(owner)}:${encodeURIComponent(password)}@127.0.0.1:${cluster.port}/${encodeURIComponent(name)}`;
}

export async function dropDatabase(cluster: Pick<Cluster, "adminUrl">, name: string): Promise<void> {
  await withPostgres(cluster.adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

async function accepts(url: string): Promise<boolean> {
  try {
    await withPostgres(url, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

/** Whether something listens on 127.0.0.1:port. */
export function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

/** The first free port from `from` on. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) if (!(await portTaken(port))) return port;
  throw new Error(`No free port between ${from} and ${from + 199}.`);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;
