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
 * claims' progress. Orders on a column read Article alone; orders on claim counts aggregate the
 * live claims in the database (one GROUP BY over the claims' index), never in JavaScript.
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
  title: `lower(a."title"), a."id"`,
  outlet: `CASE WHEN a."outlet" IS NULL THEN 1 ELSE 0 END, lower(a."outlet"), a."createdAt" DESC, a."id"`,
  claims: `coalesce(k."claims", 0) DESC, a."createdAt" DESC, a."id"`,
  // Articles with claims, the least signed off first; those without claims last.
  progress: `CASE WHEN coalesce(k."claims", 0) = 0 THEN 1 ELSE 0 END, (1.0 * coalesce(k."signedOff", 0)) / coalesce(nullif(k."claims", 0), 1), k."claims" DESC, a."id"`,
};

const COUNTS = `LEFT JOIN (
    SELECT "articleId", COUNT(*) AS "claims", SUM(CASE WHEN "reviewState" = 'signed_off' THEN 1 ELSE 0 END) AS "signedOff"
    FROM "Claim" WHERE "deletedAt" IS NULL GROUP BY "articleId"
  ) k ON k."articleId" = a."id"`;

export async function listLibrary(query: LibraryQuery, userId: string): Promise<LibraryPage> {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return provider === "postgresql" ? `$${values.length}` : "?";
  };
  const where: string[] = [];
  if (query.outlet) where.push(`a."outlet" = ${param(query.outlet)}`);
  if (query.addedBy) where.push(`a."createdById" = ${param(query.addedBy === "me" ? userId : query.addedBy)}`);
  if (query.awaiting) {
    where.push(
      `EXISTS (SELECT 1 FROM "Claim" w WHERE w."articleId" = a."id" AND w."deletedAt" IS NULL AND w."reviewState" = 'awaiting_review')`,
    );
  }
  const offset = Number(query.cursor ?? 0);
  const byCounts = query.sort === "claims" || query.sort === "progress";
  const sql = `SELECT a."id" AS "id" FROM "Article" a ${byCounts ? COUNTS : ""}
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
