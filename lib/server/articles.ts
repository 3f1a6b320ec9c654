import "server-only";
import { Problem } from "@/lib/errors";
import type { ArticleDoc } from "@/lib/articles/document";
import type { ArticleMeta } from "@/lib/articles/schemas";
import { isRecordId } from "@/lib/ids";
import { db } from "./db";

const summarySelect = {
  id: true,
  title: true,
  outlet: true,
  author: true,
  url: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface ArticleSummary {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  claimCount: number;
}

export interface ArticleDetail extends Omit<ArticleSummary, "claimCount"> {
  /** The current revision's number; claim anchors are offsets into its text. */
  revision: number;
  createdById: string;
  doc: ArticleDoc;
  text: string;
}

export const articleNotFound = () =>
  new Problem("not_found", "There is no article with this id. It may have been removed.");

export async function listArticles(): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    select: { ...summarySelect, _count: { select: { claims: { where: { deletedAt: null } } } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, claimCount: _count.claims }));
}

export async function getArticleTitle(id: string): Promise<string> {
  if (!isRecordId(id)) throw articleNotFound();
  const row = await db.article.findUnique({ where: { id }, select: { title: true } });
  if (!row) throw articleNotFound();
  return row.title;
}

export async function getArticle(id: string): Promise<ArticleDetail> {
  if (!isRecordId(id)) throw articleNotFound();
  const row = await db.article.findUnique({
    where: { id },
    select: { ...summarySelect, revision: true, createdById: true, body: true, text: true },
  });
  if (!row) throw articleNotFound();
  const { body, ...rest } = row;
  return { ...rest, doc: JSON.parse(body) as ArticleDoc };
}

/** `content.body`: the document as JSON, as the import worker hands it over (lib/server/import-pool.ts). */
export async function createArticle(
  userId: string,
  meta: ArticleMeta,
  content: { body: string; text: string },
): Promise<{ id: string }> {
  const { body } = content;
  // Revision 1 is the article as added (lib/server/revisions.ts saves the next ones).
  return db.article.create({
    data: {
      ...meta,
      body,
      text: content.text,
      createdById: userId,
      revisions: { create: { number: 1, body, text: content.text, createdById: userId } },
    },
    select: { id: true },
  });
}
