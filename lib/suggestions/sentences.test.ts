import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

/** The seeded sample article (the one an editor sees first), one sentence per line. */
const SAMPLE = fs.readFileSync(path.join(process.cwd(), "prisma", "seed-data", "sample-article.txt"), "utf8");
const SAMPLE_SENTENCES = SAMPLE.split("\n").filter((line) => line.trim() !== "");

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe("splitSentences", () => {
  it("splits the sample article into its 15 sentences, as stored (one paragraph each)", () => {
    expect(SAMPLE_SENTENCES).toHaveLength(15);
    expect(texts(SAMPLE)).toEqual(SAMPLE_SENTENCES);
  });

  it("splits the sample article into the same 15 sentences when it is one paragraph", () => {
    expect(texts(SAMPLE_SENTENCES.join(" "))).toEqual(SAMPLE_SENTENCES);
  });

  it("gives offsets into the input: text is the trimmed slice", () => {
    const input = "  First one.   Second one!\n\n  Third?  ";
    const spans = splitSentences(input);
    expect(spans.map((span) => span.text)).toEqual(["First one.", "Second one!", "Third?"]);
    for (const span of spans) expect(input.slice(span.start, span.end)).toBe(span.text);
  });

  it("keeps U.S. and U.K. inside a sentence and ends one after them before a sentence starter", () => {
    expect(texts("The U.S. and the U.K. signed it. Then the U.S. President spoke.")).toEqual([
      "The U.S. and the U.K. signed it.",
      "Then the U.S. President spoke.",
    ]);
    expect(texts("Sanctions came from the U.S. The Kremlin said nothing.")).toEqual([
      "Sanctions came from the U.S.",
      "The Kremlin said nothing.",
    ]);
  });

  it("keeps a.m. and p.m. inside a sentence and ends one after them before a sentence starter", () => {
    expect(texts("Talks start at 3 p.m. in Brussels. They end at 9 a.m. The next day is free.")).toEqual([
      "Talks start at 3 p.m. in Brussels.",
      "They end at 9 a.m.",
      "The next day is free.",
    ]);
  });

  it("keeps initials and titles with the name", () => {
    expect(texts("The Hobbit was written by J. R. R. Tolkien. Dr. Smith and Mr. J. Doe agreed.")).toEqual([
      "The Hobbit was written by J. R. R. Tolkien.",
      "Dr. Smith and Mr. J. Doe agreed.",
    ]);
    expect(texts("Sen. Warren met Gov. Newsom. Acme Inc. The firm grew.")).toEqual([
      "Sen. Warren met Gov. Newsom.",
      "Acme Inc.",
      "The firm grew.",
    ]);
  });

  it("ends a sentence after a closing quote and does not after a quoted question followed by lowercase", () => {
    expect(texts('He said, “We will win.” The crowd cheered. “Why?” she asked. "Now!" He left.')).toEqual([
      "He said, “We will win.”",
      "The crowd cheered.",
      "“Why?” she asked.",
      '"Now!"',
      "He left.",
    ]);
  });

  it("does not split decimal numbers, amounts, or numbered items", () => {
    expect(texts("Growth was 3.5 percent, or $1.2 billion. It was No. 1 in 2023. Prices rose 0.4%.")).toEqual([
      "Growth was 3.5 percent, or $1.2 billion.",
      "It was No. 1 in 2023.",
      "Prices rose 0.4%.",
    ]);
  });

  it("handles ellipses: a pause before lowercase, an end before a capital", () => {
    expect(texts("I was thinking... maybe not. Then it came… The end... Or not…")).toEqual([
      "I was thinking... maybe not.",
      "Then it came…",
      "The end...",
      "Or not…",
    ]);
  });

  it("ends sentences at line breaks even without punctuation (headlines)", () => {
    expect(texts("Putin open to talks\nRussia said it was open to talks.")).toEqual([
      "Putin open to talks",
      "Russia said it was open to talks.",
    ]);
  });

  it("returns nothing for empty or blank text and one span for a 100,000-character run", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\t ")).toEqual([]);
    const long = "word ".repeat(20_000).trim();
    const spans = splitSentences(long);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.end - spans[0]!.start).toBe(long.length);
  });
});
