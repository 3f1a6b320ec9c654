import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, sqliteFilePath } from "@/lib/config/database-url";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { prisma } from "./run";

/** Migrates the database, switches SQLite to WAL, and seeds demo data when it has no users. */
export async function prepareDatabase(url: string = databaseUrl()): Promise<void> {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  prisma(["migrate", "deploy"], url);

  // WAL lets readers go on while one writer writes; the mode is stored in the file itself.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();

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
