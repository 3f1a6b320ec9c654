import { faker } from "@faker-js/faker";
import { hashPassword } from "@/lib/users/password";
import type { Role } from "@/lib/users/roles";
import { createPrismaClient } from "@/lib/server/prisma-client";
import type { ArticleDoc } from "@/lib/articles/document";
import { plainTextOf } from "@/lib/articles/plain-text";
import { SAMPLE_ARTICLE } from "@/prisma/demo-data";
import { E2E_DATABASE_URL } from "./env";

export const db = createPrismaClient(E2E_DATABASE_URL);

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** A new editor for one test, so tests never see each other's claims or articles. */
export async function createUser(role: Role = "EDITOR"): Promise<TestUser> {
  const name = faker.person.fullName();
  const email = `${faker.string.alphanumeric(10).toLowerCase()}@e2e.factline.test`;
  const password = faker.internet.password({ length: 16 });
  const user = await db.user.create({
    data: { email, name, role, passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  return { id: user.id, email, name, password, role };
}

/** A fresh copy of the sample article for one test, so its claims are that test's alone. */
export async function createSampleArticle(ownerId: string): Promise<{ id: string; title: string }> {
  // One paragraph per line, as the importer does for .txt (which Playwright's loader cannot import: marked is ESM-only).
  const paragraphs = SAMPLE_ARTICLE.text().split("\n").map((line) => line.trim()).filter(Boolean);
  const doc: ArticleDoc = {
    type: "doc",
    content: paragraphs.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
  };
  const text = plainTextOf(doc);
  const title = `${SAMPLE_ARTICLE.title} (${faker.string.alphanumeric(6)})`;
  const article = await db.article.create({
    data: { title, outlet: SAMPLE_ARTICLE.outlet, body: JSON.stringify(doc), text, createdById: ownerId },
    select: { id: true },
  });
  return { id: article.id, title };
}
