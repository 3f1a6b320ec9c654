import { createPrismaClient } from "@/lib/server/prisma-client";
import { sqliteUrlOf } from "../config";
import { seedBenchDatabase, type BenchData } from "../seed";
import { VIEWER_BENCH } from "./config";

export interface ViewerData extends BenchData {
  /** The same article (body and text) without any claim: the reference. */
  referenceArticleId: string;
}

/**
 * A fresh database with bench:annotations' article and its 1,000 claims (here with three
 * sources each), and a copy of that article with no claims.
 */
export async function seedViewerDatabase(file: string): Promise<ViewerData> {
  const data = await seedBenchDatabase(file, {
    articleChars: VIEWER_BENCH.articleChars,
    claims: VIEWER_BENCH.claims,
    sourcesPerClaim: VIEWER_BENCH.sourcesPerClaim,
  });
  const db = createPrismaClient(sqliteUrlOf(file));
  try {
    const original = await db.article.findUniqueOrThrow({
      where: { id: data.articleId },
      select: { title: true, outlet: true, body: true, text: true, createdById: true },
    });
    const reference = await db.article.create({
      data: {
        ...original,
        title: `${original.title} (no claims)`,
        revisions: { create: { number: 1, body: original.body, text: original.text, createdById: original.createdById } },
      },
      select: { id: true },
    });
    return { ...data, referenceArticleId: reference.id };
  } finally {
    await db.$disconnect();
  }
}
