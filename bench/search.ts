/**
 * `npm run bench:search`: search and the library at scale (bench/README.md, "Search").
 * 10,000 articles of ~5,000 characters and 100,000 claims with a source each, on SQLite and on
 * PostgreSQL (a private scratch cluster), written in bulk with the search triggers indexing them.
 * In a child process per database, bound to it as the app is (lib/server reads DATABASE_URL once):
 *   - 200 varied queries through the app's search module (lib/server/search.ts: parse, rank,
 *     filters, snippets, names), against the raw reference: the engine's full-text query alone
 *     (match, rank, first page of ids) on the same connection kind, no joins or snippets;
 *   - the library page (50 articles with progress, lib/server/library.ts) in every order,
 *     against a raw read of 50 article ids;
 *   - indexing: inserting 500 articles with the search triggers against the same inserts with
 *     them dropped (in a transaction rolled back), per article.
 * Prints the figures and writes bench/results/search.json.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { parseQuery, toFtsMatch } from "@/lib/search/query";
import { libraryQuerySchema, LIBRARY_SORTS } from "@/lib/articles/library";
import { searchQuerySchema } from "@/lib/search/schemas";
import { migratedDatabase } from "@/test/sqlite";
import { prisma } from "@/scripts/lib/run";
import { withScratchPostgres } from "@/scripts/lib/scratch-postgres";
import { ARTICLES, EDITORS, articleRows, benchQueries, type BenchArticle } from "./lib/search/data";

const RESULTS = path.join(process.cwd(), "bench", "results", "search.json");
/**
 * The server tuned as a production one would be: PostgreSQL's installed default of 128 MB of
 * shared buffers holds a fifth of this 600 MB database, and every query (the raw reference's too)
 * would read most pages back through the operating system. 1 GB is a quarter of a 4 GB server.
 */
const POSTGRES_SETTINGS = { shared_buffers: "1GB" };
const INDEX_SAMPLE = 500;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const round = (ms: number) => Math.round(ms * 100) / 100;
const summary = (values: number[]) => ({
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  max: round(Math.max(...values)),
});
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");
/** An article's values for an INSERT into "Article" on SQLite, in the bench's column order. */
const sqliteArticle = (a: BenchArticle, id: string = a.id): unknown[] => [
  id,
  a.title,
  a.outlet,
  EMPTY_DOC,
  a.text,
  a.createdById,
  sqliteDate(a.createdAt),
  sqliteDate(a.createdAt),
];
const EMPTY_DOC = '{"type":"doc","content":[]}';

// ------------------------------------------------------------------------------------------
// Seeding

function seedSqlite(file: string): { seconds: number } {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const started = performance.now();
  const now = sqliteDate(new Date());
  const user = sqlite.prepare(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") VALUES (?, ?, ?, '!', ?)`,
  );
  const article = sqlite.prepare(
    `INSERT INTO "Article" ("id", "title", "outlet", "body", "text", "createdById", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const claim = sqlite.prepare(
    `INSERT INTO "Claim" ("id", "articleId", "authorId", "start", "end", "exact", "prefix", "suffix", "anchorStart", "anchorEnd", "quoteExact", "status", "note", "reviewState", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const source = sqlite.prepare(
    `INSERT INTO "Source" ("id", "claimId", "addedById", "url", "title", "excerpt", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const id of EDITORS) user.run(id, `${id}@bench.test`, id.replace("bench-", "Bench "), now);
  })();
  for (let from = 0; from < ARTICLES; from += 1000) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(ARTICLES, from + 1000); i++) {
        const rows = articleRows(i);
        const a = rows.article;
        article.run(...sqliteArticle(a));
        for (const c of rows.claims) {
          claim.run(
            c.id,
            c.articleId,
            c.authorId,
            c.start,
            c.end,
            c.exact,
            c.start,
            c.end,
            c.exact,
            c.status,
            c.note,
            c.reviewState,
            sqliteDate(c.createdAt),
            sqliteDate(c.createdAt),
          );
        }
        for (const s of rows.sources)
          source.run(s.id, s.claimId, s.addedById, s.url, s.title, s.excerpt, sqliteDate(s.createdAt));
      }
    })();
  }
  sqlite.pragma("optimize");
  sqlite.close();
  return { seconds: Math.round((performance.now() - started) / 100) / 10 };
}

async function seedPostgres(url: string): Promise<{ seconds: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const started = performance.now();
  try {
    await pool.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") SELECT id, id || '@bench.test', replace(id, 'bench-', 'Bench '), '!', now() FROM unnest($1::text[]) AS id`,
      [EDITORS],
    );
    for (let from = 0; from < ARTICLES; from += 250) {
      const articles: BenchArticle[] = [];
      const claims: ReturnType<typeof articleRows>["claims"] = [];
      const sources: ReturnType<typeof articleRows>["sources"] = [];
      for (let i = from; i < Math.min(ARTICLES, from + 250); i++) {
        const rows = articleRows(i);
        articles.push(rows.article);
        claims.push(...rows.claims);
        sources.push(...rows.sources);
      }
      await pool.query(
        `INSERT INTO "Article" ("id", "title", "outlet", "body", "text", "createdById", "createdAt", "updatedAt")
         SELECT id, title, outlet, '${EMPTY_DOC}', text, by, at, at FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS t(id, title, outlet, text, by, at)`,
        [
          articles.map((a) => a.id),
          articles.map((a) => a.title),
          articles.map((a) => a.outlet),
          articles.map((a) => a.text),
          articles.map((a) => a.createdById),
          articles.map((a) => a.createdAt),
        ],
      );
      await pool.query(
        `INSERT INTO "Claim" ("id", "articleId", "authorId", "start", "end", "exact", "prefix", "suffix", "anchorStart", "anchorEnd", "quoteExact", "status", "note", "reviewState", "createdAt", "updatedAt")
         SELECT id, article, author, s, e, exact, '', '', s, e, exact, status, note, review, at, at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[]) AS t(id, article, author, s, e, exact, status, note, review, at)`,
        [
          claims.map((c) => c.id),
          claims.map((c) => c.articleId),
          claims.map((c) => c.authorId),
          claims.map((c) => c.start),
          claims.map((c) => c.end),
          claims.map((c) => c.exact),
          claims.map((c) => c.status),
          claims.map((c) => c.note),
          claims.map((c) => c.reviewState),
          claims.map((c) => c.createdAt),
        ],
      );
      await pool.query(
        `INSERT INTO "Source" ("id", "claimId", "addedById", "url", "title", "excerpt", "createdAt")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`,
        [
          sources.map((s) => s.id),
          sources.map((s) => s.claimId),
          sources.map((s) => s.addedById),
          sources.map((s) => s.url),
          sources.map((s) => s.title),
          sources.map((s) => s.excerpt),
          sources.map((s) => s.createdAt),
        ],
      );
    }
    await pool.query("VACUUM ANALYZE");
  } finally {
    await pool.end();
  }
  return { seconds: Math.round((performance.now() - started) / 100) / 10 };
}

// ------------------------------------------------------------------------------------------
// Measuring (in a child process bound to one database)

interface RawEngine {
  /** The engine's full-text query alone: the first page of ids by rank. */
  search(q: string): Promise<void>;
  library(): Promise<void>;
  /** Milliseconds to insert `count` articles, with or without the search trigger (rolled back). */
  insertArticles(count: number, withIndex: boolean): Promise<number>;
  close(): Promise<void>;
}

function rawSqlite(file: string): RawEngine {
  const sqlite = new Database(file);
  const search = sqlite.prepare(
    `SELECT rowid FROM "search_fts" WHERE "search_fts" MATCH ? ORDER BY bm25("search_fts", 4.0, 1.0, 0.5) LIMIT 21`,
  );
  const library = sqlite.prepare(`SELECT "id" FROM "Article" ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`);
  return {
    async search(q) {
      const match = toFtsMatch(parseQuery(q));
      if (match) search.all(match);
    },
    async library() {
      library.all();
    },
    async insertArticles(count, withIndex) {
      const insert = sqlite.prepare(
        `INSERT INTO "Article" ("id", "title", "outlet", "body", "text", "createdById", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      sqlite.exec("BEGIN");
      try {
        if (!withIndex) sqlite.exec(`DROP TRIGGER "search_article_ai"`);
        const started = performance.now();
        for (let i = 0; i < count; i++) {
          const a = articleRows(ARTICLES + i).article;
          insert.run(...sqliteArticle(a, `${a.id}-extra`));
        }
        return performance.now() - started;
      } finally {
        sqlite.exec("ROLLBACK");
      }
    },
    async close() {
      sqlite.close();
    },
  };
}

function rawPostgres(url: string): RawEngine {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    async search(q) {
      const parsed = parseQuery(q);
      const parts = [...parsed.terms, ...parsed.phrases.map((p) => p.join(" "))];
      if (parts.length === 0) return;
      // The same tsquery the module builds, as one statement with its parameters.
      const tsquery = [
        ...parsed.terms.map((_, i) => `plainto_tsquery('english', $${i + 1})`),
        ...parsed.phrases.map((_, i) => `phraseto_tsquery('english', $${parsed.terms.length + i + 1})`),
      ].join(" && ");
      await pool.query(
        `SELECT d."id" FROM "search_document" d, (SELECT ${tsquery} AS query) q WHERE d."vector" @@ q.query ORDER BY ts_rank(d."vector", q.query) DESC LIMIT 21`,
        parts,
      );
    },
    async library() {
      await pool.query(`SELECT "id" FROM "Article" ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`);
    },
    async insertArticles(count, withIndex) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        if (!withIndex) await client.query(`DROP TRIGGER "search_article_ai" ON "Article"`);
        const started = performance.now();
        for (let i = 0; i < count; i++) {
          const a = articleRows(ARTICLES + i).article;
          await client.query(
            `INSERT INTO "Article" ("id", "title", "outlet", "body", "text", "createdById", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
            [`${a.id}-extra`, a.title, a.outlet, EMPTY_DOC, a.text, a.createdById, a.createdAt],
          );
        }
        return performance.now() - started;
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const { search } = await import("@/lib/server/search");
  const { listLibrary } = await import("@/lib/server/library");
  const raw = url.startsWith("file:") ? rawSqlite(url.slice(5)) : rawPostgres(url);
  const queries = benchQueries();
  const inputs = queries.map((query) => searchQuerySchema.parse(query.params));
  // Warm-up: caches and prepared statements, not counted.
  for (const input of inputs.slice(0, 20)) {
    await search(input, EDITORS[0]!);
    await raw.search(input.q);
  }
  const app: number[] = [];
  const reference: number[] = [];
  const byLabel: Record<string, number[]> = {};
  let hits = 0;
  for (const [i, input] of inputs.entries()) {
    let found = 0;
    const ms = await timed(async () => {
      found = (await search(input, EDITORS[0]!)).results.length;
    });
    hits += found;
    app.push(ms);
    (byLabel[queries[i]!.label] ??= []).push(ms);
    reference.push(await timed(() => raw.search(input.q)));
  }
  const library: Record<string, ReturnType<typeof summary>> = {};
  for (const sort of LIBRARY_SORTS) {
    const query = libraryQuerySchema.parse({ sort });
    await listLibrary(query, EDITORS[0]!);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(await timed(() => listLibrary(query, EDITORS[0]!)));
    library[sort] = summary(times);
  }
  const libraryAwaiting: number[] = [];
  for (let i = 0; i < 30; i++)
    libraryAwaiting.push(
      await timed(() => listLibrary(libraryQuerySchema.parse({ awaiting: "1", sort: "progress" }), EDITORS[0]!)),
    );
  const libraryRaw: number[] = [];
  for (let i = 0; i < 30; i++) libraryRaw.push(await timed(() => raw.library()));
  const withIndex = await raw.insertArticles(INDEX_SAMPLE, true);
  const without = await raw.insertArticles(INDEX_SAMPLE, false);
  await raw.close();
  const result = {
    queries: inputs.length,
    averageResultsOnFirstPage: Math.round((hits / inputs.length) * 10) / 10,
    search: summary(app),
    searchByKind: Object.fromEntries(Object.entries(byLabel).map(([label, times]) => [label, summary(times)])),
    rawReference: summary(reference),
    library,
    libraryAwaitingByProgress: summary(libraryAwaiting),
    libraryRawReference: summary(libraryRaw),
    indexing: {
      articles: INDEX_SAMPLE,
      msPerArticleWithIndex: round(withIndex / INDEX_SAMPLE),
      msPerArticleWithout: round(without / INDEX_SAMPLE),
      msPerArticleForIndex: round((withIndex - without) / INDEX_SAMPLE),
    },
  };
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

function runChild(url: string): unknown {
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join("bench", "search.ts"), "--measure"],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        NODE_ENV: "production",
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (child.status !== 0 || !line)
    throw new Error(`The measuring process failed:\n${child.stdout.slice(-2000)}\n${child.stderr.slice(-4000)}`);
  return JSON.parse(line.slice("RESULT ".length));
}

async function main(): Promise<void> {
  const only = process.env.BENCH_DATABASES?.split(",") ?? ["sqlite", "postgresql"];
  const results: Record<string, unknown> = {};
  if (only.includes("sqlite")) {
    const template = migratedDatabase();
    try {
      const file = template.url.slice(5);
      console.log(`SQLite: seeding ${ARTICLES.toLocaleString("en")} articles...`);
      const seeded = seedSqlite(file);
      console.log(`  seeded in ${seeded.seconds} s; measuring...`);
      results.sqlite = {
        seedSeconds: seeded.seconds,
        databaseMB: Math.round(fs.statSync(file).size / 1e6),
        ...(runChild(template.url) as object),
      };
      console.log(JSON.stringify(results.sqlite, null, 2));
    } finally {
      template.cleanup();
    }
  }
  if (only.includes("postgresql")) {
    await withScratchPostgres(async (url) => {
      prisma(["migrate", "deploy"], url);
      console.log(`PostgreSQL: seeding ${ARTICLES.toLocaleString("en")} articles...`);
      const seeded = await seedPostgres(url);
      console.log(`  seeded in ${seeded.seconds} s; measuring...`);
      results.postgresql = { seedSeconds: seeded.seconds, ...(runChild(url) as object) };
      console.log(JSON.stringify(results.postgresql, null, 2));
    }, POSTGRES_SETTINGS);
  }
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    articles: ARTICLES,
    claims: ARTICLES * 10,
    ...results,
  };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Wrote ${RESULTS}`);
}

if (process.argv.includes("--measure")) void measure();
else
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
