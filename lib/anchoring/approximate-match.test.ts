import { describe, expect, it } from "vitest";
import { editDistance, findApproximateEnds, prefixAlignmentDistance } from "./approximate-match";

/** The textbook dynamic programme the bit-parallel search must agree with, cell for cell. */
function referenceEnds(text: string, pattern: string, maxErrors: number, anchoredAtStart = false) {
  const m = pattern.length;
  let column = Array.from({ length: m + 1 }, (_, i) => i);
  const ends: { end: number; errors: number }[] = [];
  for (let j = 1; j <= text.length; j++) {
    const next = [anchoredAtStart ? j : 0];
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next.push(Math.min((column[i - 1] ?? 0) + cost, (column[i] ?? 0) + 1, (next[i - 1] ?? 0) + 1));
    }
    column = next;
    const errors = column[m] ?? 0;
    if (errors <= maxErrors) ends.push({ end: j, errors });
  }
  return ends;
}

/** Deterministic pseudo-random numbers so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomString(next: () => number, length: number, alphabet: string): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

describe("findApproximateEnds", () => {
  it("finds exact and approximate occurrences in prose", () => {
    const text = "Minsk was chosen as the venue for the proposed talk.";
    expect(findApproximateEnds(text, "venue", 0)).toEqual([{ end: 29, errors: 0 }]);
    expect(findApproximateEnds(text, "vanue", 1).map((m) => m.end)).toContain(29);
    expect(findApproximateEnds(text, "", 3)).toEqual([]);
  });

  it("agrees with the reference dynamic programme on random inputs (short and multi-word patterns)", () => {
    const next = random(42);
    for (let round = 0; round < 400; round++) {
      const alphabet = round % 3 === 0 ? "ab" : round % 3 === 1 ? "abcd" : "abcdefghij ";
      const patternLength = 1 + Math.floor(next() * (round % 4 === 0 ? 140 : 40));
      const pattern = randomString(next, patternLength, alphabet);
      // Plant an edited copy of the pattern in random text so that matches exist.
      const edited = pattern
        .split("")
        .map((c) => (next() < 0.1 ? randomString(next, 1, alphabet) : c))
        .join("");
      const text =
        randomString(next, Math.floor(next() * 80), alphabet) +
        edited +
        randomString(next, Math.floor(next() * 80), alphabet);
      const maxErrors = Math.floor(next() * (patternLength / 2 + 2));
      const anchored = round % 5 === 0;
      expect(findApproximateEnds(text, pattern, maxErrors, { anchoredAtStart: anchored })).toEqual(
        referenceEnds(text, pattern, maxErrors, anchored),
      );
    }
  });

  it("agrees with the reference at block boundaries (patterns of 31 to 65 code units)", () => {
    const next = random(7);
    for (const length of [31, 32, 33, 63, 64, 65]) {
      const pattern = randomString(next, length, "abc ");
      const text = randomString(next, 50, "abc ") + pattern.slice(3) + randomString(next, 50, "abc ");
      for (const maxErrors of [0, 3, 16, 31, 40, length]) {
        expect(findApproximateEnds(text, pattern, maxErrors)).toEqual(referenceEnds(text, pattern, maxErrors));
      }
    }
  });

  it("handles characters outside ASCII and the BMP (code units are compared)", () => {
    const text = "Zelensky’s proposal 👍 and Zelenskyy’s reply";
    const ends = findApproximateEnds(text, "Zelenskyy’s", 1);
    expect(ends).toEqual(referenceEnds(text, "Zelenskyy’s", 1));
    expect(ends.some((m) => m.errors === 0)).toBe(true);
  });
});

describe("prefixAlignmentDistance / editDistance", () => {
  it("aligns the start and leaves the end free", () => {
    expect(prefixAlignmentDistance("in Brussels", "in Brussels on Friday")).toBe(0);
    expect(prefixAlignmentDistance("in Brussels", "in Brussel")).toBe(1);
    expect(prefixAlignmentDistance("abc", "")).toBe(3);
    expect(prefixAlignmentDistance("", "abc")).toBe(0);
  });

  it("editDistance is Levenshtein", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("Kyiv", "Kyiv")).toBe(0);
  });
});
