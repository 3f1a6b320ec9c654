/**
 * Vitest globalSetup of the db-sqlite project: applies the migrations once to a template SQLite
 * file, which ./sqlite-database.ts copies for every test file.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migratedDatabase } from "../sqlite";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
  }
}

export default function setup(project: TestProject) {
  const template = migratedDatabase();
  project.provide("sqliteTemplate", template.url.replace(/^file:/, ""));
  return () => template.cleanup();
}

/** A copy of the template in a fresh folder (with its -wal/-shm files, if any). */
export function copyTemplate(template: string, into: string): string {
  const file = path.join(into, "test.db");
  for (const suffix of ["", "-wal", "-shm"]) {
    if (fs.existsSync(template + suffix)) fs.copyFileSync(template + suffix, file + suffix);
  }
  return file;
}
