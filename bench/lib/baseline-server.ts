/**
 * The benchmark's baselines: a minimal node:http server doing the API's database work and nothing
 * else — no Next.js routing or rendering pipeline, no session (the editor is fixed at start).
 *
 *   BENCH_STORE=ceiling  the app's own lib/server/claim-*.ts (Prisma on better-sqlite3): the same
 *                        queries and transactions per request. Needs `--conditions=react-server`
 *                        so that its `import "server-only"` resolves to the empty module.
 *   BENCH_STORE=raw      the same work hand-written on better-sqlite3 (./raw-store.ts), or on pg
 *                        with prepared statements (./raw-pg-store.ts) when DATABASE_URL is postgresql:.
 *
 * Same routes, bodies, validation (the app's zod schemas), ETags and status codes as the app's API.
 */
import http from "node:http";
import { ZodError, type ZodType } from "zod";
import { claimListQuerySchema, createClaimSchema, updateClaimSchema } from "@/lib/claims/schemas";
import { Problem, STATUS_OF } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/session";
import type { ClaimStore } from "./raw-claims";

const MAX_BODY_BYTES = 64 * 1024;

async function loadStore(kind: string, databaseUrl: string): Promise<ClaimStore> {
  if (kind === "ceiling") {
    const { createCeilingStore } = await import("./ceiling-store");
    return createCeilingStore();
  }
  if (kind === "raw" && /^postgres(ql)?:/.test(databaseUrl)) {
    const { createRawPgStore } = await import("./raw-pg-store");
    return createRawPgStore(databaseUrl);
  }
  if (kind === "raw") {
    const { createRawStore } = await import("./raw-store");
    return createRawStore(databaseUrl);
  }
  throw new Error(`BENCH_STORE must be "ceiling" or "raw" (got "${kind}")`);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function readBody<T>(req: http.IncomingMessage, schema: ZodType<T>): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Problem("too_large", "The request body is larger than 64 KB.");
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Problem("malformed", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json), ...headers });
  res.end(json);
}

function sendError(res: http.ServerResponse, error: unknown): void {
  if (error instanceof Problem) return send(res, STATUS_OF[error.kind], { error: error.message });
  if (error instanceof ZodError) return send(res, 422, { error: error.issues[0]?.message ?? "Invalid input." });
  console.error(error);
  send(res, 500, { error: "Something went wrong on our side. Try again." });
}

const ARTICLE_ANNOTATIONS = /^\/api\/articles\/([^/]+)\/annotations$/;
const ANNOTATION = /^\/api\/annotations\/([^/]+)$/;
// As the app's route: per user and changing with every write, so each client revalidates.
const LIST_HEADERS = { "Cache-Control": "private, no-cache", Vary: "Accept" };

async function main(): Promise<void> {
  const databaseUrl = required("DATABASE_URL");
  const store = await loadStore(required("BENCH_STORE"), databaseUrl);
  const user: SessionUser = {
    id: required("BENCH_USER_ID"),
    name: "Erin Editor",
    email: "editor@factline.test",
    role: "EDITOR",
  };

  /** The list as the app's route answers it: 304, the whole list or a change set, with its ETag. */
  async function readClaims(req: http.IncomingMessage, res: http.ServerResponse, articleId: string, url: URL) {
    const { since, ...filter } = claimListQuerySchema.parse(Object.fromEntries(url.searchParams));
    const ifNoneMatch = req.headers["if-none-match"] ?? null;
    const feed = await store.feed(articleId, filter, user, { since, ifNoneMatch });
    const headers = { ETag: feed.tag, ...LIST_HEADERS };
    if (feed.notModified) {
      res.writeHead(304, headers);
      return res.end();
    }
    send(res, 200, feed.answer, headers);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const handle = async () => {
      let match = ARTICLE_ANNOTATIONS.exec(url.pathname);
      if (match && req.method === "GET") return readClaims(req, res, decodeURIComponent(match[1]!), url);
      if (match && req.method === "POST") {
        const claim = await store.create(user, decodeURIComponent(match[1]!), await readBody(req, createClaimSchema));
        return send(res, 201, claim, { Location: `/api/annotations/${claim.id}` });
      }
      match = ANNOTATION.exec(url.pathname);
      if (match && req.method === "PATCH") {
        return send(
          res,
          200,
          await store.update(user, decodeURIComponent(match[1]!), await readBody(req, updateClaimSchema)),
        );
      }
      if (url.pathname === "/health") return send(res, 200, { ok: true });
      send(res, 404, { error: "Not found." });
    };
    handle().catch((error: unknown) => sendError(res, error));
  });
  server.keepAliveTimeout = 65_000;
  const port = Number(required("PORT"));
  server.listen(port, "127.0.0.1", () => console.log(`baseline (${process.env.BENCH_STORE}) on :${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
