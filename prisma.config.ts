import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./lib/config/database-url";

// The schema's `env("DATABASE_URL")` must resolve, or the CLI tries to download a query engine.
process.env.DATABASE_URL = databaseUrl();
fs.mkdirSync(path.dirname(sqliteFilePath(process.env.DATABASE_URL)), { recursive: true });

// Rust-free Prisma 6.19: the JS schema engine talks to SQLite through the driver adapter,
// so no engine binary is downloaded (see docs/decisions/0001-prisma-6-js-engine.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
});
