/**
 * Authors a migration offline, for both databases: `npm run db:migration -- <name>` derives
 * prisma/postgresql/schema.prisma from prisma/schema.prisma, then writes
 * prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
 * prisma/postgresql/migrations/<timestamp>_<name>/migration.sql from the difference between each
 * provider's committed migrations and its schema. Both or neither are written.
 */
import fs from "node:fs";
import path from "node:path";
import { PRISMA_FILES } from "@/lib/config/database-url";
import { asPostgres, diffToSchema, hasMigrations, replayedSchema, scratchSqliteUrl, tempDir } from "./lib/migrations";
import { runMain } from "./lib/run";
import { writePostgresSchema } from "./lib/schemas";
import { withScratchPostgres } from "./lib/scratch-postgres";

async function main(): Promise<void> {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) throw new Error("Usage: npm run db:migration -- <name>   (for example: add_claims)");
  if (writePostgresSchema()) console.log(`Updated ${PRISMA_FILES.postgresql.schema} from ${PRISMA_FILES.sqlite.schema}.`);

  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const scratch = tempDir();
  try {
    const sqliteUrl = scratchSqliteUrl(scratch.dir);
    // PostgreSQL cannot be introspected by this CLI (see decision 0008); its migrations so far
    // produce the same models as SQLite's (db:check proves it), so they start from SQLite's replay.
    const replayed = replayedSchema("sqlite", sqliteUrl, scratch.dir);
    const sqlite = diffToSchema("sqlite", replayed, sqliteUrl);
    const before = replayed && hasMigrations("postgresql") ? asPostgres(replayed) : null;
    const postgresql = await withScratchPostgres((url) => diffToSchema("postgresql", before, url));
    if (!sqlite.differs && !postgresql.differs) {
      console.log("The schema already matches the migrations: nothing to write.");
      return;
    }
    for (const [provider, diff] of [["sqlite", sqlite], ["postgresql", postgresql]] as const) {
      const folder = PRISMA_FILES[provider].migrations;
      const firstOne = !hasMigrations(provider);
      const target = path.join(folder, `${stamp}_${name}`, "migration.sql");
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, diff.sql);
      if (firstOne) fs.writeFileSync(path.join(folder, "migration_lock.toml"), `provider = "${provider}"\n`);
      console.log(`Wrote ${target}.`);
    }
    console.log("Review them, then apply with: npm run db:prepare");
  } finally {
    scratch.cleanup();
  }
}

runMain(main);
