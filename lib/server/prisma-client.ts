import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/pg/client";
import { databaseTarget, databaseUrl, type DatabaseProvider } from "@/lib/config/database-url";

/**
 * Builds a Prisma client for the database DATABASE_URL names. A generated client is bound to one
 * provider, so there are two (generated/prisma for SQLite, generated/pg for PostgreSQL), made from
 * the same models (decision 0008). The app is typed against the SQLite one: both expose the same
 * model API, and nothing in the app uses a provider-only feature.
 *
 * Not marked server-only because the seed, start and bench scripts (plain Node) use it too; app
 * code imports `db` from ./db instead.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  const target = databaseTarget(url);
  if (target.provider === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return client as unknown as PrismaClient;
  }
  // busy timeout: concurrent writers wait for the lock instead of failing with SQLITE_BUSY.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: target.url, timeout: 5_000 }) });
}

export function providerOf(url: string = databaseUrl()): DatabaseProvider {
  return databaseTarget(url).provider;
}

export type { PrismaClient };
