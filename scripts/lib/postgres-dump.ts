import { spawnSync } from "node:child_process";
import path from "node:path";
import { withPostgres } from "./pg";
import { postgresBinDir } from "./postgres-cluster";

/**
 * The tables, columns, indexes and constraints of a PostgreSQL database as comparable text:
 * `pg_dump --schema-only`, without Prisma's bookkeeping table, comments and settings, and with each
 * table's columns sorted (a migration's ADD COLUMN appends where a fresh CREATE TABLE would not).
 */
export function schemaDump(url: string): string {
  return normalize(rawSchemaDump(url));
}

/** `pg_dump --schema-only` of a database as it prints it. */
export function rawSchemaDump(url: string): string {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed. Install it with: apt-get install -y postgresql");
  const dump = spawnSync(
    path.join(bin, "pg_dump"),
    ["--schema-only", "--no-owner", "--no-privileges", "--exclude-table=_prisma_migrations", "--dbname", url],
    { encoding: "utf8" },
  );
  if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.trim()}`);
  return dump.stdout;
}

export function normalize(sql: string): string {
  const statements = sql
    .split("\n")
    .filter(
      (line) =>
        line.trim() && !line.startsWith("--") && !/^(SET|SELECT pg_catalog)\b/.test(line) && !line.startsWith("\\"),
    )
    .join("\n")
    .split(/;\n/)
    .map((statement) => {
      const table = /^(CREATE TABLE [^(]+\()\n([\s\S]*)\n\)$/.exec(statement.trim());
      if (!table) return statement.trim();
      const columns = table[2]!
        .split("\n")
        .map((line) => line.trim().replace(/,$/, ""))
        .sort();
      return `${table[1]}\n  ${columns.join(",\n  ")}\n)`;
    });
  return statements.sort().join(";\n");
}

export async function executeSql(url: string, sql: string): Promise<void> {
  await withPostgres(url, (client) => client.query(sql));
}
