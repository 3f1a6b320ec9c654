import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";
import type { Prisma } from "@/generated/prisma/client";

// One client per process; the global survives Next's module reloads in development.
const globalForDb = globalThis as unknown as { factlineDb?: PrismaClient };

export const db: PrismaClient = globalForDb.factlineDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.factlineDb = db;

const MAX_ATTEMPTS = 5;

/**
 * A read-then-write transaction, retried when SQLite reports the database busy.
 * Prisma begins transactions DEFERRED: if another connection commits between our first read
 * and our first write, SQLite answers SQLITE_BUSY_SNAPSHOT at once (the busy timeout does not
 * apply). Running the whole transaction again on a fresh snapshot is correct, because it only
 * touches the database; version checks inside it still catch real conflicts.
 */
export function writeTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return withBusyRetry(() => db.$transaction(work));
}

/** Runs a database write again when SQLite reports the database busy (see writeTransaction). */
export async function withBusyRetry<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 10));
    }
  }
}

function isBusy(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const code = "code" in error ? String(error.code) : "";
  const message = "message" in error ? String(error.message) : "";
  return code.startsWith("SQLITE_BUSY") || /database is locked/i.test(message);
}
