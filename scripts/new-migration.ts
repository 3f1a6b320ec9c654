/**
 * Authors a migration offline: `npm run db:migration -- <name>` writes
 * prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the committed
 * migrations and prisma/schema.prisma.
 */
import fs from "node:fs";
import path from "node:path";
import { prisma } from "./lib/run";
import { MIGRATIONS, SCHEMA, hasMigrations, schemaFromMigrations } from "./lib/migrations";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (for example: add_claims)");
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(MIGRATIONS, `${stamp}_${name}`, "migration.sql");
// Replay the existing migrations before the new folder exists: deploy would trip over it.
const replay = hasMigrations() ? schemaFromMigrations() : null;
try {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const from = replay ? ["--from-schema-datamodel", replay.schemaFile] : ["--from-empty"];
  prisma(["migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA, "--script", "-o", target]);
  if (!replay) fs.writeFileSync(path.join(MIGRATIONS, "migration_lock.toml"), 'provider = "sqlite"\n');
} finally {
  replay?.cleanup();
}

const sql = fs.readFileSync(target, "utf8");
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql)) {
  fs.rmSync(path.dirname(target), { recursive: true });
  console.log("The schema already matches the migrations: nothing to write.");
} else {
  console.log(`Wrote ${target}. Review it, then run: npm run db:prepare`);
}
