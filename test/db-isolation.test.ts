import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db, writeTransaction } from "@/lib/server/db";

const user = (email: string) => ({ data: { email, name: email, passwordHash: "x" } });

/**
 * Opens a transaction that writes `email` and stays open until released, then fails; meanwhile
 * `during` runs as another request would. Resolves with what `during` returned.
 */
async function duringAFailingTransaction<T>(email: string, during: () => Promise<T>): Promise<T> {
  let release!: () => void;
  let opened!: () => void;
  const isOpen = new Promise<void>((resolve) => (opened = resolve));
  const transaction = writeTransaction(async (tx) => {
    await tx.user.create(user(email));
    opened();
    await new Promise<void>((resolve) => (release = resolve));
    throw new Error("refused");
  });
  await isOpen;
  // Prisma queries are lazy: start this one now, while the transaction is open.
  const result = Promise.resolve(during());
  await new Promise((resolve) => setTimeout(resolve, 50));
  release();
  await expect(transaction).rejects.toThrow("refused");
  return result;
}

describe("operations and transactions on the adapter's single SQLite connection", () => {
  it("keeps a write made while another request's transaction is open, when that transaction rolls back", async () => {
    await duringAFailingTransaction("rolled-back@test", () => db.user.create(user("kept@test")));
    const emails = (await db.user.findMany({ select: { email: true } })).map((u) => u.email);
    expect(emails).toContain("kept@test");
    expect(emails).not.toContain("rolled-back@test");
  });

  it("never lets a read see a transaction's uncommitted rows", async () => {
    const seen = await duringAFailingTransaction("uncommitted@test", () =>
      db.user.findUnique({ where: { email: "uncommitted@test" }, select: { id: true } }),
    );
    expect(seen).toBeNull();
  });

  it("runs a transaction again when another process began writing after it read (SQLite answers busy at once)", async () => {
    // Another process on the same file (a script, a second connection): it takes the write lock
    // after our transaction has read, so our first write cannot wait for it and is refused.
    const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
    try {
      let attempt = 0;
      await writeTransaction(async (tx) => {
        attempt += 1;
        if (attempt > 1 && other.inTransaction) other.exec("COMMIT");
        await tx.user.findMany({ select: { id: true }, take: 1 });
        if (attempt === 1) {
          other.exec("BEGIN IMMEDIATE");
          other
            .prepare(
              `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES ('other-writer', 'other@test', 'Other', 'x', '2026-01-01')`,
            )
            .run();
        }
        await tx.user.create(user("after-busy@test"));
      });
      expect(attempt).toBe(2);
      const emails = (await db.user.findMany({ select: { email: true } })).map((u) => u.email);
      expect(emails).toEqual(expect.arrayContaining(["after-busy@test", "other@test"]));
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });
});
