import fs from "node:fs";
import path from "node:path";
import { PRISMA_FILES } from "@/lib/config/database-url";

/**
 * One set of models, kept in prisma/schema.prisma (SQLite, the embedded default). The PostgreSQL
 * schema is derived from it, never edited by hand: a Prisma client is bound to one provider, so
 * each provider needs its own schema file and generated client (see docs/decisions/0008).
 */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const swaps: Array<[RegExp, string]> = [
    [/provider(\s*)=(\s*)"sqlite"/, 'provider$1=$2"postgresql"'],
    [/output(\s*)=(\s*)"\.\.\/generated\/prisma"/, 'output$1=$2"../../generated/pg"'],
  ];
  let schema = sqliteSchema;
  for (const [from, to] of swaps) {
    if (!from.test(schema)) throw new Error(`prisma/schema.prisma no longer matches ${from}: update scripts/lib/schemas.ts.`);
    schema = schema.replace(from, to);
  }
  return `// Generated from prisma/schema.prisma by \`npm run db:migration\` — do not edit; edit that file instead.\n${schema}`;
}

/** Writes the PostgreSQL schema; true when it changed. */
export function writePostgresSchema(): boolean {
  const wanted = postgresSchemaFrom(fs.readFileSync(PRISMA_FILES.sqlite.schema, "utf8"));
  const file = PRISMA_FILES.postgresql.schema;
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === wanted) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, wanted);
  return true;
}

export function postgresSchemaIsCurrent(): boolean {
  const file = PRISMA_FILES.postgresql.schema;
  return fs.existsSync(file) && fs.readFileSync(file, "utf8") === postgresSchemaFrom(fs.readFileSync(PRISMA_FILES.sqlite.schema, "utf8"));
}
