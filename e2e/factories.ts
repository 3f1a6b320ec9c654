import type { Role } from "@/lib/users/roles";
import { createPrismaClient } from "@/lib/server/prisma-client";
import * as factories from "@/test/factories";
import { E2E_DATABASE_URL } from "./env";

export type { TestUser } from "@/test/factories";

export const db = createPrismaClient(E2E_DATABASE_URL);

/** A new editor for one test, so tests never see each other's claims or articles. */
export function createUser(role: Role = "EDITOR"): Promise<factories.TestUser> {
  return factories.createUser(db, { role, withPassword: true });
}

/** A fresh copy of the sample article for one test, so its claims are that test's alone. */
export async function createSampleArticle(ownerId: string): Promise<{ id: string; title: string }> {
  const { id, title } = await factories.createArticle(db, ownerId);
  return { id, title };
}
