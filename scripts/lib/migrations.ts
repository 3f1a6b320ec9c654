import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prisma } from "./run";

export const SCHEMA = path.join("prisma", "schema.prisma");
export const MIGRATIONS = path.join("prisma", "migrations");

/**
 * The schema the committed migrations produce: deploy them into a throwaway SQLite file and
 * introspect it. `migrate dev` cannot do this offline with the JS engine (see toolchain notes).
 */
export function schemaFromMigrations(): { schemaFile: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-migrations-"));
  const url = `file:${path.join(dir, "replay.db")}`;
  prisma(["migrate", "deploy"], url);
  const printed = prisma(["db", "pull", "--print"], url);
  // The CLI prints a warning before the schema: keep from the generator block on.
  const start = printed.indexOf("generator ");
  if (start < 0) throw new Error(`Unexpected 'db pull' output:\n${printed}`);
  const schemaFile = path.join(dir, "replayed.prisma");
  fs.writeFileSync(schemaFile, printed.slice(start));
  return { schemaFile, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function hasMigrations(): boolean {
  return fs.existsSync(MIGRATIONS) && fs.readdirSync(MIGRATIONS).some((name) => /^\d{14}_/.test(name));
}
