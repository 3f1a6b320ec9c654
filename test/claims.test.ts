/**
 * lib/server/claim-*.ts (feed, details, writes, placement) against a real database (DATABASE_URL from the project's setup): what an
 * editor would notice — what is stored, what is refused, what the list and its feed say.
 * Nothing here depends on the provider.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { CreateClaimInput } from "@/lib/claims/schemas";
import { tagMatches } from "@/lib/claims/feed";
import type { ClaimDetails } from "@/lib/claims/types";
import { db } from "@/lib/server/db";
import { getClaimDetails, getClaimHistory, listClaims } from "@/lib/server/claim-details";
import { listClaimSummaries, readClaimsFeed } from "@/lib/server/claim-feed";
import { createClaim, deleteClaim, updateClaim } from "@/lib/server/claim-writes";
import { createEditors, createArticle, sessionOf, type TestArticle } from "./factories";

const SENTENCES = {
  budget: "The city council approved a budget of 4.2 million euros on Tuesday.",
  turnout: "Turnout in the local election reached 61 percent, the highest since 1998.",
  bridge: "The new bridge will open to traffic in March next year.",
} as const;
const SOURCE = {
  url: "https://stats.example.org/budget-2024",
  title: "Council budget 2024",
  publisher: undefined,
  excerpt: undefined,
};

type Session = ReturnType<typeof sessionOf>;
let erin: Session;
let sam: Session;
let article: TestArticle;

beforeEach(async () => {
  ({ erin, sam } = await createEditors(db));
  article = await createArticle(db, erin.id, { paragraphs: Object.values(SENTENCES) });
});

function selectorsFor(sentence: string): CreateClaimInput {
  const start = article.text.indexOf(sentence);
  return { position: { start, end: start + sentence.length }, quote: { exact: sentence, prefix: "", suffix: "" } };
}

const mark = (sentence: string, extra: Partial<CreateClaimInput> = {}, user = erin) =>
  createClaim(user, article.id, { ...selectorsFor(sentence), ...extra });

const list = (since?: string, filter = {}, user = erin) => listClaimSummaries(article.id, filter, user, since);
const kinds = async (id: string) => (await getClaimHistory(id)).map((event) => event.kind);
const sourceRows = (claimId: string) =>
  db.source.findMany({ where: { claimId }, select: { url: true }, orderBy: { url: "asc" } });
const eventRows = (claimId: string) => db.claimEvent.findMany({ where: { claimId }, select: { kind: true } });

describe("creating a claim", () => {
  it("stores canonical selectors and answers what a later read returns", async () => {
    const claim = await mark(SENTENCES.turnout);
    expect(claim).toMatchObject({
      articleId: article.id,
      author: { id: erin.id, name: "Erin Editor" },
      position: selectorsFor(SENTENCES.turnout).position,
      quote: { exact: SENTENCES.turnout },
      status: "UNVERIFIED",
      note: "",
      version: 1,
      sources: [],
    });
    // The client sent no context; the stored one is cut from the text.
    expect(claim.quote.prefix).toBe(`${SENTENCES.budget}\n`.slice(-32));
    expect(claim.quote.suffix).toBe(`\n${SENTENCES.bridge}`.slice(0, 32));
    // Composed without reading back, yet exactly what is stored.
    expect(await getClaimDetails(claim.id)).toEqual(claim);
    expect(await kinds(claim.id)).toEqual(["created"]);
  });

  it("records a starting verdict that needs no source, and refuses one that does", async () => {
    const unproven = await mark(SENTENCES.bridge, { status: "UNPROVEN", note: "Asked the ministry." });
    expect(unproven).toMatchObject({ status: "UNPROVEN", note: "Asked the ministry." });
    expect(await kinds(unproven.id)).toEqual(["created", "status"]);

    await expect(mark(SENTENCES.budget, { status: "VERIFIED" })).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/add at least one source/i),
    });
    expect((await list()).claims.map((c) => c.id)).toEqual([unproven.id]);
  });

  it("refuses selectors that do not match the text with 422, storing nothing", async () => {
    const before = await list();
    const wrongQuote = {
      ...selectorsFor(SENTENCES.budget),
      quote: { exact: SENTENCES.bridge, prefix: "", suffix: "" },
    };
    await expect(createClaim(erin, article.id, wrongQuote)).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/does not match/),
    });
    const outside = {
      ...selectorsFor(SENTENCES.budget),
      position: { start: article.text.length + 1, end: article.text.length + 9 },
    };
    await expect(createClaim(erin, article.id, outside)).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/outside/),
    });
    expect(await list()).toEqual(before);
  });

  it("answers 404 for an unknown article", async () => {
    await expect(createClaim(erin, "no-such-article", selectorsFor(SENTENCES.budget))).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(listClaimSummaries("no-such-article", {}, erin)).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("updating a claim", () => {
  it("changes status, note and sources, records each change, and answers what a later read returns", async () => {
    const claim = await mark(SENTENCES.budget);
    const verified = await updateClaim(erin, claim.id, {
      version: 1,
      status: "VERIFIED",
      note: "Minutes checked.",
      addSources: [SOURCE],
    });
    expect(verified).toMatchObject({ status: "VERIFIED", note: "Minutes checked.", version: 2 });
    expect(verified.sources).toEqual([
      expect.objectContaining({
        url: SOURCE.url,
        title: SOURCE.title,
        publisher: null,
        excerpt: null,
        addedBy: { id: erin.id, name: "Erin Editor" },
      }),
    ]);
    expect(await getClaimDetails(claim.id)).toEqual(verified);

    const second = { url: "https://example.org/audit", title: "Audit", publisher: "Court of audit", excerpt: "p. 3" };
    const swapped = await updateClaim(erin, claim.id, {
      version: 2,
      addSources: [second],
      removeSourceIds: [verified.sources[0]!.id],
    });
    expect(swapped.sources.map((s) => [s.title, s.publisher, s.excerpt])).toEqual([
      ["Audit", "Court of audit", "p. 3"],
    ]);
    expect(await getClaimDetails(claim.id)).toEqual(swapped);

    const history = await getClaimHistory(claim.id);
    expect(history.map(({ kind, from, to }) => [kind, from, to])).toEqual([
      ["created", null, null],
      ["status", "UNVERIFIED", "VERIFIED"],
      ["note", "", "Minutes checked."],
      ["source_added", null, SOURCE.title],
      ["source_added", null, "Audit"],
      ["source_removed", SOURCE.title, null],
    ]);
    expect(history.every((event) => event.actor.id === erin.id && event.actor.name === "Erin Editor")).toBe(true);
  });

  it("answers 409 to a stale version and keeps the first change only", async () => {
    const claim = await mark(SENTENCES.budget);
    await updateClaim(erin, claim.id, { version: 1, status: "UNPROVEN" });
    await expect(updateClaim(erin, claim.id, { version: 1, note: "Lost update" })).rejects.toMatchObject({
      kind: "conflict",
    });
    await expect(deleteClaim(erin, claim.id, 1)).rejects.toMatchObject({ kind: "conflict" });
    expect(await getClaimDetails(claim.id)).toMatchObject({ version: 2, status: "UNPROVEN", note: "" });
    expect(await kinds(claim.id)).toEqual(["created", "status"]);
  });

  it("refuses another editor's change with 403 and leaves the claim and the cursor alone", async () => {
    const claim = await mark(SENTENCES.budget, { note: "Mine." });
    const before = await list();
    await expect(updateClaim(sam, claim.id, { version: 1, note: "Theirs." })).rejects.toMatchObject({
      kind: "forbidden",
      message: expect.stringMatching(/another editor/),
    });
    await expect(deleteClaim(sam, claim.id, 1)).rejects.toMatchObject({ kind: "forbidden" });
    expect(await getClaimDetails(claim.id)).toEqual(claim);
    expect(await list()).toEqual(before);
  });

  it("lets one of two writers at the same version win; the loser leaves no source, event or cursor step behind", async () => {
    const claim = await mark(SENTENCES.budget);
    const { cursor } = await list();
    const writers = ["https://a.example.org/", "https://b.example.org/"].map((url) =>
      updateClaim(erin, claim.id, { version: 1, status: "UNPROVEN", addSources: [{ ...SOURCE, url }] }),
    );
    const results = await Promise.allSettled(writers);
    const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ kind: "conflict" })]);

    expect(await sourceRows(claim.id)).toEqual([{ url: won[0]!.sources[0]!.url }]);
    expect((await eventRows(claim.id)).map((e) => e.kind).sort()).toEqual(["created", "source_added", "status"]);
    expect(await getClaimDetails(claim.id)).toEqual(won[0]);
    // The loser's increment of the article's claimSeq was rolled back with it.
    const changes = await list(cursor);
    expect(Number(changes.cursor)).toBe(Number(cursor) + 1);
  });

  it("refuses a change that breaks the status rule, changing nothing", async () => {
    const claim = await mark(SENTENCES.budget);
    const verified = await updateClaim(erin, claim.id, { version: 1, status: "VERIFIED", addSources: [SOURCE] });
    await expect(
      updateClaim(erin, claim.id, { version: 2, removeSourceIds: [verified.sources[0]!.id] }),
    ).rejects.toMatchObject({
      kind: "invalid",
    });
    await expect(
      updateClaim(erin, claim.id, { version: 2, removeSourceIds: ["not-a-source-of-this-claim"] }),
    ).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/does not belong/),
    });
    expect(await getClaimDetails(claim.id)).toEqual(verified);
    expect(await eventRows(claim.id)).toHaveLength(3);
  });
});

describe("deleting a claim", () => {
  it("takes it out of the list and into the feed's deleted ids, keeps its history, and 404s later writes", async () => {
    const claim = await mark(SENTENCES.budget);
    const kept = await mark(SENTENCES.bridge);
    const { cursor } = await list();
    await deleteClaim(erin, claim.id, 1);

    expect((await list()).claims.map((c) => c.id)).toEqual([kept.id]);
    expect(await list(cursor)).toMatchObject({ claims: [], deleted: [claim.id] });
    expect((await eventRows(claim.id)).map((e) => e.kind).sort()).toEqual(["created", "deleted"]);

    await expect(getClaimDetails(claim.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(getClaimHistory(claim.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(updateClaim(erin, claim.id, { version: 2, note: "x" })).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteClaim(erin, claim.id)).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("the change cursor", () => {
  it("returns what was created, updated and deleted since a cursor, and nothing when nothing changed", async () => {
    const start = await list();
    expect(start).toEqual({ claims: [], people: {}, cursor: start.cursor });

    const created = await mark(SENTENCES.budget);
    const afterCreate = await list(start.cursor);
    expect(afterCreate).toEqual({
      claims: [expect.objectContaining({ id: created.id, version: 1 })],
      deleted: [],
      people: { [erin.id]: "Erin Editor" },
      cursor: afterCreate.cursor,
    });
    expect(afterCreate.cursor).not.toBe(start.cursor);

    await updateClaim(erin, created.id, { version: 1, status: "UNPROVEN" });
    const afterUpdate = await list(afterCreate.cursor);
    expect(afterUpdate.claims).toEqual([expect.objectContaining({ id: created.id, status: "UNPROVEN", version: 2 })]);
    expect(afterUpdate.deleted).toEqual([]);

    await deleteClaim(erin, created.id, 2);
    const afterDelete = await list(afterUpdate.cursor);
    expect(afterDelete).toMatchObject({ claims: [], deleted: [created.id] });

    const unchanged = await list(afterDelete.cursor);
    expect(unchanged).toEqual({ claims: [], deleted: [], people: {}, cursor: afterDelete.cursor });
  });

  it("returns every write after an older cursor, each claim once at its latest", async () => {
    const { cursor } = await list();
    const budget = await mark(SENTENCES.budget);
    const bridge = await mark(SENTENCES.bridge, {}, sam);
    await updateClaim(erin, budget.id, { version: 1, note: "Checked." });
    const changes = await list(cursor);
    expect(changes.claims.map((c) => [c.id, c.version]).sort()).toEqual(
      [
        [budget.id, 2],
        [bridge.id, 1],
      ].sort(),
    );
    expect(changes.people).toEqual({ [erin.id]: "Erin Editor", [sam.id]: "Sam Second" });
    expect(changes.cursor).toBe((await list()).cursor);
  });

  it("reports a claim that left a filtered list as gone from it", async () => {
    const claim = await mark(SENTENCES.budget, { status: "UNPROVEN" });
    const filtered = await list(undefined, { status: "UNPROVEN" });
    expect(filtered.claims.map((c) => c.id)).toEqual([claim.id]);
    await updateClaim(erin, claim.id, { version: 1, status: "UNVERIFIED" });
    expect(await list(filtered.cursor, { status: "UNPROVEN" })).toMatchObject({ claims: [], deleted: [claim.id] });
    // Another editor's list of their own claims hears nothing of it.
    const theirs = await list(filtered.cursor, { user: "me" }, sam);
    expect(theirs).toMatchObject({ claims: [], deleted: [] });
  });

  it("answers a cursor it has not reached with the whole list, flagged to replace, and refuses garbage", async () => {
    const claim = await mark(SENTENCES.budget);
    const ahead = String(Number((await list()).cursor) + 100);
    const answer = await list(ahead);
    expect(answer).toMatchObject({ reset: true, claims: [expect.objectContaining({ id: claim.id })] });
    expect(answer.deleted).toBeUndefined();
    for (const garbage of ["abc", "-1", "1.5", ""]) {
      await expect(list(garbage)).rejects.toMatchObject({ kind: "malformed" });
    }
  });

  it("is not modified for the tag of the current cursor and filter, and modified after a write", async () => {
    await mark(SENTENCES.budget);
    const first = await readClaimsFeed(article.id, {}, erin, {});
    if (first.notModified) throw new Error("a request without If-None-Match is answered");
    expect(await readClaimsFeed(article.id, {}, erin, { since: first.answer.cursor, ifNoneMatch: first.tag })).toEqual({
      notModified: true,
      tag: first.tag,
    });
    // Another filter, another tag.
    const mine = await readClaimsFeed(article.id, { user: "me" }, erin, { ifNoneMatch: first.tag });
    expect(mine.notModified).toBe(false);

    await mark(SENTENCES.bridge, {}, sam);
    const next = await readClaimsFeed(article.id, {}, erin, { since: first.answer.cursor, ifNoneMatch: first.tag });
    if (next.notModified) throw new Error("a write must change the tag");
    expect(tagMatches(first.tag, next.tag)).toBe(false);
    expect(next.answer.claims).toHaveLength(1);
  });
});

describe("summaries", () => {
  it("carry no note, source or history, and stay small however much a claim has", async () => {
    const long = (word: string) => `${word} `.repeat(400);
    const claim = await mark(SENTENCES.budget, { note: long("note") });
    let current: ClaimDetails = claim;
    for (let i = 0; i < 3; i++) {
      current = await updateClaim(erin, claim.id, {
        version: current.version,
        addSources: [
          {
            url: `https://example.org/${i}`,
            title: long("title").slice(0, 290),
            publisher: undefined,
            excerpt: long("excerpt").slice(0, 1990),
          },
        ],
      });
    }
    current = await updateClaim(erin, claim.id, { version: current.version, status: "FALSE" });

    const [summary] = (await list()).claims;
    expect(summary).toEqual({
      id: claim.id,
      authorId: erin.id,
      ...selectorsFor(SENTENCES.budget).position,
      anchor: { state: "placed", revision: 1, ...selectorsFor(SENTENCES.budget).position, method: "position" },
      status: "FALSE",
      review: { state: "awaiting_review", by: null, at: current.updatedAt, comment: null },
      version: current.version,
      sourceCount: 3,
      replyCount: 0,
      createdAt: claim.createdAt,
      updatedAt: current.updatedAt,
    });
    const json = JSON.stringify(summary);
    for (const word of ["note", "title", "excerpt", "example.org", SENTENCES.budget]) expect(json).not.toContain(word);
    // The review (state, reviewer, date; decision 0015) added about 90 characters to the 380 before it.
    expect(json.length).toBeLessThan(470);
  });

  it("count only a claim's own sources", async () => {
    const budget = await mark(SENTENCES.budget);
    const bridge = await mark(SENTENCES.bridge);
    await updateClaim(erin, budget.id, {
      version: 1,
      addSources: [SOURCE, { ...SOURCE, url: "https://example.org/2" }],
    });
    const other = await createArticle(db, erin.id, { paragraphs: [SENTENCES.budget] });
    const elsewhere = await createClaim(erin, other.id, {
      position: { start: 0, end: SENTENCES.budget.length },
      quote: { exact: SENTENCES.budget, prefix: "", suffix: "" },
    });
    await updateClaim(erin, elsewhere.id, { version: 1, addSources: [SOURCE] });
    const counts = Object.fromEntries((await list()).claims.map((c) => [c.id, c.sourceCount]));
    expect(counts).toEqual({ [budget.id]: 2, [bridge.id]: 0 });
  });
});

describe("full listings", () => {
  it("give the W3C collection and the report every live claim with sources, and history when asked", async () => {
    const claim = await mark(SENTENCES.budget);
    await updateClaim(erin, claim.id, { version: 1, status: "VERIFIED", addSources: [SOURCE] });
    const gone = await mark(SENTENCES.bridge, {}, sam);
    await deleteClaim(sam, gone.id);

    const [plain] = await listClaims(article.id, {}, erin);
    expect(await listClaims(article.id, {}, erin)).toHaveLength(1);
    expect(plain).toMatchObject({
      id: claim.id,
      status: "VERIFIED",
      sources: [expect.objectContaining({ url: SOURCE.url })],
      history: [],
    });
    const [withHistory] = await listClaims(article.id, {}, erin, { history: true });
    expect(withHistory?.history.map((e) => e.kind)).toEqual(["created", "status", "source_added"]);
    expect(await listClaims(article.id, { user: "me" }, sam)).toEqual([]);
  });
});
