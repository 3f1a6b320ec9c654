import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createPrismaClient } from "./prisma-client";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The SQLite driver adapter has one connection. A transaction holds it across several awaits,
 * and a query from another request in between would run *inside* that transaction: rolled
 * back with it, or reading its uncommitted rows. So every operation takes its turn: one at a
 * time, and a transaction's own queries (marked by `insideTransaction`) pass straight through.
 */
const insideTransaction = new AsyncLocalStorage<true>();
let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const turn = queue.then(work, work);
  queue = turn.catch(() => undefined);
  return turn;
}

function createDb() {
  return createPrismaClient().$extends({
    query: {
      $allOperations({ args, query }) {
        return insideTransaction.getStore() ? query(args) : inTurn(() => query(args));
      },
    },
  });
}

export type Db = ReturnType<typeof createDb>;
export type Tx = Prisma.TransactionClient;

// One client per process; the global survives Next's module reloads in development.
const globalForDb = globalThis as unknown as { factlineDb?: Db };
export const db: Db = globalForDb.factlineDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.factlineDb = db;

const MAX_ATTEMPTS = 5;

/**
 * The one way to run several statements atomically: in turn with every other operation, and
 * retried when SQLite reports the database busy. Prisma begins transactions DEFERRED: if another
 * connection (a script, another process) commits between our first read and our first write,
 * SQLite answers SQLITE_BUSY_SNAPSHOT at once. Running the transaction again on a fresh snapshot
 * is correct because it only touches the database; version checks inside it catch real conflicts.
 */
export function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withBusyRetry(() =>
    inTurn(() => insideTransaction.run(true, () => db.$transaction((tx) => work(tx as unknown as Tx)))),
  );
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
