import Database from "better-sqlite3";
import { databaseTarget, databaseUrl } from "@/lib/config/database-url";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { checkPostgresReachable, checkSqliteFolder } from "./database-check";
import { migrateDatabase } from "./migrate";

/**
 * Checks that the configured database can be used (one clear sentence when not), applies its
 * migrations, switches SQLite to WAL, and seeds demo data when it has no users.
 */
export async function prepareDatabase(url: string = databaseUrl()): Promise<void> {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") checkSqliteFolder(target);
  else await checkPostgresReachable(target);

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
