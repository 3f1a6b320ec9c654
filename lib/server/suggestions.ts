import "server-only";
import { randomUUID } from "node:crypto";
import { shortenSentence, suggestionTextKey } from "@/lib/claim-suggestions/keys";
import type { SuggestionsLanguage, SuggestionsView, SuggestionView } from "@/lib/claim-suggestions/types";
import { MAX_STORED_SUGGESTIONS, slicesOf } from "@/lib/claim-suggestions/slices";
import { isStrength, visibleSuggestions } from "@/lib/claim-suggestions/visible";
import type { UncheckedInput } from "@/lib/report/unchecked";
import { Problem } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import {
  detectLanguage,
  loadModel,
  suggestSentences,
  type CheckworthinessModel,
  type ScoredSentence,
} from "@/lib/suggestions";
import { articleNotFound } from "./articles";
import { db, withBusyRetry, writeTransaction } from "./db";
import type { SessionUser } from "./session";

/*
 * Suggested claims in the database (decision 0023). Each revision of an article gets one
 * SuggestionRun, computed once, off the request path, by whichever instance claims it first: the
 * claim is a conditional update (pending → computing), so two instances (or two requests in one)
 * never both compute it. A claim older than CLAIM_EXPIRES_MS is taken to have died with its
 * server (restarted mid-job) and may be claimed again. Runs that were never made (articles from
 * before this feature, the seeded sample) are made the first time the suggestions are asked for.
 */

/** Scoring takes well under a second; a claim this old belongs to a server that is gone. */
export const CLAIM_EXPIRES_MS = 2 * 60_000;

export type ComputeOutcome = "computed" | "skipped";

/**
 * Computes the suggestions of the article's current revision unless they are computed, or being
 * computed by someone else: "computed" when this call did it, "skipped" otherwise.
 */
export async function computeSuggestions(articleId: string, now = new Date()): Promise<ComputeOutcome> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { revision: true, text: true } });
  if (!article) return "skipped";
  const runId = await ensureRun(articleId, article.revision);
  const token = randomUUID();
  const claimed = await withBusyRetry(() =>
    db.suggestionRun.updateMany({
      where: {
        id: runId,
        OR: [
          { state: "pending" },
          { state: "computing", claimedAt: { lt: new Date(now.getTime() - CLAIM_EXPIRES_MS) } },
        ],
      },
      data: { state: "computing", claimToken: token, claimedAt: now },
    }),
  );
  if (claimed.count === 0) return "skipped";
  try {
    const model = loadModel();
    const result = await scoreInSlices(article.text, model);
    const rows = result.sentences.slice(0, MAX_STORED_SUGGESTIONS).map((sentence) => ({
      runId,
      start: sentence.start,
      end: sentence.end,
      score: sentence.score,
      strength: sentence.strength,
      textKey: suggestionTextKey(sentence.text),
    }));
    await writeTransaction(async (tx) => {
      // Only the claim holder finishes: one that took over an expired claim wins, and this write is undone.
      const done = await tx.suggestionRun.updateMany({
        where: { id: runId, claimToken: token, state: "computing" },
        data: { state: "ready", language: result.language, modelVersion: model.version, computedAt: new Date() },
      });
      if (done.count === 0) throw new LostClaim();
      await tx.suggestion.deleteMany({ where: { runId } });
      if (rows.length) await tx.suggestion.createMany({ data: rows });
    });
    return "computed";
  } catch (error) {
    if (error instanceof LostClaim) return "skipped";
    console.error(`Suggestions for article ${articleId}, revision ${article.revision}, failed:`, error);
    await db.suggestionRun
      .updateMany({ where: { id: runId, claimToken: token }, data: { state: "failed", computedAt: new Date() } })
      .catch(() => undefined);
    return "computed";
  }
}

class LostClaim extends Error {}

/**
 * Scoring is synchronous: 20,000 words take well under half a second, but the longest article
 * allowed (2.5 million characters) takes seconds. Scored a slice of paragraphs at a time, with a
 * turn of the event loop between slices, the server keeps answering requests meanwhile.
 */
const SLICE_CHARS = 40_000;

async function scoreInSlices(
  text: string,
  model: CheckworthinessModel,
): Promise<{ language: SuggestionsLanguage; sentences: ScoredSentence[] }> {
  if (text.length <= SLICE_CHARS) return suggestSentences(text, model);
  const language = detectLanguage(text);
  if (language !== "en") return { language, sentences: [] };
  const sentences: ScoredSentence[] = [];
  for (const slice of slicesOf(text, SLICE_CHARS)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    // A slice in another language (a long quote) is left out, as a whole article would be.
    const part = suggestSentences(text.slice(slice.start, slice.end), model);
    for (const sentence of part.sentences) {
      sentences.push({ ...sentence, start: sentence.start + slice.start, end: sentence.end + slice.start });
    }
  }
  sentences.sort((a, b) => b.score - a.score || a.start - b.start);
  return { language, sentences };
}

/** The run of this revision, made pending when there is none yet (two makers: one row, by the unique key). */
async function ensureRun(articleId: string, revision: number): Promise<string> {
  const where = { articleId_revision: { articleId, revision } };
  const existing = await db.suggestionRun.findUnique({ where, select: { id: true } });
  if (existing) return existing.id;
  try {
    const created = await db.suggestionRun.create({ data: { articleId, revision }, select: { id: true } });
    return created.id;
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "P2002")) throw error;
    const made = await db.suggestionRun.findUnique({ where, select: { id: true } });
    if (!made) throw error;
    return made.id;
  }
}

// One job at a time per process: scoring is synchronous CPU work, and two uploads at once should
// not make the event loop wait for both.
let queue: Promise<unknown> = Promise.resolve();
const inFlight = new Set<string>();

/**
 * Computes the article's suggestions in the background, after the current request has been
 * answered (adding an article, saving a revision, or asking for suggestions not computed yet).
 */
export function scheduleSuggestions(articleId: string): void {
  if (inFlight.has(articleId)) return;
  inFlight.add(articleId);
  const job = () =>
    new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => computeSuggestions(articleId))
      .catch((error: unknown) => console.error(`Suggestions for article ${articleId} failed:`, error))
      .finally(() => inFlight.delete(articleId));
  queue = queue.then(job, job);
}

/** Resolves when every scheduled job has finished (tests). */
export function suggestionJobsSettled(): Promise<void> {
  return queue.then(() => undefined);
}

/**
 * The article's suggestions for its current revision as a page shows them. Not computed yet (or
 * the claim expired): "pending", and the computing is scheduled.
 */
export async function readSuggestions(articleId: string, now = new Date()): Promise<SuggestionsView> {
  if (!isRecordId(articleId)) throw articleNotFound();
  // The text (up to millions of characters) is read only once the suggestions are there: a page
  // asks again and again while they are pending.
  const article = await db.article.findUnique({ where: { id: articleId }, select: { revision: true } });
  if (!article) throw articleNotFound();
  const run = await db.suggestionRun.findUnique({
    where: { articleId_revision: { articleId, revision: article.revision } },
    select: {
      state: true,
      claimedAt: true,
      language: true,
      suggestions: { select: { id: true, start: true, end: true, score: true, strength: true, textKey: true } },
    },
  });
  const pending: SuggestionsView = {
    revision: article.revision,
    state: "pending",
    language: null,
    suggestions: [],
    dismissed: 0,
  };
  if (!run || run.state === "pending") {
    scheduleSuggestions(articleId);
    return pending;
  }
  if (run.state === "computing") {
    if (!run.claimedAt || now.getTime() - run.claimedAt.getTime() > CLAIM_EXPIRES_MS) scheduleSuggestions(articleId);
    return pending;
  }
  const language = languageOf(run.language);
  if (run.state !== "ready") return { ...pending, state: "failed", language };

  const keys = [...new Set(run.suggestions.map((suggestion) => suggestion.textKey))];
  const [dismissals, claims, source] = await Promise.all([
    keys.length
      ? db.suggestionDismissal.findMany({ where: { articleId, textKey: { in: keys } }, select: { textKey: true } })
      : [],
    claimRanges(articleId, article.revision),
    db.articleRevision.findUnique({
      where: { articleId_number: { articleId, number: article.revision } },
      select: { text: true },
    }),
  ]);
  const text = source?.text ?? "";
  const dismissed = new Set(dismissals.map((row) => row.textKey));
  const stored = run.suggestions.flatMap((row) =>
    isStrength(row.strength) && row.end <= text.length ? [{ ...row, strength: row.strength }] : [],
  );
  const suggestions: SuggestionView[] = visibleSuggestions(stored, claims, dismissed).map((row) => ({
    id: row.id,
    start: row.start,
    end: row.end,
    text: text.slice(row.start, row.end),
    score: row.score,
    strength: row.strength,
  }));
  const dismissedCount = stored.filter((row) => dismissed.has(row.textKey)).length;
  return { revision: article.revision, state: "ready", language, suggestions, dismissed: dismissedCount };
}

const languageOf = (value: string | null): SuggestionsLanguage =>
  value === "en" || value === "other" ? value : "unknown";

/** Where the article's live claims are in this revision (placed or awaiting confirmation). */
async function claimRanges(articleId: string, revision: number): Promise<{ start: number; end: number }[]> {
  const rows = await db.claim.findMany({
    where: {
      articleId,
      deletedAt: null,
      anchorRevision: revision,
      anchorStart: { not: null },
      anchorEnd: { not: null },
    },
    select: { anchorStart: true, anchorEnd: true },
  });
  return rows.map((row) => ({ start: row.anchorStart ?? 0, end: row.anchorEnd ?? 0 }));
}

export const suggestionNotFound = () =>
  new Problem("not_found", "There is no such suggestion. The article may have a newer revision: reload the page.");

/** A stored suggestion, by id (404 when there is none). */
export async function findSuggestion(suggestionId: string): Promise<FoundSuggestion> {
  if (!isRecordId(suggestionId)) throw suggestionNotFound();
  const row = await db.suggestion.findUnique({
    where: { id: suggestionId },
    select: { start: true, end: true, textKey: true, run: { select: { articleId: true, revision: true } } },
  });
  if (!row) throw suggestionNotFound();
  return { start: row.start, end: row.end, textKey: row.textKey, ...row.run };
}

export interface FoundSuggestion {
  articleId: string;
  revision: number;
  start: number;
  end: number;
  textKey: string;
}

/**
 * Hides a suggestion for everyone on its article, by its sentence's text (so it stays hidden in
 * later revisions). Dismissing one already dismissed keeps the first dismissal.
 */
export async function dismissSuggestion(
  user: SessionUser,
  suggestion: string | FoundSuggestion,
): Promise<{ articleId: string; dismissedAt: string; dismissedBy: { id: string; name: string } }> {
  const found = typeof suggestion === "string" ? await findSuggestion(suggestion) : suggestion;
  const { articleId, revision, textKey } = found;
  const source = await db.articleRevision.findUnique({
    where: { articleId_number: { articleId, number: revision } },
    select: { text: true },
  });
  const text = shortenSentence(source?.text.slice(found.start, found.end) ?? "");
  const select = { dismissedAt: true, dismissedBy: { select: { id: true, name: true } } } as const;
  const saved = await withBusyRetry(() =>
    db.suggestionDismissal.upsert({
      where: { articleId_textKey: { articleId, textKey } },
      create: { articleId, textKey, text, dismissedById: user.id },
      update: {},
      select,
    }),
  );
  return { articleId, dismissedAt: saved.dismissedAt.toISOString(), dismissedBy: saved.dismissedBy };
}

/** The report's "Check-worthy sentences not checked": what a desk skipped. */
export async function uncheckedSentences(articleId: string): Promise<UncheckedInput> {
  const view = await readSuggestions(articleId);
  return {
    state: view.state,
    language: view.language,
    sentences: view.suggestions.map(({ text, score, strength }) => ({ text, score, strength })),
    dismissed: view.dismissed,
  };
}
