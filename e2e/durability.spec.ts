import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/config/database-url";
import { SENTENCES, clientFor, createArticle, selectorFor } from "./api-helpers";
import { E2E_DATABASE_URL, E2E_PORT, E2E_PROVIDER } from "./env";
import { db } from "./factories";
import { expect, test } from "./fixtures";

/**
 * A server killed with SIGKILL in the middle of concurrent claim writes loses nothing it
 * acknowledged and leaves a consistent database: the durability of the write path (one
 * transaction per write, committed before the answer), on whichever database this run uses.
 * The killed server is an extra instance of the built app on the run's database, so the suite's
 * own server keeps serving.
 */
const PORT = E2E_PORT + 10;
const BASE = `http://localhost:${PORT}`;
const WRITERS = 6;

function startServer(): ChildProcess {
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: E2E_DATABASE_URL,
      NEXTAUTH_URL: BASE,
      NEXTAUTH_SECRET: "durability-test-secret-0123456789",
    },
    stdio: "ignore",
  });
  return server;
}

async function untilUp(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The extra server on ${BASE} did not come up.`);
}

const exited = (server: ChildProcess) => new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once("exit", () => resolve())));

test("a server killed during concurrent claim writes keeps every write it acknowledged", async ({ editor, playwright }) => {
  test.setTimeout(180_000);
  let server = startServer();
  try {
    await untilUp();
    const client = await clientFor(playwright.request, BASE, editor);
    const article = await createArticle(client);
    const sentences = Object.values(SENTENCES);

    // What the server told the writers: created claim ids, and each claim's last acknowledged version.
    const acknowledged = new Map<string, number>();
    let killed = false;
    const writer = async (n: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const sentence = sentences[(n + i) % sentences.length]!;
          const created = await client.post(`/api/articles/${article.id}/annotations`, { data: selectorFor(article.text, sentence) });
          if (created.status() !== 201) continue;
          const claim = (await created.json()) as { id: string; version: number };
          acknowledged.set(claim.id, claim.version);
          const updated = await client.patch(`/api/annotations/${claim.id}`, {
            data: { version: claim.version, status: "UNPROVEN", note: `writer ${n}, round ${i}` },
          });
          if (updated.status() === 200) acknowledged.set(claim.id, ((await updated.json()) as { version: number }).version);
        } catch {
          return; // The server is gone.
        }
      }
    };
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));
    // Kill it once writes are flowing, mid-stream.
    await expect.poll(() => acknowledged.size, { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    server.kill("SIGKILL");
    killed = true;
    await exited(server);
    await writing;
    await client.dispose();

    // Straight from the database: every acknowledged claim is there, at least at the version acknowledged,
    // with its "created" event; and nothing half-written (a claim without its creation event).
    const rows = await db.claim.findMany({
      where: { articleId: article.id },
      select: { id: true, version: true, events: { select: { kind: true } } },
    });
    const stored = new Map(rows.map((row) => [row.id, row]));
    for (const [id, version] of acknowledged) {
      expect(stored.get(id), `claim ${id} was acknowledged`).toBeDefined();
      expect(stored.get(id)!.version).toBeGreaterThanOrEqual(version);
    }
    for (const row of rows) {
      expect(row.events.filter((event) => event.kind === "created")).toHaveLength(1);
      // Each write after the creation bumped the version by one and recorded its events in the same transaction.
      expect(row.events.filter((event) => event.kind !== "created").length > 0).toBe(row.version > 1);
    }
    if (E2E_PROVIDER === "sqlite") {
      const sqlite = new Database(sqliteFilePath(E2E_DATABASE_URL), { readonly: true });
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
      sqlite.close();
    }

    // Restarted, the app serves all of it.
    server = startServer();
    await untilUp();
    const again = await clientFor(playwright.request, BASE, editor);
    const listed = (await (await again.get(`/api/articles/${article.id}/annotations`)).json()) as { claims: Array<{ id: string }> };
    const ids = listed.claims.map((claim) => claim.id);
    expect(ids).toEqual(expect.arrayContaining([...acknowledged.keys()]));
    // Writes committed as the server died may have gone unanswered: listed, though never acknowledged.
    expect(ids).toHaveLength(rows.length);
    await again.dispose();
  } finally {
    server.kill("SIGKILL");
    await exited(server);
  }
});
