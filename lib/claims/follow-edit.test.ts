import { describe, expect, it } from "vitest";
import { changedRanges, diffTexts } from "@/lib/articles/revision-diff";
import { offsetMapOf } from "./follow-edit";

const mapOf = (before: string, after: string) => offsetMapOf(changedRanges(diffTexts(before, after)));
const span = (text: string, passage: string) => {
  const start = text.indexOf(passage);
  return [start, start + passage.length] as const;
};

describe("offsetMapOf", () => {
  const before = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.";
  const after = "New first sentence. Alpha beta gamma. Delta EPSILON zeta. Eta theta iota.";
  const map = mapOf(before, after);

  it("carries an untouched passage to its new offsets, past an insertion before it", () => {
    const carried = map.carry(...span(before, "Eta theta iota."));
    expect(carried.kind).toBe("untouched");
    expect(after.slice(carried.start, carried.end)).toBe("Eta theta iota.");
    const first = map.carry(...span(before, "Alpha beta"));
    expect(after.slice(first.start, first.end)).toBe("Alpha beta");
  });

  it("gives a changed passage the new text that replaced it, and nothing more", () => {
    const carried = map.carry(...span(before, "Delta epsilon zeta."));
    expect(carried.kind).toBe("changed");
    expect(after.slice(carried.start, carried.end)).toBe("Delta EPSILON zeta.");
  });

  it("treats an insertion inside a passage as a change to it, and one at its edges as not", () => {
    const inside = mapOf("one two four", "one two three four");
    expect(inside.carry(0, "one two four".length)).toMatchObject({ kind: "changed", start: 0, end: "one two three four".length });
    const edge = mapOf("one two", "one two three");
    expect(edge.carry(0, 7)).toEqual({ kind: "untouched", start: 0, end: 7 });
  });

  it("carries everything unchanged when nothing changed, and lists what is new", () => {
    expect(mapOf(before, before).carry(5, 20)).toEqual({ kind: "untouched", start: 5, end: 20 });
    expect(map.added.map((range) => after.slice(range.start, range.end))).toEqual(["New first sentence. ", "EPSILON"]);
  });
});
