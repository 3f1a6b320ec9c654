/**
 * Vitest globalSetup of the `db-postgres` project: a template database with the committed
 * PostgreSQL migrations, made once per run on the cluster `npm test` started. Each test file then
 * gets its own copy of it (test/setup/postgres-file.ts).
 */
import type { TestProject } from "vitest/node";
import { prisma } from "@/scripts/lib/run";
import { createDatabase } from "@/scripts/lib/postgres-cluster";

export const TEMPLATE = "factline_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const adminUrl = process.env.FACTLINE_TEST_POSTGRES_ADMIN_URL!;
  const port = Number(new URL(adminUrl).port);
  const url = await createDatabase({ adminUrl, port }, TEMPLATE);
  prisma(["migrate", "deploy"], url);
  project.provide("postgresAdminUrl", adminUrl);
}
