/**
 * What the two raw references (better-sqlite3, pg) share: the answers' shapes and turning rows
 * into them. The claim rules are the app's own (lib/claims/changes.ts: planCreate, planUpdate and
 * the answers composed from the plan); only reading and writing rows is hand-written in each store.
 */
import type { ClaimFilter, CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { isStatus } from "@/lib/claims/statuses";
import type { ClaimDetails, ClaimSummary, People, SourceView } from "@/lib/claims/types";
import { Problem } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/session";

export interface ClaimList {
  claims: ClaimSummary[];
  people: People;
  cursor: string;
}

export interface ClaimChanges extends ClaimList {
  deleted: string[];
}

/** The work behind the API's claim routes, as each baseline server does it. */
export interface ClaimStore {
  /** The article's change cursor (404 when there is no such article): decides a 304. */
  cursor(articleId: string): Promise<string>;
  list(articleId: string, filter: ClaimFilter, user: SessionUser): Promise<ClaimList>;
  changes(articleId: string, since: string, filter: ClaimFilter, user: SessionUser): Promise<ClaimChanges>;
  create(user: SessionUser, articleId: string, input: CreateClaimInput): Promise<ClaimDetails>;
  update(user: SessionUser, id: string, input: UpdateClaimInput): Promise<ClaimDetails>;
}

/** The ETag names the cursor and the filter. */
export function claimsEtag(cursor: string, filter: ClaimFilter): string {
  return `W/"claims-${cursor}-${filter.user ?? ""}-${filter.status ?? ""}"`;
}

/** Rows as both databases return them (dates as Date on PostgreSQL, ISO text on SQLite). */
export interface SummaryRow {
  id: string;
  authorId: string;
  authorName: string;
  start: number;
  end: number;
  status: string;
  version: number;
  sourceCount: number;
  deletedAt: string | Date | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

export const iso = (stored: string | Date) => new Date(stored).toISOString();

export function toSummary(row: SummaryRow): ClaimSummary {
  return {
    id: row.id,
    authorId: row.authorId,
    start: row.start,
    end: row.end,
    status: isStatus(row.status) ? row.status : "UNVERIFIED",
    version: row.version,
    sourceCount: Number(row.sourceCount),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function peopleOf(rows: SummaryRow[]): Record<string, string> {
  const people: Record<string, string> = {};
  for (const row of rows) people[row.authorId] = row.authorName;
  return people;
}

/** The filter as SQL parameters: the author to keep (or null) and the status to keep (or null). */
export function filterParams(
  filter: ClaimFilter,
  user: SessionUser,
): { authorId: string | null; status: string | null } {
  return {
    authorId: filter.user ? (filter.user === "me" ? user.id : filter.user) : null,
    status: filter.status ?? null,
  };
}

/** A changed claim that is deleted or no longer matches the filter leaves the reader's list. */
export function splitChanges(
  rows: SummaryRow[],
  { authorId, status }: { authorId: string | null; status: string | null },
): { live: SummaryRow[]; deleted: string[] } {
  const live: SummaryRow[] = [];
  const deleted: string[] = [];
  for (const row of rows) {
    const matches = (authorId === null || row.authorId === authorId) && (status === null || row.status === status);
    if (row.deletedAt === null && matches) live.push(row);
    else deleted.push(row.id);
  }
  return { live, deleted };
}

export const articleNotFound = () =>
  new Problem("not_found", "There is no article with this id. It may have been removed.");

/** A source row as both stores read it with the claim before a write. */
export interface SourceRow {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  createdAt: string | Date;
  addedById: string;
  addedByName: string;
}

/** The claim row both stores read before a write, with its author's name. */
export interface DetailRow {
  id: string;
  articleId: string;
  authorId: string;
  authorName: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: string;
  note: string;
  version: number;
  createdAt: string | Date;
  updatedAt: string | Date;
}

/** The claim as GET /api/annotations/{id} would answer it, from what was read for the write. */
export function toDetails(row: DetailRow, sources: SourceRow[]): ClaimDetails {
  return {
    id: row.id,
    articleId: row.articleId,
    author: { id: row.authorId, name: row.authorName },
    position: { start: row.start, end: row.end },
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    status: isStatus(row.status) ? row.status : "UNVERIFIED",
    note: row.note,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    sources: sources.map((source): SourceView => ({
      id: source.id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      excerpt: source.excerpt,
      addedBy: { id: source.addedById, name: source.addedByName },
      createdAt: iso(source.createdAt),
    })),
  };
}

/** cuid-like ids that grow within the process (history is ordered by createdAt, then id). */
export function idMaker(prefix: string): () => string {
  let counter = 0;
  const stamp = Date.now().toString(36);
  return () => `${prefix}${stamp}${(counter++).toString(36).padStart(8, "0")}`;
}
