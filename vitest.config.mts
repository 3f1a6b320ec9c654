import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/** Tests that run once, in the SQLite project: the SQLite connection queue, configuration, start-up. */
const SQLITE_ONLY = ["test/db-isolation.test.ts", "test/server-env.test.ts", "test/start-up.test.ts"];
/** Set by `npm test` (scripts/test.ts), which starts a private PostgreSQL cluster for the run. */
const postgresAdminUrl = process.env.FACTLINE_TEST_POSTGRES_ADMIN_URL;
if (!postgresAdminUrl) console.warn("No FACTLINE_TEST_POSTGRES_ADMIN_URL: the PostgreSQL data-layer tests are left out (npm test runs them).");

/**
 * Projects, all run by `npm run test:unit`:
 * - unit: lib/ as plain TypeScript, no database;
 * - db-sqlite: test/, against a real SQLite database, one copy of a migrated template per test
 *   file (test/setup/);
 * - db-postgres: the same files against PostgreSQL, one database copied from a migrated template
 *   per test file.
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
    // Generous: the machine may be busy (CI, parallel builds); no test measures time.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        // The import pool's tests run its real worker, bundled from the current source (decision 0010).
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts"], globalSetup: ["test/setup/import-worker.ts"] },
      },
      {
        extends: true,
        test: {
          name: "db-sqlite",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/setup/sqlite-template.ts"],
          setupFiles: ["test/setup/sqlite-database.ts"],
        },
      },
      ...(postgresAdminUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "db-postgres",
                include: ["test/**/*.test.ts"],
                exclude: SQLITE_ONLY,
                globalSetup: ["test/setup/postgres-global.ts"],
                setupFiles: ["test/setup/postgres-file.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
