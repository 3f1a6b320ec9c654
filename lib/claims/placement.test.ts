import { describe, expect, it } from "vitest";
import { panelClaims, placeClaims } from "./placement";
import { claimOn, summaryOn } from "./testing";

const TEXT = [
  "The readout added that Minsk was chosen as the venue for the proposed talk.",
  "Leaders from NATO will hold virtual talks on the alliance’s next steps starting at 3 p.m. in Brussels.",
].join("\n");
const erin = { id: "u1", name: "Erin Editor" };
const sam = { id: "u2", name: "Sam Second" };

describe("placeClaims", () => {
  it("without the server's anchor, anchors claims in the current text and orphans one whose passage is gone", () => {
    const { anchor: _a, ...kept } = claimOn(TEXT, "Minsk was chosen as the venue", { id: "a", author: erin });
    const { anchor: _b, ...gone } = claimOn(TEXT, "3 p.m. in Brussels", { id: "b", author: erin });
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

describe("placing the page's summaries", () => {
  const people = { [erin.id]: erin.name, [sam.id]: sam.name };
  const sentence = "The readout added that Minsk was chosen as the venue for the proposed talk.";

  it("takes the passage from the text and the author's name from the list's people", () => {
    const [claim] = placeClaims(TEXT, panelClaims(TEXT, [summaryOn(TEXT, "Minsk was chosen", { id: "a", authorId: sam.id })], people));
    expect(claim).toMatchObject({
      id: "a",
      author: sam,
      quote: { exact: "Minsk was chosen" },
      anchor: { status: "anchored", start: TEXT.indexOf("Minsk"), end: TEXT.indexOf("Minsk") + "Minsk was chosen".length },
    });
  });

  it("finds the same disagreements as on full claims", () => {
    const summaries = [
      summaryOn(TEXT, sentence, { id: "a", authorId: erin.id, status: "VERIFIED" }),
      summaryOn(TEXT, sentence.slice(0, -1), { id: "b", authorId: sam.id, status: "MISLEADING" }),
    ];
    const [a, b] = placeClaims(TEXT, panelClaims(TEXT, summaries, people));
    expect(a?.disagreements).toEqual([{ claimId: "b", author: sam, status: "MISLEADING" }]);
    expect(b?.disagreements).toEqual([{ claimId: "a", author: erin, status: "VERIFIED" }]);
  });

  it("lists a claim whose anchor is outside the text as not placed, never guessing", () => {
    const summary = summaryOn(TEXT, sentence, { id: "a", authorId: erin.id });
    const outside = { ...summary, anchor: { ...summary.anchor, start: TEXT.length + 5, end: TEXT.length + 20 } };
    const [claim] = placeClaims(TEXT, panelClaims(TEXT, [outside], people));
    expect(claim?.anchor.status).toBe("orphaned");
  });

  it("draws what the server decided: a claim that needs confirmation where it was found, one not placed apart", () => {
    const start = TEXT.indexOf("Minsk");
    const base = summaryOn(TEXT, sentence, { id: "a", authorId: erin.id });
    const changed = { ...base, anchor: { state: "needs_confirmation" as const, revision: 2, start, end: start + 5, method: "fuzzy" as const, previous: "Minsk!" } };
    const gone = { ...base, id: "b", anchor: { state: "not_placed" as const, revision: 2, start: null, end: null, method: null, previous: "Old words" } };
    const [a, b] = placeClaims(TEXT, panelClaims(TEXT, [changed, gone], people));
    expect(a?.anchor).toMatchObject({ status: "anchored", state: "needs_confirmation", start, end: start + 5, previous: "Minsk!" });
    expect(a?.quote.exact).toBe("Minsk");
    expect(b?.anchor).toMatchObject({ status: "orphaned", state: "not_placed", previous: "Old words" });
    expect(b?.quote.exact).toBe("Old words");
  });
});
