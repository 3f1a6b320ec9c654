import { describe, expect, it } from "vitest";
import { normalizeForComparison, normalizeText } from "./normalize";
import { CONTEXT_LENGTH, describeRange, validateSelectors } from "./selectors";
import { ARTICLE_TEXT, paragraph, rangeOf } from "./testing/sample-article";

describe("describeRange", () => {
  it("describes a passage with its position, the exact text and 32 characters of context", () => {
    const passage = "Minsk was chosen as the venue";
    const { start, end } = rangeOf(ARTICLE_TEXT, passage);
    const { position, quote } = describeRange(ARTICLE_TEXT, start, end);
    expect(position).toEqual({ type: "TextPositionSelector", start, end });
    expect(quote.type).toBe("TextQuoteSelector");
    expect(quote.exact).toBe(passage);
    expect(quote.prefix).toBe(ARTICLE_TEXT.slice(start - CONTEXT_LENGTH, start));
    expect(quote.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(quote.suffix).toBe(ARTICLE_TEXT.slice(end, end + CONTEXT_LENGTH));
    expect(quote.prefix.endsWith("The readout added that ")).toBe(true);
  });

  it("shortens the context at the edges of the text", () => {
    const first = describeRange(ARTICLE_TEXT, 0, "Russian President".length);
    expect(first.quote.prefix).toBe("");
    expect(first.quote.suffix).toHaveLength(CONTEXT_LENGTH);
    const last = paragraph(14);
    const whole = describeRange(ARTICLE_TEXT, ARTICLE_TEXT.length - last.length, ARTICLE_TEXT.length);
    expect(whole.quote.exact).toBe(last);
    expect(whole.quote.suffix).toBe("");
    expect(describeRange("Kyiv", 0, 4).quote).toEqual({
      type: "TextQuoteSelector",
      exact: "Kyiv",
      prefix: "",
      suffix: "",
    });
  });

  it("throws RangeError for empty, reversed, out-of-bounds and non-integer ranges", () => {
    const text = "Kyiv";
    expect(() => describeRange(text, 2, 2)).toThrow(RangeError);
    expect(() => describeRange(text, 3, 1)).toThrow(RangeError);
    expect(() => describeRange(text, -1, 2)).toThrow(RangeError);
    expect(() => describeRange(text, 0, 5)).toThrow(RangeError);
    expect(() => describeRange(text, 0.5, 2)).toThrow(RangeError);
    expect(() => describeRange(text, 0, Number.NaN)).toThrow(RangeError);
    expect(() => describeRange("", 0, 0)).toThrow(RangeError);
  });

  it("widens a range that would split a surrogate pair to the whole emoji", () => {
    const text = "Crowds 🇺🇦 gathered 👍 outside.";
    const thumb = text.indexOf("👍");
    // Ends in the middle of 👍 (after its high surrogate): widened to include all of it.
    const { position, quote } = describeRange(text, text.indexOf("gathered"), thumb + 1);
    expect(quote.exact).toBe("gathered 👍");
    expect(position.end).toBe(thumb + 2);
    // Starts in the middle of 👍: widened back to its start.
    expect(describeRange(text, thumb + 1, thumb + 2).quote.exact).toBe("👍");
    expect(describeRange(text, thumb + 1, thumb + 2).position).toEqual({
      type: "TextPositionSelector",
      start: thumb,
      end: thumb + 2,
    });
  });

  it("keeps combining marks with their letter", () => {
    const text = "Le pre\u0301sident a appele\u0301 Poutine.";
    const e = text.indexOf("e\u0301");
    // Ending between "e" and its accent would leave the accent on the next character.
    expect(describeRange(text, 3, e + 1).quote.exact).toBe("pre\u0301");
    // Starting on the accent includes its letter.
    expect(describeRange(text, e + 1, e + 6).quote.exact).toBe("e\u0301side");
    const stacked = "Zalgo: a\u0301\u0323\u0302 b";
    expect(describeRange(stacked, 7, 8).quote.exact).toBe("a\u0301\u0323\u0302");
  });

  it("never starts the context in the middle of a character", () => {
    // 32 code units before "Minsk" is the middle of an emoji, as is 32 after its end.
    const text = "👍".repeat(20) + "xMinsk" + "👍".repeat(20);
    const start = text.indexOf("Minsk");
    const { quote } = describeRange(text, start, start + 5);
    expect(quote.prefix.isWellFormed()).toBe(true);
    expect(quote.suffix.isWellFormed()).toBe(true);
    expect(quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(quote.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(quote.prefix).toBe("👍".repeat(15) + "x");
    expect(quote.suffix).toBe("👍".repeat(16));
  });
});

describe("validateSelectors", () => {
  const passage = "closing in on Kyiv";
  const { start, end } = rangeOf(ARTICLE_TEXT, passage);
  const valid = describeRange(ARTICLE_TEXT, start, end);

  it("accepts selectors made by describeRange on the same text", () => {
    expect(validateSelectors(ARTICLE_TEXT, valid.position, valid.quote)).toBeNull();
  });

  it("accepts any prefix and suffix (they are hints for re-anchoring)", () => {
    expect(validateSelectors(ARTICLE_TEXT, valid.position, { ...valid.quote, prefix: "", suffix: "xyz" })).toBeNull();
  });

  it("rejects a quote that is not the text at the position, quoting both", () => {
    const message = validateSelectors(ARTICLE_TEXT, { ...valid.position, start: start + 1 }, valid.quote);
    expect(message).toMatch(/does not match/);
    expect(message).toContain(JSON.stringify(passage.slice(1)));
    expect(message).toMatch(/reload/);
    expect(
      validateSelectors(ARTICLE_TEXT, valid.position, { ...valid.quote, exact: passage.normalize("NFD") + " " }),
    ).toMatch(/does not match/);
  });

  it("rejects positions outside the text, empty and non-integer ranges", () => {
    const q = valid.quote;
    expect(validateSelectors(ARTICLE_TEXT, { type: "TextPositionSelector", start: 5, end: 5 }, q)).toMatch(/empty/);
    expect(validateSelectors(ARTICLE_TEXT, { type: "TextPositionSelector", start: 9, end: 4 }, q)).toMatch(/empty/);
    expect(validateSelectors(ARTICLE_TEXT, { type: "TextPositionSelector", start: -1, end: 4 }, q)).toMatch(/outside/);
    expect(
      validateSelectors(ARTICLE_TEXT, { type: "TextPositionSelector", start: 0, end: ARTICLE_TEXT.length + 1 }, q),
    ).toMatch(new RegExp(`${ARTICLE_TEXT.length} characters`));
    expect(validateSelectors(ARTICLE_TEXT, { type: "TextPositionSelector", start: 1.5, end: 4 }, q)).toMatch(
      /whole numbers/,
    );
    expect(validateSelectors("", { type: "TextPositionSelector", start: 0, end: 1 }, q)).toMatch(/outside/);
  });

  it("rejects malformed selector objects from untyped request bodies", () => {
    const untyped = (value: unknown) => value as never;
    expect(validateSelectors(ARTICLE_TEXT, untyped({ start, end }), valid.quote)).toMatch(/TextPositionSelector/);
    expect(validateSelectors(ARTICLE_TEXT, valid.position, untyped({ ...valid.quote, type: "Other" }))).toMatch(
      /TextQuoteSelector/,
    );
    expect(
      validateSelectors(ARTICLE_TEXT, valid.position, untyped({ type: "TextQuoteSelector", exact: passage })),
    ).toMatch(/prefix and suffix/);
    expect(validateSelectors(ARTICLE_TEXT, untyped(null), valid.quote)).toMatch(/TextPositionSelector/);
  });

  it("shortens long quotes in its message", () => {
    const long = describeRange(ARTICLE_TEXT, 0, 200);
    const message = validateSelectors(ARTICLE_TEXT, long.position, {
      ...long.quote,
      exact: long.quote.exact.toUpperCase(),
    });
    expect(message).toContain("…");
    expect((message ?? "").length).toBeLessThan(400);
  });
});

describe("normalisation for comparison", () => {
  it("compares composed and decomposed text alike and maps back to real offsets", () => {
    const decomposed = "Cafe\u0301 Kyi\u0308v 👍🏽 — na\u0131\u0308ve";
    const normalized = normalizeText(decomposed);
    expect(normalized.normalized).toBe(decomposed.normalize("NFC"));
    const at = normalized.normalized.indexOf("Kyïv");
    expect(decomposed.slice(normalized.toOriginalStart(at), normalized.toOriginalEnd(at + 4))).toBe("Kyi\u0308v");
    expect(normalized.toOriginalEnd(normalized.normalized.length)).toBe(decomposed.length);
    expect(normalized.toOriginalStart(normalized.normalized.length)).toBe(decomposed.length);
    expect(normalizeForComparison("Kyi\u0308v")).toBe("Kyïv");
  });

  it("leaves NFC text without marks as it is", () => {
    const normalized = normalizeText(ARTICLE_TEXT);
    expect(normalized.normalized).toBe(ARTICLE_TEXT);
    expect(normalized.toOriginalStart(10)).toBe(10);
    expect(normalized.toOriginalEnd(10)).toBe(10);
  });

  it("normalises Hangul jamo with the syllable they compose with", () => {
    const decomposed = "서울 회담".normalize("NFD");
    const normalized = normalizeText(decomposed);
    expect(normalized.normalized).toBe("서울 회담");
    const at = normalized.normalized.indexOf("회담");
    expect(decomposed.slice(normalized.toOriginalStart(at), normalized.toOriginalEnd(at + 2))).toBe(
      "회담".normalize("NFD"),
    );
  });
});
