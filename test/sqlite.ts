import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/** A fresh SQLite file with the committed migrations applied (as `migrate deploy` would), for tests. */
export function migratedDatabase(): { url: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-test-"));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  const migrations = path.join(process.cwd(), "prisma", "migrations");
  for (const name of fs.readdirSync(migrations).filter((n) => /^\d{14}_/.test(n)).sort()) {
    sqlite.exec(fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return { url: `file:${file}`, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
