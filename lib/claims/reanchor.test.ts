import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { ARTICLE_PARAGRAPHS, ARTICLE_TEXT } from "@/lib/anchoring/testing/sample-article";
import { planPlacement, planReanchor, reanchorClaims } from "./reanchor";

/** A claim on the first occurrence of `sentence` in the sample article. */
function claimOn(id: string, sentence: string) {
  const start = ARTICLE_TEXT.indexOf(sentence);
  if (start < 0) throw new Error(`not in the sample: ${sentence}`);
  return { id, selectors: describeRange(ARTICLE_TEXT, start, start + sentence.length) };
}

const MOVED = "Earlier, China’s leader, Xi Jinping, had told Putin that Moscow should negotiate with the government in Kyiv.";
const EDITED = "The readout added that Minsk was chosen as the venue for the proposed talk.";
const DELETED =
  "Leaders from the North Atlantic Treaty Organization, NATO, will hold virtual talks on the alliance’s next steps starting at 3 p.m. in Brussels.";
const UNTOUCHED = "President Zelenskiy said that Ukraine’s military had so far prevented Russia from achieving its objectives.";

/** The revision an editor saves: a paragraph on top, a word corrected, a sentence cut. */
const REVISED = [
  "Editor’s note: this article was updated on Saturday with the venue of the talks.",
  ...ARTICLE_PARAGRAPHS.filter((paragraph) => paragraph !== DELETED).map((paragraph) =>
    paragraph === EDITED ? "The readout added that Minsk was chosen as the venue for the proposed talks." : paragraph,
  ),
].join("\n");

describe("reanchorClaims", () => {
  const claims = [claimOn("moved", MOVED), claimOn("edited", EDITED), claimOn("deleted", DELETED), claimOn("same", UNTOUCHED)];
  const anchors = reanchorClaims(REVISED, 2, claims);

  it("places a claim whose sentence moved, at its new offsets", () => {
    const anchor = anchors.get("moved");
    expect(anchor).toMatchObject({ state: "placed", revision: 2, method: "exact" });
    expect(REVISED.slice(anchor?.start ?? 0, anchor?.end ?? 0)).toBe(MOVED);
  });

  it("asks for confirmation when the text changed inside the claim, pointing at the new passage", () => {
    const anchor = anchors.get("edited");
    expect(anchor).toMatchObject({ state: "needs_confirmation", method: "fuzzy" });
    expect(REVISED.slice(anchor?.start ?? 0, anchor?.end ?? 0)).toContain("proposed talk");
    expect(anchor?.score).toBeLessThan(1);
  });

  it("does not place a claim whose sentence was deleted, and says why", () => {
    expect(anchors.get("deleted")).toMatchObject({ state: "not_placed", start: null, end: null, method: null });
    expect(anchors.get("deleted")?.reason).toBeTruthy();
  });

  it("places an untouched claim after the paragraph added above it", () => {
    const anchor = anchors.get("same");
    expect(anchor?.state).toBe("placed");
    expect(REVISED.slice(anchor?.start ?? 0, anchor?.end ?? 0)).toBe(UNTOUCHED);
  });

  it("never lets a lookalike sentence capture a deleted claim", () => {
    // The 3 p.m. sentence is cut and a lookalike (another time, another city) is added elsewhere.
    const lookalike = DELETED.replace("3 p.m. in Brussels", "5 p.m. in Madrid");
    const text = [lookalike, ...ARTICLE_PARAGRAPHS.filter((paragraph) => paragraph !== DELETED)].join("\n");
    const result = reanchorClaims(text, 3, [claimOn("deleted", DELETED)]);
    expect(result.get("deleted")?.state).toBe("not_placed");
  });

  it("reports every claim exactly once", () => {
    expect([...anchors.keys()].sort()).toEqual(["deleted", "edited", "moved", "same"]);
  });
});

describe("planReanchor", () => {
  const stored = (sentence: string) => {
    const { position, quote } = claimOn("x", sentence).selectors;
    return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
  };
  const updates = planReanchor(REVISED, 2, [
    { id: "moved", state: "placed", quote: stored(MOVED) },
    { id: "edited", state: "placed", quote: stored(EDITED) },
    { id: "deleted", state: "placed", quote: stored(DELETED) },
  ]);
  const update = (id: string) => updates.find((entry) => entry.id === id);

  it("gives a moved claim its new passage and context, and records the move in revision 2", () => {
    expect(update("moved")?.event).toEqual({ kind: "moved", fromValue: null, toValue: "2" });
    expect(update("moved")?.quote?.exact).toBe(MOVED);
    expect(update("moved")?.quote?.start).toBe(REVISED.indexOf(MOVED));
  });

  it("keeps the last certain passage of a claim that needs confirmation or could not be placed", () => {
    expect(update("edited")?.quote).toBeUndefined();
    expect(update("edited")?.event?.kind).toBe("text_changed");
    expect(update("deleted")?.quote).toBeUndefined();
    expect(update("deleted")?.event?.kind).toBe("not_placed");
  });

  it("records nothing for a claim that stayed where it was, nor again for one still not placed", () => {
    const again = planReanchor(`${ARTICLE_TEXT} An added last sentence.`, 3, [
      { id: "same", state: "placed", quote: stored(UNTOUCHED) },
      { id: "gone", state: "not_placed", quote: { ...stored(DELETED), exact: "A sentence no revision has." } },
    ]);
    expect(again.map((entry) => entry.event)).toEqual([null, null]);
    expect(again[0]?.anchor.method).toBe("position");
  });
});

describe("planPlacement", () => {
  const start = REVISED.indexOf("Minsk was chosen");
  const end = start + "Minsk was chosen".length;

  it("re-attaches a claim to the passage a person chose, quoting it with its context", () => {
    const plan = planPlacement(REVISED, 2, { state: "not_placed", start: null, end: null }, { kind: "reattach", start, end });
    expect(plan.anchor).toMatchObject({ state: "placed", start, end, method: "reattached", score: 1 });
    expect(plan.quote.exact).toBe("Minsk was chosen");
    expect(plan.quote.prefix.endsWith("The readout added that ")).toBe(true);
    expect(plan.event).toEqual({ kind: "reattached", fromValue: null, toValue: "2" });
  });

  it("confirms the engine's approximate match", () => {
    const plan = planPlacement(REVISED, 2, { state: "needs_confirmation", start, end }, { kind: "confirm" });
    expect(plan.anchor).toMatchObject({ state: "placed", method: "confirmed", start, end });
  });

  it("refuses to confirm a claim that is not waiting for it, and a passage outside the text", () => {
    expect(() => planPlacement(REVISED, 2, { state: "placed", start, end }, { kind: "confirm" })).toThrow(/no longer asks/);
    expect(() =>
      planPlacement(REVISED, 2, { state: "not_placed", start: null, end: null }, { kind: "reattach", start: 5, end: 5 }),
    ).toThrow(/Select the passage/);
    const space = REVISED.indexOf(" ");
    expect(() =>
      planPlacement(REVISED, 2, { state: "not_placed", start: null, end: null }, { kind: "reattach", start: space, end: space + 1 }),
    ).toThrow(/not only spaces/);
  });
});
