import { describe, expect, it } from "vitest";
import { editorsOf, matchesFilter, statusCounts } from "./filter";
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
      claims.filter((claim) => matchesFilter(claim, { who, status }, erin.id)).map((claim) => claim.id);
    expect(ids("mine")).toEqual(["a"]);
    expect(ids(sam.id)).toEqual(["b", "c"]);
    expect(ids("everyone", "VERIFIED")).toEqual(["a", "b"]);
    expect(ids(sam.id, "VERIFIED")).toEqual(["b"]);
  });

  it("counts statuses among the claims of the chosen editor", () => {
    expect(statusCounts(claims, { who: sam.id, status: "VERIFIED" }, erin.id)).toMatchObject({ all: 2, VERIFIED: 1, UNVERIFIED: 1, FALSE: 0 });
    expect(statusCounts(claims, { who: "everyone", status: "all" }, erin.id)).toMatchObject({ all: 3, VERIFIED: 2, UNVERIFIED: 1 });
  });

  it("lists the other editors by name from the list's people, not the current one", () => {
    expect(editorsOf(claims, people, erin.id)).toEqual([sam]);
    const third = summaryOn(TEXT, "A third one.", { id: "d", authorId: "u3" });
    expect(editorsOf([...claims, third], { ...people, u3: "Ada Third" }, erin.id)).toEqual([{ id: "u3", name: "Ada Third" }, sam]);
  });
});
