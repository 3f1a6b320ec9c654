import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
// The 7.x adapter, for the CLI only: the 6.19 CLI cannot read PostgreSQL's catalog through the
// 6.19 adapter (prisma/orm#27403). The app itself runs on @prisma/adapter-pg 6.19.
import { PrismaPg } from "@prisma/adapter-pg-migrate";
import { PRISMA_FILES, databaseTarget, databaseUrl } from "./lib/config/database-url";

// The schema's `env("DATABASE_URL")` must resolve, or the CLI tries to download a query engine.
process.env.DATABASE_URL = databaseUrl();
const target = databaseTarget(process.env.DATABASE_URL);
if (target.provider === "sqlite") fs.mkdirSync(path.dirname(target.file), { recursive: true });

/**
 * The 7.x adapter's executeScript splits a migration at every ";" and sends the pieces one by one,
 * which cuts PL/pgSQL function bodies apart (the search triggers, decision 0020). PostgreSQL's
 * simple query protocol runs a whole script itself, parsing dollar quotes and strings correctly.
 */
class PrismaPgWholeScripts extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as { query(sql: string): Promise<unknown> };
    const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      await pool.query(script).catch(onError);
    };
    return adapter;
  }
}

// Rust-free Prisma 6.19: the JS schema engine talks to the database through a driver adapter,
// so no engine binary is downloaded (see docs/decisions/0001-prisma-6-js-engine.md). Which
// database DATABASE_URL names picks the schema, its migrations and the adapter (decision 0008).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: PRISMA_FILES[target.provider].schema,
  migrations: { path: PRISMA_FILES[target.provider].migrations },
  adapter: async () =>
    target.provider === "sqlite"
      ? new PrismaBetterSQLite3({ url: target.url })
      : new PrismaPgWholeScripts({ connectionString: target.url, allowExitOnIdle: true }),
});
