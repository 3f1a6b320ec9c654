/**
 * Vitest setupFile of the `db-postgres` project: this test file's own database, copied from the
 * migrated template (CREATE DATABASE … TEMPLATE: a file copy, no migrations to replay), named in
 * DATABASE_URL before the file imports the server modules, and dropped when the file is done.
 */
import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase } from "@/scripts/lib/postgres-cluster";

const adminUrl = inject("postgresAdminUrl");
const template = inject("postgresTemplate");
const name = `factline_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const cluster = { adminUrl, port: Number(new URL(adminUrl).port) };

process.env.DATABASE_URL = await copyTemplate();

afterAll(async () => {
  // The app's client (lib/server/db.ts) holds pooled connections: close them before dropping.
  const { factlineDb } = globalThis as { factlineDb?: { $disconnect(): Promise<void> } };
  await factlineDb?.$disconnect();
  await dropDatabase(cluster, name);
});

/** Copies from the template; another file's copy in progress can briefly hold it, so try again then. */
async function copyTemplate(): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The copy's tables belong to the template's role: connect as that role, as the app would as its own.
      return await createDatabase(cluster, name, { template, owner: template });
    } catch (error) {
      if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
