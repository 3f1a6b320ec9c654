import { describe, expect, it } from "vitest";
import { DEFAULT_FILTER, editorsOf, matchesFilter, reviewCounts, statusCounts } from "./filter";
import { summaryOn } from "./testing";

const TEXT = "One claim here. Another claim there. A third one.";
const erin = { id: "u1", name: "Erin Editor" };
const sam = { id: "u2", name: "Sam Second" };
const people = { [erin.id]: erin.name, [sam.id]: sam.name };
const claims = [
  summaryOn(TEXT, "One claim here.", { id: "a", authorId: erin.id, status: "VERIFIED" }),
  summaryOn(TEXT, "Another claim there.", { id: "b", authorId: sam.id, status: "VERIFIED" }),
  summaryOn(TEXT, "A third one.", { id: "c", authorId: sam.id }),
];

describe("claim filters", () => {
  it("keeps mine, one editor's, or everyone's, combined with a status", () => {
    const ids = (who: string, status: "all" | "VERIFIED" = "all") =>
      claims.filter((claim) => matchesFilter(claim, { who, status, review: "all" }, erin.id)).map((claim) => claim.id);
    expect(ids("mine")).toEqual(["a"]);
    expect(ids(sam.id)).toEqual(["b", "c"]);
    expect(ids("everyone", "VERIFIED")).toEqual(["a", "b"]);
    expect(ids(sam.id, "VERIFIED")).toEqual(["b"]);
  });

  it("counts statuses among the claims of the chosen editor", () => {
    expect(statusCounts(claims, { who: sam.id, status: "VERIFIED", review: "all" }, erin.id)).toMatchObject({ all: 2, VERIFIED: 1, UNVERIFIED: 1, FALSE: 0 });
    expect(statusCounts(claims, { who: "everyone", status: "all", review: "all" }, erin.id)).toMatchObject({ all: 3, VERIFIED: 2, UNVERIFIED: 1 });
  });

  it("keeps claims in one review state, and counts them among the editor and status chosen", () => {
    const reviewed = [
      { ...claims[0]!, review: { state: "signed_off" as const, by: sam, at: "2026-12-02T10:00:00.000Z", comment: null } },
      { ...claims[1]!, review: { state: "awaiting_review" as const, by: null, at: "2026-12-02T10:00:00.000Z", comment: null } },
      claims[2]!,
    ];
    const ids = (review: "all" | "awaiting_review" | "signed_off" | "returned", who = "everyone") =>
      reviewed.filter((claim) => matchesFilter(claim, { ...DEFAULT_FILTER, who, review }, erin.id)).map((claim) => claim.id);
    expect(ids("awaiting_review")).toEqual(["b"]);
    expect(ids("signed_off")).toEqual(["a"]);
    expect(ids("returned")).toEqual([]);
    expect(ids("signed_off", sam.id)).toEqual([]);
    expect(reviewCounts(reviewed, DEFAULT_FILTER, erin.id)).toEqual({ all: 3, awaiting_review: 1, signed_off: 1, returned: 0 });
    expect(reviewCounts(reviewed, { ...DEFAULT_FILTER, who: sam.id }, erin.id)).toEqual({
      all: 2,
      awaiting_review: 1,
      signed_off: 0,
      returned: 0,
    });
  });

  it("lists the other editors by name from the list's people, not the current one", () => {
    expect(editorsOf(claims, people, erin.id)).toEqual([sam]);
    const third = summaryOn(TEXT, "A third one.", { id: "d", authorId: "u3" });
    expect(editorsOf([...claims, third], { ...people, u3: "Ada Third" }, erin.id)).toEqual([{ id: "u3", name: "Ada Third" }, sam]);
  });
});
