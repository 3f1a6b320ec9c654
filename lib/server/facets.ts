import "server-only";
import { db } from "./db";

/** The outlets of the library's articles, for the search and library filters. */
export async function listOutlets(): Promise<string[]> {
  const rows = await db.article.findMany({
    where: { outlet: { not: null } },
    distinct: ["outlet"],
    select: { outlet: true },
    orderBy: { outlet: "asc" },
    take: 500,
  });
  return rows.map((row) => row.outlet).filter((outlet): outlet is string => Boolean(outlet));
}
