/**
 * What the two raw references (better-sqlite3, pg) share: the answers' shapes and the claim rules
 * applied to a write. The rules are the app's own pure functions; only reading and writing rows is
 * hand-written in each store.
 */
import { describeRange, validateSelectors } from "@/lib/anchoring";
import type { EventKind } from "@/lib/claims/history";
import type { ClaimFilter, CreateClaimInput, UpdateClaimInput } from "@/lib/claims/schemas";
import { isStatus, statusRuleViolation, type ClaimStatus } from "@/lib/claims/statuses";
import { Problem } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/session";

/** A claim in the article's list and change feed (docs/decisions/0007). */
export interface ClaimSummary {
  id: string;
  authorId: string;
  start: number;
  end: number;
  status: ClaimStatus;
  version: number;
  sourceCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimList {
  claims: ClaimSummary[];
  people: Record<string, string>;
  cursor: string;
}

export interface ClaimChanges extends ClaimList {
  deleted: string[];
}

export interface SourceDetails {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
  addedBy: { id: string; name: string };
  createdAt: string;
}

/** A claim as POST and PATCH answer it: everything but its history. */
export interface ClaimDetails {
  id: string;
  articleId: string;
  author: { id: string; name: string };
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
  status: ClaimStatus;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  sources: SourceDetails[];
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

export const notFound = () => new Problem("not_found", "There is no such claim. It may have been deleted.");
export const articleNotFound = () =>
  new Problem("not_found", "There is no article with this id. It may have been removed.");
export const staleVersion = () =>
  new Problem(
    "conflict",
    "Someone changed this claim after you loaded it. Reload to see the latest version, then try again.",
  );

export interface PlannedEvent {
  kind: EventKind;
  fromValue: string | null;
  toValue: string | null;
}

/** A new claim's columns and history, from the article's text and the editor's input. */
export function planCreate(text: string, input: CreateClaimInput) {
  const position = { type: "TextPositionSelector" as const, ...input.position };
  const quote = { type: "TextQuoteSelector" as const, ...input.quote };
  const problem = validateSelectors(text, position, quote);
  if (problem) throw new Problem("invalid", problem);
  const status = input.status ?? "UNVERIFIED";
  const ruleBroken = statusRuleViolation(status, 0);
  if (ruleBroken) throw new Problem("invalid", ruleBroken);
  const canonical = describeRange(text, position.start, position.end);
  const events: PlannedEvent[] = [{ kind: "created", fromValue: null, toValue: null }];
  if (status !== "UNVERIFIED") events.push({ kind: "status", fromValue: "UNVERIFIED", toValue: status });
  return {
    claim: {
      start: canonical.position.start,
      end: canonical.position.end,
      exact: canonical.quote.exact,
      prefix: canonical.quote.prefix,
      suffix: canonical.quote.suffix,
      status,
      note: input.note ?? "",
    },
    events,
  };
}

/** The claim as read for a write: who owns it, its version, what the rules look at. */
export interface ClaimForWrite {
  id: string;
  authorId: string;
  version: number;
  status: string;
  note: string;
  sourceCount: number;
}

/**
 * What an update changes and which history events it writes; refuses it when it is not the
 * editor's claim (403), when it is stale (409), or when it breaks the status rule (422).
 */
export function planUpdate(
  user: SessionUser,
  claim: ClaimForWrite,
  input: UpdateClaimInput,
  removed: Array<{ id: string; title: string }>,
) {
  if (claim.authorId !== user.id)
    throw new Problem("forbidden", "This claim belongs to another editor: you can read it but not change it.");
  if (input.version !== claim.version) throw staleVersion();
  const removeIds = [...new Set(input.removeSourceIds ?? [])];
  if (removed.length !== removeIds.length)
    throw new Problem("invalid", "A source to remove does not belong to this claim. Reload and try again.");
  const added = input.addSources ?? [];
  const status = input.status ?? (isStatus(claim.status) ? claim.status : "UNVERIFIED");
  const ruleBroken = statusRuleViolation(status, claim.sourceCount - removed.length + added.length);
  if (ruleBroken) throw new Problem("invalid", ruleBroken);

  const events: PlannedEvent[] = [];
  if (input.status !== undefined && input.status !== claim.status)
    events.push({ kind: "status", fromValue: claim.status, toValue: input.status });
  if (input.note !== undefined && input.note !== claim.note)
    events.push({ kind: "note", fromValue: claim.note, toValue: input.note });
  for (const source of added) events.push({ kind: "source_added", fromValue: null, toValue: source.title });
  for (const source of removed) events.push({ kind: "source_removed", fromValue: source.title, toValue: null });
  return { status: input.status ?? null, note: input.note ?? null, added, removed, events };
}

/** cuid-like ids that grow within the process (history is ordered by createdAt, then id). */
export function idMaker(prefix: string): () => string {
  let counter = 0;
  const stamp = Date.now().toString(36);
  return () => `${prefix}${stamp}${(counter++).toString(36).padStart(8, "0")}`;
}
