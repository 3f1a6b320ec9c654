/**
 * lib/server/suggestions.ts against a real database: suggestions are computed once per revision
 * (even when asked for at once by several callers), left out where a claim is, and a dismissal
 * holds for everyone in later revisions; bad text yields no suggestions and no error.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { plainTextOf } from "@/lib/articles/plain-text";
import { Problem } from "@/lib/errors";
import { createClaim } from "@/lib/server/claim-writes";
import { db } from "@/lib/server/db";
import { splitSentences } from "@/lib/suggestions";
import { getPreferences, updatePreferences } from "@/lib/server/preferences";
import { saveRevision } from "@/lib/server/revisions";
import {
  computeSuggestions,
  dismissSuggestion,
  readSuggestions,
  suggestionJobsSettled,
  uncheckedSentences,
} from "@/lib/server/suggestions";
import { createEditors, createArticle, docOf, sessionOf, type TestArticle } from "./factories";

type Session = ReturnType<typeof sessionOf>;
let erin: Session;
let sam: Session;
let article: TestArticle;

beforeEach(async () => {
  ({ erin, sam } = await createEditors(db));
  // The sample article (the seeded one's text).
  article = await createArticle(db, erin.id);
});

/** The suggestions once computed (asking schedules the computing; then wait for it). */
async function ready(articleId = article.id) {
  const first = await readSuggestions(articleId);
  if (first.state !== "pending") return first;
  await suggestionJobsSettled();
  const view = await readSuggestions(articleId);
  expect(view.state).toBe("ready");
  return view;
}

const runsOf = (articleId: string) =>
  db.suggestionRun.findMany({ where: { articleId }, select: { revision: true, state: true, computedAt: true } });

async function newRevision(articleId: string, paragraphs: string[], baseRevision: number) {
  const doc = docOf(paragraphs);
  return saveRevision(erin, articleId, {
    meta: { title: "Revised" },
    content: { body: JSON.stringify(doc), text: plainTextOf(doc) },
    note: "",
    baseRevision,
  });
}

describe("computing suggestions", () => {
  it("finds check-worthy sentences of the sample article once per revision, ranked, with their text", async () => {
    expect(await computeSuggestions(article.id)).toBe("computed");
    const runs = await runsOf(article.id);
    expect(runs).toEqual([expect.objectContaining({ revision: 1, state: "ready" })]);
    expect(await computeSuggestions(article.id)).toBe("skipped");
    expect(await runsOf(article.id)).toEqual(runs);

    const view = await readSuggestions(article.id);
    expect(view).toMatchObject({ revision: 1, state: "ready", language: "en", dismissed: 0 });
    expect(view.suggestions.length).toBeGreaterThan(0);
    const scores = view.suggestions.map((suggestion) => suggestion.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const suggestion of view.suggestions) {
      expect(suggestion.text).toBe(article.text.slice(suggestion.start, suggestion.end));
      expect(["strong", "likely"]).toContain(suggestion.strength);
    }
  });

  it("an article never computed (from before the feature) is computed the first time it is asked for", async () => {
    expect(await runsOf(article.id)).toEqual([]);
    expect((await readSuggestions(article.id)).state).toBe("pending");
    const view = await ready();
    expect(view.suggestions.length).toBeGreaterThan(0);
    expect(await runsOf(article.id)).toHaveLength(1);
  });

  it("computes once when several callers ask at the same moment", async () => {
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => computeSuggestions(article.id)));
    expect(outcomes.filter((outcome) => outcome === "computed")).toHaveLength(1);
    const run = await db.suggestionRun.findUniqueOrThrow({
      where: { articleId_revision: { articleId: article.id, revision: 1 } },
      select: { id: true, state: true },
    });
    expect(run.state).toBe("ready");
    // One set of rows: the sentences are not stored twice.
    const keys = await db.suggestion.findMany({ where: { runId: run.id }, select: { textKey: true } });
    expect(new Set(keys.map((row) => row.textKey)).size).toBe(keys.length);
  });

  it("leaves a claim being computed elsewhere alone, and takes over one whose server died", async () => {
    const run = await db.suggestionRun.create({
      data: { articleId: article.id, revision: 1, state: "computing", claimToken: "other", claimedAt: new Date() },
      select: { id: true },
    });
    expect(await computeSuggestions(article.id)).toBe("skipped");
    expect((await readSuggestions(article.id)).state).toBe("pending");

    await db.suggestionRun.update({ where: { id: run.id }, data: { claimedAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await computeSuggestions(article.id)).toBe("computed");
    expect((await readSuggestions(article.id)).state).toBe("ready");
  });

  it("computes the new revision's suggestions, keeping the old revision's run", async () => {
    await computeSuggestions(article.id);
    const paragraphs = article.text.split("\n").filter(Boolean);
    await newRevision(article.id, ["The ministry said 4,000 troops crossed the border on Monday.", ...paragraphs], 1);
    const view = await ready();
    expect(view.revision).toBe(2);
    expect((await runsOf(article.id)).map((run) => run.revision).sort()).toEqual([1, 2]);
  });
});

describe("what is suggested", () => {
  it("leaves out a sentence that holds a claim, even one covering a few of its words", async () => {
    const [top] = (await ready()).suggestions;
    if (!top) throw new Error("the sample article has suggestions");
    const start = top.start + 2;
    const end = Math.min(top.end, start + 12);
    await createClaim(sam, article.id, {
      position: { start, end },
      quote: { exact: article.text.slice(start, end), prefix: "", suffix: "" },
    });
    const after = await readSuggestions(article.id);
    expect(after.suggestions.map((suggestion) => suggestion.text)).not.toContain(top.text);
    expect(after.suggestions.length).toBeGreaterThan(0);
  });

  it("a dismissal hides the sentence for everyone, records who, and holds in later revisions", async () => {
    const [top, second] = (await ready()).suggestions;
    if (!top || !second) throw new Error("the sample article has two suggestions");
    const dismissal = await dismissSuggestion(sam, top.id);
    expect(dismissal).toMatchObject({ articleId: article.id, dismissedBy: { id: sam.id, name: "Sam Second" } });
    // Dismissing again keeps the first dismissal.
    await dismissSuggestion(erin, top.id);
    const rows = await db.suggestionDismissal.findMany({
      where: { articleId: article.id },
      select: { dismissedById: true, text: true },
    });
    expect(rows).toEqual([{ dismissedById: sam.id, text: top.text }]);

    const view = await readSuggestions(article.id);
    expect(view.suggestions.map((suggestion) => suggestion.text)).not.toContain(top.text);
    expect(view.dismissed).toBe(1);

    // Revision 2 moves every sentence: the dismissed one is still hidden, the others still suggested.
    const paragraphs = article.text.split("\n").filter(Boolean);
    await newRevision(article.id, ["A new opening paragraph, written for the correction.", ...paragraphs], 1);
    const next = await ready();
    expect(next.revision).toBe(2);
    expect(next.suggestions.map((suggestion) => suggestion.text)).not.toContain(top.text);
    expect(next.suggestions.map((suggestion) => suggestion.text)).toContain(second.text);
    expect(next.dismissed).toBe(1);
  });

  it("the report's unchecked sentences are the undismissed suggestions without a claim", async () => {
    const [top, ...rest] = (await ready()).suggestions;
    if (!top) throw new Error("the sample article has suggestions");
    await dismissSuggestion(erin, top.id);
    const unchecked = await uncheckedSentences(article.id);
    expect(unchecked).toMatchObject({ state: "ready", language: "en", dismissed: 1 });
    expect(unchecked.sentences.map((sentence) => sentence.text)).toEqual(rest.map((suggestion) => suggestion.text));
  });

  it("refuses to dismiss a suggestion that does not exist", async () => {
    await expect(dismissSuggestion(erin, "c000000000000000000000000")).rejects.toBeInstanceOf(Problem);
    await expect(dismissSuggestion(erin, "not an id")).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("bad input", () => {
  const cases: Array<[string, string[], "en" | "other" | "unknown" | null]> = [
    ["an empty article", [""], null],
    ["a single 100,000-character sentence", [`The ${"very ".repeat(19_998)}long sentence`], null],
    [
      "an article in Russian",
      ["Министр заявил, что в понедельник границу пересекли 4000 военнослужащих. Это было сказано вчера."],
      "other",
    ],
    ["an article in Japanese", ["大臣は月曜日に4000人の兵士が国境を越えたと述べた。これは昨日言われた。"], "other"],
  ];
  for (const [name, paragraphs, language] of cases) {
    it(`${name}: ready, with no suggestions and no error`, async () => {
      const bad = await createArticle(db, erin.id, { paragraphs });
      expect(await computeSuggestions(bad.id)).toBe("computed");
      const view = await readSuggestions(bad.id);
      expect(view.state).toBe("ready");
      expect(view.suggestions).toEqual([]);
      if (language) expect(view.language).toBe(language);
    });
  }

  it("a long article (scored a slice at a time): offsets into the whole text, at most 1,000 kept", async () => {
    const paragraphs = article.text.split("\n").filter(Boolean);
    const long = Array.from({ length: 120 }, () => paragraphs).flat();
    const big = await createArticle(db, erin.id, { paragraphs: long });
    expect(big.text.length).toBeGreaterThan(100_000);
    expect(await computeSuggestions(big.id)).toBe("computed");
    const view = await readSuggestions(big.id);
    expect(view.suggestions.length).toBeGreaterThan(100);
    expect(view.suggestions.length).toBeLessThanOrEqual(1_000);
    // Offsets shifted wrongly would cut sentences apart: every one is a sentence of the sample.
    const sentences = new Set(splitSentences(article.text).map((sentence) => sentence.text));
    for (const suggestion of view.suggestions) expect(sentences).toContain(suggestion.text);
    // And the last slices were scored too.
    expect(Math.max(...view.suggestions.map((suggestion) => suggestion.start))).toBeGreaterThan(big.text.length * 0.9);
  });

  it("an unknown article is a 404 problem, not an error", async () => {
    await expect(readSuggestions("c000000000000000000000000")).rejects.toMatchObject({ kind: "not_found" });
    expect(await computeSuggestions("c000000000000000000000000")).toBe("skipped");
  });
});

describe("preferences", () => {
  it("are off until changed, and remembered per person", async () => {
    expect(await getPreferences(erin.id)).toEqual({ suggestClaims: false });
    expect(await updatePreferences(erin.id, { suggestClaims: true })).toEqual({ suggestClaims: true });
    expect(await getPreferences(erin.id)).toEqual({ suggestClaims: true });
    expect(await getPreferences(sam.id)).toEqual({ suggestClaims: false });
    expect(await updatePreferences(erin.id, { suggestClaims: false })).toEqual({ suggestClaims: false });
  });
});
