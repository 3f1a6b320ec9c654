/**
 * Vitest setupFiles of the db-sqlite project: every test file gets its own copy of the migrated
 * template, named by DATABASE_URL before the file imports lib/server (whose client reads it once).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { copyTemplate } from "./sqlite-template";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-db-test-"));
process.env.DATABASE_URL = `file:${copyTemplate(inject("sqliteTemplate"), dir)}`;

afterAll(async () => {
  // The app's client (lib/server/db.ts) keeps the file open: close it before removing the folder.
  const { factlineDb } = globalThis as { factlineDb?: { $disconnect(): Promise<void> } };
  await factlineDb?.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});
