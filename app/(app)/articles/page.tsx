import type { Metadata } from "next";
import Link from "next/link";
import { ArticleTable } from "@/components/articles/ArticleTable";
import { LibraryControls } from "@/components/articles/LibraryControls";
import { libraryQuerySchema } from "@/lib/articles/library";
import { withoutEmpty } from "@/lib/search/schemas";
import { listOutlets } from "@/lib/server/facets";
import { listLibrary } from "@/lib/server/library";
import { listActivePeople } from "@/lib/server/people";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Articles" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The library (decision 0021): sorted, filtered and paged by the address. */
export default async function ArticlesPage({ searchParams }: Props) {
  const params = withoutEmpty(await searchParams);
  const user = await requireUser(`/articles?${new URLSearchParams(params).toString()}`);
  const parsed = libraryQuerySchema.safeParse(params);
  const query = parsed.success ? parsed.data : libraryQuerySchema.parse({});
  const [page, people, outlets] = await Promise.all([listLibrary(query, user.id), listActivePeople(), listOutlets()]);
  const { cursor: _cursor, ...rest } = params;
  const offset = Number(query.cursor ?? 0);
  const filtered = Boolean(query.outlet || query.addedBy || query.awaiting);
  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        <Link href="/articles/new" className="button primary">
          Add article
        </Link>
      </div>
      <LibraryControls query={query} people={people} outlets={outlets} />
      {!parsed.success && (
        <p className="form-error" role="alert">
          {parsed.error.issues[0]?.message ?? "The address could not be read."} Showing the newest articles instead.
        </p>
      )}
      {page.articles.length === 0 ? (
        <p className="muted">
          {filtered
            ? "No article matches these filters."
            : "No articles yet. Add the first one to start checking claims."}
        </p>
      ) : (
        <>
          <p className="muted library-count" role="status" aria-live="polite">
            Articles {offset + 1}–{offset + page.articles.length}
            {page.cursor ? ", more on the next page" : ""}.
          </p>
          <ArticleTable articles={page.articles} />
        </>
      )}
      {(page.cursor || offset > 0) && (
        <nav aria-label="Library pages" className="search-pages">
          {offset > 0 && <Link href={`/articles?${new URLSearchParams(rest).toString()}`}>First page</Link>}
          {page.cursor && (
            <Link href={`/articles?${new URLSearchParams({ ...rest, cursor: page.cursor }).toString()}`}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
