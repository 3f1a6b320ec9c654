import "server-only";
import {
  LIBRARY_PAGE_SIZE,
  addToProgress,
  emptyProgress,
  type ArticleProgress,
  type LibraryQuery,
} from "@/lib/articles/library";
import { db } from "./db";
import { serverConfig } from "./env";

/*
 * The library (/articles, decision 0021): 50 articles a page in the order asked, each with its
 * claims' progress. Orders on a column read Article alone; orders on claim counts read
 * search_article_counts (one row per article, kept by triggers: 20261202220000_library_counts),
 * never a GROUP BY over every claim, never JavaScript.
 */

export interface LibraryArticle {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  createdAt: string;
  addedBy: { id: string; name: string };
  progress: ArticleProgress;
}

export interface LibraryPage {
  articles: LibraryArticle[];
  cursor: string | null;
}

const provider = serverConfig().database.provider;

const ORDER: Record<LibraryQuery["sort"], string> = {
  newest: `a."createdAt" DESC, a."id" DESC`,
  // These read the counts table's copies of the title and outlet, in its indexes' exact expressions.
  title: `lower(k."title"), k."articleId"`,
  outlet: `CASE WHEN k."outlet" IS NULL THEN 1 ELSE 0 END, lower(k."outlet"), k."createdAt" DESC, k."articleId"`,
  claims: `k."claims" DESC, k."createdAt" DESC, k."articleId"`,
  // Articles with claims, the least signed off first; those without claims last.
  progress: `CASE WHEN k."claims" = 0 THEN 1 ELSE 0 END, (1.0 * k."signedOff") / (CASE WHEN k."claims" = 0 THEN 1 ELSE k."claims" END), k."claims" DESC, k."articleId"`,
};

export async function listLibrary(query: LibraryQuery, userId: string): Promise<LibraryPage> {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return provider === "postgresql" ? `$${values.length}` : "?";
  };
  const where: string[] = [];
  const byCounts = query.sort !== "newest";
  if (query.outlet) where.push(`a."outlet" = ${param(query.outlet)}`);
  if (query.addedBy) where.push(`a."createdById" = ${param(query.addedBy === "me" ? userId : query.addedBy)}`);
  if (query.awaiting) where.push(`k."awaiting" > 0`);
  const offset = Number(query.cursor ?? 0);
  // Every order but the newest reads the counts table first, joining Article only when a filter needs it.
  const from = byCounts
    ? `"search_article_counts" k${where.some((clause) => clause.startsWith("a.")) ? ` JOIN "Article" a ON a."id" = k."articleId"` : ""}`
    : `"Article" a${query.awaiting ? ` JOIN "search_article_counts" k ON k."articleId" = a."id"` : ""}`;
  const sql = `SELECT ${byCounts ? `k."articleId"` : `a."id"`} AS "id" FROM ${from}
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY ${ORDER[query.sort]}
    LIMIT ${param(LIBRARY_PAGE_SIZE + 1)} OFFSET ${param(offset)}`;
  const ids = (await db.$queryRawUnsafe<Array<{ id: string }>>(sql, ...values)).map((row) => row.id);
  const pageIds = ids.slice(0, LIBRARY_PAGE_SIZE);
  const [rows, groups] = await Promise.all([
    db.article.findMany({
      where: { id: { in: pageIds } },
      select: {
        id: true,
        title: true,
        outlet: true,
        author: true,
        publishedAt: true,
        createdAt: true,
        createdBy: { select: { id: true, name: true } },
      },
    }),
    db.claim.groupBy({
      by: ["articleId", "status", "reviewState"],
      where: { articleId: { in: pageIds }, deletedAt: null },
      _count: { _all: true },
    }),
  ]);
  const progress = new Map(pageIds.map((id) => [id, emptyProgress()]));
  for (const group of groups) {
    addToProgress(progress.get(group.articleId)!, {
      status: group.status,
      reviewState: group.reviewState,
      count: group._count._all,
    });
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  const articles = pageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        title: row.title,
        outlet: row.outlet,
        author: row.author,
        publishedAt: row.publishedAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
        addedBy: row.createdBy,
        progress: progress.get(id)!,
      },
    ];
  });
  return { articles, cursor: ids.length > LIBRARY_PAGE_SIZE ? String(offset + LIBRARY_PAGE_SIZE) : null };
}
