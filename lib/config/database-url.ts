import path from "node:path";

/** The project root, whichever script or server process asks (all run with cwd at the root). */
export const PROJECT_ROOT = process.cwd();

/** Embedded default: an SQLite file in the git-ignored data folder. */
export const DEFAULT_DATABASE_URL = `file:${path.join(/*turbopackIgnore: true*/ PROJECT_ROOT, "data", "factline.db")}`;

export type DatabaseProvider = "sqlite" | "postgresql";

/** Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string; host: string; database: string };

/** A configuration a person must fix; its message says how, in one sentence. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** Reads DATABASE_URL's scheme: `file:` is SQLite, `postgresql:`/`postgres:` is PostgreSQL, anything else is refused. */
export function databaseTarget(url: string = databaseUrl()): DatabaseTarget {
  if (url.startsWith("file:")) return { provider: "sqlite", url, file: sqliteFilePath(url) };
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`DATABASE_URL is not a valid PostgreSQL URL: write it as postgresql://USER:PASSWORD@HOST:5432/DATABASE.`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    if (!parsed.hostname || !database) {
      throw new ConfigError(`DATABASE_URL names no ${parsed.hostname ? "database" : "host"}: write it as postgresql://USER:PASSWORD@HOST:5432/DATABASE.`);
    }
    return { provider: "postgresql", url, host: `${parsed.hostname}:${parsed.port || "5432"}`, database };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new ConfigError(
    `DATABASE_URL ${scheme ? `uses the unknown scheme "${scheme}:"` : "is not a URL"}: use file:PATH for SQLite ` +
      `or postgresql://USER:PASSWORD@HOST:5432/DATABASE for PostgreSQL.`,
  );
}

/** The file path behind an SQLite `file:` URL, resolved against the project root. */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  // Not a bundling concern: the database file is chosen at run time.
  return path.resolve(/*turbopackIgnore: true*/ PROJECT_ROOT, file);
}

/** What each provider's Prisma files are called: one set of models, a schema and migrations per provider. */
export const PRISMA_FILES: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: path.join("prisma", "schema.prisma"), migrations: path.join("prisma", "migrations") },
  postgresql: {
    schema: path.join("prisma", "postgresql", "schema.prisma"),
    migrations: path.join("prisma", "postgresql", "migrations"),
  },
};
