import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/lib/config/database-url";

/**
 * Builds a Prisma client on the SQLite driver adapter. Not marked server-only because the seed,
 * start and bench scripts (plain Node) use it too; app code imports `db` from ./db instead.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  // busy timeout: concurrent writers wait for the lock instead of failing with SQLITE_BUSY.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
}

export type { PrismaClient };
