import { describe, expect, it } from "vitest";
import { Problem } from "@/lib/errors";
import { planUpdate, type ClaimForWrite } from "./changes";
import { describeEvent } from "./history";
import {
  canReview,
  initialReviewState,
  planReview,
  reviewAfterChange,
  reviewLine,
  supersededReviewEvents,
  type ClaimForReview,
} from "./review";
import { reviewClaimSchema } from "./schemas";

const AUTHOR = "user-erin";
const REVIEWER = "user-sam";

const awaiting: ClaimForReview = { authorId: AUTHOR, version: 4, status: "VERIFIED", reviewState: "awaiting_review" };

function problemOf(run: () => unknown): Problem {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error("expected a Problem");
}

describe("a claim's review state after its author's change", () => {
  it("starts awaiting review when the claim is created with a verdict, and none while Unverified", () => {
    expect(initialReviewState("VERIFIED")).toBe("awaiting_review");
    expect(initialReviewState("UNPROVEN")).toBe("awaiting_review");
    expect(initialReviewState("UNVERIFIED")).toBe("none");
  });

  it("awaits review once the author sets any status but Unverified", () => {
    expect(reviewAfterChange("none", "FALSE", true)).toEqual({ state: "awaiting_review", superseded: false });
  });

  it("reopens a signed-off or returned claim, superseding that review", () => {
    expect(reviewAfterChange("signed_off", "VERIFIED", true)).toEqual({ state: "awaiting_review", superseded: true });
    expect(reviewAfterChange("returned", "MISLEADING", true)).toEqual({ state: "awaiting_review", superseded: true });
  });

  it("has nothing to review once set back to Unverified", () => {
    expect(reviewAfterChange("signed_off", "UNVERIFIED", true)).toEqual({ state: "none", superseded: true });
    expect(reviewAfterChange("awaiting_review", "UNVERIFIED", true)).toEqual({ state: "none", superseded: false });
  });

  it("leaves the review alone when nothing changed, or it already awaits review", () => {
    expect(reviewAfterChange("signed_off", "VERIFIED", false)).toBeNull();
    expect(reviewAfterChange("awaiting_review", "VERIFIED", true)).toBeNull();
    expect(reviewAfterChange("none", "UNVERIFIED", true)).toBeNull();
  });
});

describe("planUpdate and the review", () => {
  const signedOff: ClaimForWrite = {
    authorId: AUTHOR,
    version: 5,
    status: "VERIFIED",
    note: "n",
    sources: [{ id: "s1", title: "Audit" }],
    reviewState: "signed_off",
  };

  it("a new source on a signed-off claim sends it back to review and records the superseded sign-off", () => {
    const plan = planUpdate(
      signedOff,
      { version: 5, addSources: [{ url: "https://example.org/b", title: "Second audit", publisher: undefined, excerpt: undefined }] },
      AUTHOR,
    );
    expect(plan.review).toEqual({ state: "awaiting_review", superseded: true });
    expect(plan.events.map((event) => event.kind)).toEqual(["source_added", "review_superseded"]);
    expect(plan.events[1]).toEqual({ kind: "review_superseded", fromValue: "signed_off", toValue: "awaiting_review" });
  });

  it("a change of the note reopens the review; sending the same values does not", () => {
    expect(planUpdate(signedOff, { version: 5, note: "edited" }, AUTHOR).review?.state).toBe("awaiting_review");
    expect(planUpdate(signedOff, { version: 5, note: "n", status: "VERIFIED" }, AUTHOR).review).toBeNull();
  });
});

describe("planReview", () => {
  it("lets another editor approve a claim awaiting review", () => {
    expect(planReview(awaiting, { version: 4, decision: "approve" }, REVIEWER)).toEqual({
      expectedVersion: 4,
      version: 5,
      decision: "approve",
      state: "signed_off",
      comment: null,
      event: { kind: "approved", fromValue: null, toValue: null },
    });
  });

  it("returns with the reviewer's comment", () => {
    const plan = planReview(awaiting, { version: 4, decision: "return", comment: " Cite the audit. " }, REVIEWER);
    expect(plan.state).toBe("returned");
    expect(plan.comment).toBe("Cite the audit.");
    expect(plan.event).toEqual({ kind: "returned", fromValue: null, toValue: "Cite the audit." });
  });

  it("refuses the author's own review with 403, whatever the decision", () => {
    expect(problemOf(() => planReview(awaiting, { version: 4, decision: "approve" }, AUTHOR)).kind).toBe("forbidden");
    expect(
      problemOf(() => planReview(awaiting, { version: 4, decision: "return", comment: "x" }, AUTHOR)).kind,
    ).toBe("forbidden");
  });

  it("is 404 for a deleted claim, 409 for a stale version", () => {
    expect(problemOf(() => planReview(null, { version: 1, decision: "approve" }, REVIEWER)).kind).toBe("not_found");
    const stale = problemOf(() => planReview(awaiting, { version: 3, decision: "approve" }, REVIEWER));
    expect(stale.kind).toBe("conflict");
    expect(stale.message).toMatch(/reload/i);
  });

  it("refuses to approve an Unverified claim with 422", () => {
    const unverified = { ...awaiting, status: "UNVERIFIED" as const, reviewState: "none" as const };
    const problem = problemOf(() => planReview(unverified, { version: 4, decision: "approve" }, REVIEWER));
    expect(problem.kind).toBe("invalid");
    expect(problem.message).toMatch(/Unverified/);
  });

  it("refuses a return without a comment with 422", () => {
    expect(problemOf(() => planReview(awaiting, { version: 4, decision: "return", comment: "  " }, REVIEWER)).kind).toBe(
      "invalid",
    );
  });

  it("refuses to review a claim that no longer awaits review with 409", () => {
    for (const reviewState of ["signed_off", "returned"] as const) {
      expect(problemOf(() => planReview({ ...awaiting, reviewState }, { version: 4, decision: "approve" }, REVIEWER)).kind).toBe(
        "conflict",
      );
    }
  });

  it("offers Approve and Return to other editors only, while the claim awaits review", () => {
    expect(canReview({ authorId: AUTHOR, reviewState: "awaiting_review" }, REVIEWER)).toBe(true);
    expect(canReview({ authorId: AUTHOR, reviewState: "awaiting_review" }, AUTHOR)).toBe(false);
    expect(canReview({ authorId: AUTHOR, reviewState: "signed_off" }, REVIEWER)).toBe(false);
    expect(canReview({ authorId: AUTHOR, reviewState: "none" }, REVIEWER)).toBe(false);
  });
});

describe("reviewClaimSchema", () => {
  it("requires a comment of 1 to 2,000 characters to return a claim", () => {
    expect(reviewClaimSchema.safeParse({ version: 1, decision: "return" }).success).toBe(false);
    expect(reviewClaimSchema.safeParse({ version: 1, decision: "return", comment: "   " }).success).toBe(false);
    expect(reviewClaimSchema.safeParse({ version: 1, decision: "return", comment: "x".repeat(2001) }).success).toBe(false);
    expect(reviewClaimSchema.safeParse({ version: 1, decision: "return", comment: "x".repeat(2000) }).success).toBe(true);
    expect(reviewClaimSchema.safeParse({ version: 1, decision: "approve" }).success).toBe(true);
  });

  it("refuses unknown decisions and fields with a message naming them", () => {
    const decision = reviewClaimSchema.safeParse({ version: 1, decision: "reject" });
    expect(decision.error?.issues[0]?.message).toBe('decision is "approve" or "return".');
    const extra = reviewClaimSchema.safeParse({ version: 1, decision: "approve", state: "signed_off" });
    expect(extra.error?.issues[0]?.message).toMatch(/"state"/);
  });
});

describe("review history", () => {
  it("describes approvals, returns and superseded reviews", () => {
    expect(describeEvent({ kind: "approved", from: null, to: null })).toBe("signed off on this claim");
    expect(describeEvent({ kind: "returned", from: null, to: "Cite the audit." })).toBe(
      "returned this claim: “Cite the audit.”",
    );
    expect(describeEvent({ kind: "review_superseded", from: "signed_off", to: "awaiting_review" })).toBe(
      "changed the claim after it was signed off: that review is superseded",
    );
  });

  it("marks the reviews a later change superseded, not the current one", () => {
    const events = [
      { id: "1", kind: "status" },
      { id: "2", kind: "returned" },
      { id: "3", kind: "note" },
      { id: "4", kind: "review_superseded" },
      { id: "5", kind: "approved" },
    ];
    expect([...supersededReviewEvents(events)]).toEqual(["2"]);
  });

  it("says the card's review line, for the author too", () => {
    const date = (iso: string) => iso.slice(0, 10);
    const sam = { id: REVIEWER, name: "Sam Second" };
    expect(reviewLine({ state: "none", by: null, at: null, comment: null }, date)).toBeNull();
    expect(reviewLine({ state: "awaiting_review", by: null, at: "2026-12-02T10:00:00Z", comment: null }, date)).toBe(
      "Awaiting review",
    );
    expect(reviewLine({ state: "signed_off", by: sam, at: "2026-12-02T10:00:00Z", comment: null }, date)).toBe(
      "Signed off by Sam Second, 2026-12-02",
    );
    expect(reviewLine({ state: "returned", by: sam, at: "2026-12-02T10:00:00Z", comment: "Cite it." }, date)).toBe(
      "Returned by Sam Second: Cite it.",
    );
  });
});
