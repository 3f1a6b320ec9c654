import { describe, expect, it } from "vitest";
import type { ClaimView } from "@/lib/claims/types";
import { passageContext } from "./context";
import { NO_CLAIMS_MESSAGE, buildReport, claimReviewOmission, describeReview, scopeLabel } from "./model";
import {
  ANA,
  DMITRI,
  FIXTURE_TEXT,
  ORPHAN_PASSAGE,
  TRICKY_NOTE,
  TRICKY_PASSAGE,
  emptyReport,
  fixtureClaims,
  fixtureInput,
  fixtureReport,
  reanchoredIn,
} from "./testing/fixture";

describe("buildReport", () => {
  it("lists placed claims in reading order and orphans apart, numbered across both", () => {
    const report = fixtureReport();
    expect(report.claims.map((c) => [c.number, c.id])).toEqual([
      [1, "claim-verified"],
      [2, "claim-tricky"],
      [3, "claim-unverified"],
    ]);
    expect(report.orphaned.map((c) => [c.number, c.id])).toEqual([[4, "claim-orphan"]]);
    expect(report.orphaned[0]?.placement).toEqual({ status: "orphaned", reason: expect.stringContaining("no longer") });
    expect(report.orphaned[0]?.passage).toBe(ORPHAN_PASSAGE);
    expect(report.emptyMessage).toBeNull();
  });

  it("keeps the passage and note exactly as typed", () => {
    const tricky = fixtureReport().claims[1];
    expect(tricky?.passage).toBe(TRICKY_PASSAGE);
    expect(tricky?.note).toBe(TRICKY_NOTE);
  });

  it("gives each claim its context, cut at paragraphs and whole words", () => {
    const [verified, tricky, unverified] = fixtureReport().claims;
    // The paragraph starts less than 60 characters before, and the passage ends it but for ".".
    expect(verified?.context).toEqual({
      before: "Russian President Vladimir Putin has reportedly said that ",
      after: ".",
    });
    // 60 characters back lands inside "Dmitry" … "adding:": cut at the next space, with an ellipsis.
    expect(tricky?.context).toEqual({
      before: "…“Putin can send representatives of the Ministry of Defence, ",
      after: "",
    });
    expect(unverified?.context).toEqual({
      before: "NATO leaders will hold ",
      after: " starting at 3 p.m. in Brussels.",
    });
  });

  it("summarises the claims", () => {
    const { summary } = fixtureReport();
    expect(summary.totalClaims).toBe(4);
    expect(Object.fromEntries(summary.byStatus.map((row) => [row.status, row.count]))).toEqual({
      UNVERIFIED: 1,
      VERIFIED: 1,
      MOSTLY_TRUE: 0,
      MISLEADING: 1,
      FALSE: 1,
      UNPROVEN: 0,
    });
    expect(summary.ratedClaims).toBe(3);
    expect(summary.verifiedClaims).toBe(1);
    expect(summary.verifiedShare).toBe(0.25);
    expect(summary.orphanedClaims).toBe(1);
    expect(summary.editors).toEqual([ANA, DMITRI]);
    expect(summary.sourcesCited).toBe(4);
    expect(summary.citations).toBe(4);
    expect(summary.lastChange).toEqual({
      at: "2022-02-27T16:45:00.000Z",
      by: "Dmitri Ivanov",
      description: "edited the note",
    });
  });

  it("counts a URL cited twice once among sources, twice among citations", () => {
    const claims = fixtureClaims();
    const first = claims.find((c) => c.id === "claim-verified")!;
    const other = claims.find((c) => c.id === "claim-orphan")!;
    other.sources = [{ ...other.sources[0]!, url: first.sources[0]!.url }];
    const { summary } = buildReport(fixtureInput({ claims }));
    expect([summary.sourcesCited, summary.citations]).toEqual([3, 4]);
  });

  it("rates claims on the ClaimReview scale, and leaves Unverified unrated", () => {
    const report = fixtureReport();
    expect(report.claims[0]?.rating).toEqual({ value: 5, best: 5, worst: 1, alternateName: "True" });
    expect(report.claims[2]?.rating).toBeNull();
    expect(report.claims[2]?.statusLabel).toBe("Unverified");
  });

  it("takes each claim's last change from its history, or its own dates without one", () => {
    const report = fixtureReport();
    expect(report.claims[0]?.lastChange).toEqual({
      at: "2022-02-25T10:15:00.000Z",
      by: "Ana Novak",
      description: "changed the status from Unverified to Verified",
    });
    const bare = fixtureClaims().map((c) => ({ ...c, history: [] }));
    const withoutHistory = buildReport(fixtureInput({ claims: bare }));
    expect(withoutHistory.claims[1]?.lastChange).toEqual({
      at: "2022-02-27T16:45:00.000Z",
      by: "Dmitri Ivanov",
      description: "updated this claim",
    });
    expect(withoutHistory.claims[2]?.lastChange.description).toBe("marked this claim");
  });

  it("records the scope with a label that names the editor", () => {
    const mine = buildReport(fixtureInput({ scope: { kind: "mine", editorName: "Ana Novak" } }));
    expect(mine.scope).toEqual({ kind: "mine", editorName: "Ana Novak", label: "Claims by Ana Novak" });
    expect(scopeLabel({ kind: "editor", editorName: "Dmitri Ivanov" })).toBe("Claims by Dmitri Ivanov");
    expect(fixtureReport().scope).toEqual({ kind: "everyone", editorName: null, label: "All editors’ claims" });
  });

  it("says so when there are no claims", () => {
    const report = emptyReport();
    expect(report.emptyMessage).toBe(NO_CLAIMS_MESSAGE);
    expect(report.claims).toEqual([]);
    expect(report.orphaned).toEqual([]);
    expect(report.summary.totalClaims).toBe(0);
    expect(report.summary.verifiedShare).toBeNull();
    expect(report.summary.lastChange).toBeNull();
  });

  it("lists a claim whose passage a revision changed apart, as needing confirmation, with the new wording", () => {
    const edited = FIXTURE_TEXT.replace("open to sending a delegation", "open to sending a small delegation");
    // The server re-anchors every claim when the revision is saved; the report draws its decisions.
    const claims = reanchoredIn(edited, fixtureClaims());
    const report = buildReport(fixtureInput({ article: { ...fixtureInput().article, text: edited, revision: 2 }, claims }));
    expect(report.claims.find((c) => c.id === "claim-verified")).toBeUndefined();
    const verified = report.unconfirmed.find((c) => c.id === "claim-verified");
    expect(verified?.placement).toMatchObject({
      status: "needs_confirmation",
      currentText: "Russia is open to sending a small delegation to Minsk for talks with Ukraine",
    });
    expect(verified?.passage).toBe("Russia is open to sending a delegation to Minsk for talks with Ukraine");
    expect(report.summary.unconfirmedClaims).toBe(1);
    expect(report.article.revision).toBe(2);
    // Numbered after the placed claims, before the orphans.
    expect(verified?.number).toBe(report.claims.length + 1);
    expect(report.orphaned[0]?.number).toBe(report.claims.length + 2);
  });

  it("numbers the other side of a disagreement", () => {
    const claims = fixtureClaims();
    const verified = claims.find((c) => c.id === "claim-verified")!;
    const rival: ClaimView = {
      ...verified,
      id: "claim-rival",
      author: DMITRI,
      status: "MISLEADING",
      createdAt: "2022-02-26T00:00:00.000Z",
    };
    const report = buildReport(fixtureInput({ claims: [...claims, rival] }));
    const first = report.claims.find((c) => c.id === "claim-verified");
    expect(first?.disagreements).toEqual([
      { claimId: "claim-rival", number: 2, editor: "Dmitri Ivanov", statusLabel: "Misleading" },
    ]);
  });

  it("normalises dates to ISO strings and is plain JSON", () => {
    const report = buildReport(
      fixtureInput({ article: { ...fixtureInput().article, publishedAt: new Date("2022-02-25T08:30:00Z") } }),
    );
    expect(report.article.publishedAt).toBe("2022-02-25T08:30:00.000Z");
    expect(report.generatedAt).toBe("2022-03-01T12:00:00.000Z");
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(
      buildReport(fixtureInput({ article: { ...fixtureInput().article, publishedAt: "not a date" } })).article
        .publishedAt,
    ).toBeNull();
  });

  it("links the article and claims in Factline, whatever the base URL's trailing slash", () => {
    const report = buildReport(fixtureInput({ baseUrl: "https://factline.example/" }));
    expect(report.article.link).toBe("https://factline.example/articles/article-minsk");
    expect(report.claims[0]?.link).toBe("https://factline.example/articles/article-minsk/report#claim-claim-verified");
  });
});

describe("passageContext", () => {
  const words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma";

  it("cuts mid-text context at word boundaries with an ellipsis", () => {
    const text = `${words} TARGET ${words}`;
    const start = text.indexOf("TARGET");
    // 60 characters each way end in "zet|a" and "la|mbda": those partial words go.
    expect(passageContext(text, start, start + "TARGET".length)).toEqual({
      before: "…eta theta iota kappa lambda mu nu xi omicron pi rho sigma ",
      after: " alpha beta gamma delta epsilon zeta eta theta iota kappa…",
    });
  });

  it("keeps text without spaces, and never splits a character", () => {
    const text = `${"漢字".repeat(40)}X${"😀".repeat(40)}`;
    const start = text.indexOf("X");
    const { before, after } = passageContext(text, start, start + 1);
    expect(before).toMatch(/^…(漢字)+$/);
    expect(after).toMatch(/^(😀)+…$/u);
    expect(after.isWellFormed()).toBe(true);
  });
});

describe("reviews in the report", () => {
  it("gives each claim its review state and reviewer, and counts signed-off claims", () => {
    const report = buildReport(fixtureInput());
    const all = [...report.claims, ...report.unconfirmed, ...report.orphaned];
    expect(all.map((claim) => [claim.id, claim.review.label, claim.review.reviewer?.name ?? null])).toEqual([
      ["claim-verified", "Signed off", "Dmitri Ivanov"],
      ["claim-tricky", "Signed off", "Ana Novak"],
      ["claim-unverified", "No verdict yet", null],
      ["claim-orphan", "Returned", "Dmitri Ivanov"],
    ]);
    expect(report.summary).toMatchObject({ ratedClaims: 3, signedOffClaims: 2, awaitingReviewClaims: 0, returnedClaims: 1 });
    expect(describeReview(all[0]!.review)).toBe("Signed off by Dmitri Ivanov, 25 Feb 2022");
    expect(claimReviewOmission(report.summary)).toBe(
      "The ClaimReview export leaves out 1 rated claim not signed off by a second editor (1 returned to its author).",
    );
  });

  it("says nothing is left out when every rated claim is signed off", () => {
    const claims = fixtureInput().claims.filter((claim) => claim.id !== "claim-orphan");
    expect(claimReviewOmission(buildReport(fixtureInput({ claims })).summary)).toBeNull();
  });
});
