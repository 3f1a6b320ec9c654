import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/**
 * Two projects, both run by `npm run test:unit`:
 * - unit: lib/ as plain TypeScript, no database;
 * - db-sqlite: test/, against a real SQLite database, one copy of a migrated template per test
 *   file (test/setup/). The same files run against PostgreSQL in a project whose setup points
 *   DATABASE_URL at a fresh PostgreSQL database instead.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server Components; unit tests import server modules directly.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "db-sqlite",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/setup/sqlite-template.ts"],
          setupFiles: ["test/setup/sqlite-database.ts"],
        },
      },
    ],
  },
});
