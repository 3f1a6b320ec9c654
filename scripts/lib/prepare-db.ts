import Database from "better-sqlite3";
import { databaseTarget, databaseUrl, type DatabaseTarget } from "@/lib/config/database-url";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { checkPostgresReachable, checkSqliteFolder } from "./database-check";
import { migrateDatabase } from "./migrate";
import { withPostgres } from "./pg";

/**
 * Checks that the configured database can be used (one clear sentence when not), applies its
 * migrations, switches SQLite to WAL, and seeds demo data when it has no users.
 */
export async function prepareDatabase(url: string = databaseUrl()): Promise<void> {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") checkSqliteFolder(target);
  else await checkPostgresReachable(target);

  await oneInstanceAtATime(target, () => migrateAndSeed(url, target));
}

async function migrateAndSeed(url: string, target: DatabaseTarget): Promise<void> {
  await migrateDatabase(target);

  if (target.provider === "sqlite") {
    // WAL lets readers go on while one writer writes; the mode is stored in the file itself.
    const sqlite = new Database(target.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }

  const db = createPrismaClient(url);
  try {
    if ((await db.user.count()) === 0) {
      await seedDemoData(db);
      console.log("Seeded demo editors and the sample article.");
    }
  } finally {
    await db.$disconnect();
  }
}

/**
 * Instances that start together on one PostgreSQL database take turns to migrate and seed (a
 * session advisory lock), so the second finds the work done instead of seeding twice.
 * SQLite serves one process per file.
 */
async function oneInstanceAtATime(target: DatabaseTarget, work: () => Promise<void>): Promise<void> {
  if (target.provider === "sqlite") return work();
  // The lock is the connection's: closing it (or the process dying) releases it.
  await withPostgres(target.url, async (lock) => {
    await lock.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK]);
    await work();
  });
}

/** Any constant: the key of Factline's start-up lock. */
const PREPARE_LOCK = 72_617_001;
