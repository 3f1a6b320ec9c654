import { describe, expect, it } from "vitest";
import { suggestionTextKey } from "./keys";
import { overlaps, visibleSuggestions, type StoredSuggestion } from "./visible";

const s = (id: string, start: number, end: number, score: number, textKey = id): StoredSuggestion => ({
  id,
  start,
  end,
  score,
  strength: score >= 0.8 ? "strong" : "likely",
  textKey,
});

describe("visibleSuggestions", () => {
  const all = [s("a", 0, 10, 0.6), s("b", 11, 20, 0.9), s("c", 21, 30, 0.7)];

  it("ranks by score, highest first", () => {
    expect(visibleSuggestions(all, [], new Set()).map((x) => x.id)).toEqual(["b", "c", "a"]);
  });

  it("leaves out sentences that overlap a claim, even by one character", () => {
    expect(visibleSuggestions(all, [{ start: 19, end: 22 }], new Set()).map((x) => x.id)).toEqual(["a"]);
    // Touching is not overlapping: a claim ending where a sentence starts leaves it suggested.
    expect(visibleSuggestions(all, [{ start: 5, end: 11 }], new Set()).map((x) => x.id)).toEqual(["b", "c"]);
  });

  it("leaves out dismissed sentences by their text key", () => {
    expect(visibleSuggestions(all, [], new Set(["c"])).map((x) => x.id)).toEqual(["b", "a"]);
  });

  it("ignores empty claim ranges", () => {
    expect(overlaps({ start: 3, end: 3 }, { start: 0, end: 10 })).toBe(false);
  });
});

describe("suggestionTextKey", () => {
  it("is the same for the same sentence re-wrapped, different for changed words", () => {
    const key = suggestionTextKey("Turnout reached 61 percent.");
    expect(suggestionTextKey("  Turnout reached\n61   percent. ")).toBe(key);
    expect(suggestionTextKey("Turnout reached 64 percent.")).not.toBe(key);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("stays short for a 100,000-character sentence", () => {
    expect(suggestionTextKey("x".repeat(100_000))).toHaveLength(32);
  });
});
