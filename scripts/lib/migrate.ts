import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { ConfigError, PRISMA_FILES, type DatabaseTarget } from "@/lib/config/database-url";
import { prisma } from "./run";

/**
 * Applies the committed migrations of the configured database (`prisma migrate deploy`), so that a
 * failed one leaves the database as it was. The CLI runs a migration statement by statement and
 * stops at the first error, leaving the statements before it applied. So the pending migrations
 * are first tried inside a transaction that is rolled back (both databases have transactional
 * DDL); only when they all apply does `migrate deploy` run them for real.
 */
export async function migrateDatabase(target: DatabaseTarget): Promise<void> {
  const pending = await pendingMigrations(target);
  if (pending.length === 0) return;
  await tryInRolledBackTransaction(target, pending);
  try {
    prisma(["migrate", "deploy"], target.url);
  } catch (error) {
    const output = error instanceof Error ? error.message.split("\n").slice(1, 6).join(" ") : String(error);
    throw new Error(`Migrating the database failed: ${output}`);
  }
}

interface Migration {
  name: string;
  sql: string;
}

async function pendingMigrations(target: DatabaseTarget): Promise<Migration[]> {
  const folder = PRISMA_FILES[target.provider].migrations;
  const applied = new Set(await appliedMigrations(target));
  return fs
    .readdirSync(folder)
    .filter((name) => /^\d{14}_/.test(name) && !applied.has(name))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8") }));
}

const APPLIED_SQL =
  'SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

async function appliedMigrations(target: DatabaseTarget): Promise<string[]> {
  if (target.provider === "sqlite") {
    if (!fs.existsSync(target.file)) return [];
    const sqlite = new Database(target.file, { readonly: true });
    try {
      const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      return table ? sqlite.prepare(APPLIED_SQL).all().map((row) => (row as { name: string }).name) : [];
    } finally {
      sqlite.close();
    }
  }
  return withPg(target.url, async (client) => {
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS found");
    if (!table.rows[0]?.found) return [];
    return (await client.query<{ name: string }>(APPLIED_SQL)).rows.map((row) => row.name);
  });
}

async function tryInRolledBackTransaction(target: DatabaseTarget, migrations: Migration[]): Promise<void> {
  let current = "";
  try {
    if (target.provider === "sqlite") {
      const sqlite = new Database(target.file);
      try {
        // As the CLI runs them: outside a transaction this pragma takes effect, inside it would not.
        sqlite.pragma("foreign_keys = OFF");
        sqlite.exec("BEGIN");
        try {
          for (const migration of migrations) {
            current = migration.name;
            sqlite.exec(migration.sql);
          }
        } finally {
          sqlite.exec("ROLLBACK");
        }
      } finally {
        sqlite.close();
      }
    } else {
      await withPg(target.url, async (client) => {
        await client.query("BEGIN");
        try {
          for (const migration of migrations) {
            current = migration.name;
            await client.query(migration.sql);
          }
        } finally {
          await client.query("ROLLBACK");
        }
      });
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`The migration ${current} cannot be applied (${reason}); the database was left as it was. Fix the migration and start again.`);
  }
}

async function withPg<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
