import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { markedColumns } from "@/lib/claims/reanchor";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { prepareDatabase } from "@/scripts/lib/prepare-db";
import { benchArticle, passages } from "../article";
import { BENCH_EDITOR, sqliteUrlOf } from "../config";
import type { ClaimSelectors } from "@/lib/anchoring";

export interface RevisionBenchData {
  url: string;
  dir: string;
  editorId: string;
  text: string;
  selectors: ClaimSelectors[];
  /** Copies of the article with the claims, one per measured save (and one to warm up). */
  withClaims: string[];
  /** The same copies without claims. */
  withoutClaims: string[];
}

/**
 * A fresh SQLite database (migrated, demo users) with `copies` copies of one long article and its
 * claims, and as many without claims: every measured save meets an article at revision 1.
 */
export async function seedRevisionBench(options: { chars: number; claims: number; copies: number }): Promise<RevisionBenchData> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-bench-revisions-"));
  const url = sqliteUrlOf(path.join(dir, "bench.db"));
  await prepareDatabase(url);
  const { doc, text } = await benchArticle(options.chars);
  const body = JSON.stringify(doc);
  const selectors = passages(text, options.claims, 2);
  const db = createPrismaClient(url);
  try {
    const editor = await db.user.findUniqueOrThrow({ where: { email: BENCH_EDITOR.email }, select: { id: true } });
    const create = async (title: string) =>
      (
        await db.article.create({
          data: { title, body, text, createdById: editor.id, revisions: { create: { number: 1, body, text, createdById: editor.id } } },
          select: { id: true },
        })
      ).id;
    const withClaims: string[] = [];
    const withoutClaims: string[] = [];
    for (let copy = 0; copy < options.copies; copy++) {
      const id = await create(`Revision benchmark ${copy} (claims)`);
      await db.claim.createMany({
        data: selectors.map(({ position, quote }, i) => {
          const columns = { start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
          return { articleId: id, authorId: editor.id, ...columns, ...markedColumns(1, columns), changeSeq: i + 1 };
        }),
      });
      await db.article.update({ where: { id }, data: { claimSeq: selectors.length } });
      withClaims.push(id);
      withoutClaims.push(await create(`Revision benchmark ${copy} (no claims)`));
    }
    return { url, dir, editorId: editor.id, text, selectors, withClaims, withoutClaims };
  } finally {
    await db.$disconnect();
  }
}
