/**
 * Rows for tests, on whichever database the client given is connected to: the data-layer tests
 * (test/) and the end-to-end tests (e2e/factories.ts) share them. Plain Prisma calls, nothing
 * provider-specific.
 */
import { faker } from "@faker-js/faker";
import type { ArticleDoc } from "@/lib/articles/document";
import { plainTextOf } from "@/lib/articles/plain-text";
import { hashPassword } from "@/lib/users/password";
import type { Role } from "@/lib/users/roles";
import type { Prisma } from "@/generated/prisma/client";
import { SAMPLE_ARTICLE } from "@/prisma/demo-data";

/** What the factories need of a client: the app's `db` (lib/server/db.ts) and a plain PrismaClient both fit. */
export interface FactoryDb {
  user: { create(args: { data: Prisma.UserCreateInput; select: { id: true } }): PromiseLike<{ id: string }> };
  article: {
    create(args: { data: Prisma.ArticleUncheckedCreateInput; select: { id: true } }): PromiseLike<{ id: string }>;
  };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  /** Empty unless a password was asked for (hashing one takes about 60 ms). */
  password: string;
  role: Role;
}

/** A new user with a unique email; `withPassword` when the test signs in with it. */
export async function createUser(
  db: FactoryDb,
  options: { role?: Role; name?: string; withPassword?: boolean } = {},
): Promise<TestUser> {
  const name = options.name ?? faker.person.fullName();
  const role = options.role ?? "EDITOR";
  const email = `${faker.string.alphanumeric(12).toLowerCase()}@test.factline.test`;
  const password = options.withPassword ? faker.internet.password({ length: 16 }) : "";
  const passwordHash = options.withPassword ? await hashPassword(password) : "!not-a-bcrypt-hash";
  const user = await db.user.create({ data: { email, name, role, passwordHash }, select: { id: true } });
  return { id: user.id, email, name, password, role };
}

/** The user as the session carries it, for calling lib/server functions directly. */
export function sessionOf(user: TestUser) {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** The two editors most data-layer tests start from: Erin (who adds the article) and Sam, a colleague. */
export async function createEditors(db: FactoryDb) {
  const erin = sessionOf(await createUser(db, { name: "Erin Editor" }));
  const sam = sessionOf(await createUser(db, { name: "Sam Second" }));
  return { erin, sam };
}

/** One paragraph per string, as the .txt importer makes them. */
export function docOf(paragraphs: readonly string[]): ArticleDoc {
  return {
    type: "doc",
    content: paragraphs.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
  };
}

export interface TestArticle {
  id: string;
  title: string;
  /** The plain text claims anchor to. */
  text: string;
}

/** A new article of the given paragraphs (by default a copy of the sample article), so its claims are one test's alone. */
export async function createArticle(
  db: FactoryDb,
  ownerId: string,
  options: { paragraphs?: readonly string[]; title?: string } = {},
): Promise<TestArticle> {
  const paragraphs =
    options.paragraphs ??
    SAMPLE_ARTICLE.text()
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const doc = docOf(paragraphs);
  const text = plainTextOf(doc);
  const title = options.title ?? `${SAMPLE_ARTICLE.title} (${faker.string.alphanumeric(6)})`;
  const body = JSON.stringify(doc);
  const article = await db.article.create({
    data: {
      title,
      outlet: SAMPLE_ARTICLE.outlet,
      body,
      text,
      createdById: ownerId,
      revisions: { create: { number: 1, body, text, createdById: ownerId } },
    },
    select: { id: true },
  });
  return { id: article.id, title, text };
}
