import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { ConfigError, type DatabaseTarget } from "@/lib/config/database-url";

type Sqlite = Extract<DatabaseTarget, { provider: "sqlite" }>;
type Postgres = Extract<DatabaseTarget, { provider: "postgresql" }>;

/** The SQLite file's folder exists (made if missing) and can be written: SQLite writes its journal beside the file. */
export function checkSqliteFolder(target: Sqlite): void {
  const folder = path.dirname(target.file);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
    if (fs.existsSync(target.file)) fs.accessSync(target.file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new ConfigError(
      `The SQLite database ${target.file} cannot be written (${code || "no access"}): ` +
        `make its folder writable for this user, or point DATABASE_URL at another file.`,
    );
  }
}

/** Connects once, so that a wrong URL is one clear sentence instead of a stack trace at the first request. */
export async function checkPostgresReachable(target: Postgres): Promise<void> {
  const client = new Client({ connectionString: target.url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new ConfigError(postgresProblem(target, error));
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresProblem(target: Postgres, error: unknown): string {
  const { code = "", message = "" } = (error ?? {}) as { code?: string; message?: string };
  const user = decodeURIComponent(new URL(target.url).username) || "(none)";
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${target.host} (connection refused): start the server, or fix the host and port in DATABASE_URL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot find the PostgreSQL host in DATABASE_URL (${target.host}): fix the host name.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${target.host} refused user "${user}" with this password: fix the user name or password in DATABASE_URL.`;
    case "3D000":
      return `The database "${target.database}" does not exist on ${target.host}: create it (createdb ${target.database}) or fix DATABASE_URL.`;
    default:
      if (/timeout/i.test(message)) {
        return `PostgreSQL at ${target.host} did not answer within 5 seconds: check the host, port and firewall in DATABASE_URL.`;
      }
      return `Cannot connect to PostgreSQL at ${target.host}: ${message || code || "unknown error"}. Fix DATABASE_URL.`;
  }
}
