import { describe, expect, it } from "vitest";
import { slicesOf } from "./slices";

const join = (text: string, slices: Array<{ start: number; end: number }>) =>
  slices.map((slice) => text.slice(slice.start, slice.end)).join("");

describe("slicesOf", () => {
  it("keeps a short text whole, the empty text included", () => {
    expect(slicesOf("One line.\nTwo.", 100)).toEqual([{ start: 0, end: 14 }]);
    expect(slicesOf("", 100)).toEqual([{ start: 0, end: 0 }]);
  });

  it("cuts after line breaks, never inside a line, and covers the text exactly", () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} says something.`).join("\n");
    const slices = slicesOf(text, 200);
    expect(slices.length).toBeGreaterThan(5);
    expect(join(text, slices)).toBe(text);
    for (const slice of slices.slice(0, -1)) expect(text[slice.end - 1]).toBe("\n");
    for (const slice of slices) expect(slice.end - slice.start).toBeLessThanOrEqual(200);
  });

  it("keeps a paragraph longer than the size whole", () => {
    const text = `Short.\n${"x".repeat(500)}\nEnd.`;
    const slices = slicesOf(text, 100);
    expect(join(text, slices)).toBe(text);
    expect(slices.some((slice) => text.slice(slice.start, slice.end) === `${"x".repeat(500)}\n`)).toBe(true);
    expect(slicesOf("y".repeat(1000), 100)).toEqual([{ start: 0, end: 1000 }]);
  });
});
