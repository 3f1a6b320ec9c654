/**
 * lib/server/revisions.ts against a real database: saving a revision keeps the old one, moves
 * every claim with the text or says why it could not, refuses what an editor must redo, and
 * leaves nothing half-written.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { CreateClaimInput } from "@/lib/claims/schemas";
import { db } from "@/lib/server/db";
import { getClaimDetails, getClaimHistory } from "@/lib/server/claim-details";
import { listClaimSummaries } from "@/lib/server/claim-feed";
import { placeClaim } from "@/lib/server/claim-placement";
import { createClaim } from "@/lib/server/claim-writes";
import { getArticle } from "@/lib/server/articles";
import { getRevision, listRevisions, saveRevision, type RevisionInput } from "@/lib/server/revisions";
import { createEditors, createArticle, createUser, docOf, sessionOf, type TestArticle } from "./factories";
import { plainTextOf } from "@/lib/articles/plain-text";

const SENTENCES = {
  budget: "The city council approved a budget of 4.2 million euros on Tuesday.",
  turnout: "Turnout in the local election reached 61 percent, the highest since 1998.",
  school: "Two new schools are planned for the northern district.",
  bridge: "The new bridge will open to traffic in March next year, the mayor said.",
} as const;

type Session = ReturnType<typeof sessionOf>;
let erin: Session;
let sam: Session;
let article: TestArticle;

beforeEach(async () => {
  ({ erin, sam } = await createEditors(db));
  article = await createArticle(db, erin.id, { paragraphs: Object.values(SENTENCES), title: "Council news" });
});

function selectorsFor(sentence: string, text = article.text): CreateClaimInput {
  const start = text.indexOf(sentence);
  return { position: { start, end: start + sentence.length }, quote: { exact: sentence, prefix: "", suffix: "" } };
}

function revisionOf(paragraphs: readonly string[], extra: Partial<RevisionInput> = {}): RevisionInput {
  const doc = docOf(paragraphs);
  return {
    meta: { title: "Council news", outlet: "The Daily Example" },
    content: { body: JSON.stringify(doc), text: plainTextOf(doc) },
    note: "",
    ...extra,
  };
}

const EDITED = [
  "Correction: an earlier version misstated the turnout.",
  SENTENCES.budget,
  "Turnout in the local election reached 64 percent, the highest since 1998.",
  SENTENCES.school,
].join("\n");

describe("saveRevision", () => {
  it("re-anchors every claim: moved, needs confirmation, could not be placed", async () => {
    const budget = await createClaim(erin, article.id, selectorsFor(SENTENCES.budget));
    const turnout = await createClaim(sam, article.id, { ...selectorsFor(SENTENCES.turnout), status: "UNPROVEN" });
    const bridge = await createClaim(erin, article.id, selectorsFor(SENTENCES.bridge));

    const saved = await saveRevision(erin, article.id, {
      ...revisionOf(EDITED.split("\n")),
      note: "Corrected the turnout; cut the bridge",
      baseRevision: 1,
    });
    expect(saved).toMatchObject({ revision: 2, claims: { placed: 1, needs_confirmation: 1, not_placed: 1 } });
    expect(saved.charsAdded).toBeGreaterThan(0);
    expect(saved.charsRemoved).toBeGreaterThan(SENTENCES.bridge.length - 1);

    const current = await getArticle(article.id);
    expect(current.revision).toBe(2);
    const moved = await getClaimDetails(budget.id);
    expect(moved.anchor).toMatchObject({ state: "placed", revision: 2, method: "exact" });
    expect(current.text.slice(moved.anchor.start ?? 0, moved.anchor.end ?? 0)).toBe(SENTENCES.budget);
    // The selectors it was created with stay, against revision 1.
    expect(moved).toMatchObject({ revision: 1, position: budget.position, quote: budget.quote });

    const changed = await getClaimDetails(turnout.id);
    expect(changed.anchor).toMatchObject({ state: "needs_confirmation", method: "fuzzy", previous: SENTENCES.turnout });
    expect(current.text.slice(changed.anchor.start ?? 0, changed.anchor.end ?? 0)).toContain("64 percent");
    expect(changed.status).toBe("UNPROVEN");

    const gone = await getClaimDetails(bridge.id);
    expect(gone.anchor).toMatchObject({ state: "not_placed", start: null, end: null, previous: SENTENCES.bridge });
    expect(gone.anchor.reason).toBeTruthy();

    const history = await getClaimHistory(turnout.id);
    expect(history.at(-1)).toMatchObject({ kind: "text_changed", to: "2", actor: { name: "Erin Editor" } });
  });

  it("keeps the old revision unchanged and lists revisions newest first with who, note and counts", async () => {
    await saveRevision(erin, article.id, revisionOf(EDITED.split("\n"), { note: "Corrected the turnout" }));
    const first = await getRevision(article.id, 1);
    expect(first.text).toBe(article.text);
    const revisions = await listRevisions(article.id);
    expect(revisions.map((r) => [r.number, r.current, r.note, r.createdBy.name])).toEqual([
      [2, true, "Corrected the turnout", "Erin Editor"],
      [1, false, "", "Erin Editor"],
    ]);
  });

  it("brings the moved claims to the page's change feed", async () => {
    await createClaim(erin, article.id, selectorsFor(SENTENCES.budget));
    const before = await listClaimSummaries(article.id, {}, erin);
    await saveRevision(erin, article.id, revisionOf(EDITED.split("\n")));
    const changes = await listClaimSummaries(article.id, {}, erin, before.cursor);
    expect(changes.claims.map((claim) => claim.anchor.revision)).toEqual([2]);
  });

  it("refuses a colleague without the right to edit (403), and stores nothing", async () => {
    await expect(saveRevision(sam, article.id, revisionOf(EDITED.split("\n")))).rejects.toMatchObject({
      kind: "forbidden",
    });
    expect((await getArticle(article.id)).revision).toBe(1);
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("lets an admin edit another editor's article", async () => {
    const admin = sessionOf(await createUser(db, { role: "ADMIN" }));
    await expect(saveRevision(admin, article.id, revisionOf(EDITED.split("\n")))).resolves.toMatchObject({
      revision: 2,
    });
  });

  it("refuses an identical revision (422) and one started from an older revision (409)", async () => {
    const same = {
      ...revisionOf(Object.values(SENTENCES)),
      meta: { title: "Council news", outlet: "The Daily Example" },
    };
    await db.article.update({ where: { id: article.id }, data: { outlet: "The Daily Example" } });
    await expect(saveRevision(erin, article.id, same)).rejects.toMatchObject({ kind: "invalid" });
    await saveRevision(erin, article.id, revisionOf(EDITED.split("\n"), { baseRevision: 1 }));
    await expect(
      saveRevision(erin, article.id, revisionOf(["Another text."], { baseRevision: 1 })),
    ).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("revision 2") });
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("lets only one of two editors saving at once win; the other gets 409 and nothing half-written", async () => {
    await createClaim(erin, article.id, selectorsFor(SENTENCES.budget));
    const results = await Promise.allSettled([
      saveRevision(erin, article.id, revisionOf(["First version.", SENTENCES.budget], { baseRevision: 1 })),
      saveRevision(erin, article.id, revisionOf(["Second version.", SENTENCES.budget], { baseRevision: 1 })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { kind: "conflict" } });
    expect(await db.articleRevision.count({ where: { articleId: article.id } })).toBe(2);
    expect((await getArticle(article.id)).revision).toBe(2);
  });
});

describe("claims marked in an older revision", () => {
  it("are placed in the current text when the engine finds the passage, with the current offsets", async () => {
    await saveRevision(erin, article.id, revisionOf(EDITED.split("\n")));
    const claim = await createClaim(sam, article.id, { ...selectorsFor(SENTENCES.budget), revision: 1 });
    const current = await getArticle(article.id);
    expect(claim.revision).toBe(2);
    expect(current.text.slice(claim.position.start, claim.position.end)).toBe(SENTENCES.budget);
  });

  it("are refused with 409 when the passage changed, never stored at offsets of the wrong text", async () => {
    await saveRevision(erin, article.id, revisionOf(EDITED.split("\n")));
    await expect(
      createClaim(sam, article.id, { ...selectorsFor(SENTENCES.bridge), revision: 1 }),
    ).rejects.toMatchObject({ kind: "conflict" });
    expect(await db.claim.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("placeClaim: a person decides where a claim sits", () => {
  async function revised() {
    const turnout = await createClaim(sam, article.id, { ...selectorsFor(SENTENCES.turnout), status: "UNPROVEN" });
    const bridge = await createClaim(sam, article.id, selectorsFor(SENTENCES.bridge));
    await saveRevision(erin, article.id, revisionOf(EDITED.split("\n")));
    return {
      turnout: await getClaimDetails(turnout.id),
      bridge: await getClaimDetails(bridge.id),
      text: (await getArticle(article.id)).text,
    };
  }

  it("confirms the new passage: placed, rating kept, recorded in history", async () => {
    const { turnout, text } = await revised();
    const confirmed = await placeClaim(erin, turnout.id, { version: turnout.version, decision: "confirm" });
    expect(confirmed.anchor).toMatchObject({ state: "placed", method: "confirmed", revision: 2 });
    const stored = await getClaimDetails(turnout.id);
    expect(text.slice(stored.anchor.start ?? 0, stored.anchor.end ?? 0)).toContain("64 percent");
    expect(stored.status).toBe("UNPROVEN");
    expect((await getClaimHistory(turnout.id)).at(-1)).toMatchObject({
      kind: "confirmed",
      to: "2",
      actor: { name: "Erin Editor" },
    });
  });

  it("re-attaches a claim that could not be placed to a passage a person chose", async () => {
    const { bridge, text } = await revised();
    const start = text.indexOf(SENTENCES.school);
    const attached = await placeClaim(sam, bridge.id, {
      version: bridge.version,
      decision: "reattach",
      position: { start, end: start + SENTENCES.school.length },
    });
    expect(attached.anchor).toMatchObject({ state: "placed", method: "reattached", start });
    // The next revision looks for the passage it now quotes.
    await saveRevision(erin, article.id, revisionOf(["A new first line.", ...EDITED.split("\n")]));
    const after = await getClaimDetails(bridge.id);
    expect(after.anchor).toMatchObject({ state: "placed", revision: 3, method: "exact" });
  });

  it("refuses a colleague who is neither the claim's author nor the article's editor, and a stale version", async () => {
    const { turnout } = await revised();
    const other = sessionOf(await createUser(db, { name: "Olga Other" }));
    await expect(
      placeClaim(other, turnout.id, { version: turnout.version, decision: "confirm" }),
    ).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(
      placeClaim(sam, turnout.id, { version: turnout.version + 1, decision: "confirm" }),
    ).rejects.toMatchObject({
      kind: "conflict",
    });
    expect((await getClaimDetails(turnout.id)).anchor.state).toBe("needs_confirmation");
  });
});
