import { describe, expect, it } from "vitest";
import { MARK_CLOSE, MARK_OPEN, MAX_SNIPPET_CHARS, snippetSegments, snippetText } from "./snippet";

const mark = (word: string) => `${MARK_OPEN}${word}${MARK_CLOSE}`;

describe("snippetSegments", () => {
  it("splits marked text into plain and matching segments", () => {
    expect(snippetSegments(`new ${mark("sanctions")} on ${mark("Minsk")}`)).toEqual([
      { text: "new ", match: false },
      { text: "sanctions", match: true },
      { text: " on ", match: false },
      { text: "Minsk", match: true },
    ]);
  });

  it("keeps HTML in the text as text (the page renders segments, never markup)", () => {
    const segments = snippetSegments(`<img src=x onerror=alert(1)> ${mark("<b>talks</b>")}`);
    expect(segments).toEqual([
      { text: "<img src=x onerror=alert(1)> ", match: false },
      { text: "<b>talks</b>", match: true },
    ]);
  });

  it("merges adjacent matches and collapses whitespace", () => {
    expect(snippetSegments(`${mark("Minsk")}${mark("talks")}\n\n  again`)).toEqual([
      { text: "Minsktalks", match: true },
      { text: " again", match: false },
    ]);
  });

  it("survives unbalanced marks and bounds the length", () => {
    expect(snippetText(snippetSegments(`${MARK_CLOSE}a${MARK_OPEN}b`))).toBe("ab");
    const long = snippetText(snippetSegments("x".repeat(5000)));
    expect(long.length).toBeLessThanOrEqual(MAX_SNIPPET_CHARS + 1);
    expect(long.endsWith("…")).toBe(true);
  });
});
