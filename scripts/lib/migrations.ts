import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PRISMA_FILES, type DatabaseProvider } from "@/lib/config/database-url";
import { prisma } from "./run";
import { withoutSearchModels } from "./search-objects";

export const SCHEMA = PRISMA_FILES.sqlite.schema;
export const MIGRATIONS = PRISMA_FILES.sqlite.migrations;

/** An empty database of each provider for the CLI to replay migrations into (PostgreSQL's comes from a scratch cluster). */
export interface ScratchUrls {
  sqlite: string;
  postgresql: string;
}

/** URLs for CLI commands that never connect (generate): they only pick the provider's config. */
export const OFFLINE_URL = {
  sqlite: `file:${path.join(os.tmpdir(), "factline-offline.db")}`,
  postgresql: "postgresql://factline@127.0.0.1:5432/factline",
} as const;

export function scratchSqliteUrl(dir: string): string {
  return `file:${path.join(dir, "replay.db")}`;
}

/**
 * The schema a provider's committed migrations produce: deploy them into an empty database and
 * introspect it. `migrate dev` cannot do this offline with the JS engine (see toolchain notes).
 * Null when the provider has no migrations yet. The file lives in `dir`.
 */
export function replayedSchema(provider: DatabaseProvider, url: string, dir: string): string | null {
  if (!hasMigrations(provider)) return null;
  prisma(["migrate", "deploy"], url);
  const printed = prisma(["db", "pull", "--print"], url);
  // The CLI prints a warning before the schema: keep from the generator block on.
  const start = printed.indexOf("generator ");
  if (start < 0) throw new Error(`Unexpected 'db pull' output:\n${printed}`);
  const file = path.join(dir, `replayed-${provider}.prisma`);
  // The search engine's tables are raw SQL, not models (scripts/lib/search-objects.ts).
  fs.writeFileSync(file, withoutSearchModels(printed.slice(start)));
  return file;
}

export function hasMigrations(provider: DatabaseProvider): boolean {
  const dir = PRISMA_FILES[provider].migrations;
  return fs.existsSync(dir) && fs.readdirSync(dir).some((name) => /^\d{14}_/.test(name));
}

/** `migrate diff` from the replayed migrations (or empty) to the provider's schema, as SQL. */
export function diffToSchema(
  provider: DatabaseProvider,
  replayed: string | null,
  url: string,
): { sql: string; differs: boolean } {
  const from = replayed ? ["--from-schema-datamodel", replayed] : ["--from-empty"];
  const sql = prisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", PRISMA_FILES[provider].schema, "--script"],
    url,
  );
  return { sql, differs: /\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql) };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-migrations-"));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** An introspected SQLite schema file as the same models for PostgreSQL (a file beside it). */
export function asPostgres(sqliteSchemaFile: string): string {
  const file = sqliteSchemaFile.replace(/\.prisma$/, ".pg.prisma");
  fs.writeFileSync(
    file,
    fs.readFileSync(sqliteSchemaFile, "utf8").replace(/provider(\s*)=(\s*)"sqlite"/, 'provider$1=$2"postgresql"'),
  );
  return file;
}
