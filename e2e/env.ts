import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_FILE = path.join(process.cwd(), "data", "e2e.db");
export const E2E_DATABASE_URL = `file:${E2E_DATABASE_FILE}`;
