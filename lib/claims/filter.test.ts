import { describe, expect, it } from "vitest";
import { editorsOf, matchesFilter, statusCounts } from "./filter";
import { claimOn } from "./testing";

const TEXT = "One claim here. Another claim there. A third one.";
const erin = { id: "u1", name: "Erin Editor" };
const sam = { id: "u2", name: "Sam Second" };
const claims = [
  claimOn(TEXT, "One claim here.", { id: "a", author: erin, status: "VERIFIED" }),
  claimOn(TEXT, "Another claim there.", { id: "b", author: sam, status: "VERIFIED" }),
  claimOn(TEXT, "A third one.", { id: "c", author: sam }),
];

describe("claim filters", () => {
  it("keeps mine, one editor's, or everyone's, combined with a status", () => {
    const ids = (who: string, status: "all" | "VERIFIED" = "all") =>
      claims.filter((claim) => matchesFilter(claim, { who, status }, erin.id)).map((claim) => claim.id);
    expect(ids("mine")).toEqual(["a"]);
    expect(ids(sam.id)).toEqual(["b", "c"]);
    expect(ids("everyone", "VERIFIED")).toEqual(["a", "b"]);
    expect(ids(sam.id, "VERIFIED")).toEqual(["b"]);
  });

  it("counts statuses among the claims of the chosen editor", () => {
    expect(statusCounts(claims, { who: sam.id, status: "VERIFIED" }, erin.id)).toMatchObject({ all: 2, VERIFIED: 1, UNVERIFIED: 1, FALSE: 0 });
  });

  it("lists the other editors by name, not the current one", () => {
    expect(editorsOf(claims, erin.id)).toEqual([sam]);
  });
});
