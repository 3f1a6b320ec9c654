import { describe, expect, it } from "vitest";
import { placeClaims } from "./placement";
import { claimOn } from "./testing";

const TEXT = [
  "The readout added that Minsk was chosen as the venue for the proposed talk.",
  "Leaders from NATO will hold virtual talks on the alliance’s next steps starting at 3 p.m. in Brussels.",
].join("\n");
const erin = { id: "u1", name: "Erin Editor" };
const sam = { id: "u2", name: "Sam Second" };

describe("placeClaims", () => {
  it("anchors claims in the current text and orphans one whose passage is gone", () => {
    const kept = claimOn(TEXT, "Minsk was chosen as the venue", { id: "a", author: erin });
    const gone = { ...claimOn(TEXT, "3 p.m. in Brussels", { id: "b", author: erin }) };
    const edited = TEXT.replace("Leaders from NATO will hold virtual talks on the alliance’s next steps starting at 3 p.m. in Brussels.", "");
    const [a, b] = placeClaims(edited, [kept, gone]);
    expect(a?.anchor).toMatchObject({ status: "anchored", start: edited.indexOf("Minsk") });
    expect(b?.anchor.status).toBe("orphaned");
  });

  it("flags two editors rating the same passage differently, on both claims", () => {
    const mine = claimOn(TEXT, "Minsk was chosen as the venue for the proposed talk.", { id: "a", author: erin, status: "VERIFIED" });
    const theirs = claimOn(TEXT, "Minsk was chosen as the venue for the proposed talk", { id: "b", author: sam, status: "MISLEADING" });
    const [a, b] = placeClaims(TEXT, [mine, theirs]);
    expect(a?.disagreements).toEqual([{ claimId: "b", author: sam, status: "MISLEADING" }]);
    expect(b?.disagreements).toEqual([{ claimId: "a", author: erin, status: "VERIFIED" }]);
  });

  it("sees no disagreement in the same verdict, an unrated claim, one editor's own claims, or a passage inside a longer one", () => {
    const sentence = "The readout added that Minsk was chosen as the venue for the proposed talk.";
    const cases = [
      [claimOn(TEXT, sentence, { id: "a", author: erin, status: "FALSE" }), claimOn(TEXT, sentence, { id: "b", author: sam, status: "FALSE" })],
      [claimOn(TEXT, sentence, { id: "a", author: erin, status: "FALSE" }), claimOn(TEXT, sentence, { id: "b", author: sam })],
      [claimOn(TEXT, sentence, { id: "a", author: erin, status: "FALSE" }), claimOn(TEXT, sentence, { id: "b", author: erin, status: "VERIFIED" })],
      [claimOn(TEXT, sentence, { id: "a", author: erin, status: "FALSE" }), claimOn(TEXT, "Minsk", { id: "b", author: sam, status: "VERIFIED" })],
    ];
    for (const claims of cases) {
      expect(placeClaims(TEXT, claims).flatMap((claim) => claim.disagreements)).toEqual([]);
    }
  });
});
