/**
 * Vitest globalSetup of the `db-postgres` project: a template database with the committed
 * PostgreSQL migrations, made once per run on the cluster `npm test` started. Each test file then
 * gets its own copy of it (test/setup/postgres-file.ts).
 */
import type { TestProject } from "vitest/node";
import { prisma } from "@/scripts/lib/run";
import { createDatabase, dropDatabase } from "@/scripts/lib/postgres-cluster";


declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.FACTLINE_TEST_POSTGRES_ADMIN_URL!;
  const port = Number(new URL(adminUrl).port);
  // Named for this run: runs from several checkouts may share one cluster.
  const template = `factline_test_template_${process.pid}`;
  const url = await createDatabase({ adminUrl, port }, template);
  prisma(["migrate", "deploy"], url);
  project.provide("postgresAdminUrl", adminUrl);
  project.provide("postgresTemplate", template);
  return () => dropDatabase({ adminUrl }, template);
}
