/**
 * lib/server/reviews.ts against a real database: a second editor's sign-off or return is stored
 * with the claim's write (one transaction), reopens when the author changes the claim, shows in
 * the claim's JSON, the change feed and History, and fills the inbox lists.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { CreateClaimInput } from "@/lib/claims/schemas";
import { Problem } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { getClaimDetails, getClaimHistory } from "@/lib/server/claim-details";
import { listClaimSummaries } from "@/lib/server/claim-feed";
import { createClaim, deleteClaim, updateClaim } from "@/lib/server/claim-writes";
import { claimsAwaitingReviewBy, claimsReturnedTo, reviewClaim } from "@/lib/server/reviews";
import { createEditors, createArticle, createUser, sessionOf, type TestArticle } from "./factories";

const SENTENCES = {
  budget: "The city council approved a budget of 4.2 million euros on Tuesday.",
  turnout: "Turnout in the local election reached 61 percent, the highest since 1998.",
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
let ola: Session;
let article: TestArticle;

beforeEach(async () => {
  ({ erin, sam } = await createEditors(db));
  ola = sessionOf(await createUser(db, { name: "Ola Third" }));
  article = await createArticle(db, erin.id, { paragraphs: Object.values(SENTENCES) });
});

function selectorsFor(sentence: string): CreateClaimInput {
  const start = article.text.indexOf(sentence);
  return { position: { start, end: start + sentence.length }, quote: { exact: sentence, prefix: "", suffix: "" } };
}

/** Erin's claim rated Verified with a source: awaiting review. */
async function ratedClaim(sentence: string = SENTENCES.budget) {
  const claim = await createClaim(erin, article.id, selectorsFor(sentence));
  return updateClaim(erin, claim.id, { version: claim.version, status: "VERIFIED", addSources: [SOURCE] });
}

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof Problem) return error;
  throw new Error(`expected a Problem, got ${String(error)}`);
}

const reviewRows = (claimId: string) =>
  db.review.findMany({
    where: { claimId },
    select: { reviewerId: true, decision: true, comment: true, claimVersion: true, supersededAt: true },
    orderBy: { createdAt: "asc" },
  });

describe("reviewing a claim", () => {
  it("a rated claim awaits review; another editor's approval signs it off, in its JSON, the list and History", async () => {
    const rated = await ratedClaim();
    expect(rated.review).toMatchObject({ state: "awaiting_review", by: null, comment: null });
    expect((await getClaimDetails(rated.id)).review.state).toBe("awaiting_review");

    const before = await listClaimSummaries(article.id, {}, erin);
    const approved = await reviewClaim(sam, rated.id, { version: rated.version, decision: "approve" });
    expect(approved.version).toBe(rated.version + 1);
    expect(approved.review).toEqual({
      state: "signed_off",
      by: { id: sam.id, name: "Sam Second" },
      at: approved.updatedAt,
      comment: null,
    });
    // What was answered is what is stored.
    expect(await getClaimDetails(rated.id)).toEqual(approved);

    // The change feed carries the review: the author's page learns of it.
    const changes = await listClaimSummaries(article.id, {}, erin, before.cursor);
    expect(changes.claims.map((claim) => [claim.id, claim.review.state, claim.review.by?.name])).toEqual([
      [rated.id, "signed_off", "Sam Second"],
    ]);
    expect((await getClaimHistory(rated.id)).map((event) => [event.kind, event.actor.name])).toContainEqual([
      "approved",
      "Sam Second",
    ]);
    expect(await reviewRows(rated.id)).toEqual([
      { reviewerId: sam.id, decision: "approve", comment: "", claimVersion: rated.version, supersededAt: null },
    ]);
  });

  it("the author's change of a source reopens a signed-off claim; the sign-off stays, superseded", async () => {
    const rated = await ratedClaim();
    const approved = await reviewClaim(sam, rated.id, { version: rated.version, decision: "approve" });
    const changed = await updateClaim(erin, rated.id, {
      version: approved.version,
      addSources: [
        {
          url: "https://audit.example.org/2024",
          title: "Audit office report",
          publisher: undefined,
          excerpt: undefined,
        },
      ],
    });
    expect(changed.review).toMatchObject({ state: "awaiting_review", by: null });
    expect(await getClaimDetails(rated.id)).toEqual(changed);
    const history = (await getClaimHistory(rated.id)).map((event) => event.kind);
    expect(history.slice(-3)).toEqual(["approved", "source_added", "review_superseded"]);
    const [review] = await reviewRows(rated.id);
    expect(review?.supersededAt).not.toBeNull();
  });

  it("a return needs a comment, which the author finds with the claim; the author's edit reopens it", async () => {
    const rated = await ratedClaim();
    const returned = await reviewClaim(sam, rated.id, {
      version: rated.version,
      decision: "return",
      comment: "Cite the council minutes, not the press release.",
    });
    expect(returned.review).toMatchObject({
      state: "returned",
      by: { id: sam.id, name: "Sam Second" },
      comment: "Cite the council minutes, not the press release.",
    });
    const reopened = await updateClaim(erin, rated.id, { version: returned.version, note: "Minutes added." });
    expect(reopened.review.state).toBe("awaiting_review");
    expect((await getClaimHistory(rated.id)).map((event) => event.kind).slice(-3)).toEqual([
      "returned",
      "note",
      "review_superseded",
    ]);
  });

  it("refuses the author's own review (403), a stale version (409), an Unverified claim (422) and a deleted one (404), storing nothing", async () => {
    const rated = await ratedClaim();
    expect((await problemOf(reviewClaim(erin, rated.id, { version: rated.version, decision: "approve" }))).kind).toBe(
      "forbidden",
    );
    expect(
      (await problemOf(reviewClaim(sam, rated.id, { version: rated.version - 1, decision: "approve" }))).kind,
    ).toBe("conflict");
    const unverified = await createClaim(erin, article.id, selectorsFor(SENTENCES.turnout));
    expect((await problemOf(reviewClaim(sam, unverified.id, { version: 1, decision: "approve" }))).kind).toBe(
      "invalid",
    );
    await deleteClaim(erin, unverified.id);
    expect((await problemOf(reviewClaim(sam, unverified.id, { version: 2, decision: "approve" }))).kind).toBe(
      "not_found",
    );

    expect(await db.review.count({ where: { claimId: { in: [rated.id, unverified.id] } } })).toBe(0);
    expect(await getClaimDetails(rated.id)).toEqual(rated);
  });

  it("two reviewers at once: the second one's decision is a 409, the first one's stands", async () => {
    const rated = await ratedClaim();
    const results = await Promise.allSettled([
      reviewClaim(sam, rated.id, { version: rated.version, decision: "approve" }),
      reviewClaim(ola, rated.id, { version: rated.version, decision: "return", comment: "Needs a second source." }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason instanceof Problem && refused.reason.kind).toBe("conflict");
    expect(await db.review.count({ where: { claimId: rated.id } })).toBe(1);
  });

  it("setting the claim back to Unverified leaves nothing to review", async () => {
    const rated = await ratedClaim();
    const approved = await reviewClaim(sam, rated.id, { version: rated.version, decision: "approve" });
    const reset = await updateClaim(erin, rated.id, { version: approved.version, status: "UNVERIFIED" });
    expect(reset.review).toEqual({ state: "none", by: null, at: null, comment: null });
    expect(await getClaimDetails(rated.id)).toEqual(reset);
  });
});

describe("the inbox lists", () => {
  // The database is shared by the file's tests: each looks at its own article's claims.
  const here = <T extends { articleId: string }>(items: T[]) => items.filter((item) => item.articleId === article.id);
  // Reviewers work on the article: each has marked a claim of their own in it.
  const EXTRA = "Reviewers mark their own claims here too.";
  beforeEach(async () => {
    article = await createArticle(db, erin.id, { paragraphs: [...Object.values(SENTENCES), EXTRA] });
    for (const reviewer of [sam, ola]) await createClaim(reviewer, article.id, selectorsFor(EXTRA));
  });

  it("leaves out claims on articles I do not work on", async () => {
    const elsewhere = await createArticle(db, erin.id, { paragraphs: Object.values(SENTENCES) });
    const claim = await createClaim(erin, elsewhere.id, {
      position: { start: 0, end: SENTENCES.budget.length },
      quote: { exact: SENTENCES.budget, prefix: "", suffix: "" },
    });
    await updateClaim(erin, claim.id, { version: claim.version, status: "VERIFIED", addSources: [SOURCE] });
    const forSam = await claimsAwaitingReviewBy(sam.id);
    expect(forSam.map((item) => item.claimId)).not.toContain(claim.id);
  });

  it("lists others' claims awaiting my review, newest first, never my own", async () => {
    const first = await ratedClaim(SENTENCES.budget);
    const second = await ratedClaim(SENTENCES.turnout);
    const forSam = here(await claimsAwaitingReviewBy(sam.id));
    expect(forSam.map((item) => item.claimId)).toEqual([second.id, first.id]);
    expect(forSam[0]).toEqual({
      claimId: second.id,
      articleId: article.id,
      articleTitle: article.title,
      quote: SENTENCES.turnout,
      at: second.review.at,
      by: { id: erin.id, name: "Erin Editor" },
      version: second.version,
    });
    expect(here(await claimsAwaitingReviewBy(erin.id))).toEqual([]);

    await reviewClaim(sam, first.id, { version: first.version, decision: "approve" });
    expect(here(await claimsAwaitingReviewBy(ola.id)).map((item) => item.claimId)).toEqual([second.id]);
  });

  it("lists my claims returned to me with the reviewer's comment, until I change them", async () => {
    const rated = await ratedClaim();
    const returned = await reviewClaim(sam, rated.id, {
      version: rated.version,
      decision: "return",
      comment: "Which budget line?",
    });
    expect(here(await claimsReturnedTo(erin.id))).toEqual([
      {
        claimId: rated.id,
        articleId: article.id,
        articleTitle: article.title,
        quote: SENTENCES.budget,
        at: returned.review.at,
        by: { id: sam.id, name: "Sam Second" },
        comment: "Which budget line?",
        version: returned.version,
      },
    ]);
    expect(here(await claimsReturnedTo(sam.id))).toEqual([]);
    await updateClaim(erin, rated.id, { version: returned.version, note: "Line 14." });
    expect(here(await claimsReturnedTo(erin.id))).toEqual([]);
    expect(here(await claimsAwaitingReviewBy(sam.id)).map((item) => item.claimId)).toEqual([rated.id]);
  });

  it("leaves deleted claims out", async () => {
    const rated = await ratedClaim();
    await deleteClaim(erin, rated.id);
    expect(here(await claimsAwaitingReviewBy(sam.id))).toEqual([]);
  });
});
