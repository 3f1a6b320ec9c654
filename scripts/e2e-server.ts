/** The end-to-end tests' server: `npm start` on a database made fresh for each run. */
import fs from "node:fs";
import { E2E_DATABASE_FILE } from "../e2e/env";

for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${E2E_DATABASE_FILE}${suffix}`, { force: true });
void import("./start");
