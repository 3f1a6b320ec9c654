/** The end-to-end tests' server: `npm start` on a database made fresh for each run (SQLite here; PostgreSQL by scripts/test.ts). */
import fs from "node:fs";
import { E2E_DATABASE_FILE, E2E_PROVIDER } from "../e2e/env";

if (E2E_PROVIDER === "sqlite" && !process.env.E2E_KEEP_DATABASE) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${E2E_DATABASE_FILE}${suffix}`, { force: true });
}
void import("./start");
