import path from "node:path";

/** The project root, whichever script or server process asks (all run with cwd at the root). */
export const PROJECT_ROOT = process.cwd();

/** Embedded default: an SQLite file in the git-ignored data folder. */
export const DEFAULT_DATABASE_URL = `file:${path.join(/*turbopackIgnore: true*/ PROJECT_ROOT, "data", "factline.db")}`;

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** The file path behind an SQLite `file:` URL, resolved against the project root. */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  // Not a bundling concern: the database file is chosen at run time.
  return path.resolve(/*turbopackIgnore: true*/ PROJECT_ROOT, file);
}
