import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { SearchFilters } from "@/components/search/SearchFilters";
import { SearchResults } from "@/components/search/SearchResults";
import { plural } from "@/lib/format";
import { searchQuerySchema, withoutEmpty } from "@/lib/search/schemas";
import { listOutlets } from "@/lib/server/facets";
import { listActivePeople } from "@/lib/server/people";
import { search, type SearchPage as Page } from "@/lib/server/search";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Search across articles, claims and sources (decision 0020); the query and filters live in the URL. */
export default async function SearchPage({ searchParams }: Props) {
  const params = withoutEmpty(await searchParams);
  const returnTo = `/search?${new URLSearchParams(params).toString()}`;
  const user = await requireUser(returnTo);
  const [people, outlets] = await Promise.all([listActivePeople(), listOutlets()]);
  const parsed = searchQuerySchema.safeParse(params);
  let page: Page | null = null;
  let problem: string | null = null;
  if (parsed.success) page = await search(parsed.data, user.id);
  else
    problem =
      parsed.error instanceof ZodError
        ? (parsed.error.issues[0]?.message ?? "The search could not be read.")
        : "The search could not be read.";
  const next = page?.cursor ? `/search?${new URLSearchParams({ ...params, cursor: page.cursor }).toString()}` : null;
  const offset = parsed.success ? Number(parsed.data.cursor ?? 0) : 0;
  return (
    <>
      <div className="page-head">
        <h1>Search</h1>
      </div>
      <div className="search-layout">
        <SearchFilters values={{ q: params.q ?? "", ...params }} people={people} outlets={outlets} />
        <section aria-labelledby="search-summary" className="search-main">
          <p id="search-summary" className="search-summary" role="status" aria-live="polite">
            {problem
              ? problem
              : !page!.matched
                ? "Most recent items (type words to search)."
                : page!.results.length === 0
                  ? "Nothing matches. Try fewer words or other filters."
                  : `${offset ? `Results ${offset + 1}–${offset + page!.results.length}` : plural(page!.results.length, "result")}${page!.cursor ? " (more on the next page)" : ""}.`}
          </p>
          {page?.notice && <p className="search-notice">{page.notice}</p>}
          {page && <SearchResults results={page.results} matched={page.matched} />}
          {(next || offset > 0) && (
            <nav aria-label="Result pages" className="search-pages">
              {offset > 0 && (
                <Link
                  href={`/search?${new URLSearchParams(Object.fromEntries(Object.entries(params).filter(([k]) => k !== "cursor"))).toString()}`}
                >
                  First page
                </Link>
              )}
              {next && <Link href={next}>Next page</Link>}
            </nav>
          )}
        </section>
      </div>
    </>
  );
}
