import path from "node:path";

/**
 * Where the end-to-end run's app lives. By default: one instance on a fresh SQLite file. `npm test`
 * runs the suite a second time on PostgreSQL with two instances (E2E_DATABASE_URL,
 * E2E_SECOND_PORT), made fresh by scripts/test.ts.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_FILE = path.join(process.cwd(), "data", E2E_PORT === 3100 ? "e2e.db" : `e2e-${E2E_PORT}.db`);
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:${E2E_DATABASE_FILE}`;
/** A second instance on the same database, when the run has one. */
export const E2E_SECOND_PORT = process.env.E2E_SECOND_PORT ? Number(process.env.E2E_SECOND_PORT) : null;
export const E2E_PROVIDER = E2E_DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";
