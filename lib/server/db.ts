import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { serverConfig } from "./env";
import { createPrismaClient } from "./prisma-client";
import type { Prisma } from "@/generated/prisma/client";

/**
 * SQLite: the driver adapter has one connection. A transaction holds it across several awaits,
 * and a query from another request in between would run *inside* that transaction: rolled back
 * with it, or reading its uncommitted rows. So every operation takes its turn: one at a time, and
 * a transaction's own queries (marked by `insideTransaction`) pass straight through (decision 0005).
 *
 * PostgreSQL: the adapter pools connections and gives each transaction its own, so nothing waits
 * here; the database orders writers (decision 0008).
 */
const provider = serverConfig().database.provider;
const insideTransaction = new AsyncLocalStorage<true>();
let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (provider !== "sqlite") return work();
  const turn = queue.then(work, work);
  queue = turn.catch(() => undefined);
  return turn;
}

function createDb() {
  const client = createPrismaClient(serverConfig().database.url);
  if (provider !== "sqlite") return client.$extends({});
  return client.$extends({
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
// PostgreSQL: under load a transaction may wait for a pooled connection and for the article's row lock.
const TRANSACTION_OPTIONS = provider === "sqlite" ? {} : { maxWait: 10_000, timeout: 15_000 };

/**
 * The one way to run several statements atomically, retried when the database says that running
 * it again is the fix: SQLite's busy snapshot (Prisma begins transactions DEFERRED, so another
 * process committing between our first read and first write fails us at once), PostgreSQL's
 * serialization failure or deadlock. Running it again is correct because the transaction only
 * touches the database; version checks inside it catch real conflicts.
 */
export function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return withBusyRetry(async () => {
    // Each attempt has its own list: a rolled-back attempt's hooks are dropped with it.
    const hooks: Array<() => void> = [];
    const result = await inTurn(() =>
      afterCommitHooks.run(hooks, () =>
        insideTransaction.run(true, () => db.$transaction((tx) => work(tx as unknown as Tx), TRANSACTION_OPTIONS)),
      ),
    );
    for (const hook of hooks) {
      try {
        hook();
      } catch (error) {
        console.error(error);
      }
    }
    return result;
  });
}

const afterCommitHooks = new AsyncLocalStorage<Array<() => void>>();

/**
 * Runs `hook` once the enclosing writeTransaction has committed, never when it rolls back (the
 * live-update publisher, decision 0018). Outside a transaction it is an error: a change announced
 * before it is durable could be announced and then lost.
 */
export function afterCommit(hook: () => void): void {
  const hooks = afterCommitHooks.getStore();
  if (!hooks) throw new Error("afterCommit outside writeTransaction");
  hooks.push(hook);
}

/** Runs a database write again when the database reports a transient conflict (see writeTransaction). */
export async function withBusyRetry<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 10));
    }
  }
}

/**
 * The SQLite code behind a Prisma error, when the driver adapter gave one. SQLite refuses at once
 * (no busy wait: waiting could deadlock) a transaction that read and then writes while another
 * connection holds the write lock; Prisma reports that SQLITE_BUSY as P1008 "Operation has timed
 * out", with the driver's code in its meta.
 */
function adapterCode(error: object): string {
  const meta = "meta" in error ? (error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } }) : null;
  return String(meta?.driverAdapterError?.cause?.originalCode ?? "");
}

function isTransient(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const code = "code" in error ? String(error.code) : "";
  const message = "message" in error ? String(error.message) : "";
  return (
    code.startsWith("SQLITE_BUSY") ||
    adapterCode(error).startsWith("SQLITE_BUSY") ||
    /database is locked/i.test(message) ||
    // PostgreSQL serialization_failure / deadlock_detected, as the adapter or Prisma (P2034) reports them.
    code === "40001" ||
    code === "40P01" ||
    code === "P2034"
  );
}
