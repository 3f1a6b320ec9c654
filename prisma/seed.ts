import { importArticle } from "@/lib/articles/import";
import { hashPassword } from "@/lib/users/password";
import { createPrismaClient, type PrismaClient } from "@/lib/server/prisma-client";
import { DEMO_PASSWORD, DEMO_USERS, SAMPLE_ARTICLE } from "./demo-data";

/** Idempotent: creates what is missing, leaves what exists (and anyone's edits) alone. */
export async function seedDemoData(db: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    await db.user.upsert({ where: { email: user.email }, update: {}, create: { ...user, passwordHash } });
  }

  const exists = await db.article.findFirst({ where: { title: SAMPLE_ARTICLE.title }, select: { id: true } });
  if (exists) return;
  const editor = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0]!.email }, select: { id: true } });
  const { doc, text } = await importArticle({ format: "txt", data: SAMPLE_ARTICLE.text() });
  const body = JSON.stringify(doc);
  await db.article.create({
    data: {
      title: SAMPLE_ARTICLE.title,
      outlet: SAMPLE_ARTICLE.outlet,
      author: SAMPLE_ARTICLE.author,
      url: SAMPLE_ARTICLE.url,
      publishedAt: SAMPLE_ARTICLE.publishedAt,
      body,
      text,
      createdById: editor.id,
      revisions: { create: { number: 1, body, text, createdById: editor.id } },
    },
  });
}

if (require.main === module) {
  const db = createPrismaClient();
  seedDemoData(db)
    .then(() => console.log("Seeded demo data."))
    .finally(() => db.$disconnect());
}
