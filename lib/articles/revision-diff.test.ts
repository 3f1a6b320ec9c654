import { describe, expect, it } from "vitest";
import { ARTICLE_TEXT } from "@/lib/anchoring/testing/sample-article";
import { changeCounts, changedRanges, diffTexts, touchedByChange, type TextChange } from "./revision-diff";

const join = (changes: TextChange[], keep: "before" | "after") =>
  changes.filter((change) => change.kind === "same" || change.kind === (keep === "before" ? "removed" : "added")).map((c) => c.text).join("");

describe("diffTexts", () => {
  it("marks a replaced word as a whole word removed and added", () => {
    const changes = diffTexts("The cat sat on the mat.", "The car sat on the mat.");
    expect(changes).toEqual([
      { kind: "same", text: "The " },
      { kind: "removed", text: "cat" },
      { kind: "added", text: "car" },
      { kind: "same", text: " sat on the mat." },
    ]);
  });

  it("reproduces both texts exactly from its runs", () => {
    const after = `A new first paragraph.\n${ARTICLE_TEXT.replace("talks with Ukraine", "negotiations with Ukraine")}`;
    const changes = diffTexts(ARTICLE_TEXT, after);
    expect(join(changes, "before")).toBe(ARTICLE_TEXT);
    expect(join(changes, "after")).toBe(after);
  });

  it("reports nothing changed for identical texts", () => {
    expect(diffTexts("Same text.", "Same text.")).toEqual([{ kind: "same", text: "Same text." }]);
    expect(changeCounts(diffTexts("Same text.", "Same text."))).toEqual({ added: 0, removed: 0 });
  });

  it("handles an emptied or a new text", () => {
    expect(diffTexts("", "Hello")).toEqual([{ kind: "added", text: "Hello" }]);
    expect(diffTexts("Hello", "")).toEqual([{ kind: "removed", text: "Hello" }]);
  });

  it("gives up word diffing on a complete rewrite, quickly, still exact", () => {
    const words = (seed: number) => Array.from({ length: 20_000 }, (_, i) => `w${(i * seed) % 9973}`).join(" ");
    const before = words(7);
    const after = words(13);
    const changes = diffTexts(before, after);
    expect(join(changes, "before")).toBe(before);
    expect(join(changes, "after")).toBe(after);
  });
});

describe("changeCounts and changedRanges", () => {
  const before = "One two three. Four five six.";
  const after = "Zero. One two three. Four five.";
  const changes = diffTexts(before, after);

  it("counts characters added and removed", () => {
    expect(changeCounts(changes)).toEqual({ added: "Zero. ".length, removed: " six".length });
  });

  it("finds which old passages a change touched", () => {
    const ranges = changedRanges(changes);
    expect(touchedByChange(ranges, before.indexOf("Four"), before.length)).toBe(true);
    expect(touchedByChange(ranges, before.indexOf("two"), before.indexOf("two") + 3)).toBe(false);
  });
});
