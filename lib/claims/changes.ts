import { describeRange, validateSelectors } from "@/lib/anchoring";
import { Problem } from "@/lib/errors";
import type { EventKind } from "./history";
import { markedAnchor } from "./reanchor";
import { NO_REVIEW, initialReviewState, reviewAfterChange, type ReviewChange, type ReviewState } from "./review";
import type { CreateClaimInput, UpdateClaimInput } from "./schemas";
import { isStatus, statusRuleViolation, type ClaimStatus } from "./statuses";
import type { ClaimDetails, PersonRef, SourceView } from "./types";

/**
 * The claim rules, as pure functions from what was read to what to write. A store (the app's
 * Prisma layer, the benchmark's raw SQLite reference) reads the article or claim, asks `plan…`
 * what to write, writes it in one transaction with the plan's version in the claim's `where`,
 * and composes its answer with `…Details` from what it read, the plan and what the write
 * returned, without reading the claim back. Rules refused throw a Problem: not_found (404),
 * forbidden (403), conflict (409), invalid (422).
 */

/** One history event to record: a ClaimEvent row without its id, claim, actor and time. */
export interface PlannedEvent {
  kind: EventKind;
  fromValue: string | null;
  toValue: string | null;
}

/** The columns of a new claim besides ids, sequence and times; version starts at 1. */
export interface NewClaimColumns {
  /** Canonical selectors: whole characters, context cut from the article text itself. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: ClaimStatus;
  note: string;
}

export interface CreatePlan {
  claim: NewClaimColumns;
  /** "awaiting_review" for a rated claim, else "none". */
  review: ReviewState;
  events: PlannedEvent[];
}

/** A new source's columns besides ids, claim, who added it and when. */
export interface NewSourceColumns {
  url: string;
  title: string;
  publisher: string | null;
  excerpt: string | null;
}

/** A live claim as read for a write. `sources` are all of its sources (id and title suffice). */
export interface ClaimForWrite {
  authorId: string;
  version: number;
  status: string;
  note: string;
  sources: ReadonlyArray<{ id: string; title: string }>;
  /** The claim's review state; "none" when left out (the benchmark's store has no reviews). */
  reviewState?: ReviewState;
}

export interface UpdatePlan {
  /** The version read: the write must find the claim still at it (else staleClaim(), 409). */
  expectedVersion: number;
  /** The version after the write (every change bumps it). */
  version: number;
  /** Columns the input sets (status, note); version, change sequence and updatedAt always change too. */
  set: { status?: ClaimStatus; note?: string };
  /** The claim's status after the write. */
  status: ClaimStatus;
  /** Sources of this claim to delete (distinct ids, each checked to belong to it). */
  removeSourceIds: string[];
  addSources: NewSourceColumns[];
  /** The review after the write, when it changes (lib/claims/review.ts reviewAfterChange). */
  review: ReviewChange | null;
  events: PlannedEvent[];
}

export interface DeletePlan {
  expectedVersion: number;
  version: number;
  events: PlannedEvent[];
}

export const claimNotFound = () => new Problem("not_found", "There is no such claim. It may have been deleted.");

export const claimOfAnotherEditor = () =>
  new Problem("forbidden", "This claim belongs to another editor: you can read it but not change it.");

export const staleClaim = () =>
  new Problem(
    "conflict",
    "Someone changed this claim after you loaded it. Reload to see the latest version, then try again.",
  );

/** A new claim on `articleText`: 422 when the selectors do not match the text or the status needs a source. */
export function planCreate(articleText: string, input: CreateClaimInput): CreatePlan {
  const position = { type: "TextPositionSelector" as const, ...input.position };
  const quote = { type: "TextQuoteSelector" as const, ...input.quote };
  const problem = validateSelectors(articleText, position, quote);
  if (problem) throw new Problem("invalid", problem);
  const status = input.status ?? "UNVERIFIED";
  const ruleBroken = statusRuleViolation(status, 0);
  if (ruleBroken) throw new Problem("invalid", ruleBroken);

  // The client's prefix and suffix are hints; the stored ones are cut from the text.
  const canonical = describeRange(articleText, position.start, position.end);
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
    review: initialReviewState(status),
    events,
  };
}

/** Checks the claim may be written by `userId` at `version`: 404 missing, 403 not theirs, 409 stale. */
function checkWritable<T extends Pick<ClaimForWrite, "authorId" | "version">>(
  current: T | null | undefined,
  version: number | undefined,
  userId: string,
): T {
  if (!current) throw claimNotFound();
  if (current.authorId !== userId) throw claimOfAnotherEditor();
  if (version !== undefined && version !== current.version) throw staleClaim();
  return current;
}

/**
 * A PATCH of the claim read as `current` (null when no live claim has the id) by `userId`.
 * The status rule counts the sources the claim will have after the change.
 */
export function planUpdate(
  current: ClaimForWrite | null | undefined,
  input: UpdateClaimInput,
  userId: string,
): UpdatePlan {
  const claim = checkWritable(current, input.version, userId);
  const removeIds = [...new Set(input.removeSourceIds ?? [])];
  const titles = new Map(claim.sources.map((source) => [source.id, source.title]));
  if (removeIds.some((id) => !titles.has(id)))
    throw new Problem("invalid", "A source to remove does not belong to this claim. Reload and try again.");
  const added = (input.addSources ?? []).map((source): NewSourceColumns => ({
    url: source.url,
    title: source.title,
    publisher: source.publisher ?? null,
    excerpt: source.excerpt ?? null,
  }));

  const status = input.status ?? (isStatus(claim.status) ? claim.status : "UNVERIFIED");
  const ruleBroken = statusRuleViolation(status, claim.sources.length - removeIds.length + added.length);
  if (ruleBroken) throw new Problem("invalid", ruleBroken);

  const events: PlannedEvent[] = [];
  if (input.status !== undefined && input.status !== claim.status)
    events.push({ kind: "status", fromValue: claim.status, toValue: input.status });
  if (input.note !== undefined && input.note !== claim.note)
    events.push({ kind: "note", fromValue: claim.note, toValue: input.note });
  for (const source of added) events.push({ kind: "source_added", fromValue: null, toValue: source.title });
  for (const id of removeIds) events.push({ kind: "source_removed", fromValue: titles.get(id) ?? null, toValue: null });
  // A change to what the verdict rests on reopens its review; the earlier decision stays in History, superseded.
  const reviewBefore = claim.reviewState ?? "none";
  const review = reviewAfterChange(reviewBefore, status, events.length > 0);
  if (review?.superseded) events.push({ kind: "review_superseded", fromValue: reviewBefore, toValue: review.state });

  return {
    expectedVersion: claim.version,
    version: claim.version + 1,
    set: {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    },
    status,
    removeSourceIds: removeIds,
    addSources: added,
    review,
    events,
  };
}

/**
 * A soft delete by `userId`; `version`, when given, must be the claim's. The history stays.
 * An admin (`asAdmin`, from lib/users/admin.ts canOverrideClaims) may delete anyone's claim.
 */
export function planDelete(
  current: Pick<ClaimForWrite, "authorId" | "version"> | null | undefined,
  version: number | undefined,
  userId: string,
  options: { asAdmin?: boolean } = {},
): DeletePlan {
  const claim = checkWritable(
    current && options.asAdmin ? { ...current, authorId: userId } : current,
    version,
    userId,
  );
  return {
    expectedVersion: claim.version,
    version: claim.version + 1,
    events: [{ kind: "deleted", fromValue: null, toValue: null }],
  };
}

export interface ReassignPlan {
  expectedVersion: number;
  version: number;
  event: PlannedEvent;
}

/**
 * An admin gives the claim to another editor: `from` and `to` are the two people (the target
 * already checked by lib/users/admin.ts reassignRefusal). History records both names as they
 * are now, so it still reads right if someone is renamed later.
 */
export function planReassign(
  current: Pick<ClaimForWrite, "authorId" | "version"> | null | undefined,
  version: number,
  from: PersonRef,
  to: PersonRef,
): ReassignPlan {
  if (!current) throw claimNotFound();
  if (version !== current.version) throw staleClaim();
  return {
    expectedVersion: current.version,
    version: current.version + 1,
    event: { kind: "reassigned", fromValue: from.name, toValue: to.name },
  };
}

/** The new claim as the API answers it, from the plan and what its insert returned. */
export function createdDetails(
  plan: CreatePlan,
  written: { id: string; articleId: string; author: PersonRef; at: Date; revision: number },
): ClaimDetails {
  const { start, end, exact, prefix, suffix, status, note } = plan.claim;
  const at = written.at.toISOString();
  return {
    id: written.id,
    articleId: written.articleId,
    author: written.author,
    revision: written.revision,
    position: { start, end },
    quote: { exact, prefix, suffix },
    anchor: markedAnchor(written.revision, start, end),
    status,
    review: plan.review === "none" ? NO_REVIEW : { state: plan.review, by: null, at, comment: null },
    note,
    version: 1,
    createdAt: at,
    updatedAt: at,
    sources: [],
  };
}

/**
 * The claim after an update, as the API answers it: the claim read before (`before`), changed
 * by the plan, with the sources the write inserted (`added`, in any order: sources are ordered
 * by time, then id, as a read orders them) added by `addedBy` at `at`.
 */
export function updatedDetails(
  before: ClaimDetails,
  plan: UpdatePlan,
  written: { at: Date; addedBy: PersonRef; added: ReadonlyArray<NewSourceColumns & { id: string; createdAt: Date }> },
): ClaimDetails {
  const removed = new Set(plan.removeSourceIds);
  const added = written.added.map((source): SourceView => ({
    id: source.id,
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    excerpt: source.excerpt,
    addedBy: written.addedBy,
    createdAt: source.createdAt.toISOString(),
  }));
  return {
    ...before,
    status: plan.status,
    review: plan.review
      ? plan.review.state === "none"
        ? NO_REVIEW
        : { state: plan.review.state, by: null, at: written.at.toISOString(), comment: null }
      : before.review,
    note: plan.set.note ?? before.note,
    version: plan.version,
    updatedAt: written.at.toISOString(),
    sources: [...before.sources.filter((source) => !removed.has(source.id)), ...added].sort(bySourceOrder),
  };
}

/** The order sources are listed in: oldest first, ids breaking ties (one write adds several at once). */
export function bySourceOrder(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
