/**
 * `postinstall`: generates both Prisma clients (generated/prisma for SQLite, generated/pg for
 * PostgreSQL). A client is bound to one provider, and the app picks one at run time (decision 0008).
 */
import { OFFLINE_URL } from "./lib/migrations";
import { prisma, runMain } from "./lib/run";

runMain(async () => {
  for (const provider of ["sqlite", "postgresql"] as const) prisma(["generate"], OFFLINE_URL[provider]);
  console.log("Generated the Prisma clients for SQLite and PostgreSQL.");
});
